package layout

import (
	"context"
	"errors"
	"testing"
)

// TestLayoutCancelled checks that Layout stops between articles when its
// context is done, for an article and for a book.
func TestLayoutCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := typesetter().Layout(ctx, seedArticle(), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("article: Layout = %v, want context.Canceled", err)
	}
	if _, err := typesetter().Layout(ctx, sampleBook(), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("book: Layout = %v, want context.Canceled", err)
	}
}
