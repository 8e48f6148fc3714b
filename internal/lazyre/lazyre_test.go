package lazyre

import (
	"sync"
	"testing"
)

func TestNew(t *testing.T) {
	re := New(`^(\d+)-(\d+)$`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if m := re().FindStringSubmatch("12-34"); len(m) != 3 || m[1] != "12" || m[2] != "34" {
				t.Errorf("FindStringSubmatch = %q", m)
			}
		})
	}
	wg.Wait()
	if first, again := re(), re(); first != again {
		t.Error("New compiled its pattern more than once")
	}
}

func TestNewPanicsOnBadPattern(t *testing.T) {
	re := New(`(`) // compiling is deferred: no panic here
	defer func() {
		if recover() == nil {
			t.Error("a bad pattern did not panic when first used")
		}
	}()
	re()
}
