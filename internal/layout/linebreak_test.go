package layout

import (
	"slices"
	"testing"
)

// The line breaker is tested on synthetic paragraphs of fixed-width boxes,
// where the right breaks can be worked out by hand. Spaces are 10 wide,
// stretch 5 and shrink 3.

// words builds a paragraph of boxes of the given widths separated by
// spaces, ended as TeX ends a paragraph (penalty 10000, \parfillskip,
// penalty -10000).
func words(widths ...float64) []node {
	var ns []node
	for i, w := range widths {
		if i > 0 {
			ns = append(ns, glue(10, 5, 3))
		}
		ns = append(ns, box(w))
	}
	return endPar(ns)
}

func endPar(ns []node) []node {
	return append(ns, penalty(0, infPenalty, false), fillGlue(), penalty(0, ejectPenalty, false))
}

// syllables builds a paragraph that starts with a lone syllable of width w
// and goes on with n words of two such syllables, a hyphenation point
// (hyphen 5 wide) between them. With a measure of 4w+25 every line can be
// "syllable, word, syllable-" exactly, and no line can end at a space
// within tolerance.
func syllables(n int, w float64) []node {
	ns := []node{box(w)}
	for range n {
		ns = append(ns, glue(10, 5, 3), box(w), discretionary(5, 50, -1), box(w))
	}
	return endPar(ns)
}

func TestLineBreaks(t *testing.T) {
	tests := []struct {
		name     string
		nodes    []node
		width    float64
		want     []int
		overfull bool
	}{
		{
			// Three boxes of 20 and two spaces fill 80 exactly; four
			// cannot shrink to it and two cannot stretch to it.
			name:  "exact fit",
			nodes: words(20, 20, 20, 20, 20, 20, 20, 20, 20),
			width: 80,
			want:  []int{5, 11, 19},
		},
		{
			name:  "one line",
			nodes: words(20, 20),
			width: 80,
			want:  []int{5},
		},
		{
			// Three boxes of 25 are 95 wide: the spaces shrink by 5 of
			// their 6 (r = -0.83), which beats two boxes stretched to
			// r = 6.
			name:  "shrink",
			nodes: words(25, 25, 25, 25, 25, 25),
			width: 90,
			want:  []int{5, 13},
		},
		{
			name:  "forced break",
			nodes: append([]node{box(20), fillGlue(), penalty(0, ejectPenalty, false)}, words(20)...),
			width: 80,
			want:  []int{2, 6},
		},
		{
			// A box wider than the measure: TeX's last resort is one
			// overfull line, not a failure.
			name:     "overfull box",
			nodes:    words(100, 20),
			width:    80,
			want:     []int{1, 5},
			overfull: true,
		},
		{
			// Lines of two words fit exactly, so the first pass, which
			// ignores hyphenation points, sets the paragraph and none is
			// used although breaking at them is also feasible.
			name:  "no hyphens when not needed",
			nodes: endPar(syllables(4, 30)[2:17]),
			width: 130,
			want:  []int{7, 17},
		},
	}
	var b breaker
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, overfull := b.lineBreaks(tt.nodes, tt.width, DefaultSettings(10))
			if !slices.Equal(got, tt.want) {
				t.Errorf("breaks %v, want %v", got, tt.want)
			}
			if overfull != tt.overfull {
				t.Errorf("overfull %v, want %v", overfull, tt.overfull)
			}
		})
	}
}

// TestHyphenCap checks that no more than MaxHyphenLines consecutive lines
// end at a hyphenation point even when every line could, and that without
// the cap every full line does.
func TestHyphenCap(t *testing.T) {
	nodes := syllables(10, 30)
	tests := []struct {
		cap     int
		wantRun int // the longest run allowed
	}{
		{cap: 0, wantRun: 5}, // all five full lines
		{cap: 2, wantRun: 2},
		{cap: 1, wantRun: 1},
	}
	var b breaker
	for _, tt := range tests {
		s := DefaultSettings(10)
		s.MaxHyphenLines = tt.cap
		breaks, overfull := b.lineBreaks(nodes, 4*30+25, s)
		if overfull {
			t.Errorf("cap %d: overfull", tt.cap)
		}
		longest, run := 0, 0
		for _, br := range breaks {
			if nodes[br].kind == discNode {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
		if longest > tt.wantRun || (tt.cap == 0 && longest != tt.wantRun) {
			t.Errorf("cap %d: longest run of hyphenated lines %d, want %d (breaks %v)", tt.cap, longest, tt.wantRun, breaks)
		}
	}
}

func TestBadnessAndFitness(t *testing.T) {
	tests := []struct {
		r       float64
		bad     float64
		fitness int8
	}{
		{0, 0, 2},
		{0.5, 13, 1},
		{1, 100, 0},
		{-0.5, 13, 3},
		{-0.4, 6, 2},
		{10, 10000, 0},
	}
	for _, tt := range tests {
		b := badness(tt.r)
		if b != tt.bad {
			t.Errorf("badness(%v) = %v, want %v", tt.r, b, tt.bad)
		}
		if f := fitness(tt.r, b); f != tt.fitness {
			t.Errorf("fitness(%v) = %v, want %v", tt.r, f, tt.fitness)
		}
	}
}
