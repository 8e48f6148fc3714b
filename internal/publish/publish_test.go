package publish

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
)

func TestWriteFileWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	ctx := context.Background()

	// A failing writer leaves nothing, not even its temporary file.
	err := writeFile(ctx, path, false, nil, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return errors.New("boom")
	})
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a failed write left %v", entries)
	}

	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := writeFile(ctx, path, false, nil, write("first")); err != nil {
		t.Fatal(err)
	}
	// Without force an existing output is kept and reported.
	err = writeFile(ctx, path, false, nil, write("second"))
	if err == nil || err.Error() != path+": exists; use --force to replace it" {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("content = %q, want the first write kept", b)
	}
	if err := writeFile(ctx, path, true, nil, write("third")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "third" {
		t.Errorf("content = %q, want the forced write", b)
	}
	// A cancelled run (Ctrl-C) leaves the output as it was.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := writeFile(cancelled, path, true, nil, write("fourth")); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want cancelled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("dir holds %v, want only out.pdf", entries)
	}
}

func TestCreated(t *testing.T) {
	clock := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		env  string
		want time.Time
		err  string
	}{
		{"", clock, ""},
		{"1526774400", time.Date(2018, 5, 20, 0, 0, 0, 0, time.UTC), ""},
		{"yesterday", time.Time{}, "SOURCE_DATE_EPOCH"},
		{"-5", time.Time{}, "SOURCE_DATE_EPOCH"},
	}
	for _, tt := range tests {
		o := Options{Getenv: func(string) string { return tt.env }, Now: func() time.Time { return clock }}
		got, err := o.created()
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("SOURCE_DATE_EPOCH=%q: err = %v", tt.env, err)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("SOURCE_DATE_EPOCH=%q: %v, %v; want %v", tt.env, got, err, tt.want)
		}
	}
}

func TestOverrides(t *testing.T) {
	m := article.Metadata{Title: "Old", Authors: []article.Person{{Name: "Anny Boc", Bio: "Anny Boc is a writer."}}}
	ov := Overrides{Title: "New", Authors: []string{"Anny Boc", "Jo Lee"}, Date: "May 18, 2018", Lang: "PT-br", Rights: "CC BY 4.0"}
	if err := ov.apply(&m); err != nil {
		t.Fatal(err)
	}
	if m.Title != "New" || m.Date.String() != "2018-05-18" || m.Lang != "pt-BR" || m.Rights != "CC BY 4.0" {
		t.Errorf("metadata = %+v", m)
	}
	if len(m.Authors) != 2 || m.Authors[0].Bio != "Anny Boc is a writer." || m.Authors[1].Name != "Jo Lee" {
		t.Errorf("authors = %+v, want the bio kept for the author named again", m.Authors)
	}
	for _, bad := range []Overrides{{Date: "soon"}, {Lang: "english please"}} {
		if err := bad.apply(&article.Metadata{}); err == nil {
			t.Errorf("%+v: no error", bad)
		}
		var usage *UsageError
		if err := bad.check(); !errors.As(err, &usage) {
			t.Errorf("%+v: check gives %v, want a usage error", bad, err)
		}
	}
}

func TestOutputNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"testdata/china-power.txt", "china-power"},
		{"notes", "notes"},
		{"-", ""},
		{"https://example.com/2018/05/story.html?ref=rss#top", "story"},
		{"https://example.com/", "example-com"},
		{"http://127.0.0.1:8080/a/b/", "b"},
	}
	for _, tt := range tests {
		if got := inputBase(tt.in); got != tt.want {
			t.Errorf("inputBase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	var n names
	for _, want := range []string{"notes", "notes-2", "notes-3"} {
		if got := n.claim("notes"); got != want {
			t.Errorf("claim = %q, want %q", got, want)
		}
	}
	if got := slug("¿Qué pasó en Zürich?"); got != "qué-pasó-en-zürich" {
		t.Errorf("slug = %q", got)
	}
	if got := slug("!!!"); got != "article" {
		t.Errorf("slug of punctuation = %q", got)
	}
}
