package pdf

import (
	"encoding/xml"
	"fmt"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/pressroom/publish/internal/article"
)

// meta holds the facts the document information dictionary and the XMP
// packet record, each in the one form both use.
type meta struct {
	title     string
	authors   []string
	subject   string // the dek
	section   string
	keywords  []string
	date      string // the article's date: YYYY-MM-DD or RFC 3339
	lang      string // canonical BCP 47, or "" when unknown or malformed
	rights    string
	source    string
	publisher string
	creator   string
	producer  string
	created   time.Time // zero when the caller gave no time
}

// fpdfModule is the library that writes most of the file.
const fpdfModule = "codeberg.org/go-pdf/fpdf"

func describe(pub *article.Publication, opts Options) *meta {
	m := &pub.Meta
	arts := pub.Articles()
	out := &meta{
		title:     strings.TrimSpace(m.Title),
		authors:   m.AuthorNames(),
		subject:   strings.TrimSpace(m.Subtitle),
		section:   strings.TrimSpace(m.Section),
		date:      m.Date.String(),
		rights:    m.Rights,
		source:    m.SourceURL,
		publisher: m.Publisher,
		creator:   opts.Creator,
		producer:  producer(),
		created:   opts.Created,
	}
	if out.title == "" && len(arts) > 0 {
		out.title = arts[0].Title()
	}
	if len(out.authors) == 0 {
		// A book without authors of its own is its editors'.
		for _, p := range pub.Editors {
			if n := strings.TrimSpace(p.Name); n != "" {
				out.authors = append(out.authors, n)
			}
		}
	}
	if len(out.authors) == 0 {
		// A collection without authors or editors is by its articles'.
		seen := make(map[string]bool)
		for _, a := range arts {
			for _, n := range a.Meta.AuthorNames() {
				if !seen[n] {
					seen[n] = true
					out.authors = append(out.authors, n)
				}
			}
		}
	}
	for _, k := range m.Keywords {
		if k = strings.TrimSpace(k); k != "" {
			out.keywords = append(out.keywords, k)
		}
	}
	if tag, err := article.CanonicalLang(m.Lang); err == nil {
		out.lang = tag
	}
	return out
}

// producer names fpdf with the version this binary was built with.
func producer() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range bi.Deps {
			if dep.Path == fpdfModule {
				if dep.Replace != nil {
					dep = dep.Replace
				}
				return fpdfModule + " " + dep.Version
			}
		}
	}
	return fpdfModule
}

// keywordList is the /Keywords entry: the section, then the keywords.
func (m *meta) keywordList() []string {
	if m.section == "" {
		return m.keywords
	}
	return append([]string{m.section}, m.keywords...)
}

// infoDict returns the document information dictionary (ISO 32000-1, 14.3.3).
func infoDict(m *meta) string {
	var b strings.Builder
	b.WriteString("<<")
	entry := func(key, val string) {
		if val != "" {
			fmt.Fprintf(&b, "\n/%s %s", key, textString(val))
		}
	}
	entry("Title", m.title)
	entry("Author", strings.Join(m.authors, ", "))
	entry("Subject", m.subject)
	entry("Keywords", strings.Join(m.keywordList(), ", "))
	entry("Creator", m.creator)
	entry("Producer", m.producer)
	if !m.created.IsZero() {
		d := "D:" + m.created.UTC().Format("20060102150405") + "Z"
		entry("CreationDate", d)
		entry("ModDate", d)
	}
	b.WriteString("\n>>")
	return b.String()
}

// textString encodes s as a PDF text string: a literal string when it is
// printable ASCII, else UTF-16BE with a byte order mark, in hex.
func textString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	return fmt.Sprintf("<FEFF%X>", utf16BE(s))
}

// utf16BE returns s in UTF-16, big-endian, without a byte order mark.
func utf16BE(s string) string {
	units := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2*len(units))
	for _, u := range units {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// xmp returns the XMP packet (ISO 16684-1) with the facts of the document
// information dictionary in Dublin Core, XMP and Adobe PDF terms.
func xmp(m *meta) []byte {
	var b strings.Builder
	esc := func(s string) string {
		var e strings.Builder
		// EscapeText replaces characters XML forbids, so the
		// packet stays well-formed whatever the article holds.
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	simple := func(prop, val string) {
		if val != "" {
			fmt.Fprintf(&b, "   <%s>%s</%s>\n", prop, esc(val), prop)
		}
	}
	// kind is Alt (one value per language), Seq (ordered) or Bag.
	array := func(prop, kind string, vals ...string) {
		if len(vals) == 0 || len(vals) == 1 && vals[0] == "" {
			return
		}
		fmt.Fprintf(&b, "   <%s><rdf:%s>", prop, kind)
		for _, v := range vals {
			if kind == "Alt" {
				fmt.Fprintf(&b, `<rdf:li xml:lang="x-default">%s</rdf:li>`, esc(v))
			} else {
				fmt.Fprintf(&b, "<rdf:li>%s</rdf:li>", esc(v))
			}
		}
		fmt.Fprintf(&b, "</rdf:%s></%s>\n", kind, prop)
	}

	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
`)
	simple("dc:format", "application/pdf")
	array("dc:title", "Alt", m.title)
	array("dc:creator", "Seq", m.authors...)
	array("dc:description", "Alt", m.subject)
	array("dc:subject", "Bag", m.keywordList()...)
	array("dc:date", "Seq", m.date)
	array("dc:rights", "Alt", m.rights)
	simple("dc:source", m.source)
	array("dc:publisher", "Bag", m.publisher)
	array("dc:language", "Bag", m.lang)
	if !m.created.IsZero() {
		t := m.created.UTC().Format(time.RFC3339)
		simple("xmp:CreateDate", t)
		simple("xmp:ModifyDate", t)
		simple("xmp:MetadataDate", t)
	}
	simple("xmp:CreatorTool", m.creator)
	simple("pdf:Producer", m.producer)
	simple("pdf:Keywords", strings.Join(m.keywordList(), ", "))
	b.WriteString("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}
