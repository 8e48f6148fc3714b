package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// runCmd runs the command with args and returns its exit status and output.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, nil)
	return code, out.String(), errOut.String()
}

func TestInspectSeedGolden(t *testing.T) {
	code, out, stderr := runCmd(t, "", "inspect", filepath.Join("..", "..", "testdata", "china-power.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden := filepath.Join("testdata", "china-power.inspect.json")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("inspect output differs from %s (run with -update and review the diff):\n%s", golden, out)
	}
}

func TestInspectStdinAndOverrides(t *testing.T) {
	in := "Some Title\n\nA paragraph long enough to be prose by any measure the reader applies. It has two sentences.\n"
	code, out, stderr := runCmd(t, in, "inspect", "--author", "Jane Doe", "--author", "John Roe", "--date", "2018-05-18", "--lang", "en-gb", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`"title": "Some Title"`, `"name": "Jane Doe"`, `"name": "John Roe"`, `"date": "2018-05-18"`, `"lang": "en-GB"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, file, want string
	}{
		{"missing", filepath.Join(dir, "missing.txt"), "no such file"},
		{"empty", write("empty.txt", nil), "empty"},
		{"binary", write("photo.txt", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")), "binary data (image/jpeg)"},
		{"not utf-8", write("legacy.txt", []byte("Caf\xe9 \x81\x8d society")), "not UTF-8 text, nor Windows-1252"},
	}
	for _, tt := range tests {
		for _, cmd := range [][]string{{"-o", dir, tt.file}, {"inspect", tt.file}} {
			t.Run(tt.name+"/"+cmd[0], func(t *testing.T) {
				code, out, stderr := runCmd(t, "", cmd...)
				if code != 1 {
					t.Errorf("exit status %d, want 1", code)
				}
				lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
				if len(lines) != 1 || !strings.Contains(stderr, tt.file+": ") || !strings.Contains(stderr, tt.want) {
					t.Errorf("stderr = %q, want one line naming %s and saying %q", stderr, tt.file, tt.want)
				}
				if cmd[0] == "inspect" && out != "" {
					t.Errorf("stdout = %q, want nothing", out)
				}
			})
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext != ".txt" {
			t.Errorf("bad input left %s behind", e.Name())
		}
	}
}

func TestUsage(t *testing.T) {
	code, out, _ := runCmd(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "publish ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	code, out, _ = runCmd(t, "", "--help")
	if code != 0 || !strings.Contains(out, "Usage: publish") || !strings.Contains(out, "-paper") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
	code, _, stderr := runCmd(t, "", "--no-such-flag", "x.txt")
	if code != 2 || !strings.Contains(stderr, "no-such-flag") {
		t.Errorf("unknown flag: exit %d, %q", code, stderr)
	}
	// Faults in how publish was called exit 2, as a flag parse error does.
	for _, tt := range []struct {
		name string
		args []string
		env  string // SOURCE_DATE_EPOCH
		want string
	}{
		{"no input", nil, "", "no input"},
		{"bad format", []string{"--format", "docx", "x.txt"}, "", `unknown format "docx"`},
		{"bad paper", []string{"--paper", "b5", "x.txt"}, "", `unknown size "b5"`},
		{"epoch past 9999", []string{"x.txt"}, "253402300800", "SOURCE_DATE_EPOCH"},
		{"negative epoch", []string{"x.txt"}, "-1", "SOURCE_DATE_EPOCH"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tt.env)
			code, _, stderr := runCmd(t, "", tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "publish --help") {
				t.Errorf("exit %d, %q; want 2 and a line saying %q", code, stderr, tt.want)
			}
		})
	}
	code, _, stderr = runCmd(t, "", "inspect", "--date", "someday", filepath.Join("..", "..", "testdata", "china-power.txt"))
	if code != 2 || !strings.Contains(stderr, `--date: cannot read "someday"`) {
		t.Errorf("bad date: exit %d, %q", code, stderr)
	}
}

// TestServe checks the serve command's flags, and that a server whose
// context ends (as SIGTERM ends it) shuts down and exits 0.
func TestServe(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--max-upload", "0"}, 2, "want a positive number of MiB"},
		{[]string{"serve", "--jobs", "-1"}, 2, "--jobs: want a positive number"},
		{[]string{"serve", "--timeout", "0s"}, 2, "want a positive duration"},
		{[]string{"serve", "--help"}, 0, "Usage: publish serve"},
		{[]string{"serve", "--addr", "256.0.0.1:99999"}, 1, "publish: serve:"},
	}
	for _, tt := range tests {
		var errOut bytes.Buffer
		if code := run(context.Background(), tt.args, strings.NewReader(""), io.Discard, &errOut, nil); code != tt.code || !strings.Contains(errOut.String(), tt.want) {
			t.Errorf("%v: exit %d, want %d; stderr %q, want %q", tt.args, code, tt.code, errOut.String(), tt.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errOut bytes.Buffer
	if code := run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, &errOut, nil); code != 0 {
		t.Errorf("a stopped server exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), `"msg":"shutting down"`) {
		t.Errorf("no shutdown logged: %s", errOut.String())
	}
}
