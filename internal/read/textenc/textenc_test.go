package textenc

import (
	"bytes"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	const text = "Un café, s'il vous plaît, et une crème brûlée."
	win1252 := []byte(strings.NewReplacer("é", "\xe9", "î", "\xee", "è", "\xe8", "û", "\xfb").Replace(text))
	tests := []struct {
		name     string
		data     []byte
		want     string
		replaced int
		err      bool
	}{
		{"ascii", []byte("plain"), "plain", 0, false},
		{"utf-8", []byte(text), text, 0, false},
		{"utf-8 with a byte-order mark", append([]byte("\xef\xbb\xbf"), text...), text, 0, false},
		{"windows-1252", win1252, text, 0, false},
		{"utf-8 with one stray byte", []byte("Un café\xff, une crème brûlée."), "Un café\uFFFD, une crème brûlée.", 1, false},
		{"utf-8 with a cut sequence", []byte("naïve \xc3 café"), "naïve \uFFFD café", 1, false},
		{"two stray bytes in a row count once", []byte("café crème \xff\xfe brûlée"), "café crème \uFFFD brûlée", 1, false},
		{"ascii with one high byte is windows-1252", []byte("caf\xe9"), "café", 0, false},
		{"undefined in windows-1252", []byte("caf\xe9 \x81 text"), "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, replaced, err := Decode(tt.data)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if got != tt.want || replaced != tt.replaced {
				t.Errorf("Decode = %q, %d replaced; want %q, %d", got, replaced, tt.want, tt.replaced)
			}
		})
	}
}

func TestMostlyUTF8(t *testing.T) {
	tests := []struct {
		data string
		want bool
	}{
		{"", true},
		{"ascii only", true},
		{"café", true},
		{"caf\xe9", false},
		{"café crème \xff", true},
		{"caf\xe9 cr\xe8me br\xfbl\xe9e café", false},
	}
	for _, tt := range tests {
		if got := MostlyUTF8([]byte(tt.data)); got != tt.want {
			t.Errorf("MostlyUTF8(%q) = %v, want %v", tt.data, got, tt.want)
		}
	}
}

// TestCheckText checks that a NUL byte or a share of control characters
// makes data binary wherever it is, not only near the start.
func TestCheckText(t *testing.T) {
	prose := bytes.Repeat([]byte("A line of ordinary prose.\n"), 1000) // 26 KB
	tests := []struct {
		name string
		data []byte
		err  string
	}{
		{"prose", prose, ""},
		{"prose with a few controls", append(bytes.Clone(prose), "\x01\x1b"...), ""},
		{"a NUL at the start", append([]byte("\x00"), prose...), "binary data, not text"},
		{"a NUL at the end", append(bytes.Clone(prose), 0), "binary data, not text"},
		{"controls past the start", append(bytes.Clone(prose), bytes.Repeat([]byte{1, 2, 3}, 200)...), "binary data, not text"},
		{"an image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary data (image/png), not text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckText(tt.data)
			if got := ""; err != nil {
				got = err.Error()
				if got != tt.err {
					t.Errorf("err = %q, want %q", got, tt.err)
				}
			} else if tt.err != "" {
				t.Errorf("no error, want %q", tt.err)
			}
		})
	}
}
