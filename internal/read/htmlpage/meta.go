package htmlpage

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/cues"
	"github.com/pressroom/publish/internal/read/dates"
)

// pageMeta is what a page declares about its article, each field taken from
// the most trusted source that has it.
type pageMeta struct {
	title, dek, section, publisher, lang, rights, sourceURL string
	htmlTitle                                               string // the <title>, trusted least
	authors                                                 []string
	date                                                    article.Date
	keywords                                                []string
	image                                                   leadRef
}

// leadRef is the lead image as metadata names it.
type leadRef struct {
	src, alt, caption, credit string
}

// metaTags maps each <meta name> and <meta property>, lowercased, to its
// contents in document order.
type metaTags map[string][]string

func readMetaTags(doc *html.Node) metaTags {
	tags := metaTags{}
	for _, m := range elements(doc, "meta") {
		content := strings.TrimSpace(attr(m, "content"))
		if content == "" {
			continue
		}
		// Some pages put an Open Graph property in name, or a Dublin Core
		// name in property; both mean the same thing.
		for _, key := range []string{attr(m, "name"), attr(m, "property"), attr(m, "itemprop"), attr(m, "http-equiv")} {
			for _, k := range strings.Fields(strings.ToLower(key)) {
				tags[k] = append(tags[k], content)
			}
		}
	}
	return tags
}

// first returns the first content among keys, in the order given.
func (t metaTags) first(keys ...string) string {
	for _, k := range keys {
		for _, v := range t[k] {
			if v = clean(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// all returns every content of the first key that has any.
func (t metaTags) all(keys ...string) []string {
	for _, k := range keys {
		if len(t[k]) > 0 {
			return t[k]
		}
	}
	return nil
}

// readMeta gathers the page's metadata. Sources are tried in the order
// extractors trust them: schema.org JSON-LD (written for search engines,
// so kept accurate), citation_* and Dublin Core tags (scholarly
// publishers), Open Graph and article:* tags (written for social sharing,
// often shortened), and last what the HTML itself says.
func readMeta(doc *html.Node) pageMeta {
	ld := readJSONLD(doc)
	tags := readMetaTags(doc)
	var m pageMeta

	art := ld.find(isArticle)
	page := ld.find(isPage)
	for _, o := range []ldObject{art, page} {
		if o == nil {
			continue
		}
		set(&m.title, pickTitle(ld.str(o["headline"]), ld.str(o["name"]), tags.first("og:title")+" "+htmlTitle(doc)))
		set(&m.dek, ld.str(o["alternativeHeadline"]), ld.str(o["description"]))
		set(&m.section, ld.str(o["articleSection"]))
		set(&m.publisher, ld.str(o["publisher"]))
		set(&m.lang, ld.str(o["inLanguage"]))
		set(&m.rights, ld.str(o["copyrightNotice"]))
		set(&m.sourceURL, ld.str(o["url"]), ld.str(o["mainEntityOfPage"]))
		if m.date.IsZero() {
			m.date, _ = dates.Parse(ld.str(o["datePublished"]))
		}
		if m.date.IsZero() {
			m.date, _ = dates.Parse(ld.str(o["dateCreated"]))
		}
		if len(m.authors) == 0 {
			m.authors = authorNames(ld.strs(o["author"]), true)
		}
		if len(m.authors) == 0 {
			m.authors = authorNames(ld.strs(o["creator"]), true)
		}
		if len(m.keywords) == 0 {
			m.keywords = keywordList(ld.strs(o["keywords"]))
		}
		if m.image.src == "" {
			m.image.src, m.image.caption, m.image.credit = ld.image(o["image"])
		}
		if m.image.src == "" {
			m.image.src, m.image.caption, m.image.credit = ld.image(o["primaryImageOfPage"])
		}
	}
	var siteName string
	if site := ld.find(func(t string) bool { return t == "WebSite" }); site != nil {
		siteName = ld.str(site["name"])
	}

	// Scholarly and Dublin Core tags.
	set(&m.title, tags.first("citation_title", "dc.title", "dcterms.title"))
	set(&m.dek, tags.first("dc.description", "dcterms.description", "dcterms.abstract"))
	set(&m.publisher, tags.first("citation_publisher", "dc.publisher", "dcterms.publisher", "citation_journal_title"))
	set(&m.lang, tags.first("citation_language", "dc.language", "dcterms.language"))
	set(&m.rights, tags.first("dc.rights", "dcterms.rights"))
	if len(m.authors) == 0 {
		m.authors = authorNames(tags.all("citation_author", "dc.creator", "dcterms.creator"), true)
	}
	if m.date.IsZero() {
		m.date, _ = dates.Parse(tags.first("citation_publication_date", "citation_date", "citation_online_date",
			"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created"))
	}
	if len(m.keywords) == 0 {
		m.keywords = keywordList(tags.all("citation_keywords", "dc.subject", "dcterms.subject"))
	}

	// Open Graph and article:* tags.
	set(&m.title, tags.first("og:title", "twitter:title"))
	set(&m.dek, tags.first("og:description", "twitter:description", "description"))
	set(&m.publisher, tags.first("og:site_name", "application-name"))
	set(&m.section, tags.first("article:section", "og:article:section"))
	set(&m.sourceURL, tags.first("og:url"))
	if m.date.IsZero() {
		m.date, _ = dates.Parse(tags.first("article:published_time", "og:article:published_time", "og:published_time",
			"datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date"))
	}
	if len(m.authors) == 0 {
		m.authors = authorNames(tags.all("article:author", "og:article:author", "author", "byl", "sailthru.author", "parsely-author"), true)
	}
	if len(m.keywords) == 0 {
		m.keywords = keywordList(tags.all("article:tag", "og:article:tag", "news_keywords", "keywords"))
	}
	if m.image.src == "" {
		m.image.src = tags.first("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src")
		m.image.alt = tags.first("og:image:alt", "twitter:image:alt")
	}

	// The HTML itself.
	m.htmlTitle = htmlTitle(doc)
	if h := find(doc, func(n *html.Node) bool { return n.Data == "html" }); h != nil {
		set(&m.lang, attr(h, "lang"), attr(h, "xml:lang"))
	}
	set(&m.lang, tags.first("content-language", "og:locale"))
	// A WebSite object names the site, but less surely than og:site_name.
	set(&m.publisher, siteName)
	for _, l := range elements(doc, "link") {
		if strings.EqualFold(attr(l, "rel"), "canonical") {
			set(&m.sourceURL, attr(l, "href"))
		}
	}
	m.lang = langTag(m.lang)
	return m
}

// htmlTitle returns the text of the page's <title>.
func htmlTitle(doc *html.Node) string {
	if t := find(doc, func(n *html.Node) bool { return n.Data == "title" }); t != nil {
		return clean(textContent(t))
	}
	return ""
}

// pickTitle chooses between an object's headline and name. The headline
// is the title, unless only the name agrees with the titles the page shows
// (some sites put a description in headline).
func pickTitle(headline, name, shown string) string {
	shown = strings.ToLower(shown)
	if headline != "" && name != "" && !strings.Contains(shown, strings.ToLower(headline)) && strings.Contains(shown, strings.ToLower(name)) {
		return name
	}
	if headline != "" {
		return headline
	}
	return name
}

// set sets *dst to the first non-empty value when it is still empty.
func set(dst *string, values ...string) {
	if *dst != "" {
		return
	}
	for _, v := range values {
		if v = clean(v); v != "" {
			*dst = v
			return
		}
	}
}

// langTag returns a BCP 47 tag for a language value ("en_US", "en-us",
// "English" is refused), or "".
func langTag(s string) string {
	t, err := article.CanonicalLang(s)
	if err != nil || t == "und" {
		return ""
	}
	return t
}

// authorNames turns author values into names. A value may hold several
// names ("Jane Doe and John Roe") or a byline ("By Jane Doe"). A URL (a
// profile page, as article:author often is) is never a name. When trusted
// (structured data), a value that does not look like a person's name, such
// as an organisation, is kept as written; otherwise it is dropped.
func authorNames(values []string, trusted bool) []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		n = strings.Trim(clean(n), ",;|")
		k := strings.ToLower(n)
		if n == "" || seen[k] || isURL(n) {
			return
		}
		seen[k] = true
		names = append(names, n)
	}
	for _, v := range values {
		v = clean(v)
		if v == "" || isURL(v) {
			continue
		}
		if b, ok := cues.ParseByline(v); ok {
			for _, n := range b.Authors {
				add(n)
			}
			continue
		}
		if cues.LooksLikeName(v) || trusted && len(strings.Fields(v)) <= 8 {
			add(v)
		}
	}
	return names
}

// isURL reports whether s is a web address rather than a name.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "/")
}

// keywordList splits keyword values ("a, b, c" or one per value).
func keywordList(values []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		for _, k := range strings.Split(v, ",") {
			k = clean(k)
			if k != "" && !seen[strings.ToLower(k)] {
				seen[strings.ToLower(k)] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// absURL resolves ref against base and returns it if it is a web address.
func absURL(base *url.URL, ref string) string {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return u.String()
	}
	return ""
}
