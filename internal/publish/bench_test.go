package publish

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/corpustest"
)

// BenchmarkPublishPDF reads, lays out and writes the seed article's PDF in
// one process, fonts included: each iteration starts from a new run, as a
// new process would.
func BenchmarkPublishPDF(b *testing.B) { benchmarkPublish(b, "pdf") }

// BenchmarkPublishEPUB reads the seed article and writes its EPUB, cover
// included.
func BenchmarkPublishEPUB(b *testing.B) { benchmarkPublish(b, "epub") }

func benchmarkPublish(b *testing.B, format string) {
	in := filepath.Join("..", "..", "testdata", "china-power.txt")
	opts := Options{Getenv: func(string) string { return "1526774400" }}
	var buf bytes.Buffer
	for b.Loop() {
		env := newEnv(&opts) // as a new process: nothing parsed yet
		a, err := env.load(context.Background(), in, &opts)
		if err != nil {
			b.Fatal(err)
		}
		lopts, err := opts.layoutOptions()
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := env.render(context.Background(), &buf, format, article.Single(a), in, opts, lopts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}

// BenchmarkBatchCorpus makes both outputs of every page of the shared
// corpus in one run, on one worker per CPU, and reports articles a second.
func BenchmarkBatchCorpus(b *testing.B) {
	var inputs []string
	for _, p := range corpustest.Pages(b) {
		inputs = append(inputs, filepath.Join(p.Dir, "source.html"))
	}
	out := b.TempDir()
	opts := Options{OutDir: out, Force: true, Stderr: io.Discard, Getenv: func(string) string { return "1526774400" }}
	for b.Loop() {
		if err := Run(context.Background(), inputs, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(inputs)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
