package article

import "golang.org/x/text/unicode/norm"

// Normalize puts every string of the article into Unicode Normalization Form
// C, so that one word is one byte sequence whichever way the source composed
// its accents: searching, hyphenation and font lookup all depend on it.
func Normalize(a *Article) {
	normalizeMeta(&a.Meta)
	for i := range a.Credits {
		c := &a.Credits[i]
		c.Text, c.Name, c.Agency = nfc(c.Text), nfc(c.Name), nfc(c.Agency)
	}
	normalizeBlocks(a.Body)
	for _, n := range a.Notes {
		normalizeBlocks(n.Blocks)
	}
}

func normalizeMeta(m *Metadata) {
	for _, p := range []*string{&m.Title, &m.Subtitle, &m.Section, &m.Lang, &m.Publisher, &m.SourceURL, &m.Rights} {
		*p = nfc(*p)
	}
	for i := range m.Authors {
		m.Authors[i].Name = nfc(m.Authors[i].Name)
		m.Authors[i].Bio = nfc(m.Authors[i].Bio)
	}
	for i := range m.Keywords {
		m.Keywords[i] = nfc(m.Keywords[i])
	}
	if m.LeadImage != nil {
		normalizeImage(m.LeadImage)
	}
}

func normalizeImage(img *Image) {
	img.Alt, img.Credit = nfc(img.Alt), nfc(img.Credit)
	normalizeText(img.Caption)
}

func normalizeText(t Text) {
	for i := range t {
		t[i].Text = nfc(t[i].Text)
	}
}

func normalizeBlocks(blocks []Block) {
	for t := range Texts(blocks) {
		normalizeText(*t)
	}
	for p := range Query[*Preformatted](blocks) {
		p.Text = nfc(p.Text)
	}
	for f := range Query[*Figure](blocks) {
		f.Image.Alt, f.Image.Credit = nfc(f.Image.Alt), nfc(f.Image.Credit)
	}
}

func nfc(s string) string { return norm.NFC.String(s) }
