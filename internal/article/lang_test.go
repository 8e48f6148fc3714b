package article

import "testing"

func TestCanonicalLang(t *testing.T) {
	tests := []struct {
		in, want string // want "" means an error
	}{
		{"en", "en"},
		{"EN", "en"},
		{"pt-br", "pt-BR"},
		{"en_us", "en-US"},
		{"en_US", "en-US"},
		{" zh-hans ", "zh-Hans"},
		{"zh-hant-tw", "zh-Hant-TW"},
		{"de-1996", "de-1996"},
		{"en-US-u-ca-gregory", "en-US-u-ca-gregory"},
		{"iw", "he"},
		{"und", "und"},
		{"UND", "und"},
		{"", ""},
		{"   ", ""},
		{"english!", ""},
		{"not a tag!", ""},
		{"xx-yyyyyyyyy", ""},
	}
	for _, tt := range tests {
		got, err := CanonicalLang(tt.in)
		if (err != nil) != (tt.want == "") || got != tt.want {
			t.Errorf("CanonicalLang(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
