// Package serve is publish as an HTTP service and a web page: the API that
// newsrooms call to convert articles at volume, as they call Gotenberg
// (multipart forms in, a file out, errors as one line of plain text,
// health and metrics), and the page where a reader drops a file or pastes
// a URL and downloads the PDF or EPUB.
//
// A Server keeps no state between requests: each request's inputs and
// outputs live in a temporary folder removed when it is answered, so any
// number of replicas behind a load balancer serve alike. It is meant for
// the open internet: URLs and remote images are fetched only from public
// addresses (package netguard), the body of a request is bounded, work is
// done by a fixed number of jobs with a bounded queue before them, and
// each request has a deadline and stops when its client goes away.
package serve

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/pressroom/publish/internal/netguard"
	"github.com/pressroom/publish/internal/read"
)

// Defaults of Config's zero fields.
const (
	DefaultAddr      = "127.0.0.1:8080"
	DefaultMaxUpload = 32 << 20
	DefaultTimeout   = 60 * time.Second
	DefaultGrace     = 30 * time.Second
)

// Config sets up a Server.
type Config struct {
	// Addr is the address to listen on; "" is DefaultAddr.
	Addr string
	// MaxUpload bounds a request's body in bytes; 0 is DefaultMaxUpload.
	MaxUpload int64
	// Jobs is how many requests are worked on at once; 0 is one per CPU.
	Jobs int
	// Queue is how many more may wait for a job; past that a request is
	// answered 503 at once. 0 is four times Jobs; a negative Queue is none.
	Queue int
	// Timeout is each request's deadline; 0 is DefaultTimeout.
	Timeout time.Duration
	// Grace is how long a shutdown waits for requests in flight; 0 is
	// DefaultGrace.
	Grace time.Duration
	// Token, when set, is the bearer token the API asks for.
	Token string
	// AllowPrivateURLs lets URL inputs and remote images be fetched from
	// loopback, private and link-local addresses, for a service that runs
	// inside a trusted network.
	AllowPrivateURLs bool
	// Log receives one record a request and the server's own events; nil
	// is JSON on standard error.
	Log *slog.Logger
	// Getenv reads SOURCE_DATE_EPOCH for the outputs' dates; nil is
	// os.Getenv.
	Getenv func(string) string
}

// A Server answers the API and serves the page. It is an http.Handler.
type Server struct {
	cfg     Config
	jobs    *gate
	metrics *metrics
	client  *http.Client
	mux     *http.ServeMux
	active  sync.WaitGroup // requests being answered, for a shutdown to wait on
}

// New returns a Server with cfg's settings, its zero (or, but for Queue,
// negative) fields defaulted.
func New(cfg Config) *Server {
	cfg.Addr = cmp.Or(cfg.Addr, DefaultAddr)
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.Jobs <= 0 {
		cfg.Jobs = runtime.NumCPU()
	}
	if cfg.Queue == 0 {
		cfg.Queue = 4 * cfg.Jobs
	}
	cfg.Queue = max(cfg.Queue, 0)
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Grace <= 0 {
		cfg.Grace = DefaultGrace
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	if cfg.Getenv == nil {
		cfg.Getenv = os.Getenv
	}
	s := &Server{cfg: cfg, jobs: newGate(cfg.Jobs, cfg.Queue), client: read.NewClient(read.FetchTimeout)}
	if !cfg.AllowPrivateURLs {
		s.client.Transport = netguard.Transport()
	}
	s.metrics = newMetrics(s.jobs)
	s.mux = http.NewServeMux()
	s.route("GET /{$}", "page", http.HandlerFunc(s.page))
	s.route("GET /page.css", "page", http.HandlerFunc(s.asset))
	s.route("GET /page.js", "page", http.HandlerFunc(s.asset))
	s.route("POST /v1/publish", "publish", s.authorized(http.HandlerFunc(s.publish)))
	s.route("POST /v1/inspect", "inspect", s.authorized(http.HandlerFunc(s.inspect)))
	s.route("GET /healthz", "healthz", http.HandlerFunc(healthz))
	s.route("GET /metrics", "metrics", s.metrics.handler())
	s.route("/", "other", http.NotFoundHandler()) // logged and counted too
	return s
}

// route serves pattern with h, logged and counted under the route's name.
func (s *Server) route(pattern, name string, h http.Handler) {
	s.mux.Handle(pattern, s.observe(name, h))
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Run listens on the configured address and serves until ctx is done,
// then stops taking connections and lets the requests in flight finish,
// for up to the grace period. It returns nil after such a shutdown.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return s.serve(ctx, ln)
}

// serve is Run on a listener of the caller's. Past the grace period the
// requests still in flight are cancelled, and their handlers let clean
// up, before it returns: a shutdown leaves no temporary folder behind.
func (s *Server) serve(ctx context.Context, ln net.Listener) error {
	base, cancelAll := context.WithCancel(context.Background())
	defer cancelAll()
	srv := &http.Server{
		Handler:           s,
		BaseContext:       func(net.Listener) context.Context { return base },
		ReadHeaderTimeout: 10 * time.Second,
		// A body must arrive within the deadline a request has in all, and
		// an answer be taken within as long again.
		ReadTimeout:  s.cfg.Timeout,
		WriteTimeout: 2 * s.cfg.Timeout,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(s.cfg.Log.Handler(), slog.LevelWarn),
	}
	s.cfg.Log.Info("listening", "addr", ln.Addr().String(), "jobs", s.cfg.Jobs, "queue", s.cfg.Queue)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.cfg.Log.Info("shutting down", "grace", s.cfg.Grace.String())
	grace, cancel := context.WithTimeout(context.Background(), s.cfg.Grace)
	defer cancel()
	if err := srv.Shutdown(grace); err != nil {
		s.cfg.Log.Warn("grace period over: cancelling the requests in flight")
		cancelAll()
		s.active.Wait()
		srv.Close()
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}
