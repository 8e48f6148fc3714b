// Command publish turns articles (scraped text, saved web pages, URLs and
// Markdown) into print-ready PDFs and EPUBs for e-readers.
//
// Usage:
//
//	publish [flags] FILE...                  make FILE.pdf and FILE.epub
//	publish --bind --title T [flags] FILE... make one book of them all
//	publish [flags] BOOK.yaml                make the book a manifest lists
//	publish inspect [flags] FILE             print the article as publish reads it
//	publish serve [flags]                    serve the API and the web page over HTTP
//
// Run `publish --help` for the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/pressroom/publish/internal/publish"
)

// memoryLimit is the Go runtime's soft memory limit when GOMEMLIMIT does
// not set one. Go's collector lets the heap grow to twice what was live at
// its last run, and a book-length document's layout is live for much of
// the drawing: a 20 MB text peaked at 1.2–1.4 GB. Under this limit the
// collector runs sooner instead, and the same text peaks at 0.8 GB.
// Small documents never come near it.
const memoryLimit = 768 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, cancel := context.WithCancel(context.Background())
	temps := &publish.Temps{}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go interrupts(sigs, cancel, func() { temps.RemoveAll(); os.Exit(exitInterrupted) })
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, temps))
}

// exitInterrupted is the status of a run stopped by a signal, as shells
// report one killed by SIGINT.
const exitInterrupted = 130

// interrupts handles Ctrl-C (or SIGTERM): the first cancels the run, which
// stops between its steps and removes what it had begun to write; a second
// means now, and quit is called at once.
func interrupts(sigs <-chan os.Signal, cancel func(), quit func()) {
	<-sigs
	cancel()
	<-sigs
	quit()
}

// run is the whole command, with its streams passed in for tests. It
// returns the exit status. temps, which may be nil, records the files
// being written.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, temps *publish.Temps) int {
	if len(args) > 0 && args[0] == "serve" {
		return runServe(ctx, args[1:], stderr, os.Getenv)
	}
	inspect := len(args) > 0 && args[0] == "inspect"
	if inspect {
		args = args[1:]
	}
	opts := publish.Options{Stdin: stdin, Stderr: stderr, Temps: temps}
	fs, showVersion, layoutReport := flags(&opts, inspect, stdout)
	inputs, err := parse(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "publish: %v\n", err)
		fmt.Fprintln(stderr, "Run 'publish --help' for usage.")
		return 2
	case *showVersion:
		fmt.Fprintf(stdout, "publish %s\n", publish.Version)
		return 0
	}
	if inspect {
		if len(inputs) != 1 {
			fmt.Fprintln(stderr, "publish inspect: name one file, or - for standard input")
			return 2
		}
		if *layoutReport {
			err = publish.InspectLayout(ctx, stdout, inputs[0], opts)
		} else {
			err = publish.Inspect(ctx, stdout, inputs[0], opts)
		}
	} else {
		err = publish.Run(ctx, inputs, opts)
	}
	var usage *publish.UsageError
	switch {
	case ctx.Err() != nil && errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "publish: interrupted")
		return exitInterrupted
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "publish: %v\n", err)
		fmt.Fprintln(stderr, "Run 'publish --help' for usage.")
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "publish: %v\n", err)
		return 1
	}
	return 0
}

// flags declares the command line, filling opts as it is parsed.
func flags(opts *publish.Options, inspect bool, out io.Writer) (fs *flag.FlagSet, showVersion, layoutReport *bool) {
	name := "publish"
	if inspect {
		name = "publish inspect"
	}
	fs = flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	showVersion = fs.Bool("version", false, "print the version and exit")
	layoutReport = new(bool)
	if inspect {
		fs.BoolVar(layoutReport, "layout", false, "lay the article out for print and report the layout's statistics instead")
	}
	fs.StringVar(&opts.OutDir, "o", "", "write outputs into `DIR` (default: the current directory)")
	fs.Func("format", "comma-separated output `formats`: pdf, epub (default: both)", func(s string) error {
		opts.Formats = strings.Split(s, ",")
		return nil
	})
	fs.StringVar(&opts.Paper, "paper", "a4", "paper `size` for the PDF: "+strings.Join(publish.Papers(), ", "))
	fs.BoolVar(&opts.Force, "force", false, "replace output files that exist")
	fs.IntVar(&opts.Jobs, "jobs", 0, "make `N` inputs at once (default: one per CPU)")
	fs.BoolVar(&opts.Ragged, "ragged", false, "set the PDF's text ragged right instead of justified")
	fs.BoolVar(&opts.Endnotes, "endnotes", false, "set the PDF's notes after each article, not at the foot of the page")
	fs.BoolVar(&opts.NoMicrotype, "no-microtype", false, "set the PDF without character protrusion and font expansion")
	fs.BoolVar(&opts.LinkNotes, "link-notes", false, "give each external link in the PDF a note with its address")
	fs.BoolVar(&opts.FetchImages, "fetch-images", false, "fetch the remote images of a saved page (a URL's are always fetched)")
	fs.BoolVar(&opts.AllowOutside, "allow-outside", false, "let a page, Markdown file or manifest use files outside its own folder")
	fs.BoolVar(&opts.EPUBFonts, "epub-fonts", false, "embed the fonts in the EPUB (by default readers use their own)")
	m := &opts.Meta
	fs.StringVar(&m.Title, "title", "", "set the `title`")
	fs.StringVar(&m.Subtitle, "subtitle", "", "set the subtitle (`dek`)")
	fs.Func("author", "set an `author` (repeat for several)", func(s string) error {
		m.Authors = append(m.Authors, strings.TrimSpace(s))
		return nil
	})
	fs.StringVar(&m.Date, "date", "", "set the publication `date` (YYYY-MM-DD)")
	fs.StringVar(&m.Lang, "lang", "", "set the `language` (a BCP 47 tag such as en or pt-BR)")
	fs.StringVar(&m.Publisher, "publisher", "", "set the `publisher` or site name")
	fs.StringVar(&m.SourceURL, "source-url", "", "set the `URL` the article came from")
	fs.StringVar(&m.Rights, "rights", "", "set the rights `statement`")
	if !inspect {
		fs.BoolVar(&opts.Bind, "bind", false, "bind all the inputs into one book: one PDF and one EPUB, with a cover and contents")
		fs.Func("editor", "name the book's `editor` (repeat for several; with --bind)", func(s string) error {
			m.Editors = append(m.Editors, strings.TrimSpace(s))
			return nil
		})
		fs.StringVar(&m.Cover, "cover", "", "use the image at `FILE` (or URL) as the book's cover (with --bind)")
		fs.BoolVar(&opts.Duplex, "duplex", false, "open each article of a book on a right-hand page, for printing on both sides (with --bind)")
	}
	fs.Usage = func() { usage(fs, inspect) }
	return fs, showVersion, layoutReport
}

// parse parses flags wherever they stand among the inputs, as most
// commands allow ("publish a.txt --format pdf").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var inputs []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return inputs, nil
		}
		inputs = append(inputs, args[0])
		args = args[1:]
	}
}

func usage(fs *flag.FlagSet, inspect bool) {
	w := fs.Output()
	if inspect {
		fmt.Fprint(w, `Usage: publish inspect [flags] FILE|URL|-

Print the article in FILE (or at URL, or on standard input) as JSON, the way publish reads
it: metadata, credits and body blocks. With --layout, lay it out for print
on --paper and print the layout's statistics instead.

Flags:
`)
	} else {
		fmt.Fprint(w, `Usage: publish [flags] FILE|URL|-...
       publish --bind --title TITLE [flags] FILE|URL|DIR...
       publish [flags] BOOK.yaml
       publish inspect [flags] FILE|URL|-
       publish serve [flags]

Turn each article (a scraped text, a saved web page, Markdown with YAML
front matter, an http(s) URL, or - for standard input; the format is told
from the content) into a print-ready PDF and an EPUB named after it:
china-power.txt makes china-power.pdf and china-power.epub. With --bind,
or given a YAML manifest of a book, make one PDF and one EPUB of them all.

Flags:
`)
	}
	fs.PrintDefaults()
}
