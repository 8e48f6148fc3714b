package hyphen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestEmbeddedTries checks that tries.bin holds each embedded language's
// patterns as they are encoded now; with -update (go generate), it
// rewrites tries.bin from the patterns.
func TestEmbeddedTries(t *testing.T) {
	encoded := map[string][]byte{}
	for _, tag := range sets() {
		pat, err := os.ReadFile(filepath.Join("patterns", "hyph-"+tag+".pat.txt"))
		if err != nil {
			t.Fatal(err)
		}
		var b builder
		if err := b.readPatterns(pat); err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		encoded[tag] = b.build()
	}
	want := encodeBundle(encoded)
	if *update {
		if err := os.WriteFile("tries.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(tries), want) {
		t.Fatal("tries.bin is not the encoding of the patterns: run go generate ./internal/hyphen")
	}
	for tag, enc := range encoded {
		got, ok := trieOf(tries, tag)
		if !ok || got != string(enc) {
			t.Errorf("%s: the bundle does not give its encoding", tag)
		}
	}
}

// TestDecodeDamaged checks that an encoding cut short, or not one at all,
// is an error, not a set that fails later.
func TestDecodeDamaged(t *testing.T) {
	enc, ok := trieOf(tries, "en-us")
	if !ok {
		t.Fatal("no en-us in the bundle")
	}
	if _, err := decodeSet(enc); err != nil {
		t.Fatalf("the embedded en-us: %v", err)
	}
	for _, bad := range []string{"", "HYT1", enc[:len(enc)-1], enc + "x", "XXXX" + enc[4:]} {
		if _, err := decodeSet(bad); err == nil {
			t.Errorf("decodeSet of %d bytes: no error", len(bad))
		}
	}
	if _, ok := trieOf(tries, "xx"); ok {
		t.Error("trieOf found a set for xx")
	}
}
