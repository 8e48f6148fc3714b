package plaintext

import "testing"

func TestIsTitleShaped(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"North Korea and China, Friends Again?", true},
		{"Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!", true},
		{"3 surprising findings from our 2024 Global DevSecOps Survey", true},
		{"remoteStorage", true},
		{"海外留学生看两会：出国前后关注点大不同", true},
		{"[]", false},             // pandoc's empty link
		{"*", false},              // a placeholder
		{"0", false},              // a counter
		{"￼", false},              // an object replacement character
		{"- Main Content", false}, // a pandoc list item
		{"• Domácí • Zahraničí • Sport", false}, // a w3m list
		{"* Skip to content", false},            // a lynx list item
		{"#alternate", false},                   // a lynx link line
		{"REFRESH(900 sec): file://localhost/x", false},
		{"[Docs] [txt|pdf] [Tracker]", false},
		{"IFRAME: javascript:void(0)", false},
		{"It was a cold day, and the wind blew from the north.", false}, // a sentence
		{"“Let me think about it.”", false},                             // a line of dialogue
		{"Share this story", false},                                     // debris
		{"June 7, 2023", false},                                         // a date
		{"By Jane Doe and John Roe", false},                             // a byline
		{"More * Telegraph * News", false},                              // lynx's menu
		{"Dr. Melvin Konner", false},                                    // a teaser's author
		{"RSS Terms of Service", false},                                 // a footer's link
		{"Part 1 of the Cryptid series Next Work →", false},             // a link to the next page
		{"Dr. Strangelove Returns to the Screen", true},
		{"Made in NY Get Our App! ____________________", false},     // a form
		{"Minecraft News Powered by Tumblr Official links:", false}, // what leads into a list
	}
	for _, tt := range tests {
		if got := isTitleShaped(tt.line); got != tt.want {
			t.Errorf("isTitleShaped(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestFindTitle(t *testing.T) {
	prose := "The first paragraph of the article runs on for a while. It has two sentences at least, and it is long enough to be prose of the body."
	tests := []struct {
		name  string
		lines []string
		want  int
	}{
		{"last headline before the prose", []string{"Sections", "World", "The Long Road Home", "By Jane Doe", prose, prose}, 2},
		{"repeated line wins over a nearer one", []string{"The Long Road Home", "Home", "News desk picks of the day", prose, "The Long Road Home"}, 0},
		{"confirmed by a <title> line", []string{"The Long Road Home | The Daily Paper", "Menu", "The Long Road Home", "Most read stories this week", prose, prose}, 2},
		{"the longest run of prose is the article", []string{"We use cookies to make this site work. Accept them, or read our policy on what they are.", "Menu", "Sign in", "Home", "Sections", "Topics", "Search", "A Long Day at the Office", prose, prose, prose}, 7},
		{"followed by a byline", []string{"The Long Road Home", "By Jane Doe", "Share this story", "Leave a comment below", prose, prose}, 0},
		{"repeated as a list item", []string{"The Long Road Home", "Leave a comment below", prose, prose, "Most read", "- The Long Road Home"}, 0},
		{"no title-shaped line", []string{"[]", "- Home", prose}, -1},
		{"a subject's name alone, which the text repeats", []string{"Tarragon", "From the free encyclopedia", "Tarragon is a perennial herb. Tarragon grows to a metre tall, and tarragon leaves are long and narrow, of a glossy green. It is sold fresh and dried."}, 0},
		{"a tag over a headline is no title", []string{"Tarragon", "Why Tarragon Is the Herb of the Year", "Tarragon is a perennial herb. Tarragon grows to a metre tall, and tarragon leaves are long and narrow, of a glossy green. It is sold fresh and dried."}, 1},
		{"a kicker the lead repeats stands over the headline", []string{"On Your Screens This Week", "Screenshot: «Vape Wave», «6 Days»", "By Ann Lee and Bo Chen", "Series, documentaries and shows for the young: what to watch on your screens this week, from Vape Wave on, picked by our critics. Here it is.", prose}, 1},
		{"an edition's title over its first article's headline", []string{"Weekly Edition for March 26, 2015", "A Battle Over a Name", "By Ann Lee", prose, prose, "Maps for Everyone", "By Bo Chen", prose, "Two Office Suites", "By Cy Young", prose}, 0},
		{"one article's headline under the site's name", []string{"The Weekly Paper of the Valley", "A Battle Over a Name", "By Ann Lee", prose, prose, "Maps for Everyone", "By Bo Chen", prose}, 1},
		{"a dateline over the headline, a teaser above it", []string{"- The Big Lie About Campus Life", "The Big Lie About Campus Life", "Hidden secrets of the brain: do you like it? New research explains why we do.", "Sign in", "Sunday, Feb 1, 2015 11:57 AM UTC", "The Sharing Economy Is a Lie", "Disruptive companies talk a good game about sharing, and they are not sharing at all.", prose, prose}, 5},
		{"a list is the article where there is no prose", []string{"Game News", "Powered by Blogs", "Version 1.8 - The Bountiful Update", "+ Added granite blocks", "+ Added slime blocks", "+ Added iron trapdoors", "+ Added banners", "+ Added armor stands", "+ Added rabbits", "Follow us on Twitch.tv"}, 2},
		{"a short line the text does not repeat is no title", []string{"Tarragon", "Menu", prose, prose}, -1},
	}
	for _, tt := range tests {
		var units []unit
		for i, l := range tt.lines {
			units = append(units, unit{text: l, block: i})
		}
		seen := repeats(units)
		start := articleStart(units, core(units, classifyAll(units), commentBylines(units), seen))
		if got := findTitle(units, start, seen); got != tt.want {
			t.Errorf("%s: findTitle = %d, want %d", tt.name, got, tt.want)
		}
	}
}
