// Package tooltest finds the external programs that tests check output with
// (pdftotext, qpdf, epubcheck, ...), and the shared corpora. Outside CI a
// missing tool skips the test; in CI (CI=true) it fails it, so a broken
// install cannot pass unnoticed.
package tooltest

import (
	"bytes"
	_ "embed"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// EpubcheckJar is where Debian's epubcheck package installs the jar. Its
// /usr/bin/epubcheck wrapper does not start on every machine, so tests run
// the jar with java directly.
const EpubcheckJar = "/usr/share/java/epubcheck.jar"

// Require returns the path of the named program, or ends the test: skipped
// outside CI, failed in CI.
func Require(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" is not installed")
	}
	return path
}

// epubcheckAll is the Java program EpubcheckAll runs.
//
//go:embed EpubcheckAll.java
var epubcheckAll string

// EpubcheckAll runs epubcheck over the files in one JVM and returns, for
// each file, the messages epubcheck --quiet would print for it alone (every
// fatal, error, warning and info message), one a line, or "" for a file
// it passes. A JVM a file costs about 5 s of CPU; in one JVM, each file
// after the first costs about 0.2 s. It ends the test as Require does when
// java, the JDK's compiler (the program is Java source) or epubcheck is
// missing, and fails it when the run itself goes wrong.
func EpubcheckAll(t testing.TB, files []string) map[string]string {
	t.Helper()
	java := requireEpubcheck(t)
	Require(t, "javac") // java runs a source program only with the JDK's compiler
	if len(files) == 0 {
		return map[string]string{}
	}
	src := filepath.Join(t.TempDir(), "EpubcheckAll.java")
	if err := os.WriteFile(src, []byte(epubcheckAll), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(java, javaArgs(append([]string{"-cp", EpubcheckJar, src}, files...)...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		// Output that names no file cannot be put down to one.
		t.Fatalf("epubcheck over %d files: %v\n%s", len(files), err, stderr.Bytes())
	}
	msgs := make([][]string, len(files))
	done := make([]bool, len(files))
	for line := range strings.Lines(string(out)) {
		tag, text, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		n, err := strconv.Atoi(tag)
		if err != nil || n < 0 || n >= len(files) || done[n] {
			t.Fatalf("epubcheck: a line for no file being checked: %q", line)
		}
		if text == "done" {
			done[n] = true
			continue
		}
		msgs[n] = append(msgs[n], text)
	}
	byFile := make(map[string]string, len(files))
	for n, f := range files {
		if !done[n] {
			t.Fatalf("epubcheck stopped before it checked %s", f)
		}
		byFile[f] = strings.Join(msgs[n], "\n")
	}
	return byFile
}

// javaArgs returns the arguments to java that run epubcheck with args.
// A check is a short run that the JIT's optimizing tier and the parallel
// collector only slow down: these flags halve its CPU time (and a batch
// of 50 EPUBs still takes half the CPU it takes with them off).
func javaArgs(args ...string) []string {
	return append([]string{"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"}, args...)
}

// requireEpubcheck returns the path of java, or ends the test as Require
// does when java or epubcheck's jar is missing.
func requireEpubcheck(t testing.TB) string {
	t.Helper()
	java := Require(t, "java")
	if _, err := os.Stat(EpubcheckJar); err != nil {
		missing(t, "epubcheck is not installed ("+EpubcheckJar+")")
	}
	return java
}

// SharedDir returns the path of ../shared/NAME beside the repository root,
// which holds the test corpora, or skips the test when it is absent (the
// corpora are not part of the repository) or under -short, which leaves
// out the checks over a whole corpus.
func SharedDir(t testing.TB, name string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short skips the checks over the whole corpus in ../shared/%s", name)
	}
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found: the shared corpora sit beside the repository", dir)
	}
	return dir
}

func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s, and CI needs it: .ci/run installs it", what)
	}
	t.Skip(what)
}
