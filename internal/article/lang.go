package article

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// CanonicalLang returns tag, a BCP 47 language tag as a source wrote it
// ("pt-br", "en_US", " zh-hant "), in canonical form ("pt-BR", "en-US",
// "zh-Hant"), or an error when it is not a well-formed tag. "und"
// (undetermined) is well formed and stays; callers that take it for unknown
// say so. Readers, the pipeline and backends all call it, so a tag reads the
// same wherever it comes from.
func CanonicalLang(tag string) (string, error) {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil {
		return "", fmt.Errorf("language tag %q: %w", tag, err)
	}
	return t.String(), nil
}
