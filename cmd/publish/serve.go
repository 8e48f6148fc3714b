package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"

	"github.com/pressroom/publish/internal/serve"
)

// runServe is the serve command: flags in, the server until ctx is done.
func runServe(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string) int {
	cfg := serve.Config{Log: slog.New(slog.NewJSONHandler(stderr, nil))}
	fs := flag.NewFlagSet("publish serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Addr, "addr", getenv("PUBLISH_ADDR"), "listen on `HOST:PORT` (default "+serve.DefaultAddr+", or $PUBLISH_ADDR)")
	fs.Func("max-upload", "refuse requests larger than `MiB` (default 32)", func(s string) error {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			return errors.New("want a positive number of MiB")
		}
		cfg.MaxUpload = n << 20
		return nil
	})
	fs.IntVar(&cfg.Jobs, "jobs", 0, "work on `N` requests at once (default: one per CPU)")
	fs.IntVar(&cfg.Queue, "queue", 0, "let `N` more wait for a job, past which they get 503 (default: 4 per job)")
	fs.DurationVar(&cfg.Timeout, "timeout", serve.DefaultTimeout, "answer each request within `DURATION`, or 504")
	fs.DurationVar(&cfg.Grace, "grace", serve.DefaultGrace, "on SIGTERM, let requests in flight finish for up to `DURATION`")
	fs.StringVar(&cfg.Token, "token", getenv("PUBLISH_TOKEN"), "ask API calls for this bearer `TOKEN` (default $PUBLISH_TOKEN)")
	fs.BoolVar(&cfg.AllowPrivateURLs, "allow-private-urls", false, "let URL inputs and images be fetched from loopback and private networks")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: publish serve [flags]

Serve publish over HTTP: POST /v1/publish and /v1/inspect (multipart
forms), a web page at /, /healthz and /metrics. SIGTERM or Ctrl-C stops
taking requests and lets those in flight finish.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "publish serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	switch {
	case cfg.Jobs < 0:
		fmt.Fprintln(stderr, "publish serve: --jobs: want a positive number, or 0 for one per CPU")
		return 2
	case cfg.Timeout <= 0 || cfg.Grace <= 0:
		fmt.Fprintln(stderr, "publish serve: --timeout and --grace: want a positive duration")
		return 2
	}
	if err := serve.New(cfg).Run(ctx); err != nil {
		fmt.Fprintf(stderr, "publish: %v\n", err)
		return 1
	}
	return 0
}
