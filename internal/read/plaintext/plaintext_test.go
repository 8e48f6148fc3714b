package plaintext

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// summary is the part of an article a test compares: metadata, credits and
// a compact view of the body.
type summary struct {
	Title, Subtitle, Section string
	Authors                  []string
	Bios                     []string
	Date                     string
	Credits                  []string // "role: text"
	Body                     []string // "h2: text", "p: text", "fig: caption | credit"
	Lead                     string   // "caption | credit" of the lead image
}

func summarize(a *article.Article) summary {
	s := summary{Title: a.Meta.Title, Subtitle: a.Meta.Subtitle, Section: a.Meta.Section, Date: a.Meta.Date.String()}
	for _, p := range a.Meta.Authors {
		s.Authors = append(s.Authors, p.Name)
		if p.Bio != "" {
			s.Bios = append(s.Bios, p.Bio)
		}
	}
	for _, c := range a.Credits {
		s.Credits = append(s.Credits, string(c.Role)+": "+c.Text)
	}
	if img := a.Meta.LeadImage; img != nil {
		s.Lead = img.Caption.String() + " | " + img.Credit
	}
	for _, b := range a.Body {
		switch b := b.(type) {
		case *article.Heading:
			s.Body = append(s.Body, "h2: "+b.Text.String())
		case *article.Paragraph:
			s.Body = append(s.Body, "p: "+b.Text.String())
		case *article.Figure:
			s.Body = append(s.Body, "fig: "+b.Image.Caption.String()+" | "+b.Image.Credit)
		}
	}
	return s
}

const para1 = "The first paragraph of the story runs long enough to be prose and not a heading, as any lede does. It has two sentences."
const para2 = "A second paragraph follows, also long enough to count as body text in every reading of the rules here. Two sentences again."

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want summary
	}{{
		name: "title only, no furniture",
		in:   "A Plain Title\n\n" + para1 + "\n\n" + para2 + "\n",
		want: summary{Title: "A Plain Title", Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "byline with two authors and a date",
		in:   "Markets Rally Again\n\nBy Jane Doe and John Q. Public\n\nMay 18, 2018\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Markets Rally Again", Authors: []string{"Jane Doe", "John Q. Public"}, Date: "2018-05-18",
			Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "name pipe date byline",
		in:   "Markets Rally Again\n\nJane Doe | Sept. 25, 2018\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Markets Rally Again", Authors: []string{"Jane Doe"}, Date: "2018-09-25",
			Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "byline with three authors and a trailing date",
		in:   "Markets Rally Again\n\nBy Ann Lee, Bo Chen and Cy Young, 18 May 2018\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Markets Rally Again", Authors: []string{"Ann Lee", "Bo Chen", "Cy Young"}, Date: "2018-05-18",
			Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "repeated section and title, dek, caption repeating the title, credit",
		in: "World\n\nThe Long Road Home\n\nRecent Features\n\nWorld\n\nThe Long Road Home\n\nHow one family crossed three borders in a single winter.\n\n" +
			"The Long Road Home\nImage credit: Reuters / Ann Smith\n\n" + para1 + "\n\n" + para2,
		want: summary{Section: "World", Title: "The Long Road Home", Subtitle: "How one family crossed three borders in a single winter.",
			Credits: []string{"photo: Reuters / Ann Smith"}, Lead: " | Reuters / Ann Smith",
			Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "a rule drawn with box-drawing characters parts a date from what follows",
		in:   "Markets Rally Again\n\n[img]\nLast Updated: May 18, 2018\n━━━━━━━━━━━━\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Markets Rally Again", Date: "2018-05-18", Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "a byline stands apart from the desk's name under it",
		in:   "Markets Rally Again\n\nBy Jane Doe, MA\nThe Daily Health News\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Markets Rally Again", Authors: []string{"Jane Doe, MA"},
			Body: []string{"p: The Daily Health News", "p: " + para1, "p: " + para2}},
	}, {
		name: "lynx's author widget: a name twice, buttons, a date",
		in:   "Markets Rally Again\n\n   Jane Doe\n   Jane Doe\n   (BUTTON) Follow\n   Oct 18, 2019 · 8 min read\n   (BUTTON)\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Markets Rally Again", Authors: []string{"Jane Doe"}, Date: "2019-10-18", Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "a headline broken after its colon",
		in:   "The Open River Project:\n\nBetter Bridges for All\n\nBy Jane Doe\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "The Open River Project: Better Bridges for All", Authors: []string{"Jane Doe"}, Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "a caption over its credit, under the headline and dek, is no title",
		in:   "As Debt Rises, Interest Will Soon Cost More\n\nTax cuts and higher rates could make it harder to respond to the next recession.\n\nInterest payments could surpass the defense\nbudget in 2023.Credit: Ann Lee/EPA\n\nBy Jane Doe\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "As Debt Rises, Interest Will Soon Cost More", Subtitle: "Tax cuts and higher rates could make it harder to respond to the next recession.",
			Authors: []string{"Jane Doe"}, Credits: []string{"photo: Ann Lee/EPA"}, Lead: "Interest payments could surpass the defense budget in 2023. | Ann Lee/EPA",
			Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "a headline printed twice under a notice read as prose",
		in:   "Ready to publish? Change the story's title, subtitle, and visibility as needed before you do, and sign in to share it with everyone.\n\nMarkets Rally Again\n\nShare on Twitter\n\nMarkets Rally Again\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Markets Rally Again", Body: []string{"p: Ready to publish? Change the story's title, subtitle, and visibility as needed before you do, and sign in to share it with everyone.", "p: " + para1, "p: " + para2}},
	}, {
		name: "a menu of links is no title",
		in:   "[Docs] [txt|pdf] [Tracker]\n\n" + para1 + "\n\n" + para2,
		want: summary{Body: []string{"p: [Docs] [txt|pdf] [Tracker]", "p: " + para1, "p: " + para2}},
	}, {
		name: "caption with AP credit in parentheses",
		in:   "Storm Hits Coast\n\nWaves batter the pier on Tuesday. (AP Photo/Evan Vucci)\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Storm Hits Coast", Credits: []string{"photo: AP Photo/Evan Vucci"},
			Lead: "Waves batter the pier on Tuesday. | AP Photo/Evan Vucci", Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "photo-by and getty credits in the body become figures",
		in: "Storm Hits Coast\n\n" + para1 + "\n\nThe harbour at dawn.\nPhotograph by Ann Smith\n\n" + para2 +
			"\n\nChip Somodevilla/Getty Images\n\nA closing paragraph of the story that is long enough to be prose by the rules set out here. It ends.",
		want: summary{Title: "Storm Hits Coast", Credits: []string{"photo: Ann Smith", "photo: Chip Somodevilla/Getty Images"},
			Body: []string{"p: " + para1, "fig: The harbour at dawn. | Ann Smith", "p: " + para2, "fig:  | Chip Somodevilla/Getty Images",
				"p: A closing paragraph of the story that is long enough to be prose by the rules set out here. It ends."}},
	}, {
		name: "copyright credit",
		in:   "Storm Hits Coast\n\n© Ann Smith 2019\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Storm Hits Coast", Credits: []string{"photo: Ann Smith 2019"}, Lead: " | Ann Smith 2019",
			Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "headings between paragraphs, not after the last",
		in:   "Report\n\n" + para1 + "\n\nWhat Comes Next\n\n" + para2 + "\n\nWhy it matters?\n\n" + para1 + "\n\nThe End",
		want: summary{Title: "Report", Body: []string{"p: " + para1, "h2: What Comes Next", "p: " + para2, "h2: Why it matters?", "p: " + para1, "p: The End"}},
	}, {
		name: "bio and disclaimer at the end, byline author",
		in: "Report\n\nBy Jane Doe\n\n" + para1 + "\n\n" + para2 + "\n\nJane Doe is a fellow at the Institute of Things in Berlin.\n\n" +
			"The views expressed here are the author’s own.",
		want: summary{Title: "Report", Authors: []string{"Jane Doe"},
			Bios:    []string{"Jane Doe is a fellow at the Institute of Things in Berlin. The views expressed here are the author’s own."},
			Credits: []string{"author-bio: Jane Doe is a fellow at the Institute of Things in Berlin. The views expressed here are the author’s own."},
			Body:    []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "closing paragraph naming someone else is not a bio",
		in:   "Report\n\nBy Jane Doe\n\n" + para1 + "\n\n" + para2 + "\n\nJohn Smith is a senator from Ohio and said nothing more.",
		want: summary{Title: "Report", Authors: []string{"Jane Doe"},
			Body: []string{"p: " + para1, "p: " + para2, "p: John Smith is a senator from Ohio and said nothing more."}},
	}, {
		name: "CRLF, BOM-free, NBSP and tabs",
		in:   "Report\r\n\r\n\tThe first\tparagraph  of the story runs long enough to be prose and not a heading, as any lede does. It has two sentences.\u00a0\r\n\r\n" + para2 + "\r\n",
		want: summary{Title: "Report", Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "hard-wrapped paragraphs are joined",
		in: "A Wrapped Text\n\nThe first paragraph of the story runs long enough to be\nprose and not a heading, as any lede does. It has two\nsentences.\n\n" +
			"A second paragraph follows, also long enough to count as\nbody text in every reading of the rules here. Two sentences again.\n",
		want: summary{Title: "A Wrapped Text", Body: []string{"p: " + para1, "p: " + para2}},
	}, {
		name: "one line per paragraph inside a block",
		in:   "Report\n\n" + para1 + " " + para2 + "\n" + para2 + " " + para1 + "\n",
		want: summary{Title: "Report", Body: []string{"p: " + para1 + " " + para2, "p: " + para2 + " " + para1}},
	}, {
		name: "one paragraph only",
		in:   para1 + "\n",
		want: summary{Body: []string{"p: " + para1}},
	}, {
		// With no title above it, a lone sentence may be a dek or the lede:
		// the body keeps it, where it is never lost.
		name: "sentence without a title is body",
		in:   "Tax cuts, spending increases and higher rates could make it harder to respond to future recessions.\n\nImage\n\n" + para1 + "\n\n" + para2,
		want: summary{Body: []string{"p: Tax cuts, spending increases and higher rates could make it harder to respond to future recessions.", "p: " + para1, "p: " + para2}},
	}, {
		// Sentences in a script without case still count as prose.
		name: "Korean paragraph after the title is body, not a dek",
		in:   "한국의 경제\n\n한국은 동아시아에 위치한 나라로, 수도는 서울이다. 한국 경제는 빠르게 성장하였다. 많은 사람들이 한국의 문화를 좋아한다.\n\n두 번째 문단은 조금 더 길다. 줄바꿈은 단어 사이에서 일어나야 한다.\n",
		want: summary{Title: "한국의 경제", Body: []string{"p: 한국은 동아시아에 위치한 나라로, 수도는 서울이다. 한국 경제는 빠르게 성장하였다. 많은 사람들이 한국의 문화를 좋아한다.", "p: 두 번째 문단은 조금 더 길다. 줄바꿈은 단어 사이에서 일어나야 한다."}},
	}, {
		name: "date then byline on one line",
		in:   "Report\n\nTuesday 15 October 2019 by Bradley M. Kuhn\n\n" + para1 + "\n\n" + para2,
		want: summary{Title: "Report", Authors: []string{"Bradley M. Kuhn"}, Date: "2019-10-15", Body: []string{"p: " + para1, "p: " + para2}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(Parse(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse:\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

// TestSeed checks every value the seed article must give.
func TestSeed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "china-power.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a := Parse(string(data))
	s := summarize(a)
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("section", s.Section, "China Power")
	check("title", s.Title, "North Korea and China, Friends Again?")
	check("subtitle", s.Subtitle, "How economic engagement with North Korea serves China’s broader strategy in Northeast Asia.")
	if len(a.Meta.Authors) != 1 || a.Meta.Authors[0].Name != "Anny Boc" {
		t.Fatalf("authors = %v, want Anny Boc", s.Authors)
	}
	bio := a.Meta.Authors[0].Bio
	if !strings.HasPrefix(bio, "Anny Boc is a PhD Candidate") || !strings.HasSuffix(bio, "to which she is affiliated.") {
		t.Errorf("bio = %q", bio)
	}
	var photo []string
	for _, c := range a.Credits {
		if c.Role == article.RolePhoto {
			photo = append(photo, c.Text)
		}
	}
	if !reflect.DeepEqual(photo, []string{"Flickr / John Pavelka"}) {
		t.Errorf("photo credits = %q", photo)
	}
	var paras, heads []string
	for _, line := range s.Body {
		kind, text, _ := strings.Cut(line, ": ")
		switch kind {
		case "p":
			paras = append(paras, text)
		case "h2":
			heads = append(heads, text)
		default:
			t.Errorf("unexpected body block %q", line)
		}
	}
	if len(paras) != 8 {
		t.Errorf("%d paragraphs, want 8", len(paras))
	}
	if want := []string{"Economic Engagement with North Korea", "Integrating North Korea into China’s Belt and Road Initiative"}; !reflect.DeepEqual(heads, want) {
		t.Errorf("headings = %q, want %q", heads, want)
	}
	if s.Body[2] != "h2: "+heads[0] || s.Body[7] != "h2: "+heads[1] {
		t.Errorf("headings out of place: %q", s.Body)
	}
	for _, line := range s.Body {
		if strings.Contains(line, "Recent Features") || strings.Contains(line, "Anny Boc is") ||
			strings.HasSuffix(line, ": China Power") || strings.HasSuffix(line, ": "+s.Title) {
			t.Errorf("debris in the body: %q", line)
		}
	}
}

func TestHeadMeta(t *testing.T) {
	prose := "The report assessed poverty levels and income inequality among ten wealthy countries, and it found that the class you are born into matters more here than elsewhere. It said so twice."
	tests := []struct {
		name    string
		lines   []string
		authors []string
		date    string
	}{
		{"byline and date under a long dek",
			[]string{"- Home - News - Sport - Business", "The Ladder Has Fewer Rungs", "A new report says the class you are born into matters much more in this country than in most other wealthy ones, and it has the numbers.", "By Jane Doe", "March 9, 2017", prose, prose},
			[]string{"Jane Doe"}, "2017-03-09"},
		{"a name alone, vouched for by a date",
			[]string{"The Ladder Has Fewer Rungs", "Jane Doe", "Oct 18, 2019 · 8 min read", prose, prose},
			[]string{"Jane Doe"}, "2019-10-18"},
		{"a section's name alone is no author",
			[]string{"The Ladder Has Fewer Rungs", "Tech Industry", prose, prose, "- Tech Industry - World"},
			nil, ""},
		{"signed under the text",
			[]string{"The Ladder Has Fewer Rungs", prose, prose, "Posted on Tuesday 15 October 2019 at 09:11 by Jane Doe."},
			[]string{"Jane Doe"}, "2019-10-15"},
		{"a name alone, vouched for by a relative time",
			[]string{"The Ladder Has Fewer Rungs", "Jane Doe", "3 hours ago", prose, prose},
			[]string{"Jane Doe"}, ""},
		{"the author's box far above the title",
			[]string{"Jane Doe", "14 min read", "Sign in", "Next story", "Share on Twitter", "Share on Facebook", "Share by email", "The Ladder Has Fewer Rungs", prose, prose},
			[]string{"Jane Doe"}, ""},
		{"a dated signature under the text",
			[]string{"The Ladder Has Fewer Rungs", prose, prose, "Jane Doe — 2019-10-15 — in Essays — Permalink"},
			[]string{"Jane Doe"}, "2019-10-15"},
		{"a byline under the text, its date on the line above",
			[]string{"The Ladder Has Fewer Rungs", prose, prose, prose, "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024", "By Jane Doe and John Roe"},
			[]string{"Jane Doe", "John Roe"}, "2024-12-06"},
		{"commenters' dated names are no byline",
			[]string{"The Ladder Has Fewer Rungs", prose, prose, prose, prose, "2 Comments", "Ann Lee · March 10, 2017 at 2:56 AM", "Thanks!", "Bo Chen · March 13, 2017 at 6:30 AM", "Agreed."},
			nil, ""},
	}
	for _, tt := range tests {
		a := Parse(strings.Join(tt.lines, "\n\n"))
		var authors []string
		for _, p := range a.Meta.Authors {
			authors = append(authors, p.Name)
		}
		if !slices.Equal(authors, tt.authors) || a.Meta.Date.String() != tt.date {
			t.Errorf("%s: authors %q, date %q; want %q, %q", tt.name, authors, a.Meta.Date.String(), tt.authors, tt.date)
		}
	}
}
