package hyphen

import (
	"errors"
	"testing"
)

func TestLibraryTags(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"en", "en-us"},
		{"en-US", "en-us"},
		{"EN-us", "en-us"},
		{"en_US", "en-us"},
		{"en-Latn-US", "en-us"},
		{"en-US-x-twain", "en-us"},
		{"en-CA", "en-us"},
		{"en-GB", "en-gb"},
		{"en-UK", "en-gb"},
		{"en-AU", "en-gb"},
		{"en-NZ", "en-gb"},
		{"en-IE", "en-gb"},
		{"en_gb", "en-gb"},
		{"de", "de-1996"},
		{"de-DE", "de-1996"},
		{"de-AT", "de-1996"},
		{"de-CH", "de-1996"},
		{"de-1996", "de-1996"},
		{"de-CH-1901", "de-ch-1901"},
		{"de-Latn-CH-1901", "de-ch-1901"},
		{"fr", "fr"},
		{"fr-CA", "fr"},
		{"es", "es"},
		{"es-419", "es"},
		{"es-MX", "es"},
		{"pt", "pt"},
		{"pt-BR", "pt"},
		{"pt-PT", "pt"},
		{"it-CH", "it"},
		{"nl-BE", "nl"},
		{"cs-CZ", "cs"},
	}
	lib := NewLibrary()
	for _, tt := range tests {
		d, err := lib.Dictionary(tt.tag)
		if err != nil {
			t.Errorf("Dictionary(%q): %v", tt.tag, err)
			continue
		}
		if d.Lang() != tt.want {
			t.Errorf("Dictionary(%q).Lang() = %q, want %q", tt.tag, d.Lang(), tt.want)
		}
	}

	for _, tag := range []string{"", "ja", "zh-Hans", "sk", "english", "x-en", "-en", "enus"} {
		d, err := lib.Dictionary(tag)
		if !errors.Is(err, ErrNoPatterns) || d != nil {
			t.Errorf("Dictionary(%q) = %v, %v; want nil, ErrNoPatterns", tag, d, err)
		}
	}
}

func TestLibraryLoadsEverySet(t *testing.T) {
	lib := NewLibrary()
	for _, tag := range sets() {
		d, err := lib.Dictionary(tag)
		if err != nil {
			t.Errorf("Dictionary(%q): %v", tag, err)
			continue
		}
		if d.Lang() != tag {
			t.Errorf("Dictionary(%q).Lang() = %q", tag, d.Lang())
		}
	}
}
