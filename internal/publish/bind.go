package publish

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/read/images"
)

// bind makes one book of all the inputs, or of a manifest's: one file per
// format, named after the manifest or else the book's title. Every input
// must read: when one does not, each failure is reported and no book is
// made, since a book with a hole in it is not what was asked for.
func bind(ctx context.Context, inputs []string, opts Options, formats []string, lopts layout.Options) error {
	lopts.Duplex = opts.Duplex
	m, base, err := bookManifest(inputs)
	if err != nil {
		return err
	}
	if !opts.AllowOutside {
		// The manifest's own cover; one given on the command line is the
		// user's to choose.
		if err := m.confine(m.Cover); err != nil {
			return err
		}
	}
	if err := opts.Meta.applyBook(m); err != nil {
		return err
	}
	if m.Meta.Title == "" {
		return usagef("--bind: name the book with --title, or with title: in its manifest")
	}
	if base == "" {
		base = slug(m.Meta.Title)
	}

	// Each section's inputs, directories expanded, in order.
	var all []string
	counts := make([]int, len(m.Sections))
	for i, s := range m.Sections {
		in, err := expand(s.Inputs)
		if err != nil {
			return err
		}
		counts[i] = len(in)
		all = append(all, in...)
	}
	if !opts.AllowOutside {
		if err := m.confine(all...); err != nil {
			return err
		}
	}
	env := newEnv(&opts)
	// The command line's metadata is the book's, not each article's.
	bare := opts
	bare.Meta = Overrides{}
	arts := make([]*article.Article, len(all))
	start := time.Now()
	failed := opts.each(ctx, all, func(ctx context.Context, i int) error {
		a, err := env.load(ctx, all[i], &bare)
		arts[i] = a
		return err
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs failed; no book made", failed, len(all))
	}

	pub := m.publication(arts, counts)
	if m.Cover != "" {
		// A cover named on the command line is the user's own choice,
		// and a manifest's has been confined to its folder above.
		l := images.Loader{Context: ctx, Dir: ".", Client: env.reader.Client, AllowOutside: true}
		data, mediaType, w, h, err := l.Load(m.Cover)
		if err != nil {
			return fmt.Errorf("cover: %w", err)
		}
		pub.Meta.LeadImage = &article.Image{Src: m.Cover, Data: data, MediaType: mediaType, Width: w, Height: h, Alt: "Cover of " + m.Meta.Title}
	}
	made, err := opts.writeOutputs(ctx, base, formats, func(ctx context.Context, format string, w io.Writer) error {
		return env.render(ctx, w, format, pub, filepath.Join(opts.OutDir, base+"."+format), opts, lopts)
	})
	if err != nil {
		return err
	}
	noun := "articles"
	if len(all) == 1 {
		noun = "article"
	}
	fmt.Fprintf(opts.stderr(), "publish: bound %d %s into %s in %v\n",
		len(all), noun, strings.Join(made, " and "), time.Since(start).Round(time.Millisecond))
	return nil
}

// bookManifest returns the manifest of the book the inputs make, and the
// base name of its outputs when the manifest file gives one: a manifest
// alone is read, and a list of inputs is a book of one untitled section.
func bookManifest(inputs []string) (*manifest, string, error) {
	for _, in := range inputs {
		if isManifest(in) && len(inputs) > 1 {
			return nil, "", usagef("%s: a manifest is bound alone; list every input in it", in)
		}
	}
	if len(inputs) == 1 && isManifest(inputs[0]) {
		m, err := readManifest(inputs[0])
		if err != nil {
			return nil, "", err
		}
		m.Path = inputs[0]
		return m, strings.TrimSuffix(filepath.Base(inputs[0]), filepath.Ext(inputs[0])), nil
	}
	return &manifest{Sections: []manifestSection{{Inputs: inputs}}}, "", nil
}

// applyBook puts the command line's metadata over a manifest's.
func (ov *Overrides) applyBook(m *manifest) error {
	if err := ov.apply(&m.Meta); err != nil {
		return err
	}
	if len(ov.Editors) > 0 {
		m.Editors = ov.Editors
	}
	if c := strings.TrimSpace(ov.Cover); c != "" {
		m.Cover = c
	}
	return nil
}

// publication makes the book of the articles read, counts[i] of them in
// the manifest's i-th section. A book with no language of its own takes
// its articles' commonest.
func (m *manifest) publication(arts []*article.Article, counts []int) *article.Publication {
	pub := &article.Publication{Meta: m.Meta, Book: true}
	for _, n := range m.Editors {
		pub.Editors = append(pub.Editors, article.Person{Name: n})
	}
	for i, s := range m.Sections {
		pub.Sections = append(pub.Sections, article.Section{Title: s.Title, Articles: arts[:counts[i]]})
		arts = arts[counts[i]:]
	}
	if pub.Meta.Lang == "" {
		pub.Meta.Lang = commonestLang(pub.Articles())
	}
	return pub
}

// commonestLang returns the language most of the articles are in, the
// first one's on a tie; "" when none says.
func commonestLang(arts []*article.Article) string {
	count := map[string]int{}
	best := ""
	for _, a := range arts {
		l := a.Meta.Lang
		if l == "" {
			continue
		}
		count[l]++
		if count[l] > count[best] {
			best = l
		}
	}
	return best
}
