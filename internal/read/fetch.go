package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Limits on fetching a page.
const (
	// FetchTimeout bounds the whole request, body included.
	FetchTimeout = 30 * time.Second
	// ImagesTimeout bounds the fetching of all of one page's images
	// together, so that many slow images cost no more than a few.
	ImagesTimeout = 60 * time.Second
	// maxRedirects is what browsers and curl allow by default, near enough.
	maxRedirects = 10
)

// IsURL reports whether an input names a web page rather than a file.
func IsURL(name string) bool {
	return strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://")
}

// NewClient returns the HTTP client readers fetch pages and images with:
// a whole-request timeout and at most ten redirects.
func NewClient(timeout time.Duration) *http.Client {
	return &http.Client{
		Timeout: timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			return nil
		},
	}
}

// fetched is a page as the server sent it.
type fetched struct {
	data        []byte
	url         *url.URL // after redirects
	contentType string
}

// fetch gets a page. Its errors say what went wrong in a few words, for the
// caller to put after the URL.
func fetch(ctx context.Context, client *http.Client, raw string) (*fetched, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, errors.New("not a valid URL")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, errors.New("not a valid URL")
	}
	// Some sites refuse clients that do not say what they are.
	req.Header.Set("User-Agent", "publish (+https://github.com/pressroom/publish)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return nil, describeFetchError(err, client.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("the server answered %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxSize+1))
	if err != nil {
		return nil, describeFetchError(err, client.Timeout)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("larger than %d MiB", MaxSize>>20)
	}
	return &fetched{data: data, url: resp.Request.URL, contentType: resp.Header.Get("Content-Type")}, nil
}

// describeFetchError turns a transport error into a short reason.
func describeFetchError(err error, timeout time.Duration) error {
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("no answer within %v", timeout)
	case strings.Contains(err.Error(), "redirects"):
		return fmt.Errorf("more than %d redirects", maxRedirects)
	}
	// The dial's own words ("connect: connection refused", or a refusal
	// of the address itself) without the "dial tcp HOST:PORT" before
	// them: the URL is said already.
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return oe.Err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
