// Package lazyre compiles a regular expression the first time it is used,
// not when its package is initialised: the readers hold dozens of patterns,
// and a run that reads no scraped text, or only asks for help, should not
// pay to compile them.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call, panicking
// as regexp.MustCompile does if expr is not valid, and returns the same
// compiled pattern on every call. It is safe for concurrent use.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
