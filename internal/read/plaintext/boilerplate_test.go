package plaintext

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		text string
		want class
	}{
		{"menu", "- Home - News - Sport - Business - Culture - Travel - Weather", bad},
		{"bulleted menu", "• Domácí • Zahraničí • Sport • Video • Ekonomika • Klima • Názory • Kultura", bad},
		{"link list", "Share on Facebook | Share on Twitter | Share on LinkedIn | Email | Print", bad},
		{"debris", "Advertisement", bad},
		{"tag cloud", "Politics Economy Elections Congress Supreme Court Immigration Healthcare Climate Technology Science", poor},
		{"prose, English", "The report assessed poverty levels and income inequality among ten wealthy countries, and it found that the class you are born into matters more in the United States than in the others.", good},
		{"prose, French", "Le gouvernement a présenté mercredi un projet de loi qui doit permettre aux communes de mieux protéger leurs forêts, et il sera examiné par les députés dans les prochaines semaines.", good},
		{"prose, German", "Die Entwickler haben die Sicherheitslücke nach zwei Jahren geschlossen, nachdem ein Forscher sie öffentlich gemacht hatte, und sie empfehlen allen Nutzern ein schnelles Update.", good},
		// Czech has few function words; a sentence is never furniture.
		{"prose, Czech", "Tomáš Souček zůstává nepostradatelným členem základní sestavy, navzdory tomu, že jeho poslední výkony působí nenápadně.", short},
		{"short prose", "Yoon’s office has not commented on the allegations.", short},
		{"code", "for i, u := range units { classes[i] = classify(u.text); if classes[i] == good { last = i } }", short},
		{"table row", "2019 | 1,204 | 3.4% | 12.1 | 0.87 | 2,310 | 5.6%", short},
		{"table row with bars", "| | おしまい | | 歌手 | | 恋の魔法 | |", short},
		{"table row of prose", "Zanox | 2022 | Misi, a high school student, relives his graduation day after he discovers his experimental medication has a weird side effect.[79]", good},
		{"list of sources", "- https://nodejs.org/api/inspector.html - https://chromedevtools.github.io/devtools-protocol/v8 - https://example.com/node-js-in-flames", short},
		{"reference", `^ Catsoulis, Jeannette. "Crawling Backwards In Time Into Haunted Real Estate Somewhere Else"`, short},
		{"CJK sentence", "谷歌在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。", good},
		{"CJK menu", "首页 新闻 体育 娱乐 视频 财经", short},
	}
	for _, tt := range tests {
		if got := classify(tt.text); got != tt.want {
			t.Errorf("%s: classify(%q) = %d, want %d", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestArticleUnits(t *testing.T) {
	prose := "The report assessed poverty levels and income inequality among ten wealthy countries, and it found that the class you are born into matters more here than elsewhere."
	menu := "- Home - News - Sport - Business - Culture - Travel - Weather"
	share := "Share on Facebook | Share on Twitter | Email | Print"
	texts := []string{
		menu,   // 0: furniture above the article
		"Home", // 1: a menu's word
		share,  // 2
		"Why the Ladder Has Fewer Rungs Than It Used To", // 3: the headline, beyond the share buttons
		share,        // 4: crossed to reach the headline, so kept
		menu,         // 5
		prose,        // 6
		"1. Finland", // 7: the article's own short lines
		"2. Norway",
		prose, // 9
		share, // 10: furniture below it
		menu,
		"© 2024 The Example Company. All rights reserved.",
	}
	units := unitsOf(texts)
	classes := classifyAll(units)
	got := articleUnits(units, classes, commentBylines(units), core(units, classes, commentBylines(units), repeats(units)), func(int) bool { return false })
	want := []bool{false, false, false, true, true, true, true, true, true, true, false, false, false}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unit %d %q: kept %v, want %v", i, texts[i], got[i], want[i])
		}
	}
}

func TestCoreLeavesOutTeasers(t *testing.T) {
	texts := []string{
		para("The bridge over the river will be rebuilt."), // 0: the article
		para("Work will start in March."),
		para("The old bridge closes in May."),
		"Related stories", // 3
	}
	// Teasers, each a headline, a summary and a date: no furniture stands
	// between them, so only their shape tells them from the article.
	for _, h := range []string{"A Park Opens Downtown", "Schools Get New Books", "The Mayor Visits Paris", "A Storm Hits the Coast"} {
		texts = append(texts, h, para("In other news a thing happened."), "March 3, 2024")
	}
	units := unitsOf(texts)
	classes := classifyAll(units)
	if c := core(units, classes, commentBylines(units), repeats(units)); c != (span{0, 3}) {
		t.Errorf("core = [%d, %d), want [0, 3): the article and not the stream of teasers after it", c.from, c.to)
	}
}

func TestCoreLeavesOutComments(t *testing.T) {
	texts := []string{
		para("The bridge over the river will be rebuilt."), // 0: the article
		para("Work will start in March."),
		para("The old bridge closes in May."),
		"3 Comments", // 3: the comments
	}
	for _, name := range []string{"Ann Lee", "Bo Chen", "Cy Young"} {
		texts = append(texts, name+" · March 10, 2017 at 2:56 AM", para("I agree with the council."), "Reply")
	}
	units := unitsOf(texts)
	classes := classifyAll(units)
	c := core(units, classes, commentBylines(units), repeats(units))
	if c != (span{0, 3}) {
		t.Errorf("core = [%d, %d), want [0, 3): the article and not the comments after it", c.from, c.to)
	}
	if from, to := articleSpan(units, classes, commentBylines(units), c, func(int) bool { return false }); to != 3 {
		t.Errorf("articleSpan = [%d, %d), want it to end at 3, where the comments start", from, to)
	}
}

func TestCoreEndsAtTeasersLabel(t *testing.T) {
	texts := []string{
		para("The bridge over the river will be rebuilt."), // 0: the article
		para("Work will start in March."),
		para("The old bridge closes in May."),
		"Recommended for You", // 3: teasers of other stories
		"A Park Opens Downtown", para("In other news a park opened."),
	}
	units := unitsOf(texts)
	if c := core(units, classifyAll(units), commentBylines(units), repeats(units)); c != (span{0, 3}) {
		t.Errorf("core = [%d, %d), want [0, 3): the article, not the teaser under its label", c.from, c.to)
	}
}

func TestSpanStopsAtMenus(t *testing.T) {
	menu := []string{"Health A-Z", "Drugs & Supplements", "Living Healthy", "Family & Pregnancy", "News & Experts", "Sleep Disorders",
		"Featured Topics", "Oral Care", "Living Well", "Women's Health", "Men's Health", "Aging Well", "Teens"}
	tests := []struct {
		name  string
		texts []string
		from  int
	}{
		{"a long menu over the article is left out",
			append(append([]string{para("A notice about cookies.")}, menu...),
				"Bridge to Be Rebuilt", para("The bridge over the river will be rebuilt."), para("Work will start in March."), para("The old bridge closes in May.")),
			len(menu) + 2}, // the headline too is a menu's length: isTitle adds it
		{"a table of contents between the lead and the text is crossed",
			[]string{para("Mozilla is a free-software community."), "Contents", "1 History", "1.1 Early years", "1.2 Later years", "2 Values", "2.1 Pledge",
				"3 Software", "3.1 Firefox", "3.2 Thunderbird", "3.3 SeaMonkey", "4 Community", "5 See also", "History",
				para("The bridge over the river will be rebuilt."), para("Work will start in March."), para("The old bridge closes in May.")},
			0},
	}
	for _, tt := range tests {
		units := unitsOf(tt.texts)
		classes := classifyAll(units)
		c := core(units, classes, commentBylines(units), repeats(units))
		if from, _ := articleSpan(units, classes, commentBylines(units), c, func(int) bool { return false }); from != tt.from {
			t.Errorf("%s: span from %d, want %d", tt.name, from, tt.from)
		}
	}
}

func TestIsNumbered(t *testing.T) {
	for in, want := range map[string]bool{
		"3. Canada":            true,
		"2.1 Pledge":           true,
		"10) Spain":            true,
		"5.3.3 Mozilla Summit": true,
		"2016 was a year":      true, // a year opens it as a number does: weighed as a list item, no more
		"Canada":               false,
		".5 of them":           false,
		"42":                   false,
	} {
		if got := isNumbered(in); got != want {
			t.Errorf("isNumbered(%q) = %v, want %v", in, got, want)
		}
	}
}

// para makes a paragraph of prose of s by adding a sentence to it.
func para(s string) string {
	return s + " The council met on Tuesday and agreed, after a long debate, that the plan would go ahead in the spring once the money was found."
}

// unitsOf makes one unit of each text, each its own block on its own line.
func unitsOf(texts []string) []unit {
	units := make([]unit, len(texts))
	for i, s := range texts {
		units[i] = unit{text: s, block: i, at: i}
	}
	return units
}
