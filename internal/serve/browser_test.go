package serve

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/pressroom/publish/internal/tooltest"
)

// TestBrowser drives the page in headless Chromium as a reader would:
// it chooses the seed, asks for a PDF and checks that the download is
// one; with the page's script, and with scripts turned off, when the form
// posts as a plain HTML form and the browser downloads the answer itself.
// It checks too that an empty form is refused in the page.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	chrome := tooltest.Require(t, "chromium")
	seedPath, err := filepath.Abs(filepath.Join("..", "..", "testdata", "china-power.txt"))
	if err != nil {
		t.Fatal(err)
	}
	srv := testServer(t, Config{})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox, // tests run as root here
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	for _, script := range []bool{true, false} {
		name := "script"
		if !script {
			name = "no script"
		}
		t.Run(name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(alloc)
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
			defer cancel()
			dir := t.TempDir()
			progress := chromedp.Events(ctx, browser.DownloadProgress)
			err := chromedp.Do(ctx,
				chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
					if _, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
						Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: ptr(true),
					}); err != nil {
						return err
					}
					_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !script})
					return err
				}),
				chromedp.Navigate(srv.URL),
				chromedp.WaitVisible(chromedp.CSS("#submit")),
			)
			if err != nil {
				t.Fatal(err)
			}
			if script {
				// An empty form is refused in the page, without a request.
				err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#submit")), chromedp.WaitVisible(chromedp.CSS("#status.error")))
				status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#status")))
				if err != nil || !strings.Contains(status, "Choose a file") {
					t.Errorf("an empty form: status %q, %v", status, err)
				}
			}
			if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{seedPath}), chromedp.Click(chromedp.CSS("#submit"))); err != nil {
				t.Fatal(err)
			}
			var guid string
			for ev, err := range progress {
				if err != nil {
					t.Fatalf("no download: %v", err)
				}
				if ev.State == browser.DownloadProgressStateCompleted {
					guid = ev.GUID
					break
				}
			}
			pdf, err := os.ReadFile(filepath.Join(dir, guid))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[max(0, len(pdf)-64):], []byte("%%EOF")) {
				t.Errorf("the download (%d bytes) is not a whole PDF", len(pdf))
			}
			if script {
				err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#status.done")))
				status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#status")))
				if err != nil || status != "china-power.pdf is downloaded." {
					t.Errorf("after the download: status %q, %v", status, err)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
