package dates

import "testing"

// TestParse lists every form the parsers that came before Parse read
// (the web page reader's, the front matter's, the manifest's and --date's),
// so that none stops reading.
func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means not a date
	}{
		// RFC 3339, with and without fractions of a second.
		{"2018-05-18T10:15:00+02:00", "2018-05-18T10:15:00+02:00"},
		{"2018-05-18T10:15:00Z", "2018-05-18T10:15:00Z"},
		{"2018-05-18T10:15:00.123456+02:00", "2018-05-18T10:15:00+02:00"},
		{"  2018-05-18T10:15:00Z  ", "2018-05-18T10:15:00Z"},
		// Other ISO 8601 forms with a zone, as pages give them.
		{"2018-05-18T10:15:00+0200", "2018-05-18T10:15:00+02:00"},
		{"2018-05-18T10:15:00.5-0500", "2018-05-18T10:15:00-05:00"},
		{"2018-05-18T10:15+02:00", "2018-05-18T10:15:00+02:00"},
		{"2018-05-18 10:15:00Z", "2018-05-18T10:15:00Z"},
		{"2018-05-18 10:15:00+02:00", "2018-05-18T10:15:00+02:00"},
		{"2018-05-18 10:15:00 +0200", "2018-05-18T10:15:00+02:00"},
		// YAML timestamps.
		{"2018-05-18 10:15:00 +02:00", "2018-05-18T10:15:00+02:00"},
		{"2018-05-18 10:15:00.5 Z", "2018-05-18T10:15:00Z"},
		{"2018-05-18 10:15:00 -05", "2018-05-18T10:15:00-05:00"},
		{"2018-05-18 10:15+02:00", "2018-05-18T10:15:00+02:00"},
		{"2018-05-18 10:15 +02:00", "2018-05-18T10:15:00+02:00"},
		// RFC 1123, as HTTP and RSS give it.
		{"Fri, 18 May 2018 10:15:00 +0200", "2018-05-18T10:15:00+02:00"},
		{"Fri, 18 May 2018 10:15:00 GMT", "2018-05-18T10:15:00Z"},
		{"Fri, 18 May 2018 10:15:00 UTC", "2018-05-18T10:15:00Z"},
		{"Fri, 8 May 2018 10:15:00 +0200", "2018-05-08T10:15:00+02:00"},
		// A zone nobody can place keeps the day only.
		{"Fri, 18 May 2018 23:15:00 XST", "2018-05-18"},
		// A clock time without a zone keeps the day only.
		{"2018-05-18T10:15:00", "2018-05-18"},
		{"2018-05-18T10:15:00.250", "2018-05-18"},
		{"2018-05-18 10:15:00", "2018-05-18"},
		{"2018-05-18T10:15", "2018-05-18"},
		{"2018-05-18 10:15", "2018-05-18"},
		{"2018-05-18t10:15:00", "2018-05-18"},
		{"2018-05-18T9:15", "2018-05-18"},
		// Days.
		{"2018-05-18", "2018-05-18"},
		{"2018/05/18", "2018-05-18"},
		{"20180518", "2018-05-18"},
		// The forms a page prints, which a field may hold too.
		{"May 18, 2018", "2018-05-18"},
		{"18 May 2018", "2018-05-18"},
		{"Sept. 25, 2018", "2018-09-25"},
		{"5/18/2018", "2018-05-18"},
		{"Published May 18, 2018", "2018-05-18"},
		{"发稿时间：2017-03-10 08:42:00", "2017-03-10"},
		{"March 9, 2017 13", "2017-03-09"}, // a count of comments after it
		{"March 9, 2017 1234567", ""},
		{"公開日: 2015年3月10日", "2015-03-10"},
		{"Monday, May 21, 2018 at 3:04 p.m. ET", "2018-05-21"},
		// Not dates.
		{"", ""},
		{"   ", ""},
		{"soon", ""},
		{"next Tuesday", ""},
		{"2018-02-30", ""},
		{"2018-13-01", ""},
		{"20181301", ""},
		{"2018", ""},
		{"May 18, 2018 was a Friday.", ""},
	}
	for _, tt := range tests {
		d, ok := Parse(tt.in)
		if got := d.String(); ok != (tt.want != "") || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means not a date
	}{
		{"May 18, 2018", "2018-05-18"},
		{"Sept. 25, 2018", "2018-09-25"},
		{"Jan 2, 2006", "2006-01-02"},
		{"January 2nd, 2006", "2006-01-02"},
		{"18 May 2018", "2018-05-18"},
		{"18. May 2018", "2018-05-18"},
		{"1st March 2020", "2020-03-01"},
		{"2018-05-18", "2018-05-18"},
		{"2018-05-18T10:15:00+02:00", "2018-05-18T10:15:00+02:00"},
		{"2018-05-18 10:15", "2018-05-18"},
		{"5/18/2018", "2018-05-18"},
		{"Published May 18, 2018", "2018-05-18"},
		{"Last updated: May 18, 2018", "2018-05-18"},
		{"Updated on: Monday, May 21, 2018", "2018-05-21"},
		{"Tuesday 15 October 2019", "2019-10-15"},
		{"Feb. 23, 2015 at 3:04 p.m. ET", "2015-02-23"},
		{"2/26/2015 7:11 AM PST", "2015-02-26"},
		{"May 18, 2018 | 07:17", "2018-05-18"},
		// Other languages' forms, and what pages print around a date.
		{"on March 10, 2015", "2015-03-10"},
		{"Oct 18, 2019 · 8 min read", "2019-10-18"},
		{"30 avril 2015 à 07:19", "2015-04-30"},
		{"le 4 mai 2015", "2015-05-04"},
		{"Publié le 4 mai 2015 à 13h36", "2015-05-04"},
		{"04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13", "2015-05-04"},
		{"21.dez.2018 às 12h55", "2018-12-21"},
		{"21 de dezembro de 2018", "2018-12-21"},
		{"10 de marzo de 2015", "2015-03-10"},
		{"5. Mai 2015, 10:15 Uhr", "2015-05-05"},
		{"5. Mai 2015 um 10:15 Uhr", "2015-05-05"},
		{"Freitag, 25. Dezember 2015", "2015-12-25"},
		{"Friday 25 December 2015", "2015-12-25"},
		{"11.03.17", "2017-03-11"},
		{"31.12.2016", "2016-12-31"},
		{"2015年3月10日", "2015-03-10"},
		{"2015년 3월 10일", "2015-03-10"},
		{"12 giugno 2016", "2016-06-12"},
		{"janv. 3, 2019", "2019-01-03"},
		{"15. října 2019", "2019-10-15"},
		// Lines from scraped pages.
		{"Published on: June 25, 2024", "2024-06-25"},
		{"Oct 15, 2015 · 18 min read", "2015-10-15"},
		{"9/11/13 10:00AM", "2013-09-11"},
		{"10.15.15", "2015-10-15"}, // 15 is no month: month first
		{"04.05.15", "2015-05-04"}, // both readings are days: day first
		{"Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC", "2024-12-06"},
		{"Dec. 6, 2024, 10:00\u00a0PM UTC\u00a0/\u00a0Updated\u00a0Dec. 7, 2024, 12:43 PM UTC", "2024-12-06"},
		{"Jun 7, 2023, 8:54 PM UTC|", "2023-06-07"},
		{"April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", "2019-04-28"},
		{"Last Updated: January 7, 2025", "2025-01-07"},
		{"February 1, 2016: 12:41 PM ET", "2016-02-01"},
		{"January 18, 2017 11:00 PM PST", "2017-01-18"},
		{"Apr 16, 2015 8:02 pm UTC", "2015-04-16"},
		// Relative dates name no day.
		{"1 day ago", ""},
		{"3 hours ago", ""},
		{"8h", ""},
		{"před 21 minutami", ""},
		{"March 18 at 3:57 PM", ""},
		// What follows a date must be furniture, not more words.
		{"March 11, 2015 3:46 PM Good Morning America", ""},
		{"May 18, 2018 - May 20, 2018", ""},
		{"May 18, 2018 / Updated soon", ""},
		{"Jun 7, 2023, 8:54 PM UTC| (BUTTON) Comments", ""},
		{"13/25/15", ""},
		{"February 30, 2018", ""},
		{"May 18, 2018 was a Friday and the market rose.", ""},
		{"Mayday 18, 2018", ""},
		{"In 2018 the company grew.", ""},
		// Machine forms are for metadata: in text they are numbers.
		{"20180518", ""},
		{"2018/05/18", ""},
		{"", ""},
	}
	for _, tt := range tests {
		d, ok := ParseLine(tt.in)
		if got := d.String(); ok != (tt.want != "") || got != tt.want {
			t.Errorf("ParseLine(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		in, want, rest string // want "" means no date begins the line
	}{
		{"March 11, 2015 3:46 PM Good Morning America", "2015-03-11", "Good Morning America"},
		{"March 9, 2017 13", "2017-03-09", "13"},
		{"Published 18 May 2018", "2018-05-18", ""},
		{"In 2018 the company grew.", "", ""},
	}
	for _, tt := range tests {
		d, rest, ok := Cut(tt.in)
		if ok != (tt.want != "") || d.String() != tt.want || rest != tt.rest {
			t.Errorf("Cut(%q) = %q, %q, %v; want %q, %q", tt.in, d.String(), rest, ok, tt.want, tt.rest)
		}
	}
}

func TestIsVague(t *testing.T) {
	for in, want := range map[string]bool{
		"8h":                  true,
		"5 min":               true,
		"1 day ago":           true,
		"an hour ago":         true,
		"před 21 minutami":    true,
		"il y a 2 heures":     true,
		"vor 3 Stunden":       true,
		"yesterday":           true,
		"March 18 at 3:57 PM": true,
		"18 mars":             true,
		"1:39 PM ET":          true,
		"at 10:15":            true,
		"10:15 and then":      false,
		"March 18, 2015":      false, // a day: ParseLine's
		"8 hours of sleep":    false,
		"Marching 18":         false,
		"vor allem":           false,
		"":                    false,
	} {
		if got := IsVague(in); got != want {
			t.Errorf("IsVague(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestMayHoldDate(t *testing.T) {
	for in, want := range map[string]bool{
		"March 10, 2017":        true,
		"2013-09-29— in Code":   true,
		"on 11.03.17 by Ann":    true,
		"9/11/13":               true,
		"2015年3月10日":            true,
		"30 avril 2015 à 07:19": true,
		"1:39 PM ET":            false,
		"Chapter 1.2":           false,
		"v1.2 of 3":             false,
		"12 min read":           false,
		"":                      false,
	} {
		if got := MayHoldDate(in); got != want {
			t.Errorf("MayHoldDate(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFindLabelled(t *testing.T) {
	for in, want := range map[string]string{
		"Blog Insights A Title Published on: June 25, 2024 5 min read": "2024-06-25",
		"Home News Updated 5 May 2015 Share":                           "2015-05-05",
		"The treaty, signed on June 25, 2024, was published later.":    "",
		"Published in the Journal of Things":                           "",
	} {
		d, ok := FindLabelled(in)
		if got := d.String(); ok != (want != "") || got != want {
			t.Errorf("FindLabelled(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
