package publish

import (
	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/dates"
)

// parseDateFlag reads --date: YYYY-MM-DD, RFC 3339, or any form metadata
// or a byline gives ("May 18, 2018").
func parseDateFlag(s string) (article.Date, error) {
	if d, ok := dates.Parse(s); ok {
		return d, nil
	}
	return article.Date{}, usagef("--date: cannot read %q as a date (use YYYY-MM-DD)", s)
}

// parseLang checks --lang is a BCP 47 tag and puts it in canonical form.
func parseLang(s string) (string, error) {
	tag, err := article.CanonicalLang(s)
	if err != nil {
		return "", usagef("--lang: %q is not a BCP 47 language tag (such as en, pt-BR)", s)
	}
	return tag, nil
}

// check reads the values of --date and --lang once, before any input is
// read, so that a mistyped flag is one usage error, not a failure of every
// input.
func (ov *Overrides) check() error {
	if ov.Date != "" {
		if _, err := parseDateFlag(ov.Date); err != nil {
			return err
		}
	}
	if ov.Lang != "" {
		if _, err := parseLang(ov.Lang); err != nil {
			return err
		}
	}
	return nil
}
