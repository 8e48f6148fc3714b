// Package publish is the pipeline behind the publish command: it reads each
// input into the article model, applies the command line's metadata, and
// hands the article to the backends, writing each output file whole or not
// at all.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/punct"
	"github.com/pressroom/publish/internal/read"
)

// Version is the program's version, as `publish --version` prints it and the
// outputs name their creator.
const Version = "0.1.0"

// Formats lists the output formats publish writes, in the order it writes
// them.
func Formats() []string { return []string{"pdf", "epub"} }

// Papers lists the paper sizes the print layout knows.
func Papers() []string { return layout.PaperNames() }

// Options are the settings of one run: what the command line said.
type Options struct {
	OutDir  string   // where outputs go; "" is the current directory
	Formats []string // a subset of Formats(); empty means all
	Paper   string   // one of Papers(); "" is A4
	Force   bool     // replace outputs that exist
	Jobs    int      // inputs made at once; 0 is one per CPU
	Ragged  bool     // set the PDF's text ragged right, not justified
	// NoMicrotype turns off the PDF's character protrusion and font
	// expansion, for comparison.
	NoMicrotype bool
	// Endnotes sets the PDF's notes after each article's text, not at the
	// foot of the page that refers to them.
	Endnotes bool
	// LinkNotes gives each external link in the PDF a note with its
	// address.
	LinkNotes bool
	// FetchImages lets a saved page's remote images be fetched; a page
	// read from a URL always fetches its own.
	FetchImages bool
	// EPUBFonts embeds the fonts in the EPUB; without it readers use
	// their own.
	EPUBFonts bool
	// AllowOutside lets an input refer to files outside its own folder:
	// a page's or Markdown file's images, a manifest's inputs and cover.
	AllowOutside bool
	// Bind makes one book of all the inputs instead of outputs for each;
	// an input that is a manifest (.yaml) is always bound.
	Bind bool
	// Duplex opens each article of a book on a right-hand page.
	Duplex bool
	Meta   Overrides
	// Temps, when set, records the temporary files being written, for a
	// command to remove if it must exit at once.
	Temps  *Temps
	Stdin  io.Reader // read for the input "-"
	Stderr io.Writer // warnings
	// Getenv reads the environment (SOURCE_DATE_EPOCH); nil is os.Getenv.
	Getenv func(string) string
	// Now is the clock when SOURCE_DATE_EPOCH is unset; nil is time.Now.
	Now func() time.Time
	// Client fetches URL inputs and remote images; nil is a client of
	// read.NewClient. A service gives one that reaches only the public
	// internet (package netguard).
	Client *http.Client
	// PagesMade, when set, is told the page count of each PDF made.
	PagesMade func(pages int)
}

// Overrides are metadata given on the command line. They win over whatever
// the input says; empty fields leave the input's value alone.
type Overrides struct {
	Title, Subtitle string
	Authors         []string
	Date            string
	Lang            string
	Publisher       string
	SourceURL       string
	Rights          string
	// Editors and Cover (an image's path or URL) are a bound book's.
	Editors []string
	Cover   string
}

// Run publishes each input: every requested format, named after the input,
// in the output directory. Inputs run in parallel on Jobs workers; one that
// fails is reported on Stderr and the others go on, and Run then returns
// an error saying how many failed. A single input's error is returned as
// it is.
func Run(ctx context.Context, inputs []string, opts Options) error {
	if len(inputs) == 0 {
		return usagef("no input: name a file, or - for standard input")
	}
	if err := opts.Meta.check(); err != nil {
		return err
	}
	formats, err := opts.formats()
	if err != nil {
		return err
	}
	lopts, err := opts.layoutOptions()
	if err != nil {
		return err
	}
	if opts.OutDir != "" {
		// As mkdir -p would: a folder named for the outputs is made, and
		// taken away again if no output was written into it.
		_, err := os.Stat(opts.OutDir)
		made := errors.Is(err, fs.ErrNotExist)
		if err := os.MkdirAll(opts.OutDir, 0o777); err != nil {
			return fmt.Errorf("-o: %w", err)
		}
		if made {
			defer os.Remove(opts.OutDir) // fails, as it should, unless empty
		}
	}
	if opts.Bind || (len(inputs) == 1 && isManifest(inputs[0])) {
		return bind(ctx, inputs, opts, formats, lopts)
	}
	if len(opts.Meta.Editors) > 0 || opts.Meta.Cover != "" || opts.Duplex {
		return usagef("--editor, --cover and --duplex are for a bound book: add --bind")
	}
	for _, in := range inputs {
		if isManifest(in) {
			return usagef("%s: a manifest is bound alone; list every input in it", in)
		}
	}
	if inputs, err = expand(inputs); err != nil {
		return err
	}
	env := newEnv(&opts)
	// Names are claimed in input order, so a run names its outputs the
	// same way whatever order the workers finish in.
	var taken names
	bases := make([]string, len(inputs))
	for i, in := range inputs {
		if b := inputBase(in); b != "" {
			bases[i] = taken.claim(b)
		}
	}
	publishOne := func(ctx context.Context, i int) error {
		in := inputs[i]
		a, err := env.load(ctx, in, &opts)
		if err != nil {
			return err
		}
		base := bases[i]
		if base == "" {
			base = taken.claim(slug(a.Title()))
		}
		_, err = opts.writeOutputs(ctx, base, formats, func(ctx context.Context, format string, w io.Writer) error {
			return env.render(ctx, w, format, article.Single(a), in, opts, lopts)
		})
		return err
	}
	if len(inputs) == 1 {
		return recovered(inputs[0], func() error { return publishOne(ctx, 0) })
	}
	start := time.Now()
	failed := opts.each(ctx, inputs, publishOne)
	fmt.Fprintf(opts.stderr(), "publish: made %d of %d articles (%d failed) in %v\n",
		len(inputs)-failed, len(inputs), failed, time.Since(start).Round(time.Millisecond))
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs failed", failed, len(inputs))
	}
	return nil
}

// Inspect prints the article read from input as JSON.
func Inspect(ctx context.Context, w io.Writer, input string, opts Options) error {
	if isManifest(input) {
		return usagef("%s: a book's manifest; inspect reads one article", input)
	}
	if err := opts.Meta.check(); err != nil {
		return err
	}
	a, err := newEnv(&opts).load(ctx, input, &opts)
	if err != nil {
		return err
	}
	return writeInspect(w, a)
}

// InspectLayout lays out the article read from input and prints the
// layout's statistics as JSON.
func InspectLayout(ctx context.Context, w io.Writer, input string, opts Options) error {
	if isManifest(input) {
		return usagef("%s: a book's manifest; inspect reads one article", input)
	}
	if err := opts.Meta.check(); err != nil {
		return err
	}
	env := newEnv(&opts)
	a, err := env.load(ctx, input, &opts)
	if err != nil {
		return err
	}
	lopts, err := opts.layoutOptions()
	if err != nil {
		return err
	}
	doc, err := env.layout(ctx, article.Single(a), lopts, opts.stderr(), input)
	if err != nil {
		return err
	}
	return writeJSON(w, doc.Stats)
}

// layoutOptions turns the command line's print settings into the layout's,
// with the time the outputs say they were made.
func (o *Options) layoutOptions() (layout.Options, error) {
	created, err := o.created()
	if err != nil {
		return layout.Options{}, err
	}
	name := o.Paper
	if name == "" {
		name = "a4"
	}
	paper, err := layout.PaperNamed(name)
	if err != nil {
		return layout.Options{}, usagef("--paper: unknown size %q (want %s)", o.Paper, strings.Join(Papers(), ", "))
	}
	return layout.Options{Paper: paper, Ragged: o.Ragged, Endnotes: o.Endnotes, LinkNotes: o.LinkNotes, NoMicrotype: o.NoMicrotype, Created: created}, nil
}

func (o *Options) stderr() io.Writer {
	if o.Stderr == nil {
		return io.Discard
	}
	return o.Stderr
}

// reader returns the reader a run reads all its inputs with, sharing one
// HTTP client, so that URLs on one site reuse their connections.
func (o *Options) reader() *read.Reader {
	stdin := o.Stdin
	if stdin == nil {
		stdin = os.Stdin
	}
	client := o.Client
	if client == nil {
		client = read.NewClient(read.FetchTimeout)
	}
	return &read.Reader{
		Stdin:        stdin,
		Client:       client,
		FetchImages:  o.FetchImages,
		AllowOutside: o.AllowOutside,
		Warn:         func(msg string) { fmt.Fprintf(o.stderr(), "publish: %s\n", msg) },
	}
}

// load reads one input with the run's reader and applies the overrides.
func (e *env) load(ctx context.Context, input string, o *Options) (*article.Article, error) {
	a, err := e.reader.Read(ctx, input)
	if err != nil {
		return nil, err
	}
	if err := o.Meta.apply(&a.Meta); err != nil {
		return nil, err
	}
	if a.Meta.Title == "" && input != "-" {
		a.Meta.Title = titleFromName(input)
	}
	article.Normalize(a)
	punct.Article(a)
	return a, nil
}

// titleFromName makes a title of a file name, as calibre does for a book
// with no metadata: "china-power.txt" is "china power".
func titleFromName(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	return strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(base))
}

func (ov *Overrides) apply(m *article.Metadata) error {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&m.Title, ov.Title)
	set(&m.Subtitle, ov.Subtitle)
	set(&m.Publisher, ov.Publisher)
	set(&m.SourceURL, ov.SourceURL)
	set(&m.Rights, ov.Rights)
	if len(ov.Authors) > 0 {
		bios := map[string]string{}
		for _, p := range m.Authors {
			bios[p.Name] = p.Bio
		}
		m.Authors = m.Authors[:0]
		for _, name := range ov.Authors {
			m.Authors = append(m.Authors, article.Person{Name: name, Bio: bios[name]})
		}
	}
	if ov.Date != "" {
		d, err := parseDateFlag(ov.Date)
		if err != nil {
			return err
		}
		m.Date = d
	}
	if ov.Lang != "" {
		tag, err := parseLang(ov.Lang)
		if err != nil {
			return err
		}
		m.Lang = tag
	}
	return nil
}

func (o *Options) formats() ([]string, error) {
	if len(o.Formats) == 0 {
		return Formats(), nil
	}
	var out []string
	for _, f := range o.Formats {
		f = strings.ToLower(strings.TrimSpace(f))
		if !contains(Formats(), f) {
			return nil, usagef("--format: unknown format %q (want %s)", f, strings.Join(Formats(), ", "))
		}
		if !contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// created is the time the outputs say they were made: SOURCE_DATE_EPOCH when
// set, for reproducible builds, else the clock.
func (o *Options) created() (time.Time, error) {
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		// The outputs' dates have four-digit years (ISO 8601, as EPUB
		// and PDF write them): the last second of 9999 is the limit.
		const maxEpoch = 253402300799
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 || n > maxEpoch {
			return time.Time{}, usagef("SOURCE_DATE_EPOCH: %q is not a count of seconds from 1970 to the end of 9999", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if o.Now != nil {
		return o.Now().UTC(), nil
	}
	return time.Now().UTC(), nil
}

// slug turns a title into a file name: lower case letters and digits joined
// by hyphens, at most 60 bytes.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 60 {
				break
			}
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "article"
	}
	return b.String()
}
