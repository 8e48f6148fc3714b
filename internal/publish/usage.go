package publish

import "fmt"

// A UsageError is a fault in how publish was called (a missing input, an
// unknown format or paper, flags that do not go together) rather than in
// an input: the command says how to get help and exits 2 for it.
type UsageError struct {
	Err error
}

func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the fault.
func (e *UsageError) Unwrap() error { return e.Err }

// usagef returns a UsageError of the formatted message.
func usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}
