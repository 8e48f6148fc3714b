package cues

import (
	"strings"

	"github.com/pressroom/publish/internal/lazyre"
)

// debrisLine matches whole lines that are a site's navigation, sharing and
// advertising furniture rather than the article: what a scraper picks up
// around the text. Only whole short lines match, so a sentence that uses
// these words is never dropped. A class of letters is left out of (?i)
// (as "(?-i:…)"): letters fold to letters (only U+0345, a combining mark
// that folds with ι, is lost), and folding the class costs more to
// compile than the rest of the pattern.
var debrisLine = lazyre.New(`(?i)^(?:` + strings.Join([]string{
	`recent (?:features|posts|articles|stories|news)`,
	`related(?: (?:articles|stories|posts|content|coverage|reading))?:?`,
	`(?:more|most) (?:from|on|in) (?-i:[\p{L} ]{1,30})`,
	`most (?:popular|read|viewed|shared)`,
	`(?:you (?:may|might) )?also like`,
	`read (?:more|next|this next|the full (?:story|article))`,
	`continue reading(?: below)?`,
	`advertisement|sponsored(?: content)?|ad|ads|story continues below(?: advertisement)?`,
	`share(?: this(?: article| story| post)?)?(?: (?:on|via|by|to|with) (?-i:[\p{L}+ ]{1,20}))?`,
	`(?:tweet|email|print|comments?|save|copy link|link copied|reprints?)`,
	`follow us on (?-i:[\p{L}+ ]{1,20})`,
	`sign (?:in|up)(?: for (?:our|the) newsletter)?|log ?in|subscribe(?: now)?|register`,
	`skip to (?:main )?content|menu|search|close|back to top|home`,
	`image|photo|video|audio|listen to this article|play video`,
	`powered by \S+`,
}, "|") + `)[.:!]?$`)

// IsDebris reports whether a whole line is navigation or sharing debris.
func IsDebris(line string) bool {
	s := strings.TrimSpace(line)
	return len(s) <= 60 && debrisLine().MatchString(s)
}

// relatedLine matches a label over links to other stories, in the
// languages publish hyphenates.
var relatedLine = lazyre.New(`(?i)^(?:related(?: (?:articles|stories|posts|content|coverage|reading|links))?|see also|read (?:also|next)|more on this(?: story| topic)?|(?:you (?:may|might) )?also like|související(?: články)?|čtěte (?:také|též)|(?:à )?lire aussi|voir aussi|sur le même sujet|mehr zum thema|lesen sie auch|ähnliche artikel|artículos relacionados|relacionad[oa]s|lea también|leia também|leggi anche|articoli correlati|gerelateerd|lees ook)[.:]?$`)

// IsRelatedLabel reports whether line is the label a page prints over
// links to its other stories ("Related", "Lire aussi", "Související"):
// what follows it, up to the article's text, is their headlines.
func IsRelatedLabel(line string) bool {
	s := strings.TrimSpace(line)
	return len(s) <= 40 && relatedLine().MatchString(s)
}

var (
	// A label over a page's comments: "Comments (12)", "12 Comments",
	// "Leave a Reply", in the languages publish hyphenates.
	commentsLine = lazyre.New(`(?i)^(?:(?:\d[\d,.]*\s+)?(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties|komentáře)(?:\s*\(\d[\d,.]*\))?|(?:leave|post|add|write) a (?:reply|comment)|join the (?:discussion|conversation)|(?:show|view|load) (?:all )?comments)[.:]?$`)
	// A label over teasers of the site's other stories. The site's name
	// is unbounded: IsMoreLabel reads lines of 40 bytes at most, and a
	// bound such as {1,30} would only cost the compiler a copy of the
	// class of letters per count.
	moreLine = lazyre.New(`(?i)^(?:recommended(?: for you| stories| articles| reading)?|more (?:stories|articles|news)(?: from (?-i:[\p{L} ]+))?|(?:you (?:may|might) )?also like|trending(?: now| stories)?|most (?:popular|read|viewed|shared)(?: stories| articles)?|popular (?:stories|articles|posts)|related (?:articles|stories|posts|content|coverage)|what to read next|up next)[.:]?$`)
)

// EndsArticle reports whether line is a label after which a page's
// article is over: that of its comments ("Comments (12)", "Leave a
// Reply") or of teasers of its other stories ("Recommended for You",
// "Related stories"). A "See also" or a "Lire aussi" is not one: an
// encyclopedia's notes follow the first, and a story goes on after the
// second.
func EndsArticle(line string) bool {
	s := strings.TrimSpace(line)
	if len(s) > 40 {
		return false
	}
	return commentsLine().MatchString(s) || IsMoreLabel(s)
}

// IsMoreLabel reports whether line is the label over teasers of a site's
// other stories: "Recommended for You", "More stories", "Trending now".
func IsMoreLabel(line string) bool {
	s := strings.TrimSpace(line)
	return len(s) <= 40 && moreLine().MatchString(s)
}

// footerLinks are the links a page's footer holds, in the languages
// publish hyphenates.
func footerLinks() []string {
	return []string{"terms of service", "terms of use", "terms and conditions", "privacy policy", "cookie policy",
		"contact us", "about us", "ad choices", "advertise with us", "mentions légales", "politique de confidentialité",
		"datenschutz", "impressum", "aviso legal", "política de privacidad", "termini di servizio", "ochrana osobních údajů"}
}

// IsFooterLink reports whether line is a short line that names one of a
// footer's links ("Site Terms of Service", "Help and Contact Us"): a
// headline may mention a privacy policy, but at more length.
func IsFooterLink(line string) bool {
	if len(strings.Fields(line)) > 6 {
		return false
	}
	s := strings.ToLower(line)
	for _, f := range footerLinks() {
		if strings.Contains(s, f) {
			return true
		}
	}
	return false
}
