package plaintext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/corpustest"
	"github.com/pressroom/publish/internal/read/cues"
	"github.com/pressroom/publish/internal/read/dates"
	"github.com/pressroom/publish/internal/tooltest"
)

// TestCorpusKeepsEveryWord reads every article.txt of the shared corpus and
// checks that each word of the input is somewhere in the article: body,
// metadata or credits. Only lines the reader is meant to drop are exempt:
// navigation debris, date lines (kept as the date's value), the labels
// of bylines and credits, and what follows a label of comments or teasers
// (cues.EndsArticle), which Readability sometimes keeps and the reader
// leaves out as the page's, not the article's.
func TestCorpusKeepsEveryWord(t *testing.T) {
	dir := tooltest.SharedDir(t, "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*", "article.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no article.txt in %s: %v", dir, err)
	}
	for _, file := range files {
		name := filepath.Base(filepath.Dir(file))
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := Parse(string(data))
			if len(a.Body) == 0 {
				t.Fatalf("no body")
			}
			have := map[string]bool{}
			for _, w := range corpustest.Words(corpustest.ArticleText(a)) {
				have[w] = true
			}
			var lost []string
			kept := func(line string) bool {
				for _, w := range corpustest.Words(line) {
					if !have[w] {
						return false
					}
				}
				return true
			}
			for _, line := range strings.Split(string(data), "\n") {
				if cues.EndsArticle(line) && !kept(line) {
					// The reader ended the article here, at a label over
					// its comments or teasers: what follows is not its
					// text. A line such a label could be, which the
					// reader kept (a table's "Comment" column), ends
					// nothing.
					break
				}
				if cues.IsDebris(line) {
					continue
				}
				if _, ok := dates.ParseLine(line); ok {
					continue
				}
				keep := line
				if b, ok := cues.ParseByline(line); ok {
					// The byline's names must survive; its labels, roles
					// and clock times need not.
					keep = strings.Join(b.Authors, " ")
				} else if caption, c, ok := cues.ParseCredit(line); ok {
					keep = caption + " " + c.Text
				}
				for _, w := range corpustest.Words(keep) {
					if !have[w] {
						lost = append(lost, w)
					}
				}
			}
			if len(lost) > 0 {
				t.Errorf("%d words lost, first %q", len(lost), lost[:min(len(lost), 10)])
			}
		})
	}
}
