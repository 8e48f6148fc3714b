package publish

import (
	"fmt"
	"io"
	"time"

	"github.com/pressroom/publish/internal/article"
)

// render writes article a in one format.
func render(w io.Writer, format string, a *article.Article, opts Options, created time.Time) error {
	return fmt.Errorf("writing %s is not built yet: see `publish inspect`", format)
}
