package publish

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const article1 = "A Title\n\nThe first paragraph of the story runs long enough to be prose, as any lede does. It has two sentences.\n"

// TestBatch runs a folder of inputs: two files of one name in different
// folders, a broken one, a file of another kind that is skipped; the broken
// one is reported and the others are made, with distinct names.
func TestBatch(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(in, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/notes.txt", article1)
	write("b/notes.txt", article1)
	write("c/empty.md", "")
	write("c/picture.jpg", "\xff\xd8\xff")
	var stderr bytes.Buffer
	opts := Options{OutDir: out, Formats: []string{"epub"}, Stderr: &stderr, Jobs: 2,
		Getenv: func(string) string { return "1526774400" }}
	err := Run(context.Background(), []string{in}, opts)
	if err == nil || err.Error() != "1 of 3 inputs failed" {
		t.Errorf("Run error = %v, want 1 of 3 failed", err)
	}
	log := stderr.String()
	if !strings.Contains(log, filepath.Join(in, "c", "empty.md")+": empty") || !strings.Contains(log, "made 2 of 3 articles (1 failed)") {
		t.Errorf("stderr:\n%s", log)
	}
	entries, _ := os.ReadDir(out)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if want := []string{"notes-2.epub", "notes.epub"}; !slices.Equal(got, want) {
		t.Errorf("outputs %q, want %q", got, want)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	if _, err := expand([]string{dir}); err == nil || !strings.Contains(err.Error(), "no .txt") {
		t.Errorf("empty folder: %v", err)
	}
	got, err := expand([]string{"-", "https://example.com/x", "missing.txt"})
	if err != nil || !slices.Equal(got, []string{"-", "https://example.com/x", "missing.txt"}) {
		t.Errorf("expand = %q, %v", got, err)
	}
	// A symbolic link to a folder, given as an input, is followed.
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "a.txt"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if got, err := expand([]string{link}); err != nil || len(got) != 1 || filepath.Base(got[0]) != "a.txt" {
		t.Errorf("expand(symlink to a folder) = %q, %v", got, err)
	}
}
