package epub

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// TestWriteCancelled checks that Write stops, writing nothing, when its
// context is done.
func TestWriteCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if err := Write(ctx, &b, article.Single(seedArticle(t)), seedOptions()); !errors.Is(err, context.Canceled) || b.Len() > 0 {
		t.Errorf("Write = %v with %d bytes written, want context.Canceled and none", err, b.Len())
	}
}
