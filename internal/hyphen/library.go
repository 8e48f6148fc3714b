package hyphen

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

// ErrNoPatterns is returned for a language that has no hyphenation patterns;
// its text is simply not hyphenated.
var ErrNoPatterns = errors.New("hyphen: no patterns for language")

//go:generate go test -run TestEmbeddedTries -update

// tries holds the embedded languages' pattern sets, encoded (trie.go), in
// one bundle (see trieOf), made from patterns/hyph-TAG.pat.txt by go
// generate. A string, so that a set is read where it lies.
//
//go:embed tries.bin
var tries string

// exceptionFiles are the languages' exception words, which are few and
// parsed on loading.
//
//go:embed patterns/*.hyp.txt
var exceptionFiles embed.FS

// sets lists the embedded pattern sets by tag; each has patterns/hyph-TAG.pat.txt,
// encoded in tries, and maybe patterns/hyph-TAG.hyp.txt.
func sets() []string {
	return []string{"cs", "de-1996", "de-ch-1901", "en-gb", "en-us", "es", "fr", "it", "nl", "pt", "ru", "th"}
}

// A Library hands out the Dictionary of each language it has patterns for,
// loading each pattern set once, on first use. It is safe for concurrent
// use.
type Library struct {
	dicts map[string]*lazyDictionary // by pattern set tag; never changes
}

type lazyDictionary struct {
	once sync.Once
	dict *Dictionary
	err  error
}

// NewLibrary returns a Library of the embedded patterns.
func NewLibrary() *Library {
	l := &Library{dicts: make(map[string]*lazyDictionary)}
	for _, tag := range sets() {
		l.dicts[tag] = new(lazyDictionary)
	}
	return l
}

// Dictionary returns the Dictionary for lang, a BCP 47 tag such as "en",
// "en-GB", "de-CH" or "pt_BR", matched case-insensitively and falling back
// from region and variant to the bare language. It returns an error wrapping
// ErrNoPatterns when no pattern set fits.
func (l *Library) Dictionary(lang string) (*Dictionary, error) {
	tag := resolve(lang)
	ld := l.dicts[tag]
	if ld == nil {
		return nil, fmt.Errorf("hyphen: %q: %w", lang, ErrNoPatterns)
	}
	ld.once.Do(func() { ld.dict, ld.err = load(tag) })
	return ld.dict, ld.err
}

// load reads an embedded pattern set and its exceptions.
func load(tag string) (*Dictionary, error) {
	enc, ok := trieOf(tries, tag)
	if !ok {
		return nil, fmt.Errorf("hyphen: loading %s: not in the embedded sets (run go generate)", tag)
	}
	set, err := decodeSet(enc)
	if err != nil {
		return nil, fmt.Errorf("hyphen: loading %s: %w", tag, err)
	}
	hyp, err := exceptionFiles.ReadFile("patterns/hyph-" + tag + ".hyp.txt")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("hyphen: loading %s: %w", tag, err)
	}
	if err := set.readExceptions(hyp); err != nil {
		return nil, fmt.Errorf("hyphen: parsing %s exceptions: %w", tag, err)
	}
	return &Dictionary{lang: tag, set: set, left: DefaultLeftMin, right: DefaultRightMin}, nil
}

// resolve maps a BCP 47 tag to the embedded pattern set that fits it best,
// or "" when none does. It tries language-region-variant, language-variant,
// language-region and the language alone.
func resolve(lang string) string {
	subtags := strings.Split(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	base := subtags[0]
	var region string
	var variants []string
	for _, s := range subtags[1:] {
		switch {
		case len(s) == 1: // an extension or private use: what follows is not ours
			goto done
		case len(s) == 4 && !isDigit(s[0]): // a script, such as "latn"
		case len(s) == 2 || len(s) == 3 && isDigit(s[0]):
			region = s
		default:
			variants = append(variants, s)
		}
	}
done:
	var candidates []string
	for _, v := range variants {
		if region != "" {
			candidates = append(candidates, base+"-"+region+"-"+v)
		}
		candidates = append(candidates, base+"-"+v)
	}
	if region != "" {
		candidates = append(candidates, base+"-"+region)
	}
	candidates = append(candidates, base)
	for _, c := range candidates {
		if set := setFor(c); set != "" {
			return set
		}
	}
	return ""
}

// setFor maps a normalized tag to its pattern set, or "".
func setFor(tag string) string {
	switch tag {
	case "en", "en-us":
		return "en-us"
	// Commonwealth spelling and syllabification follow British usage.
	case "en-gb", "en-uk", "en-ie", "en-au", "en-nz", "en-za", "en-in":
		return "en-gb"
	// Swiss texts today follow the reformed spelling (with ss for ß), which
	// the de-1996 patterns read; the traditional Swiss set must be asked for.
	case "de", "de-1996":
		return "de-1996"
	case "de-ch-1901":
		return "de-ch-1901"
	}
	if slices.Contains(sets(), tag) {
		return tag // a language with one set, named for it
	}
	return ""
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
