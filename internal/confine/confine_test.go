package confine

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWithin(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "page")
	outside := filepath.Join(base, "secret.png")
	for _, dir := range []string{filepath.Join(root, "page_files"), filepath.Join(base, "other")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{filepath.Join(root, "page_files", "a.png"), outside} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	link(outside, "escape.png")                                // a link to a file outside
	link(filepath.Join(base, "other"), "elsewhere")            // a link to a folder outside
	link(filepath.Join(root, "page_files", "a.png"), "in.png") // a link that stays inside
	tests := []struct {
		name string
		err  error // nil: allowed
	}{
		{"page_files/a.png", nil},
		{"./page_files/../page_files/a.png", nil},
		{filepath.Join(root, "page_files", "a.png"), nil},
		{"in.png", nil},
		{"../secret.png", ErrOutside},
		{outside, ErrOutside},
		{"/etc/passwd", ErrOutside},
		{"page_files/../../secret.png", ErrOutside},
		{"escape.png", ErrOutside},
		{"elsewhere/x.png", ErrOutside},
		{"../missing.png", ErrOutside}, // refused before any look: no hint whether it exists
		{"missing.png", os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Within(root, tt.name)
			if tt.err == nil && err != nil {
				t.Errorf("Within(%q) = %v, want it allowed", tt.name, err)
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("Within(%q) = %v, want %v", tt.name, err, tt.err)
			}
		})
	}
}
