package layout

// This file is the micro-typography of justified text, as pdfTeX and the
// microtype package give it:
//
//   - character protrusion: a line's first and last characters may hang
//     into the margins by part of their width, so that light punctuation
//     (a full stop, a comma, a hyphen, quotes) does not leave the margin
//     looking dented. The amounts below are this project's, chosen in the
//     spirit of microtype's default set: a full stop or comma most, other
//     punctuation less, a few round or open capitals a little.
//   - font expansion: a line's characters may be set up to 2% wider or
//     narrower, so that the line breaker has more than the spaces to fill
//     the measure with. The expansion is part of the line's stretch and
//     shrink while lines are chosen, as pdfTeX counts it; once a line is
//     chosen its characters take the share its adjustment ratio gives
//     them, rounded to steps, and the spaces take the rest.

// Expansion limits and step, as fractions of a character's width.
const (
	maxExpansion  = 0.02
	expansionStep = 0.002
)

// protrusion returns how far r may hang into the left and the right
// margin, as fractions of its width.
func protrusion(r rune) (left, right float64) {
	switch r {
	case '.', ',':
		return 0, 0.6
	case ':', ';':
		return 0, 0.45
	case '!', '?':
		return 0, 0.2
	case '-', '‐':
		return 0.3, 0.5
	case '–':
		return 0.2, 0.3
	case '—':
		return 0.1, 0.2
	case '‘', '“', '„', '‚':
		return 0.5, 0.3
	case '’', '”':
		return 0.3, 0.5
	case '\'', '"':
		return 0.4, 0.4
	case '«', '‹':
		return 0.3, 0.2
	case '»', '›':
		return 0.2, 0.3
	case '(', '[':
		return 0.1, 0
	case ')', ']':
		return 0, 0.1
	case '*':
		return 0.2, 0.2
	case '/':
		return 0.1, 0.2
	case 'A', 'T', 'V', 'W', 'Y', 'v', 'w', 'y':
		return 0.05, 0.05
	}
	return 0, 0
}
