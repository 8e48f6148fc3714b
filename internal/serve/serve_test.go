package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// seed is the sample article, read once.
var seed = sync.OnceValue(func() []byte {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "china-power.txt"))
	if err != nil {
		panic(err)
	}
	return data
})

// testServer starts a Server for one test, its log in the test's.
func testServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg.Getenv = func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1526774400"
		}
		return ""
	}
	srv := httptest.NewServer(New(cfg))
	t.Cleanup(srv.Close)
	return srv
}

// part is one field of a multipart form: a file when name is set.
type part struct {
	field, name string
	data        []byte
}

// form builds a multipart body of parts.
func form(t *testing.T, parts ...part) (string, *bytes.Buffer) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.name != "" {
			w, err = mw.CreateFormFile(p.field, p.name)
		} else {
			w, err = mw.CreateFormField(p.field)
		}
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	mw.Close()
	return mw.FormDataContentType(), &b
}

// post sends parts to path and returns the response, its body read.
func post(t *testing.T, srv *httptest.Server, path string, header http.Header, parts ...part) (*http.Response, []byte) {
	t.Helper()
	ct, body := form(t, parts...)
	req, err := http.NewRequest(http.MethodPost, srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, data
}

func TestPublishPDFAndEPUB(t *testing.T) {
	srv := testServer(t, Config{})
	tests := []struct {
		format, contentType, magic string
	}{
		{"", "application/pdf", "%PDF-"},
		{"pdf", "application/pdf", "%PDF-"},
		{"epub", "application/epub+zip", "PK\x03\x04"},
	}
	for _, tt := range tests {
		t.Run(tt.contentType+tt.format, func(t *testing.T) {
			parts := []part{{field: "file", name: "china-power.txt", data: seed()}}
			if tt.format != "" {
				parts = append(parts, part{field: "format", data: []byte(tt.format)})
			}
			resp, body := post(t, srv, "/v1/publish", nil, parts...)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			ext := strings.TrimPrefix(tt.contentType, "application/")
			ext, _, _ = strings.Cut(ext, "+")
			if got := resp.Header.Get("Content-Disposition"); got != `attachment; filename="china-power.`+ext+`"` {
				t.Errorf("Content-Disposition = %q, want attachment named china-power.%s", got, ext)
			}
			if !bytes.HasPrefix(body, []byte(tt.magic)) {
				t.Errorf("body starts %q, want %q", body[:min(len(body), 8)], tt.magic)
			}
			if tt.magic == "%PDF-" && !bytes.Contains(body[max(0, len(body)-64):], []byte("%%EOF")) {
				t.Error("the PDF is not whole: no end-of-file marker at its end")
			}
		})
	}
}

func TestPublishOverridesAndBind(t *testing.T) {
	srv := testServer(t, Config{})
	resp, body := post(t, srv, "/v1/inspect", nil,
		part{field: "file", name: "china-power.txt", data: seed()},
		part{field: "title", data: []byte("A Title Given")},
		part{field: "author", data: []byte("Ann Lee")},
		part{field: "author", data: []byte("Bo Ng")})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("inspect: status %d: %s", resp.StatusCode, body)
	}
	var got struct {
		Title   string
		Authors []struct{ Name string }
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("inspect: %v: %s", err, body[:min(len(body), 200)])
	}
	if got.Title != "A Title Given" || len(got.Authors) != 2 || got.Authors[0].Name != "Ann Lee" || got.Authors[1].Name != "Bo Ng" {
		t.Errorf("inspect = title %q, authors %+v", got.Title, got.Authors)
	}

	resp, body = post(t, srv, "/v1/publish", nil,
		part{field: "file", name: "a.txt", data: seed()},
		part{field: "file", name: "b.txt", data: seed()},
		part{field: "bind", data: []byte("true")},
		part{field: "title", data: []byte("Two Articles")},
		part{field: "format", data: []byte("epub")})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("bind: status %d: %s", resp.StatusCode, body)
	}
	if _, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); params["filename"] != "two-articles.epub" {
		t.Errorf("bound book named %q, want two-articles.epub", params["filename"])
	}
}

func TestAttachment(t *testing.T) {
	tests := []struct{ name, want string }{
		{"china-power.pdf", `attachment; filename="china-power.pdf"`},
		{"zürich-notes.epub", `attachment; filename="z_rich-notes.epub"; filename*=UTF-8''z%C3%BCrich-notes.epub`},
		{`a"b.pdf`, `attachment; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`},
	}
	for _, tt := range tests {
		if got := attachment(tt.name); got != tt.want {
			t.Errorf("attachment(%q) = %s, want %s", tt.name, got, tt.want)
		}
		if _, params, err := mime.ParseMediaType(attachment(tt.name)); err != nil || params["filename"] != tt.name {
			t.Errorf("attachment(%q) parses as %q, %v", tt.name, params["filename"], err)
		}
	}
}

// TestErrors checks each fault's status and its one line of plain text.
func TestErrors(t *testing.T) {
	srv := testServer(t, Config{MaxUpload: 64 << 10})
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")
	tests := []struct {
		name   string
		parts  []part
		status int
		want   string
	}{
		{"no input", []part{{field: "format", data: []byte("pdf")}}, 400, "no input"},
		{"empty file", []part{{field: "file", name: "empty.txt", data: []byte("  \n")}}, 400, "empty.txt: empty: there is no text to publish"},
		{"unknown format", []part{{field: "file", name: "a.txt", data: seed()}, {field: "format", data: []byte("docx")}}, 415, `format "docx"`},
		{"an image", []part{{field: "file", name: "photo.png", data: png}}, 415, "photo.png: binary data (image/png), not text"},
		{"too large", []part{{field: "file", name: "big.txt", data: bytes.Repeat([]byte("word "), 20<<10)}}, 413, "larger than"},
		{"bad paper", []part{{field: "file", name: "a.txt", data: seed()}, {field: "paper", data: []byte("b9")}}, 400, `unknown size "b9"`},
		{"two without bind", []part{{field: "file", name: "a.txt", data: seed()}, {field: "file", name: "b.txt", data: seed()}}, 400, "bind=true"},
		{"not a URL", []part{{field: "url", data: []byte("file:///etc/passwd")}}, 400, "not an http or https URL"},
		{"a private URL", []part{{field: "url", data: []byte("http://127.0.0.1:1/secret")}}, 400, "not a public address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := post(t, srv, "/v1/publish", nil, tt.parts...)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("Content-Type = %q, want text/plain", ct)
			}
			line := string(body)
			if strings.Count(line, "\n") != 1 || !strings.HasPrefix(line, "publish: ") || !strings.Contains(line, tt.want) {
				t.Errorf("body %q: want one line with %q", line, tt.want)
			}
		})
	}
}

// TestPrivateURLsAllowed checks that --allow-private-urls lets a page on
// loopback be read.
func TestPrivateURLsAllowed(t *testing.T) {
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(seed())
	}))
	defer page.Close()
	srv := testServer(t, Config{AllowPrivateURLs: true})
	resp, body := post(t, srv, "/v1/inspect", nil, part{field: "url", data: []byte(page.URL + "/china-power.txt")})
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("Friends Again")) {
		t.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
}

func TestToken(t *testing.T) {
	srv := testServer(t, Config{Token: "s3cret"})
	article := part{field: "file", name: "a.txt", data: seed()}
	resp, body := post(t, srv, "/v1/inspect", nil, article)
	if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("no token: status %d: %s", resp.StatusCode, body)
	}
	resp, _ = post(t, srv, "/v1/inspect", http.Header{"Authorization": {"Bearer wrong"}}, article)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong token: status %d", resp.StatusCode)
	}
	resp, body = post(t, srv, "/v1/inspect", http.Header{"Authorization": {"Bearer s3cret"}}, article)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("token: status %d: %s", resp.StatusCode, body)
	}
	resp, body = post(t, srv, "/v1/inspect", nil, article, part{field: "token", data: []byte("s3cret")})
	if resp.StatusCode != http.StatusOK {
		t.Errorf("token in the form: status %d: %s", resp.StatusCode, body)
	}
	small := testServer(t, Config{Token: "s3cret", MaxUpload: 1 << 10})
	resp, body = post(t, small, "/v1/inspect", nil, article, part{field: "token", data: []byte("s3cret")})
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("too large, token in the form: status %d: %s", resp.StatusCode, body)
	}
	if r, err := srv.Client().Get(srv.URL + "/healthz"); err != nil || r.StatusCode != http.StatusOK {
		t.Errorf("healthz with a token set: %v %v", r, err)
	}
}

// TestBusyAndDeadline checks 503 with Retry-After when every job and the
// queue are taken, and 504 past the deadline for a request that waited
// for a job all along.
func TestBusyAndDeadline(t *testing.T) {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	s := New(Config{Jobs: 1, Queue: -1, Log: quiet})
	srv := httptest.NewServer(s)
	defer srv.Close()
	hold, err := s.jobs.enter() // the one place, taken
	if err != nil {
		t.Fatal(err)
	}
	resp, body := post(t, srv, "/v1/publish", nil, part{field: "file", name: "a.txt", data: seed()})
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("busy: status %d, Retry-After %q: %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	hold.leave()

	s2 := New(Config{Jobs: 1, Queue: 1, Timeout: 200 * time.Millisecond, Log: quiet})
	srv2 := httptest.NewServer(s2)
	defer srv2.Close()
	hold, _ = s2.jobs.enter()
	if err := hold.work(context.Background()); err != nil { // the one job, taken
		t.Fatal(err)
	}
	defer hold.leave()
	resp, body = post(t, srv2, "/v1/publish", nil, part{field: "file", name: "a.txt", data: seed()})
	if resp.StatusCode != http.StatusGatewayTimeout {
		t.Errorf("deadline: status %d: %.100s", resp.StatusCode, body)
	}
}

// TestBusyReadsNoBody checks that answering a request turned away, or any
// failure, reads nothing of its body (a full server must not take in
// uploads it will not use).
func TestBusyReadsNoBody(t *testing.T) {
	s := New(Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	body := &countingReader{r: strings.NewReader(strings.Repeat("x", 1<<20))}
	req := httptest.NewRequest(http.MethodPost, "/v1/publish?from=page", body)
	req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	req.Header.Set("Accept", "text/html")
	w := httptest.NewRecorder()
	s.fail(w, req, http.StatusServiceUnavailable, errBusy)
	if body.n != 0 {
		t.Errorf("failing read %d bytes of the body", body.n)
	}
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "busy") {
		t.Errorf("the page's post turned away: %d %s", w.Code, w.Body.String())
	}
}

// A countingReader counts what is read of r.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestLongName checks that an upload with a name longer than a file
// system takes is saved under a shorter one, and published.
func TestLongName(t *testing.T) {
	srv := testServer(t, Config{})
	for _, name := range []string{strings.Repeat("long-", 60) + ".txt", "a." + strings.Repeat("x", 250), strings.Repeat("é", 150) + ".txt", "../../etc/passwd", "..."} {
		resp, body := post(t, srv, "/v1/publish", nil, part{field: "file", name: name, data: seed()})
		if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(body, []byte("%PDF-")) {
			t.Errorf("%.40q: status %d: %.100s", name, resp.StatusCode, body)
		}
		_, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
		if got := params["filename"]; err != nil || len(got) > 210 || strings.ContainsAny(got, "/\\") {
			t.Errorf("%.40q: named %q, %v", name, got, err)
		}
	}
}

func TestHealthAndMetrics(t *testing.T) {
	srv := testServer(t, Config{})
	post(t, srv, "/v1/publish", nil, part{field: "file", name: "a.txt", data: seed()})
	resp, err := srv.Client().Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	text, _ := io.ReadAll(resp.Body)
	for _, want := range []string{
		`publish_http_requests_total{code="200",route="publish"} 1`,
		`publish_http_request_duration_seconds_count{route="publish"} 1`,
		"publish_http_requests_in_flight",
		"publish_queue_length 0",
		"publish_jobs_running 0",
		"process_resident_memory_bytes",
	} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if m := regexp.MustCompile(`(?m)^publish_pdf_pages_total (\d+)$`).FindSubmatch(text); m == nil || string(m[1]) == "0" {
		t.Errorf("metrics count no pages made: %q", m)
	}
}

// heldPage serves the seed at a URL whose answer waits until release is
// closed or the fetch is cancelled, so that a request reading it is in
// flight for as long as a test needs. started is closed when the fetch
// begins.
func heldPage(t *testing.T) (url string, started <-chan struct{}, release func()) {
	t.Helper()
	begun, free := make(chan struct{}), make(chan struct{})
	var once, freed sync.Once
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(begun) })
		select {
		case <-free:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(seed())
	}))
	t.Cleanup(page.Close)
	release = func() { freed.Do(func() { close(free) }) }
	t.Cleanup(release)
	return page.URL + "/china-power.txt", begun, release
}

// wait waits for ch, or fails the test after a while.
func wait(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: not within 30 s", what)
	}
}

// TestGracefulShutdown checks that a shutdown lets a request in flight
// finish and answer, then returns nil; and that past the grace period a
// request still in flight is cancelled, its folder removed, and the
// shutdown still returns nil.
func TestGracefulShutdown(t *testing.T) {
	for _, finish := range []bool{true, false} {
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		s := New(Config{AllowPrivateURLs: true, Grace: 300 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- s.serve(ctx, ln) }()
		url, started, release := heldPage(t)
		ct, body := form(t, part{field: "url", data: []byte(url)})
		answered := make(chan int, 1)
		go func() {
			resp, err := http.Post("http://"+ln.Addr().String()+"/v1/publish", ct, body)
			if err != nil {
				answered <- 0
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			answered <- resp.StatusCode
		}()
		wait(t, started, "the fetch")
		cancel()
		if finish {
			time.Sleep(50 * time.Millisecond) // shutting down, the request still held
			release()
			if status := <-answered; status != http.StatusOK {
				t.Errorf("the request in flight got %d", status)
			}
		}
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("finish %v: serve after shutdown: %v", finish, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("finish %v: no shutdown", finish)
		}
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Errorf("finish %v: left in the temporary folder: %v", finish, left)
		}
	}
}

// TestPage checks the page and its files, and that the form posted by a
// browser without JavaScript gets the page back with the error in it.
func TestPage(t *testing.T) {
	srv := testServer(t, Config{})
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp, string(data)
	}
	resp, page := get("/")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{`<form id="publish" method="post" action="/v1/publish?from=page" enctype="multipart/form-data">`,
		`<label for="file">`, `<label for="url">`, `<legend>Make</legend>`, `<label for="paper">`, `role="alert"`, `<option value="letter">Letter</option>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, `name="token"`) {
		t.Error("the page asks for a token the service does not want")
	}
	for _, asset := range []string{"/page.css", "/page.js"} {
		if resp, body := get(asset); resp.StatusCode != http.StatusOK || len(body) < 100 {
			t.Errorf("GET %s: %d, %d bytes", asset, resp.StatusCode, len(body))
		}
	}
	resp, body := post(t, srv, "/v1/publish?from=page", http.Header{"Accept": {"text/html,*/*"}}, part{field: "format", data: []byte("pdf")})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `class="error">no input: send a file`) {
		t.Errorf("a plain form post without input: %d\n%s", resp.StatusCode, body)
	}
}

// TestClientGone checks that a request whose client goes away mid-way
// stops, is logged as 499, gives its job back and leaves no temporary
// folder.
func TestClientGone(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var log syncBuffer
	s := New(Config{AllowPrivateURLs: true, Log: slog.New(slog.NewTextHandler(&log, nil))})
	srv := httptest.NewServer(s)
	defer srv.Close()
	url, started, _ := heldPage(t)
	ct, body := form(t, part{field: "url", data: []byte(url)})
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/v1/publish", body)
	req.Header.Set("Content-Type", ct)
	done := make(chan struct{})
	go func() {
		if resp, err := srv.Client().Do(req); err == nil {
			resp.Body.Close()
		}
		close(done)
	}()
	wait(t, started, "the fetch")
	cancel()
	wait(t, done, "the client's end")
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(log.String(), "status=") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if !strings.Contains(log.String(), "status=499") {
		t.Errorf("the request was not logged as the client's leaving: %s", log.String())
	}
	if n := s.jobs.running.Load() + s.jobs.admitted.Load(); n != 0 {
		t.Errorf("%d places still held after the client left", n)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

// A syncBuffer is a bytes.Buffer safe for a logger and a test at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
