package htmlpage

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/pressroom/publish/internal/corpustest"
)

// The floors the corpus must hold: the share of pages, among those with an
// expected value, on which each field matches.
const (
	floorTitle  = 0.95
	floorByline = 0.85
	floorLang   = 0.95
	floorDate   = 0.85
	floorWords  = 0.97 // per page: share of expected.html's words we keep
)

// TestCorpus parses every page of the shared corpus and compares the result
// with Readability's own (expected.json, expected.html). The rules:
//
//   - title: equal but for case and white space, or equal once a site name
//     after a separator (" | ", " - ", "_"...) is taken off either side,
//     since Parse strips one the site declares;
//   - byline: the same set of names, each side read as Parse reads a byline
//     ("By" and dates dropped); a page whose expected byline holds no name
//     (a date, "Last Updated: ...") is not counted;
//   - language: the same primary subtag ("en-US" matches "en");
//   - date: the same day as written (the first ten characters), or the
//     same instant written in another zone;
//
// and each counts only the pages that have an expected value. Every word of
// expected.html (runs of letters and digits, lowercased) must be somewhere
// in the article, at least floorWords of them on each page; a word of a
// script written without spaces is looked for with spaces ignored.
func TestCorpus(t *testing.T) {
	type score struct{ hit, total int }
	var title, byline, lang, date score
	var misses []string
	tally := func(s *score, name, field string, ok bool, got, want any) {
		s.total++
		if ok {
			s.hit++
		} else {
			misses = append(misses, name+" "+field+": got "+jsonString(got)+", want "+jsonString(want))
		}
	}
	for _, page := range corpustest.Pages(t) {
		name := page.Name
		want := page.Expected(t)
		a, err := Parse(page.Source(t), Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		m := a.Meta
		if want.Title != "" {
			tally(&title, name, "title", titlesMatch(m.Title, want.Title), m.Title, want.Title)
		}
		if names := expectedNames(want.Byline); len(names) > 0 {
			got := m.AuthorNames()
			tally(&byline, name, "byline", sameNames(got, names), got, names)
		}
		if want.Lang != "" {
			tally(&lang, name, "lang", primaryTag(m.Lang) == primaryTag(want.Lang), m.Lang, want.Lang)
		}
		if len(want.PublishedTime) >= 10 {
			got := ""
			if !m.Date.IsZero() {
				got = m.Date.Time.Format("2006-01-02")
			}
			same := got == want.PublishedTime[:10]
			if t, err := time.Parse(time.RFC3339, want.PublishedTime); err == nil && m.Date.HasTime && t.Equal(m.Date.Time) {
				same = true // the same instant, written in another zone
			}
			tally(&date, name, "date", same, m.Date.String(), want.PublishedTime)
		}
		all := page.ExpectedWords(t)
		kept, lost := corpustest.Kept(all, corpustest.ArticleText(a))
		if kept < floorWords {
			t.Errorf("%s: kept %.1f%% of %d words, lost %q", name, 100*kept, len(all), lost[:min(len(lost), 15)])
		} else if len(lost) > 0 {
			t.Logf("%s: kept %.1f%% of %d words, lost %q", name, 100*kept, len(all), lost[:min(len(lost), 8)])
		}
	}
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	for _, f := range []struct {
		name  string
		s     score
		floor float64
	}{{"title", title, floorTitle}, {"byline", byline, floorByline}, {"language", lang, floorLang}, {"date", date, floorDate}} {
		share := float64(f.s.hit) / float64(max(f.s.total, 1))
		t.Logf("%-8s %d/%d = %.1f%% (floor %.0f%%)", f.name, f.s.hit, f.s.total, 100*share, 100*f.floor)
		if share < f.floor {
			t.Errorf("%s matches on %.1f%% of pages, below the floor of %.0f%%", f.name, 100*share, 100*f.floor)
		}
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// titlesMatch compares titles as TestCorpus describes.
func titlesMatch(got, want string) bool {
	g, w := strings.ToLower(clean(got)), strings.ToLower(clean(want))
	if g == w {
		return true
	}
	long, short := g, w
	if len(short) > len(long) {
		long, short = short, long
	}
	if short == "" {
		return false
	}
	const seps = "|-–—_:·»/"
	if rest, ok := strings.CutPrefix(long, short); ok {
		return strings.ContainsRune(seps, []rune(strings.TrimSpace(rest))[0])
	}
	if rest, ok := strings.CutSuffix(long, short); ok {
		r := []rune(strings.TrimSpace(rest))
		return strings.ContainsRune(seps, r[len(r)-1])
	}
	return false
}

// expectedNames reads an expected byline as Parse reads one; a byline that
// holds no name but is short and has no digits is taken as one name (an
// organisation).
func expectedNames(byline string) []string {
	if names := bylineNames(byline); len(names) > 0 {
		return names
	}
	s := clean(byline)
	if s == "" || len(strings.Fields(s)) > 6 || strings.ContainsFunc(s, unicode.IsDigit) {
		return nil
	}
	return []string{s}
}

func sameNames(got, want []string) bool {
	set := func(names []string) map[string]bool {
		m := map[string]bool{}
		for _, n := range names {
			m[strings.ToLower(clean(n))] = true
		}
		return m
	}
	g, w := set(got), set(want)
	if len(g) != len(w) {
		return false
	}
	for n := range w {
		if !g[n] {
			return false
		}
	}
	return true
}

func primaryTag(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	return p
}
