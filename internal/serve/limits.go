package serve

import (
	"cmp"
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pressroom/publish/internal/publish"
)

// A gate admits a bounded number of requests, jobs plus queue, and lets a
// fixed number of them, the jobs, work at once. Whoever comes when all
// are admitted is turned away, so that a burst is answered 503 at once
// rather than piling up. A request holds a job only while it works: its
// upload is read and its answer sent outside one, so that slow clients
// cannot hold the jobs.
type gate struct {
	slots    chan struct{}
	limit    int64
	admitted atomic.Int64 // holding a ticket
	running  atomic.Int64 // holding a job
}

func newGate(jobs, queue int) *gate {
	return &gate{slots: make(chan struct{}, jobs), limit: int64(jobs + queue)}
}

// waiting is how many admitted requests hold no job.
func (g *gate) waiting() int64 { return max(0, g.admitted.Load()-g.running.Load()) }

// errBusy is a request turned away by a full gate.
var errBusy = errors.New("busy: every job is taken and the queue is full; try again shortly")

// A ticket is an admitted request, which work turns into a job's slot.
type ticket struct {
	g    *gate
	slot bool
}

// enter admits a request, or fails with errBusy.
func (g *gate) enter() (*ticket, error) {
	if g.admitted.Add(1) > g.limit {
		g.admitted.Add(-1)
		return nil, errBusy
	}
	return &ticket{g: g}, nil
}

// work holds t until it has a job's slot, or until ctx is done.
func (t *ticket) work(ctx context.Context) error {
	select {
	case t.g.slots <- struct{}{}:
		t.g.running.Add(1)
		t.slot = true
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// rest gives back t's job, if it holds one, and stays admitted.
func (t *ticket) rest() {
	if t.slot {
		t.slot = false
		t.g.running.Add(-1)
		<-t.g.slots
	}
}

// leave gives t's job and admission back; it is called once.
func (t *ticket) leave() {
	t.rest()
	t.g.admitted.Add(-1)
}

// authorized lets a request through to h only with the configured token,
// as "Authorization: Bearer TOKEN" or, for the page's plain form, a form
// field "token". Without a configured token every request goes through.
func (s *Server) authorized(h http.Handler) http.Handler {
	if s.cfg.Token == "" {
		return h
	}
	want := []byte(s.cfg.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := bearer(r.Header.Get("Authorization"))
		if media, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); !ok && media == "multipart/form-data" {
			// The field is read from the form the handler parses anyway,
			// from the body alone (a token in the URL ends up in logs).
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
			if status, err := s.parseForm(r); err != nil {
				s.fail(w, r, status, err)
				return
			}
			got, ok = r.PostFormValue("token"), true
		}
		if !ok || subtle.ConstantTimeCompare([]byte(got), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="publish"`)
			s.fail(w, r, http.StatusUnauthorized, errors.New("unauthorized: send the service's token as Authorization: Bearer TOKEN"))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// bearer returns the token of an Authorization header of the Bearer
// scheme, whose name is case-insensitive (RFC 7235).
func bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// A recorder remembers the status and size of a response, for the log
// and the metrics.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// clientGone is the status logged for a request whose client left before
// the answer, as nginx logs it; nothing is sent.
const clientGone = 499

// observe logs each request to route and counts it in the metrics. A
// panic in h is answered 500 (when nothing was sent yet), logged and
// counted; the form's spilled files are removed, which net/http skips
// after a panic.
func (s *Server) observe(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		s.metrics.inFlight.Inc()
		s.active.Add(1)
		rec := &recorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				s.cfg.Log.Error("panic", slog.String("path", r.URL.Path), slog.Any("panic", p))
				if rec.status == 0 {
					s.fail(rec, r, http.StatusInternalServerError, fmt.Errorf("%w: %v", publish.ErrInternal, p))
				}
			}
			if r.MultipartForm != nil {
				r.MultipartForm.RemoveAll()
			}
			s.metrics.inFlight.Dec()
			s.active.Done()
			status := cmp.Or(rec.status, http.StatusOK)
			if r.Context().Err() != nil && rec.bytes == 0 {
				status = clientGone
			}
			elapsed := time.Since(start)
			s.metrics.observe(route, status, elapsed)
			s.cfg.Log.LogAttrs(r.Context(), levelOf(status), "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", route),
				slog.Int("status", status), slog.Int64("bytes", rec.bytes),
				slog.Duration("duration", elapsed), slog.String("remote", r.RemoteAddr))
		}()
		h.ServeHTTP(rec, r)
	})
}
