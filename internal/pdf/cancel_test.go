package pdf

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// TestWriteCancelled checks that Write stops, writing nothing, when its
// context is done: an interrupted run draws no more pages.
func TestWriteCancelled(t *testing.T) {
	pub := sampleArticle()
	doc := sampleDocument(t, pub)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if err := Write(ctx, &b, pub, doc, sampleOptions()); !errors.Is(err, context.Canceled) || b.Len() > 0 {
		t.Errorf("Write = %v with %d bytes written, want context.Canceled and none", err, b.Len())
	}
}
