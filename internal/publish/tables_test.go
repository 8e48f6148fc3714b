package publish

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/pressroom/publish/internal/corpustest"
	"github.com/pressroom/publish/internal/tooltest"
)

// Floors of the proof that tables and code survive (issue 14): the share
// of a page's data-table cells its EPUB's tables hold.
const floorTableCells = 0.90

// checkTablesAndCode checks a corpus page's outputs, out.pdf and
// out.epub, against its expected.html: the EPUB's tables hold
// floorTableCells of the cells of the page's data tables; in the PDF, as
// pdftotext -layout reads it, each of a data table's first rows is one
// line with its cells in order; and every token of the page's
// preformatted text survives whole in pdftotext -raw.
func checkTablesAndCode(t *testing.T, page corpustest.Page, out string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(page.Dir, "expected.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tables, pres := dataTables(doc), preTexts(doc)
	if len(tables) == 0 && len(pres) == 0 {
		return
	}
	pdftotext := tooltest.Require(t, "pdftotext")
	if len(tables) > 0 {
		have := map[string]int{}
		for _, c := range epubCells(t, out+".epub") {
			have[straight(c)]++
		}
		total, found := 0, 0
		for _, tb := range tables {
			for _, row := range tb {
				for _, c := range row {
					if c == "" {
						continue
					}
					total++
					if c = straight(c); have[c] > 0 {
						have[c]--
						found++
					}
				}
			}
		}
		if share := float64(found) / float64(total); share < floorTableCells {
			t.Errorf("the EPUB's tables hold %d of the page's %d table cells (%.0f%%, floor %.0f%%)", found, total, 100*share, 100*floorTableCells)
		}
		layout := pdfText(t, pdftotext, out+".pdf", "-layout")
		lines := strings.Split(layout, "\n")
		for _, tb := range tables {
			for _, row := range tb[:min(len(tb), sampledRows)] {
				if columns(tb) > wideTable {
					// Too wide for the measure even at 7 pt, its columns
					// part into groups, each led by the first column.
					if !rowInGroups(lines, row) {
						t.Errorf("the PDF does not set the row %q in groups of its columns, each on one line led by its first cell, cells in order", row)
					}
					continue
				}
				if !rowOnOneLine(lines, row) {
					t.Errorf("the PDF does not set the row %q on one line, cells in order", row)
				}
			}
		}
	}
	if len(pres) > 0 {
		raw := pdfText(t, pdftotext, out+".pdf", "-raw")
		have := map[string]bool{}
		for _, w := range strings.Fields(raw) {
			have[w] = true
		}
		var lost []string
		for _, p := range pres {
			for _, w := range strings.Fields(p) {
				if !have[w] {
					lost = append(lost, w)
				}
			}
		}
		if len(lost) > 0 {
			t.Errorf("%d tokens of the page's code broken or lost in the PDF: %q", len(lost), lost[:min(len(lost), 5)])
		}
	}
}

// sampledRows is how many of a table's first rows the PDF check reads;
// a table of more than wideTable columns may be set in column groups.
const (
	sampledRows = 4
	wideTable   = 6
)

// columns returns the most cells a row of a table has.
func columns(rows [][]string) int {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	return n
}

// dataTables returns the text of each cell of the data tables of a page,
// an empty first cell where a row's first column is spanned from above:
// tables of two rows and two columns at least that hold no other table
// and do not say they lay the page out (role="presentation").
func dataTables(doc *html.Node) [][][]string {
	var out [][][]string
	for _, t := range elementsNamed(doc, "table") {
		var rows [][]string
		data := len(elementsNamed(t, "table")) == 0
		for _, a := range t.Attr {
			if a.Key == "role" && a.Val == "presentation" {
				data = false
			}
		}
		cols := 0
		covered := 0 // rows more that a cell of the first column spans
		for _, tr := range elementsNamed(t, "tr") {
			var row []string
			if covered > 0 {
				// The first column's cell is a span's, from a row above.
				row = append(row, "")
				covered--
			}
			for c := range tr.ChildNodes() {
				if c.Type != html.ElementNode || c.Data != "td" && c.Data != "th" {
					continue
				}
				if len(row) == 0 {
					for _, a := range c.Attr {
						if n, err := strconv.Atoi(a.Val); a.Key == "rowspan" && err == nil && n > 1 {
							covered = n - 1
						}
					}
				}
				row = append(row, strings.Join(strings.Fields(textOf(c)), " "))
			}
			cols = max(cols, len(row))
			rows = append(rows, row)
		}
		// As Readability tells data from layout: signs of data, or more
		// than a few cells.
		signs := len(elementsNamed(t, "th"))+len(elementsNamed(t, "thead"))+len(elementsNamed(t, "caption")) > 0
		if data && len(rows) >= 2 && cols >= 2 && (signs || len(rows) >= 10 || cols > 4 || len(rows)*cols > 10) {
			out = append(out, rows)
		}
	}
	return out
}

// preTexts returns the text of each pre of a page.
func preTexts(doc *html.Node) []string {
	var out []string
	for _, p := range elementsNamed(doc, "pre") {
		out = append(out, textOf(p))
	}
	return out
}

// epubCells returns the text of every cell of the tables of an EPUB's
// documents.
func epubCells(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var cells []string
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		doc, err := html.Parse(strings.NewReader(zipEntry(t, &zr.Reader, f.Name)))
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range []string{"td", "th"} {
			for _, c := range elementsNamed(doc, tag) {
				cells = append(cells, strings.Join(strings.Fields(textOf(c)), " "))
			}
		}
	}
	return cells
}

// rowOnOneLine reports whether one of lines holds the row's cells in
// order: each cell's first word after the last one's.
func rowOnOneLine(lines []string, row []string) bool {
	for _, l := range lines {
		at, ok := 0, true
		for _, c := range row {
			f := strings.Fields(c)
			if len(f) == 0 {
				continue
			}
			i := strings.Index(l[at:], f[0])
			if i < 0 {
				ok = false
				break
			}
			at += i + len(f[0])
		}
		if ok {
			return true
		}
	}
	return false
}

// rowInGroups reports whether lines hold the row's cells in order over
// lines that each open with its first cell, as a table parted into groups
// of columns sets it: every cell's first word is found after the first
// cell's on one of those lines, in order within each.
func rowInGroups(lines []string, row []string) bool {
	if len(row) == 0 {
		return true
	}
	lead := strings.Fields(row[0])
	rest := row[1:]
	for _, l := range lines {
		if len(rest) == 0 {
			break
		}
		f := strings.Fields(l)
		if len(lead) > 0 && (len(f) == 0 || f[0] != lead[0]) {
			continue
		}
		at := 0
		if len(lead) > 0 {
			at = strings.Index(l, lead[0]) + len(lead[0])
		}
		for len(rest) > 0 {
			w := strings.Fields(rest[0])
			if len(w) == 0 {
				rest = rest[1:]
				continue
			}
			i := strings.Index(l[at:], w[0])
			if i < 0 {
				break
			}
			at += i + len(w[0])
			rest = rest[1:]
		}
	}
	return len(rest) == 0
}

// elementsNamed returns the elements named tag under n, in document order.
func elementsNamed(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.Data == tag {
			out = append(out, d)
		}
	}
	return out
}

// textOf returns the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// straight returns s with typographic punctuation as a keyboard types it
// (quotes straight, dashes as hyphens, an ellipsis as three full stops,
// narrow spaces as spaces), for the outputs, whose punctuation is made
// typographic, to compare with the page's.
func straight(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‘", "'", "’", "'", "‚", "'",
		"–", "-", "—", "-", "…", "...", "\u202f", " ").Replace(s)
}
