package cues

import (
	"strings"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/lazyre"
)

var (
	// "Credit: X", "Image credit: X", "Photo credit X", "Photograph: X",
	// "Photo by X", "Photograph by X", "Illustration by X", "Picture: X".
	// One ^ before the alternatives, not one in each: Go takes only that
	// as anchored, and would otherwise try the pattern at every byte.
	creditLabel = lazyre.New(`(?i)^(?:(?:(image|photo(?:graph)?|picture|illustration|artwork|video|lead image|top image|cover image)\s+)?credits?\s*:\s*(.+)$|(image|photo(?:graph)?|picture|illustration|artwork|video)\s+credits?\s+(.+)$|(photo(?:graph)?(?:ed)?|picture|image|illustration|artwork|bild|foto)(?:\s+by|\s*:)\s+(.+)$)`)
	// A credit in parentheses at the end of a caption: "(AP Photo/Evan
	// Vucci)", "(Bild: Hersteller)", "(Photo: Reuters)".
	creditParen = lazyre.New(`(?i)\(((?:AP|AFP|Reuters|EPA|UPI|Xinhua|Kyodo|CP|PA)\s+Photo\s*/\s*[^)]+|(?:photo|image|bild|foto|credit|illustration)\s*:\s*[^)]+)\)\s*$`)
	// "Chip Somodevilla/Getty Images", "Getty Images", "© Jane Doe 2019".
	creditAgency = lazyre.New(`(?i)(?:^|\s|/)(?:getty images|shutterstock|istock(?:photo)?|alamy|unsplash|wikimedia commons|associated press|bloomberg|afp|reuters)$`)
	creditCopy   = lazyre.New(`^©\s*(.+)$`)
)

// knownAgencies are the picture agencies and photo sites whose names stand
// beside a photographer's in a credit ("Flickr / John Pavelka").
func isAgency(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, a := range []string{"flickr", "getty", "ap", "ap photo", "afp", "reuters", "epa", "upi", "shutterstock", "istock", "alamy", "unsplash", "wikimedia", "associated press", "bloomberg", "xinhua", "kyodo", "press association", "pa", "cnet", "nasa", "ddp"} {
		if l == a || strings.HasPrefix(l, a+" ") || strings.HasSuffix(l, " "+a) {
			return true
		}
	}
	return strings.Contains(l, "images") || strings.Contains(l, "photo") || strings.Contains(l, "press") || strings.Contains(l, "news") || strings.Contains(l, "commons") || strings.Contains(l, "agency") || strings.Contains(l, "wire")
}

// ParseCredit reads a line that is a credit, or a caption that ends in one.
// It returns the caption part (empty when the line is only a credit), the
// credit, and whether the line held a credit at all.
func ParseCredit(line string) (caption string, c article.Credit, ok bool) {
	s := strings.TrimSpace(line)
	if s == "" || len(s) > 400 {
		return "", article.Credit{}, false
	}
	if m := creditLabel().FindStringSubmatch(s); m != nil && len(s) < 160 {
		label, text := m[1], m[2]
		for i := 3; text == ""; i += 2 {
			label, text = m[i], m[i+1]
		}
		return "", newCredit(label, text), true
	}
	if m := creditCopy().FindStringSubmatch(s); m != nil && len(strings.Fields(s)) <= 8 {
		return "", newCredit("", m[1]), true
	}
	if strings.Contains(s, ")") { // creditParen ends in one
		if loc := creditParen().FindStringSubmatchIndex(s); loc != nil {
			inner := s[loc[2]:loc[3]]
			label := ""
			if l, r, ok := strings.Cut(inner, ":"); ok && !strings.Contains(strings.ToLower(inner), "photo/") {
				label, inner = l, r
			}
			return strings.TrimSpace(s[:loc[0]]), newCredit(label, inner), true
		}
	}
	if i := strings.Index(s, ".Credit"); i > 0 {
		// Some pages glue the credit to the caption when scraped:
		// "...in 2023.CreditCreditJeon Heon-Kyun/EPA".
		rest := strings.TrimLeft(strings.TrimPrefix(s[i+1:], "Credit"), " :")
		rest = strings.TrimLeft(strings.TrimPrefix(rest, "Credit"), " :")
		if rest != "" {
			return s[:i+1], newCredit("", rest), true
		}
	}
	if len(strings.Fields(s)) <= 8 && creditAgency().MatchString(s) {
		// A bare "NAME/AGENCY" line, as under most news photos.
		return "", newCredit("", s), true
	}
	return "", article.Credit{}, false
}

// newCredit builds a credit from its label ("Illustration", "Photo") and text,
// splitting the text into a person and an agency where it names both.
func newCredit(label, text string) article.Credit {
	text = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), "."))
	c := article.Credit{Role: article.RolePhoto, Text: text}
	if l := strings.ToLower(label); strings.HasPrefix(l, "illustration") || strings.HasPrefix(l, "artwork") {
		c.Role = article.RoleIllustration
	}
	parts := strings.FieldsFunc(text, func(r rune) bool { return r == '/' || r == '|' })
	if strings.Contains(text, ", via ") {
		parts = strings.SplitN(text, ", via ", 2)
	}
	switch len(parts) {
	case 1:
		if LooksLikeName(text) && !isAgency(text) {
			c.Name = text
		} else {
			c.Agency = text
		}
	case 2:
		a, b := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		switch {
		case isAgency(a) && !isAgency(b):
			c.Agency, c.Name = a, b
		case isAgency(b) && !isAgency(a):
			c.Name, c.Agency = a, b
		case LooksLikeName(b):
			c.Agency, c.Name = a, b
		case LooksLikeName(a):
			c.Name, c.Agency = a, b
		}
	}
	return c
}
