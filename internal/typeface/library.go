package typeface

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/pressroom/publish/assets/fonts"
)

// Library gives access to the embedded faces. Each face is parsed on first
// use and only once, so a book without CJK text never pays for the large
// fallback font. A Library is safe for concurrent use.
type Library struct {
	// faces is fixed at construction, so it is read without a lock. A
	// scan of a few names is quicker than a map, and Resolve looks a name
	// up for every character.
	faces []lazyFace
	loads atomic.Int32 // faces parsed so far, for tests
}

// lazyFace is one embedded face, parsed by the first caller of Face.
type lazyFace struct {
	name string
	once sync.Once
	face *Face
	err  error
}

// NewLibrary returns a library of the faces in package fonts, none of them
// parsed yet.
func NewLibrary() *Library {
	names := fonts.Names()
	l := &Library{faces: make([]lazyFace, len(names))}
	for i, name := range names {
		l.faces[i].name = name
	}
	return l
}

// Face returns the face called name, one of the names in package fonts,
// parsing its font file on the first call.
func (l *Library) Face(name string) (*Face, error) {
	var lf *lazyFace
	for i := range l.faces {
		if l.faces[i].name == name {
			lf = &l.faces[i]
			break
		}
	}
	if lf == nil {
		return nil, fmt.Errorf("typeface %q: not embedded", name)
	}
	lf.once.Do(func() {
		l.loads.Add(1)
		file, err := fonts.Data(name)
		if err != nil {
			lf.err = fmt.Errorf("typeface %q: %w", name, err)
			return
		}
		if lf.face, err = parseFace(name, file); err != nil {
			lf.err = fmt.Errorf("typeface %q: %w", name, err)
		}
	})
	return lf.face, lf.err
}

// Resolve returns the first face of chain that has r, loading faces only
// as far along the chain as it needs to. It returns false when no face of
// the chain has r (or none can be loaded), which the caller reports.
func (l *Library) Resolve(chain []string, r rune) (*Face, bool) {
	for _, name := range chain {
		f, err := l.Face(name)
		if err == nil && f.Has(r) {
			return f, true
		}
	}
	return nil, false
}
