package serve

import (
	"context"
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// A gate lets a fixed number of jobs run at once and a bounded number of
// requests wait for one; whoever comes when both are full is turned away,
// so that a burst is answered 503 at once rather than piling up.
type gate struct {
	slots   chan struct{}
	queue   int64
	waiting atomic.Int64 // holding a ticket, not yet a slot
	running atomic.Int64
}

func newGate(jobs, queue int) *gate {
	return &gate{slots: make(chan struct{}, jobs), queue: int64(queue)}
}

// errBusy is a request turned away by a full gate.
var errBusy = errors.New("busy: every job is taken and the queue is full; try again shortly")

// A ticket is a place at the gate: a job's slot, or one in the queue that
// wait turns into a slot.
type ticket struct {
	g    *gate
	slot bool
	done bool
}

// enter takes a place at the gate, or fails with errBusy.
func (g *gate) enter() (*ticket, error) {
	select {
	case g.slots <- struct{}{}:
		g.running.Add(1)
		return &ticket{g: g, slot: true}, nil
	default:
	}
	if g.waiting.Add(1) > g.queue {
		g.waiting.Add(-1)
		return nil, errBusy
	}
	return &ticket{g: g}, nil
}

// wait holds t until it has a job's slot, or until ctx is done.
func (t *ticket) wait(ctx context.Context) error {
	if t.slot {
		return nil
	}
	select {
	case t.g.slots <- struct{}{}:
		t.g.waiting.Add(-1)
		t.g.running.Add(1)
		t.slot = true
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// leave gives t's place back.
func (t *ticket) leave() {
	if t.done {
		return
	}
	t.done = true
	if t.slot {
		t.g.running.Add(-1)
		<-t.g.slots
		return
	}
	t.g.waiting.Add(-1)
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
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok && strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			// The field is read from the form the handler parses anyway.
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
			err := r.ParseMultipartForm(formMemory)
			if tooBig := new(http.MaxBytesError); errors.As(err, &tooBig) {
				s.fail(w, r, http.StatusRequestEntityTooLarge, tooLarge(s.cfg.MaxUpload))
				return
			}
			if err == nil {
				got, ok = r.FormValue("token"), true
			}
		}
		if !ok || subtle.ConstantTimeCompare([]byte(got), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="publish"`)
			s.fail(w, r, http.StatusUnauthorized, errors.New("unauthorized: send the service's token as Authorization: Bearer TOKEN"))
			return
		}
		h.ServeHTTP(w, r)
	})
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

// observe logs each request to route and counts it in the metrics.
func (s *Server) observe(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		s.metrics.inFlight.Inc()
		rec := &recorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		s.metrics.inFlight.Dec()
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		if r.Context().Err() != nil && rec.bytes == 0 {
			status = clientGone
		}
		elapsed := time.Since(start)
		s.metrics.observe(route, status, elapsed)
		s.cfg.Log.LogAttrs(r.Context(), levelOf(status), "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", route),
			slog.Int("status", status), slog.Int64("bytes", rec.bytes),
			slog.Duration("duration", elapsed), slog.String("remote", r.RemoteAddr))
	})
}
