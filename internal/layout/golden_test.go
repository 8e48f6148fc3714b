package layout

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// listing writes a document for review by eye: its statistics, then each
// page's lines of text from top to bottom, running head and folio
// included. Lines are told apart by baseline, and their words joined by
// spaces (a word set in two fonts shows as two). A line that ends at a
// hyphenation point is marked "hy"; one that ends at a hyphen of the word's
// own is drawn with U+2010 and is not.
func listing(doc *Document, paper Paper) []byte {
	return listingOf(doc, paper, "The seed article")
}

// listingOf is listing for a document that the header names as what.
func listingOf(doc *Document, paper Paper, what string) []byte {
	var b bytes.Buffer
	st := doc.Stats
	fmt.Fprintf(&b, "# %s on %s paper (%.1f × %.1f pt).\n", what, paper.Name, paper.Width, paper.Height)
	fmt.Fprintf(&b, "# pages %d, lines %d, hyphenated %d (at most %d in a row), overfull %d, widows %d, orphans %d\n",
		st.Pages, st.Lines, st.HyphenatedLines, st.MaxConsecutiveHyphens, st.OverfullLines, st.Widows, st.Orphans)
	fmt.Fprintf(&b, "# adjustment ratio: mean %.3f, max %.3f\n", st.MeanAdjustmentRatio, st.MaxAdjustmentRatio)
	b.WriteString("# \"hy\" marks a line that ends at a hyphenation point; a hyphen of the\n")
	b.WriteString("# word's own that ends a line is drawn as U+2010 (‐).\n")
	for i := range doc.Pages {
		p := &doc.Pages[i]
		fmt.Fprintf(&b, "\npage %d", p.Number)
		if p.Folio != "" {
			fmt.Fprintf(&b, ", folio %s", p.Folio)
		}
		b.WriteByte('\n')
		for _, l := range pageLines(p) {
			text := l.text()
			mark := "  "
			if strings.HasSuffix(text, "-") {
				mark = "hy"
			}
			fmt.Fprintf(&b, "%s  %s\n", mark, text)
		}
	}
	return b.Bytes()
}

// golden compares got with testdata/name, or rewrites the file with
// -update. On a difference it shows the first line that differs.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("%s differs from the golden file at line %d:\ngot:  %q\nwant: %q\n(run go test -update and review the diff)", path, i+1, gl, wl)
			return
		}
	}
}
