package cues

import (
	"reflect"
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
		{"Por favor, lea esto", nil, ""},
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
		"Recent Features":           true,
		"Advertisement":             true,
		"Share this article":        true,
		"Share on Facebook":         true,
		"Related Articles:":         true,
		"Read more":                 true,
		"Skip to content":           true,
		"Most Popular":              true,
		"Powered by SmartAsset.com": true,
		"Recent features of the new phone include a larger screen.": false,
		"Share prices fell":                    false,
		"Economic Engagement with North Korea": false,
	} {
		if got := IsDebris(in); got != want {
			t.Errorf("IsDebris(%q) = %v, want %v", in, got, want)
		}
	}
}
