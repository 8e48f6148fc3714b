package read

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestReadURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/article.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, sample)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article.txt", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	r := &Reader{Client: NewClient(300 * time.Millisecond)}
	ctx := context.Background()

	a, err := r.Read(ctx, srv.URL+"/moved")
	if err != nil {
		t.Fatal(err)
	}
	if a.Meta.Title != "A Title" || a.Meta.SourceURL != srv.URL+"/article.txt" {
		t.Errorf("title %q, source %q: want the page after the redirect", a.Meta.Title, a.Meta.SourceURL)
	}
	for _, tt := range []struct{ path, want string }{
		{"/missing", "the server answered 404 Not Found"},
		{"/loop", "more than 10 redirects"},
		{"/slow", "no answer within 300ms"},
	} {
		_, err := r.Read(ctx, srv.URL+tt.path)
		if want := srv.URL + tt.path + ": " + tt.want; err == nil || err.Error() != want {
			t.Errorf("Read(%s) error = %v, want %q", tt.path, err, want)
		}
	}
	if _, err := (&Reader{}).Read(ctx, srv.URL+"/article.txt"); err == nil || !strings.Contains(err.Error(), "cannot fetch") {
		t.Errorf("a Reader without a client fetched: %v", err)
	}
}

// TestImagesShareADeadline reads a page of five images that never come:
// they share one deadline, so the read ends when it passes, with each
// image dropped with a warning, rather than after five timeouts one by one.
func TestImagesShareADeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/slow/") {
			select {
			case <-r.Context().Done():
			case <-time.After(time.Minute):
			}
			return
		}
		fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><title>Slow Pictures</title></head><body><article><h1>Slow Pictures</h1>`)
		for i := range 5 {
			fmt.Fprintf(w, `<p>Paragraph %d of an article whose pictures never come, long enough to be read as prose by any reader at all.</p><figure><img src="/slow/%d.jpg" alt="picture %d"><figcaption>Caption %d.</figcaption></figure>`, i, i, i, i)
		}
		fmt.Fprint(w, `</article></body></html>`)
	}))
	defer srv.Close()
	var warnings []string
	r := &Reader{Client: NewClient(FetchTimeout), ImagesTimeout: 300 * time.Millisecond, Warn: func(w string) { warnings = append(warnings, w) }}
	done := make(chan error, 1)
	go func() {
		_, err := r.Read(context.Background(), srv.URL+"/page")
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the read waited out the images one by one")
	}
	if len(warnings) != 5 {
		t.Errorf("warnings %q, want one for each of the 5 images", warnings)
	}
}
