package serve

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/pressroom/publish/internal/publish"
)

// The page is plain HTML with its stylesheet and a little script, all
// embedded: the form posts to the API and works without the script, which
// only lets a dropped file in and shows an error in place rather than on
// a page of its own.
//
//go:embed page
var pageFiles embed.FS

// pageTemplate is parsed on first use: a run of the command that serves
// nothing should not pay for it.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index.html").Funcs(template.FuncMap{"paperLabel": paperLabel}).ParseFS(pageFiles, "page/index.html"))
})

// pageData is what the page shows.
type pageData struct {
	Papers []string
	Token  bool   // the API asks for a token: the form has a field for it
	Error  string // the last request's failure, for a form posted without the script
}

// paperLabel is how the page names a paper size: "A4", "Letter",
// "6 × 9 in".
func paperLabel(name string) string {
	if w, h, ok := strings.Cut(name, "x"); ok {
		return w + " × " + h + " in"
	}
	if len(name) == 2 {
		return strings.ToUpper(name)
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// page serves the web page.
func (s *Server) page(w http.ResponseWriter, _ *http.Request) {
	s.renderPage(w, http.StatusOK, "")
}

// renderPage writes the page with status, showing msg as an error when
// it is not empty.
func (s *Server) renderPage(w http.ResponseWriter, status int, msg string) {
	var b bytes.Buffer
	if err := pageTemplate().Execute(&b, pageData{Papers: publish.Papers(), Token: s.cfg.Token != "", Error: msg}); err != nil {
		http.Error(w, "publish: the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// asset serves the page's stylesheet and script.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := path.Base(r.URL.Path)
	data, err := pageFiles.ReadFile("page/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	types := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
	w.Header().Set("Content-Type", types[path.Ext(name)])
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(data)
}
