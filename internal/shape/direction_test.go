package shape

import (
	"slices"
	"testing"
)

// TestScan checks the first strong character's direction and the
// presence of right-to-left text, with neutral characters before.
func TestScan(t *testing.T) {
	tests := []struct {
		s     string
		first Direction
		rtl   bool
	}{
		{"Hello", LeftToRight, false},
		{"123 (שלום) abc", RightToLeft, true},
		{"« 1948 » — United ومن", LeftToRight, true},
		{"1948, 2024.", None, false},
		{"\u202babc", LeftToRight, true},
		{"", None, false},
	}
	for _, tt := range tests {
		if first, rtl := Scan(tt.s); first != tt.first || rtl != tt.rtl {
			t.Errorf("Scan(%q) = %v, %v; want %v, %v", tt.s, first, rtl, tt.first, tt.rtl)
		}
	}
}

// TestReorder checks rule L2 on lines of levels: a right-to-left run is
// reversed, a left-to-right run inside it keeps its order.
func TestReorder(t *testing.T) {
	tests := []struct {
		items  string
		levels []uint8
		want   string
	}{
		{"abc", []uint8{0, 0, 0}, "abc"},
		{"abc", []uint8{1, 1, 1}, "cba"},
		{"abXYde", []uint8{1, 1, 2, 2, 1, 1}, "edXYba"},
		{"abXYde", []uint8{0, 0, 1, 1, 0, 0}, "abYXde"},
	}
	for _, tt := range tests {
		items := []rune(tt.items)
		levels := slices.Clone(tt.levels)
		Reorder(items, levels)
		if string(items) != tt.want {
			t.Errorf("Reorder(%q, %v) = %q, want %q", tt.items, tt.levels, string(items), tt.want)
		}
	}
}

func TestRightToLeftLanguage(t *testing.T) {
	for lang, want := range map[string]bool{"ar": true, "he-IL": true, "fa": true, "AR-eg": true, "ckb": true, "iw": true,
		"en": false, "zh-Hans": false, "und": false, "": false} {
		if RightToLeftLanguage(lang) != want {
			t.Errorf("RightToLeftLanguage(%q) = %v", lang, !want)
		}
	}
}
