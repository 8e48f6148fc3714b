package hyphen

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseLiang(t *testing.T) {
	// Small pattern sets exercise the algorithm itself: the highest digit
	// wins, even digits forbid, "." anchors at the word's ends, and a
	// later duplicate merges by the higher digit.
	tests := []struct {
		patterns, exceptions string
		words                []string // "=" marks the expected points
	}{
		{"a1b", "", []string{"a=b", "xa=bx", "a=ba=b", "ba"}},
		{"a1b a2bc", "", []string{"a=bd", "abc", "a=ba=bd"}},
		{"a1b 2bc 3c", "", []string{"ab=c", "ab=cx", "a=bd"}},
		{".a1 1z.", "", []string{"a=aaa", "a=a=z", "a=z", "baab", "za=z"}},
		{"a1b\na4b\na3b", "", []string{"abab"}},
		{"% a comment line\nx1y % and one after a pattern\n", "", []string{"x=y", "X=Y"}},
		{"1na", "ba-nana", []string{"ba=nana", "a=na=na"}},
		{"b1c", "abcd", []string{"abcd", "b=c"}},
		{"1ä 1ř", "", []string{"x=ä=ř", "X=Ä=Ř"}},
		{"a1'b", "", []string{"a'b"}}, // no break beside an apostrophe
		{"a1b", "", []string{"a=b-a=b", "2ab", "a_b"}},
	}
	for _, tt := range tests {
		var hyp io.Reader
		if tt.exceptions != "" {
			hyp = strings.NewReader(tt.exceptions)
		}
		d, err := Parse("test", strings.NewReader(tt.patterns), hyp)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.patterns, err)
			continue
		}
		d = d.WithMinimums(1, 1)
		for _, want := range tt.words {
			word := strings.ReplaceAll(want, "=", "")
			if got := show(word, d.Hyphenate(word), "="); got != want {
				t.Errorf("patterns %q, exceptions %q: Hyphenate(%q) = %s, want %s", tt.patterns, tt.exceptions, word, got, want)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, patterns, exceptions, errText string
	}{
		{"two digits", "ab\na12b", "", "line 2"},
		{"dot inside", "a.b", "", "'.' inside"},
		{"only a dot", ".", "", "no letters"},
		{"only digits", "12", "", "two digits"},
		{"one digit", "1", "", "no letters"},
		{"symbol", "a#b", "", "not a letter"},
		{"empty", "", "", "no patterns"},
		{"only comments", "% nothing\n%here", "", "no patterns"},
		{"exception leading hyphen", "a1b", "-ab", "hyphen"},
		{"exception trailing hyphen", "a1b", "ab-", "hyphen"},
		{"exception double hyphen", "a1b", "ok\na--b", "line 2"},
		{"exception digit", "a1b", "a1b", "not a letter"},
		{"exception too long", "a1b", strings.Repeat("a", 64), "longer"},
	}
	for _, tt := range tests {
		_, err := Parse("test", strings.NewReader(tt.patterns), strings.NewReader(tt.exceptions))
		if err == nil {
			t.Errorf("%s: Parse succeeded", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.errText) || !strings.Contains(err.Error(), "test") {
			t.Errorf("%s: error %q does not name the language and %q", tt.name, err, tt.errText)
		}
	}

	boom := errors.New("boom")
	if _, err := Parse("test", iotest.ErrReader(boom), nil); !errors.Is(err, boom) {
		t.Errorf("Parse with a failing pattern reader: %v, want it wrapped", err)
	}
	if _, err := Parse("test", strings.NewReader("a1b"), iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("Parse with a failing exception reader: %v, want it wrapped", err)
	}
}
