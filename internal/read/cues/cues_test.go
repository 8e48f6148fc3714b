package cues

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		in      string
		authors []string // nil means not a byline
		date    string
	}{
		{"By Jane Doe", []string{"Jane Doe"}, ""},
		{"BY JANE DOE", []string{"JANE DOE"}, ""},
		{"By Jane Doe and John Smith", []string{"Jane Doe", "John Smith"}, ""},
		{"By Ann Lee, Bo Chen and Cy Young", []string{"Ann Lee", "Bo Chen", "Cy Young"}, ""},
		{"By Ann Lee, Bo Chen, and Cy Young", []string{"Ann Lee", "Bo Chen", "Cy Young"}, ""},
		{"by Erin Cunningham, Staff Writer", []string{"Erin Cunningham"}, ""},
		{"Jane Doe | May 18, 2018", []string{"Jane Doe"}, "2018-05-18"},
		{"By Jane Doe, May 18, 2018", []string{"Jane Doe"}, "2018-05-18"},
		{"Tuesday 15 October 2019 by Bradley M. Kuhn", []string{"Bradley M. Kuhn"}, "2019-10-15"},
		{"Posted by Andrew Hayden, Software Engineer on Google Play", []string{"Andrew Hayden"}, ""},
		{"By Reuters", []string{"Reuters"}, ""},
		{"By Ludwig van Beethoven", []string{"Ludwig van Beethoven"}, ""},
		{"By the time we arrived, the shop had closed.", nil, ""},
		{"By https://example.com/jane", nil, ""},
		{"Bypass surgery is common", nil, ""},
		{"Jane Doe | Staff", nil, ""},
		// The shapes pages print, in their languages.
		{"by Jane Doe @janedoe Oct 18, 2019", []string{"Jane Doe"}, "2019-10-18"},
		{"Jane Doe - Friday 25 December 2015", []string{"Jane Doe"}, "2015-12-25"},
		{"on March 10, 2015 by Jane Doe", []string{"Jane Doe"}, "2015-03-10"},
		{"Par Martin Untersinger", []string{"Martin Untersinger"}, ""},
		{"Von Anna Schmidt", []string{"Anna Schmidt"}, ""},
		{"Por María García", []string{"María García"}, ""},
		{"Di Marco Rossi", []string{"Marco Rossi"}, ""},
		{"Lucas Nolan22 Dec 2016651", []string{"Lucas Nolan"}, "2016-12-22"},
		{"By Brenda Goodman, MA", []string{"Brenda Goodman, MA"}, ""},
		{"By Jane Doe Follow", []string{"Jane Doe"}, ""},
		{"By TMZ Staff", []string{"TMZ"}, ""},
		// Lines from scraped pages.
		{"by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET", []string{"Ahiza Garcia"}, "2016-02-01"},
		{"by Steven Musil January 18, 2017 11:00 PM PST", []string{"Steven Musil"}, "2017-01-18"},
		{"Dan Goodin - Apr 16, 2015 8:02 pm UTC", []string{"Dan Goodin"}, "2015-04-16"},
		{"// By Arun Sai Krishnan • Nov 11, 2020", []string{"Arun Sai Krishnan"}, "2020-11-11"},
		{"[6eef5bc5-c] James Akinaka • February 16, 2017", []string{"James Akinaka"}, "2017-02-16"},
		{"James Akinaka • 8h", []string{"James Akinaka"}, ""},
		{"[] James Akinaka • 8h", []string{"James Akinaka"}, ""},
		{"Jana Nováková · před 21 minutami", []string{"Jana Nováková"}, ""},
		{"Posted on Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn.", []string{"Bradley M. Kuhn"}, "2019-10-15"},
		{"By GILLIAN MOHNEY March 11, 2015 3:46 PM Good Morning America", []string{"GILLIAN MOHNEY"}, "2015-03-11"},
		{"By Erin Cunningham March 18 at 3:57 PM  Follow @erinmcunningham", []string{"Erin Cunningham"}, ""},
		{"By Alex Heath, a deputy editor and author of the Command Line newsletter. He’s covered the tech industry for over a decade at The Information and other outlets.", []string{"Alex Heath"}, ""},
		{"Written by Rob Ewaschuk", []string{"Rob Ewaschuk"}, ""},
		{"By Jane Doe, Una Roe", []string{"Jane Doe", "Una Roe"}, ""},
		{"Par Alexandre Hervaud et Jérémy Piette — 24 novembre 2017 à 18:42", []string{"Alexandre Hervaud", "Jérémy Piette"}, "2017-11-24"},
		{"By Stella Kim and Jennifer Jett", []string{"Stella Kim", "Jennifer Jett"}, ""},
		{"Sarah Gooding March 9, 2017 13", []string{"Sarah Gooding"}, "2017-03-09"},
		{"Aleš Vávra Aleš Vávra", []string{"Aleš Vávra"}, ""},
		{"[Aleš Vávra] Aleš Vávra", []string{"Aleš Vávra"}, ""},
		{"Pippin Lee Pippin Lee", []string{"Pippin Lee"}, ""},
		{"By Jane Doe, May 18, 2018 By Jane Doe, May 18, 2018", nil, ""},
		{"Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
			[]string{"Martin Untersinger", "Damien Leloup", "Morgane Tual"}, "2015-05-04"},
		{"Jane Doe\u00a0|\u00a0May 18, 2018", []string{"Jane Doe"}, "2018-05-18"},
		// Lines that are not bylines, though they hold a name or a date.
		{"Por favor, lea esto", nil, ""},
		{"Follow Author", nil, ""},
		{"Staff", nil, ""},
		{"Jane Doe", nil, ""},
		{"[dsteer-headshot] Dave Steer", nil, ""},
		{"By the time we left on May 18, 2018, the shop had closed.", nil, ""},
		{"By Jane Doe May 18, 2018 was a Friday.", nil, ""},
		{"Jane Doe May 18, 2018 was a Friday", nil, ""},
		{"Next Story - May 18, 2018", nil, ""},
		{"Previous Post May 18, 2018", nil, ""},
		{"Updated On May 18, 2018", nil, ""},
		{"Home | About | Contact | Jane Doe", nil, ""},
		{"Home | About | May 18, 2018 | By Jane Doe", nil, ""},
		{"Jane Doe Jane Doe Jane Doe", nil, ""},
		{"Promoted Links Promoted Links", nil, ""},
		{"The PlayStation VR The PlayStation VR", nil, ""},
		{"[Chapter Index] Chapter Index", nil, ""},
		{"See You Yesterday", nil, ""},
		{"Rank Name Region Pop. Rank Name Region Pop.", nil, ""}, // a table's head, printed twice
		{"By Nelson D. Schwartz Jr.", []string{"Nelson D. Schwartz Jr"}, ""},
		{"Jane Doe Jane Doe Follow Oct 18, 2019 · 8 min read", []string{"Jane Doe"}, "2019-10-18"},
		{"Jane Doe Jane Doe Follow", []string{"Jane Doe"}, ""},
		// A post's footer: name, date, then short links.
		{"Ann Lee — 2013-09-29— in Code — Permalink — License", []string{"Ann Lee"}, "2013-09-29"},
		{"Ann Lee — 2013-09-29 — and then the talk went on for hours", nil, ""},
		{"Smutty Social Media Wednesday, March 18, 2015", nil, ""},
		{"The company said on May 18, 2018 that it would close its doors and lay off every one of its workers by the end of the year, and its founder, Jane Doe, would retire.", nil, ""},
		{"Von Anfang an", nil, ""},
		{"Next story - May 18, 2018", nil, ""},
	}
	for _, tt := range tests {
		b, ok := ParseByline(tt.in)
		if ok != (tt.authors != nil) || !reflect.DeepEqual(b.Authors, tt.authors) || b.Date.String() != tt.date {
			t.Errorf("ParseByline(%q) = %q %q %v; want %q %q", tt.in, b.Authors, b.Date.String(), ok, tt.authors, tt.date)
		}
	}
}

func TestParseCredit(t *testing.T) {
	tests := []struct {
		in      string
		caption string
		credit  article.Credit
		ok      bool
	}{
		{"Credit: Flickr / John Pavelka", "", article.Credit{Role: article.RolePhoto, Text: "Flickr / John Pavelka", Name: "John Pavelka", Agency: "Flickr"}, true},
		{"Image credit: NASA", "", article.Credit{Role: article.RolePhoto, Text: "NASA", Agency: "NASA"}, true},
		{"Photo: Jane Doe", "", article.Credit{Role: article.RolePhoto, Text: "Jane Doe", Name: "Jane Doe"}, true},
		{"Photograph by Ann Smith for The Guardian", "", article.Credit{Role: article.RolePhoto, Text: "Ann Smith for The Guardian", Agency: "Ann Smith for The Guardian"}, true},
		{"Illustration by Jo Lee", "", article.Credit{Role: article.RoleIllustration, Text: "Jo Lee", Name: "Jo Lee"}, true},
		{"Photo by James Martin/CNET", "", article.Credit{Role: article.RolePhoto, Text: "James Martin/CNET", Name: "James Martin", Agency: "CNET"}, true},
		{"Chip Somodevilla/Getty Images", "", article.Credit{Role: article.RolePhoto, Text: "Chip Somodevilla/Getty Images", Name: "Chip Somodevilla", Agency: "Getty Images"}, true},
		{"Protesters gather on Monday. (AP Photo/Evan Vucci)", "Protesters gather on Monday.", article.Credit{Role: article.RolePhoto, Text: "AP Photo/Evan Vucci", Name: "Evan Vucci", Agency: "AP Photo"}, true},
		{"(Bild: Hersteller)", "", article.Credit{Role: article.RolePhoto, Text: "Hersteller", Agency: "Hersteller"}, true},
		{"© Jane Doe", "", article.Credit{Role: article.RolePhoto, Text: "Jane Doe", Name: "Jane Doe"}, true},
		{"Debt payments could surpass defence in 2023.CreditCreditJeon Heon-Kyun/EPA, via Shutterstock", "Debt payments could surpass defence in 2023.",
			article.Credit{Role: article.RolePhoto, Text: "Jeon Heon-Kyun/EPA, via Shutterstock", Name: "Jeon Heon-Kyun/EPA", Agency: "Shutterstock"}, true},
		{"Credit card debt is rising across the country.", "", article.Credit{}, false},
		{"Photography is an art that rewards patience.", "", article.Credit{}, false},
		{"Getty Images was founded in 1995 and sells photographs to newspapers.", "", article.Credit{}, false},
	}
	for _, tt := range tests {
		caption, c, ok := ParseCredit(tt.in)
		if ok != tt.ok || caption != tt.caption || c != tt.credit {
			t.Errorf("ParseCredit(%q) = %q, %+v, %v; want %q, %+v, %v", tt.in, caption, c, ok, tt.caption, tt.credit, tt.ok)
		}
	}
}

func TestBioName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Anny Boc is a PhD Candidate at the Graduate School of East Asian Studies.", "Anny Boc"},
		{"Jane Q. Doe has written for The Atlantic and Wired.", "Jane Q. Doe"},
		{"Maria de la Cruz teaches history at Yale.", "Maria de la Cruz"},
		{"Beijing is a city of twenty million people.", ""},
		{"The views expressed here are the author’s own.", ""},
	}
	for _, tt := range tests {
		got, ok := BioName(tt.in)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("BioName(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestIsDisclaimer(t *testing.T) {
	for in, want := range map[string]bool{
		"The views expressed here are the author’s own and do not represent the institute.": true,
		"Views expressed in this article are those of the author.":                          true,
		"This article was originally published on The Conversation.":                        true,
		"The view from the top of the hill was worth the climb.":                            false,
	} {
		if got := IsDisclaimer(in); got != want {
			t.Errorf("IsDisclaimer(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsDebris(t *testing.T) {
	for in, want := range map[string]bool{
		"Recent Features":        true,
		"Advertisement":          true,
		"Share this article":     true,
		"Share on Facebook":      true,
		"Share on Google Plus":   true,
		"Share via Email":        true,
		"Share by email":         true,
		"Follow us on Instagram": true,
		"Share on the ground floor, with two other families": false,
		"Related Articles:":         true,
		"Read more":                 true,
		"Skip to content":           true,
		"Most Popular":              true,
		"Powered by SmartAsset.com": true,
		"Recent features of the new phone include a larger screen.": false,
		"Share prices fell":                    false,
		"Economic Engagement with North Korea": false,
		// A name is at most 30 letters and spaces after "More from", 20
		// after "Follow us on".
		"More from " + strings.Repeat("Ab", 15):          true,
		"More from " + strings.Repeat("Ab", 15) + "c":    false,
		"Follow us on " + strings.Repeat("Gé", 10):       true,
		"Follow us on " + strings.Repeat("Gé", 10) + "+": false,
	} {
		if got := IsDebris(in); got != want {
			t.Errorf("IsDebris(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestBylineSigned(t *testing.T) {
	tests := []struct {
		in     string
		signed bool
	}{
		{"By Jane Doe", true},
		{"Par Martin Dupont", true},
		{"Posted by Jane Doe, Software Engineer on Google Play", true},
		{"Posted on Tuesday 15 October 2019 at 09:11 by Jane Doe.", true},
		{"Le Journal | 04.05.2015 à 13h36 | Par Martin Dupont", true},
		{"Jane Doe - Friday 25 December 2015", false},
		{"Jane Doe | May 18, 2018", false},
		{"Jane Doe Jane Doe", false},
	}
	for _, tt := range tests {
		b, ok := ParseByline(tt.in)
		if !ok || b.Signed != tt.signed {
			t.Errorf("ParseByline(%q): ok %v, Signed %v; want a byline, Signed %v", tt.in, ok, b.Signed, tt.signed)
		}
		if _, ok := ParseSignedByline(tt.in); ok != tt.signed {
			t.Errorf("ParseSignedByline(%q) = %v, want %v", tt.in, ok, tt.signed)
		}
	}
}

func TestIsRelatedLabel(t *testing.T) {
	for in, want := range map[string]bool{
		"Related":                 true,
		"Related stories:":        true,
		"Související":             true,
		"À lire aussi":            true,
		"Mehr zum Thema":          true,
		"Related to this, a fact": false,
		"Relativity":              false,
		"":                        false,
	} {
		if got := IsRelatedLabel(in); got != want {
			t.Errorf("IsRelatedLabel(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestEndsArticle(t *testing.T) {
	for in, want := range map[string]bool{
		"Comments (10580)":        true,
		"12 Comments":             true,
		"Leave a Reply":           true,
		"Kommentare":              true,
		"Recommended for You":     true,
		"More stories from Wired": true,
		"See also":                false, // an encyclopedia's notes follow
		"À lire aussi":            false, // a story goes on after it
		"Comments are closed, but the debate goes on below.": false,
		"Comment":               true,
		"A comment on the news": false,
	} {
		if got := EndsArticle(in); got != want {
			t.Errorf("EndsArticle(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsFooterLink(t *testing.T) {
	for in, want := range map[string]bool{
		"RSS Terms of Service": true,
		"Help and Contact Us":  true,
		"Impressum":            true,
		"Facebook quietly rewrites its privacy policy again": false,
	} {
		if got := IsFooterLink(in); got != want {
			t.Errorf("IsFooterLink(%q) = %v, want %v", in, got, want)
		}
	}
}
