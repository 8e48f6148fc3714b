package markdown

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenView is what the golden file records of an article: every field of
// the metadata, the credits, and the body as an outline (see outline).
type goldenView struct {
	Title, Subtitle, Section string
	Authors                  []article.Person
	Date                     string
	Lang, Publisher          string
	SourceURL, Rights        string
	Keywords                 []string
	LeadImage                string   `json:",omitempty"` // as figure writes it
	Credits                  []string // "role: text (name / agency)"
	Body                     []string
	Notes                    [][]string `json:",omitempty"`
}

func viewOf(a *article.Article) goldenView {
	m := a.Meta
	v := goldenView{
		Title: m.Title, Subtitle: m.Subtitle, Section: m.Section, Authors: m.Authors,
		Date: m.Date.String(), Lang: m.Lang, Publisher: m.Publisher, SourceURL: m.SourceURL,
		Rights: m.Rights, Keywords: m.Keywords, Body: outline(a.Body),
	}
	if m.LeadImage != nil {
		v.LeadImage = figure(m.LeadImage)
	}
	for _, c := range a.Credits {
		v.Credits = append(v.Credits, string(c.Role)+": "+c.Text+" ("+c.Name+" / "+c.Agency+")")
	}
	for _, n := range a.Notes {
		v.Notes = append(v.Notes, outline(n.Blocks))
	}
	return v
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"essay"} {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			var warns []string
			a, err := Parse(in, Options{Warn: func(s string) { warns = append(warns, s) }})
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %q", warns)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // the outline's tags read better as written
			enc.SetIndent("", "  ")
			if err := enc.Encode(viewOf(a)); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the parse; got:\n%s", golden, got)
			}
		})
	}
}
