package publish

import (
	"fmt"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/dates"
)

// parseDateFlag reads --date: YYYY-MM-DD, RFC 3339, or any form metadata
// or a byline gives ("May 18, 2018").
func parseDateFlag(s string) (article.Date, error) {
	if d, ok := dates.Parse(s); ok {
		return d, nil
	}
	return article.Date{}, fmt.Errorf("--date: cannot read %q as a date (use YYYY-MM-DD)", s)
}

// parseLang checks --lang is a BCP 47 tag and puts it in canonical form.
func parseLang(s string) (string, error) {
	tag, err := article.CanonicalLang(s)
	if err != nil {
		return "", fmt.Errorf("--lang: %q is not a BCP 47 language tag (such as en, pt-BR)", s)
	}
	return tag, nil
}
