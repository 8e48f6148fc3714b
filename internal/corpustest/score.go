package corpustest

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// Renderings returns the names of the scraped texts each page has in its
// scraped folder: what pandoc, w3m and lynx make of source.html, and the
// visible text of the whole page (page.txt) and of its main element
// (main.txt) as a BeautifulSoup scrape takes them.
func Renderings() []string {
	return []string{"pandoc.txt", "w3m.txt", "lynx.txt", "page.txt", "main.txt"}
}

// Scraped returns the page's rendering of that name, one of Renderings,
// and false when the page has none: the scrape failed on some pages (qq
// has no page.txt or main.txt).
func (p Page) Scraped(t testing.TB, rendering string) ([]byte, bool) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(p.Dir, "scraped", rendering))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return b, true
}

// ArticleText returns the page's article.txt: the text of the article
// alone, as Readability extracts it, with blank lines between blocks.
func (p Page) ArticleText(t testing.TB) string {
	t.Helper()
	return string(p.read(t, "article.txt"))
}

// A TitleGrade says how near a title a reader found is to the expected one.
type TitleGrade int

// The grades of a title, from worst to best.
const (
	TitleWrong TitleGrade = iota // neither exact nor close, or empty
	TitleClose                   // see GradeTitle
	TitleExact                   // equal once case and spacing are folded
)

// GradeTitle grades the title got against want.
//
// Exact: the two are equal once both are lower-cased, every run of
// white space (no-break spaces too) is one space, and the ends are
// trimmed.
//
// Close: not exact, but either got holds at least 80% of want's words
// (Words, counted as a multiset), or one title contains the other, as a
// run of whole words, once a site name is cut from either or both. A site
// name sits at one end of a title, after or before one of the separators
// " | ", " - ", " – ", " — ", "_" and ":", so a title with it cut is what
// stands before the last separator or after the first one, or any other
// run of pieces that reaches an end ("A Story - Part 2 - The Daily Site"
// gives "A Story - Part 2", "A Story" and "Part 2 - The Daily Site"). A
// site name put first is no longer than the title after it. So that a one-word menu line ("Code", "News") is not
// close to every title holding that word, the contained title must have
// at least half as many words as the one holding it.
func GradeTitle(got, want string) TitleGrade {
	g, w := foldSpace(got), foldSpace(want)
	if g == "" {
		return TitleWrong
	}
	if g == w {
		return TitleExact
	}
	if share(Words(want), Words(got)) >= 0.8 {
		return TitleClose
	}
	for _, a := range append(cutSiteName(g), g) {
		for _, b := range append(cutSiteName(w), w) {
			if containsWords(a, b) || containsWords(b, a) {
				return TitleClose
			}
		}
	}
	return TitleWrong
}

// foldSpace lower-cases s, makes each run of white space one space and
// trims it.
func foldSpace(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// cutSiteName returns the title with a site name cut from either end:
// each run of the pieces between separators that starts at the first piece,
// and each that ends at the last and is no shorter, in words, than what
// was cut before it.
func cutSiteName(title string) []string {
	// What sites put between a title and their name.
	separators := []string{" | ", " - ", " – ", " — ", "_", ":"}
	var cuts []int // where each separator starts, and where it ends
	for i := 0; i < len(title); i++ {
		for _, sep := range separators {
			if strings.HasPrefix(title[i:], sep) {
				cuts = append(cuts, i, i+len(sep))
				i += len(sep) - 1
				break
			}
		}
	}
	var titles []string
	for k := 0; k < len(cuts); k += 2 {
		before, after := title[:cuts[k]], title[cuts[k+1]:]
		titles = append(titles, strings.TrimSpace(before))
		// Sites put their name last far more often than first, and a
		// name put first is short: a longer run before a separator is the
		// title, not a site name to cut ("Title Words | Section").
		if len(Words(before)) <= len(Words(after)) {
			titles = append(titles, strings.TrimSpace(after))
		}
	}
	return titles
}

// containsWords reports whether the words of inner run, in order, among
// the words of outer, and inner has at least half as many words.
func containsWords(outer, inner string) bool {
	o, in := Words(outer), Words(inner)
	if len(in) == 0 || 2*len(in) < len(o) {
		return false
	}
	return strings.Contains(" "+strings.Join(o, " ")+" ", " "+strings.Join(in, " ")+" ")
}

// share returns the share of want's words that have also holds, counting
// each word as often as it occurs (a multiset).
func share(want, have []string) float64 {
	if len(want) == 0 {
		return 0
	}
	return float64(common(want, have)) / float64(len(want))
}

// common returns how many words a and b share, as multisets: the sum over
// each word of the lesser of its counts in a and in b.
func common(a, b []string) int {
	count := map[string]int{}
	for _, w := range b {
		count[w]++
	}
	n := 0
	for _, w := range a {
		if count[w] > 0 {
			count[w]--
			n++
		}
	}
	return n
}

// BylineNames splits a byline as expected.json gives it into the names of
// its authors: those of its first line that names anyone, since the lines
// under it name an editor ("Edited by …") or the desk ("News Staff"). A
// line that holds a year (four digits from 1900 to 2099: "April 28, 2019
// at 6:01 am", "Last Updated: January 7, 2025") is a date, not names, and
// is skipped. The names' line is cut at commas, semicolons, "&",
// parentheses, and the words "and", "und", "et", "y", "avec" (Readability
// gives "Ann Lee (avec Bo Chen et Cy Young)"); a leading "By", "Written
// by", "Edited by", "Von", "Par" or "Por" is dropped from each piece. A
// piece that holds a URL or no letter is not a name, and a degree or
// suffix after a comma belongs to the name before it ("Ann Lee, MA"). So
// "Jong, Ann de" gives "Jong" and "Ann de", each of which NamesFound looks
// for on its own.
func BylineNames(byline string) []string {
	var names []string
	for line := range strings.Lines(byline) {
		if len(names) > 0 {
			break // the authors' line is read; the rest is an editor's or a desk's
		}
		if hasYear(line) {
			continue
		}
		line = strings.NewReplacer(";", ",", "&", ",", "(", ",", ")", ",").Replace(line)
		for piece := range strings.SplitSeq(line, ",") {
			if isNameSuffix(piece) && len(names) > 0 {
				// "Ann Lee, MA" is one person.
				names[len(names)-1] += ", " + strings.TrimSpace(piece)
				continue
			}
			var cur []string
			flush := func() {
				if name := bylineName(cur); name != "" {
					names = append(names, name)
				}
				cur = nil
			}
			for _, w := range strings.Fields(piece) {
				switch strings.ToLower(w) {
				case "and", "und", "et", "y", "avec":
					flush()
				default:
					cur = append(cur, w)
				}
			}
			flush()
		}
	}
	return names
}

// isNameSuffix reports whether s is a degree or a suffix that follows a
// name after a comma: "MA", "PhD", "Jr.".
func isNameSuffix(s string) bool {
	switch strings.TrimSpace(s) {
	case "MA", "MS", "MSc", "MD", "PhD", "Ph.D.", "MBA", "MPH", "RN", "DO", "JD", "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV":
		return true
	}
	return false
}

// hasYear reports whether s holds a word of four digits from 1900 to 2099.
func hasYear(s string) bool {
	for _, w := range Words(s) {
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == "" {
			return true
		}
	}
	return false
}

// bylineName returns the name the words make once a leading label is
// dropped, or "" when they are not a name.
func bylineName(words []string) string {
	for len(words) > 0 {
		switch strings.ToLower(words[0]) {
		case "by", "written", "edited", "von", "par", "por":
			words = words[1:]
			continue
		}
		break
	}
	name := strings.Join(words, " ")
	if strings.Contains(name, "://") || !strings.ContainsFunc(name, unicode.IsLetter) {
		return ""
	}
	return name
}

// NamesFound reports whether every name is found among the authors: all
// of a name's words (Words, so case and punctuation do not count) are
// words of one author's name. It is false when names is empty.
func NamesFound(names, authors []string) bool {
	if len(names) == 0 {
		return false
	}
	for _, name := range names {
		found := false
		for _, a := range authors {
			if share(Words(name), Words(a)) == 1 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// SameDay reports whether the date got falls on the calendar day that
// publishedTime, as expected.json gives it ("2021-11-01T10:52:50+0100",
// "2019-04-28 06:01:07", "2024-06-25"), names: its first ten characters,
// the day where it was published, whatever its zone. A zero got is never
// the same day.
func SameDay(got time.Time, publishedTime string) bool {
	if got.IsZero() || len(publishedTime) < 10 {
		return false
	}
	want, err := time.Parse(time.DateOnly, publishedTime[:10])
	if err != nil {
		return false
	}
	y, m, d := got.Date()
	return y == want.Year() && m == want.Month() && d == want.Day()
}

// SameLanguage reports whether two BCP 47 tags have the same primary
// language subtag ("en-US" and "en" do).
func SameLanguage(got, want string) bool {
	g, _, _ := strings.Cut(strings.ToLower(got), "-")
	w, _, _ := strings.Cut(strings.ToLower(want), "-")
	return g != "" && g == w
}

// Tokens splits s into the words that Overlap counts: Words, with each
// character of a script written without spaces (Chinese, Japanese, Thai)
// a token of its own, since where such a word ends depends on where a
// line broke or markup ran.
func Tokens(s string) []string {
	var out []string
	for _, w := range Words(s) {
		if !unspaced(w) {
			out = append(out, w)
			continue
		}
		start := 0
		for i, r := range w {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) {
				if start < i {
					out = append(out, w[start:i])
				}
				out = append(out, string(r))
				start = i + len(string(r))
			}
		}
		if start < len(w) {
			out = append(out, w[start:])
		}
	}
	return out
}

// Overlap returns the recall and precision of the text got against the
// text want, over their Tokens counted as multisets: recall is the share
// of want's tokens that got holds, precision the share of got's tokens
// that want holds. An empty got has precision 0; an empty want, recall 1.
func Overlap(got, want string) (recall, precision float64) {
	g, w := Tokens(got), Tokens(want)
	n := common(w, g)
	recall, precision = 1, 0
	if len(w) > 0 {
		recall = float64(n) / float64(len(w))
	}
	if len(g) > 0 {
		precision = float64(n) / float64(len(g))
	}
	return recall, precision
}

// Recalls holds a reader's recall (Overlap) of each rendering of each
// page, keyed by "page/rendering": the baseline a per-page guard compares
// a changed reader with, so that a better total cannot hide one article
// that lost its text.
type Recalls map[string]float64

// ReadRecalls reads a file that WriteRecalls wrote: one line per
// rendering, its key and its recall separated by a tab.
func ReadRecalls(path string) (Recalls, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r := Recalls{}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		key, value, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: no tab in %q", path, i+1, line)
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		r[key] = v
	}
	return r, nil
}

// WriteRecalls writes r to path sorted by key, each recall to four
// decimals, so that a change to it reads as a diff of the pages it moved.
func WriteRecalls(path string, r Recalls) error {
	var b strings.Builder
	for _, key := range slices.Sorted(maps.Keys(r)) {
		fmt.Fprintf(&b, "%s\t%.4f\n", key, r[key])
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
