package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/tooltest"
)

// TestPublish runs the command as a reader would: on the seed, on a
// Markdown essay, and binding both into a book. Every EPUB they make is
// checked with epubcheck at the end, in one run, as each start of its JVM
// costs seconds; each EPUB's result is a subtest of its own.
func TestPublish(t *testing.T) {
	epubs := epubChecks{dir: t.TempDir()}
	t.Run("seed", func(t *testing.T) { testPublishSeed(t, &epubs) })
	t.Run("formats", func(t *testing.T) { testPublishFormats(t, &epubs) })
	t.Run("bind", func(t *testing.T) { testBind(t, &epubs) })
	epubs.check(t)
}

// epubChecks gathers the EPUBs that subtests make, to check them all with
// one run of epubcheck once they are made.
type epubChecks struct {
	dir   string   // where the files wait, as a subtest's TempDir goes with it
	names []string // of the subtests that made each file
	files []string
}

// add has a copy of file checked, and its result reported as the test t's.
func (c *epubChecks) add(t *testing.T, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(c.dir, strconv.Itoa(len(c.files))+"-"+filepath.Base(file))
	if err := os.WriteFile(keep, data, 0o644); err != nil {
		t.Fatal(err)
	}
	c.names = append(c.names, t.Name())
	c.files = append(c.files, keep)
}

// check checks the files, in a subtest "epubcheck" of t with a subtest for
// each file, named after the subtest of t that made it.
func (c *epubChecks) check(t *testing.T) {
	t.Run("epubcheck", func(t *testing.T) {
		if testing.Short() {
			t.Skip("-short skips the checks that run external tools (epubcheck)")
		}
		msgs := tooltest.EpubcheckAll(t, c.files)
		parent, _ := strings.CutSuffix(t.Name(), "epubcheck")
		for i, file := range c.files {
			t.Run(strings.TrimPrefix(c.names[i], parent), func(t *testing.T) {
				if m := msgs[file]; m != "" {
					t.Errorf("epubcheck %s:\n%s", file, m)
				}
			})
		}
	})
}

// checkPDF runs qpdf --check on a PDF, but under -short, which leaves out
// the checks that run external tools.
func checkPDF(t *testing.T, pdf string) {
	t.Helper()
	if testing.Short() {
		return
	}
	// qpdf exits 0 when clean, 3 on warnings, 2 on errors.
	if out, err := exec.Command(tooltest.Require(t, "qpdf"), "--check", pdf).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// testPublishSeed runs the acceptance command twice and checks both
// outputs: the same bytes each time, a PDF qpdf passes, an EPUB epubcheck
// passes with no message at all, and no file but the two.
func testPublishSeed(t *testing.T, epubs *epubChecks) {
	t.Setenv("SOURCE_DATE_EPOCH", "1526774400")
	seed := filepath.Join("..", "..", "testdata", "china-power.txt")
	args := func(dir string) []string {
		return []string{"-o", dir, "--date", "2018-05-18", "--source-url", "https://thediplomat.com/2018/05/north-korea-and-china-friends-again/",
			"--rights", "© 2018 The Diplomat", seed}
	}
	var first map[string][]byte
	for run := 0; run < 2; run++ {
		dir := t.TempDir()
		code, _, stderr := runCmd(t, "", args(dir)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		entries, _ := os.ReadDir(dir)
		got := map[string][]byte{}
		for _, e := range entries {
			got[e.Name()], _ = os.ReadFile(filepath.Join(dir, e.Name()))
		}
		if len(got) != 2 || got["china-power.pdf"] == nil || got["china-power.epub"] == nil {
			t.Fatalf("outputs %v, want china-power.pdf and china-power.epub", entries)
		}
		if run == 0 {
			first = got
			checkPDF(t, filepath.Join(dir, "china-power.pdf"))
			epubs.add(t, filepath.Join(dir, "china-power.epub"))
			continue
		}
		for name, data := range got {
			if !bytes.Equal(data, first[name]) {
				t.Errorf("%s differs between two runs", name)
			}
		}
	}
}

// TestPublishRefusesToOverwrite checks that an existing output is kept and
// reported unless --force is given.
func TestPublishRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join("..", "..", "testdata", "china-power.txt")
	pdf := filepath.Join(dir, "china-power.pdf")
	if err := os.WriteFile(pdf, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "-o", dir, "--format", "pdf", seed)
	if code != 1 || stderr != "publish: "+pdf+": exists; use --force to replace it\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(pdf); string(b) != "keep me" {
		t.Error("the existing output was changed")
	}
	if code, _, stderr := runCmd(t, "", "-o", dir, "--format", "pdf", "--force", seed); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(pdf); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("--force did not replace the output")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("dir holds %v, want only the PDF", entries)
	}
}

// testPublishFormats makes both outputs from a Markdown essay with front
// matter and checks them as the seed's are. (Saved web pages go through
// the same path in internal/publish's corpus test.)
func testPublishFormats(t *testing.T, epubs *epubChecks) {
	for _, in := range []string{
		filepath.Join("..", "..", "internal", "read", "markdown", "testdata", "essay.md"),
	} {
		t.Run(filepath.Base(in), func(t *testing.T) {
			if _, err := os.Stat(in); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			code, _, stderr := runCmd(t, "", "-o", dir, in)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
			checkPDF(t, filepath.Join(dir, base+".pdf"))
			epubs.add(t, filepath.Join(dir, base+".epub"))
		})
	}
}

// testBind binds the seed twice over with a Markdown essay, from the
// command line and from a manifest: both make one valid PDF and EPUB, the
// same bytes each run.
func testBind(t *testing.T, epubs *epubChecks) {
	t.Setenv("SOURCE_DATE_EPOCH", "1526774400")
	seed := filepath.Join("..", "..", "testdata", "china-power.txt")
	essay := filepath.Join(t.TempDir(), "essay.md")
	if err := os.WriteFile(essay, []byte("---\ntitle: On Margins\nauthor: Jan Tschichold\n---\n\nThe margins of a page are not waste. They frame the text block and give the thumb somewhere to rest.\n\n## Proportion\n\nA page whose margins follow the proportions of the page itself looks calm.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(t.TempDir(), "reader.yaml")
	abs, _ := filepath.Abs(seed)
	if err := os.WriteFile(manifest, []byte("title: A Small Reader\neditor: Ada Byron\nsections:\n  - title: News\n    inputs: ["+abs+"]\n  - title: Essays\n    inputs: ["+essay+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		out  string
	}{
		{"flags", []string{"--bind", "--title", "A Small Reader", "--editor", "Ada Byron", "--duplex", seed, essay}, "a-small-reader"},
		// The manifest's inputs lie in other folders than its own.
		{"manifest", []string{"--allow-outside", manifest}, "reader"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var first []byte
			for run := 0; run < 2; run++ {
				dir := t.TempDir()
				code, _, stderr := runCmd(t, "", append([]string{"-o", dir}, tc.args...)...)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				entries, _ := os.ReadDir(dir)
				if len(entries) != 2 {
					t.Fatalf("outputs %v, want %s.pdf and %s.epub", entries, tc.out, tc.out)
				}
				pdf, book := filepath.Join(dir, tc.out+".pdf"), filepath.Join(dir, tc.out+".epub")
				data, err := os.ReadFile(pdf)
				if err != nil {
					t.Fatal(err)
				}
				if run == 1 {
					if !bytes.Equal(data, first) {
						t.Error("the book's PDF differs between two runs")
					}
					continue
				}
				first = data
				checkPDF(t, pdf)
				epubs.add(t, book)
				if testing.Short() {
					continue // pdftotext is an external tool too
				}
				text, err := exec.Command(tooltest.Require(t, "pdftotext"), pdf, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				for _, want := range []string{"A Small Reader", "Edited by", "Contents", "North Korea and China", "On Margins", "Jan Tschichold", "Credits", "thumb somewhere to rest"} {
					if !bytes.Contains(text, []byte(want)) {
						t.Errorf("the book lacks %q", want)
					}
				}
			}
		})
	}
}

// TestBindFailures checks that a book is made whole or not at all, with
// each problem on one line.
func TestBindFailures(t *testing.T) {
	seed := filepath.Join("..", "..", "testdata", "china-power.txt")
	dir := t.TempDir()
	missing := filepath.Join(dir, "gone.txt")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("title: T\nchapters: [a.txt]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A fault in an input exits 1; one in how publish was called, 2.
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"an input fails", []string{"--bind", "--title", "T", seed, missing}, 1, []string{"gone.txt: ", "1 of 2 inputs failed; no book made"}},
		{"no title", []string{"--bind", seed}, 2, []string{"--bind: name the book with --title"}},
		{"bad manifest", []string{bad}, 1, []string{`bad.yaml: manifest: line 2: unknown key "chapters"`}},
		{"manifest with inputs", []string{bad, seed}, 2, []string{"bad.yaml: a manifest is bound alone"}},
		{"editor without bind", []string{"--editor", "Ada", seed}, 2, []string{"--editor, --cover and --duplex are for a bound book"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			code, _, stderr := runCmd(t, "", append([]string{"-o", out}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("left %v behind", entries)
			}
		})
	}
	if code, _, stderr := runCmd(t, "", "inspect", bad); code != 2 || !strings.Contains(stderr, "bad.yaml: a book's manifest; inspect reads one article") {
		t.Errorf("inspect of a manifest: exit %d, %q", code, stderr)
	}
}
