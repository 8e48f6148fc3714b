package cues

import (
	"strings"

	"github.com/pressroom/publish/internal/lazyre"
)

var (
	// "Anny Boc is a PhD Candidate ...", "Jane Doe was the ...", "John Smith
	// has written for ...": a name, then a verb that introduces a person.
	bioOpening = lazyre.New(`^((?:[\p{Lu}][\p{L}.'’-]*|de|da|van|von|bin|al|el|la|le)(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|de|da|del|van|von|der|bin|al|el|la|le)){1,4})\s+(?:is|was|has been|has written|writes|covers|teaches|serves as|works as|reports on|lives in)\s`)
	disclaimer = lazyre.New(`(?i)^(?:the )?(?:views|opinions)(?: and opinions)? expressed (?:here|in this|are)|^this (?:article|piece|story) (?:was|is|first) (?:originally )?(?:published|appeared|adapted)|^(?:a version of )?this (?:article|story) (?:originally )?appeared`)
)

// BioName reports whether paragraph p is an author's bio ("NAME is a ...")
// and returns the name it opens with.
func BioName(p string) (string, bool) {
	p = strings.TrimSpace(p)
	if len(p) > 1200 {
		return "", false
	}
	m := bioOpening().FindStringSubmatch(p)
	if m == nil || !LooksLikeName(m[1]) {
		return "", false
	}
	return m[1], true
}

// IsDisclaimer reports whether paragraph p is a disclaimer of the kind that
// ends opinion pieces ("The views expressed here are the author's own").
func IsDisclaimer(p string) bool {
	return len(p) < 600 && disclaimer().MatchString(strings.TrimSpace(p))
}
