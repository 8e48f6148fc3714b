package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this test binary as the command itself, so
// that a real process can be sent a real signal.
func TestMain(m *testing.M) {
	if os.Getenv("PUBLISH_TEST_RUN_MAIN") == "1" {
		os.Args = append([]string{"publish"}, strings.Fields(os.Getenv("PUBLISH_TEST_ARGS"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

func TestInterrupts(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	cancelled, quit := make(chan bool, 1), make(chan bool, 1)
	go interrupts(sigs, func() { cancelled <- true }, func() { quit <- true })
	sigs <- syscall.SIGINT
	select {
	case <-cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("the first signal did not cancel the run")
	}
	select {
	case <-quit:
		t.Fatal("the first signal quit at once")
	case <-time.After(50 * time.Millisecond):
	}
	sigs <- syscall.SIGINT
	select {
	case <-quit:
	case <-time.After(10 * time.Second):
		t.Fatal("the second signal did not quit")
	}
}

// TestCtrlC publishes a page whose images never come, interrupts the
// process while it waits for them, and wants it to stop at once with
// status 130, one line, and nothing left in the output folder: Ctrl-C
// must not wait out each image's timeout.
func TestCtrlC(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the command as a process")
	}
	waiting := make(chan struct{}, 8)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/slow/") {
			waiting <- struct{}{}
			select { // an image that never comes, until the client goes
			case <-r.Context().Done():
			case <-time.After(time.Minute):
			}
			return
		}
		fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><title>Slow Pictures</title></head><body><article><h1>Slow Pictures</h1>`)
		for i := range 5 {
			fmt.Fprintf(w, `<p>Paragraph %d of an article whose pictures take a minute each to come, long enough to be read as prose by any reader.</p><img src="/slow/%d.jpg" alt="picture %d">`, i, i, i)
		}
		fmt.Fprint(w, `</article></body></html>`)
	}))
	defer srv.Close()

	out := t.TempDir()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "PUBLISH_TEST_RUN_MAIN=1", "PUBLISH_TEST_ARGS=-o "+out+" "+srv.URL+"/page")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-waiting:
	case err := <-done:
		t.Fatalf("the command ended before it fetched an image: %v\n%s", err, stderr.String())
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the command never asked for an image")
	}
	start := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
			t.Errorf("exit: %v, want status %d", err, exitInterrupted)
		}
		t.Logf("stopped %v after the signal", time.Since(start).Round(time.Millisecond))
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the command was still running 20 s after Ctrl-C")
	}
	if !strings.HasSuffix(stderr.String(), "publish: interrupted\n") {
		t.Errorf("stderr %q, want it to end with one line saying it was interrupted", stderr.String())
	}
	if left, _ := os.ReadDir(out); len(left) > 0 {
		var names []string
		for _, e := range left {
			names = append(names, filepath.Join(out, e.Name()))
		}
		t.Errorf("left behind: %v", names)
	}
}
