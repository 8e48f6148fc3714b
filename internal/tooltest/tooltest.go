// Package tooltest finds the external programs that tests check output with
// (pdftotext, qpdf, epubcheck, ...). Outside CI a missing tool skips the test;
// in CI (CI=true) it fails it, so a broken install cannot pass unnoticed.
package tooltest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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

// Epubcheck returns the command line that runs epubcheck on the given file,
// or ends the test as Require does.
func Epubcheck(t testing.TB, file string) *exec.Cmd {
	t.Helper()
	java := Require(t, "java")
	if _, err := os.Stat(EpubcheckJar); err != nil {
		missing(t, "epubcheck is not installed ("+EpubcheckJar+")")
	}
	// A check is a short run that the JIT's optimizing tier and the
	// parallel collector only slow down: these flags halve its CPU time.
	return exec.Command(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", EpubcheckJar, "--quiet", file)
}

// SharedDir returns the path of ../shared/NAME beside the repository root,
// which holds the test corpora, or skips the test when it is absent: the
// corpora are not part of the repository.
func SharedDir(t testing.TB, name string) string {
	t.Helper()
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
