package htmlpage

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// A ldObject is one schema.org object of a page's JSON-LD.
type ldObject map[string]any

// jsonLD holds the schema.org objects a page declares, flattened out of
// arrays, @graph lists and nesting, with an index by @id so references
// ({"@id": "#author"}) resolve.
type jsonLD struct {
	objects []ldObject
	byID    map[string]ldObject
}

// readJSONLD collects the objects of every <script type=application/ld+json>.
// Scripts that are not valid JSON are skipped: they say nothing reliable.
func readJSONLD(doc *html.Node) *jsonLD {
	ld := &jsonLD{byID: map[string]ldObject{}}
	for _, s := range elements(doc, "script") {
		if !strings.Contains(strings.ToLower(attr(s, "type")), "ld+json") {
			continue
		}
		var b strings.Builder
		for c := s.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(c.Data)
		}
		text := strings.TrimSpace(b.String())
		// Some pages wrap the JSON as if it were XHTML.
		text = strings.TrimSuffix(strings.TrimPrefix(text, "//<![CDATA["), "//]]>")
		text = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(text), "<![CDATA["), "]]>")
		var v any
		if err := json.Unmarshal([]byte(text), &v); err != nil {
			continue
		}
		ld.collect(v, 0)
	}
	return ld
}

// collect adds v's objects, descending into the properties that hold
// further top-level things.
func (ld *jsonLD) collect(v any, depth int) {
	if depth > 8 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			ld.collect(e, depth+1)
		}
	case map[string]any:
		o := ldObject(v)
		ld.objects = append(ld.objects, o)
		if id, ok := v["@id"].(string); ok && len(v) > 1 {
			if _, seen := ld.byID[id]; !seen {
				ld.byID[id] = o
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "hasPart", "itemListElement"} {
			if sub, ok := v[k]; ok {
				ld.collect(sub, depth+1)
			}
		}
	}
}

// resolve returns the full object a reference names, or v itself.
func (ld *jsonLD) resolve(v any) any {
	if o, ok := v.(map[string]any); ok {
		if id, ok := o["@id"].(string); ok && len(o) == 1 {
			if full, ok := ld.byID[id]; ok {
				return map[string]any(full)
			}
		}
	}
	return v
}

// types returns an object's @type values, without any schema.org prefix.
func (o ldObject) types() []string {
	var ts []string
	switch t := o["@type"].(type) {
	case string:
		ts = append(ts, t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				ts = append(ts, s)
			}
		}
	}
	for i, t := range ts {
		ts[i] = t[strings.LastIndexAny(t, "/:#")+1:]
	}
	return ts
}

// isArticle reports whether a schema.org type is a kind of article or post:
// Article, NewsArticle, ReportageNewsArticle, BlogPosting, Report...
func isArticle(t string) bool {
	return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting") || t == "Report" || t == "Blog"
}

// isPage reports whether a schema.org type is a web page, which describes
// the article less precisely than an article type does.
func isPage(t string) bool {
	return strings.HasSuffix(t, "Page")
}

// find returns the first object with a type accepted by match.
func (ld *jsonLD) find(match func(string) bool) ldObject {
	for _, o := range ld.objects {
		for _, t := range o.types() {
			if match(t) {
				return o
			}
		}
	}
	return nil
}

// str returns a property as a single string: a string, the first string of
// a list, or an object's @value or name.
func (ld *jsonLD) str(v any) string {
	switch v := ld.resolve(v).(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return ""
	case []any:
		for _, e := range v {
			if s := ld.str(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"@value", "name"} {
			if s, ok := v[k].(string); ok {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// strs returns a property as a list of strings: each of a list's entries,
// or the one string.
func (ld *jsonLD) strs(v any) []string {
	var out []string
	if list, ok := v.([]any); ok {
		for _, e := range list {
			if s := ld.str(e); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	if s := ld.str(v); s != "" {
		out = append(out, s)
	}
	return out
}

// image returns the src, caption and credit of an image property: a URL, an
// ImageObject, or a list of either.
func (ld *jsonLD) image(v any) (src, caption, credit string) {
	switch v := ld.resolve(v).(type) {
	case string:
		return strings.TrimSpace(v), "", ""
	case []any:
		for _, e := range v {
			if src, caption, credit = ld.image(e); src != "" {
				return src, caption, credit
			}
		}
	case map[string]any:
		for _, k := range []string{"url", "contentUrl", "@id"} {
			if s, ok := v[k].(string); ok && s != "" {
				src = s
				break
			}
		}
		caption = ld.str(v["caption"])
		if caption == "" {
			caption = ld.str(v["description"])
		}
		credit = ld.str(v["creditText"])
		if credit == "" {
			credit = ld.str(v["copyrightHolder"])
		}
		if credit == "" {
			credit = ld.str(v["author"])
		}
		return strings.TrimSpace(src), caption, credit
	}
	return "", "", ""
}
