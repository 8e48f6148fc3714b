package dates

import "testing"

// TestParse lists every form the three parsers that came before Parse read
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
