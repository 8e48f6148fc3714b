package read

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
)

const sample = "A Title\n\nThe first paragraph of the story runs long enough to be prose, as any lede does. It has two sentences about the café.\n"

func TestBytesDecodes(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range sample {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	win1252 := bytes.ReplaceAll([]byte(sample), []byte("é"), []byte{0xE9})
	tests := []struct {
		name string
		data []byte
	}{
		{"utf-8", []byte(sample)},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, sample...)},
		{"utf-16 with BOM", utf16le},
		{"windows-1252", win1252},
		{"decomposed accents", []byte(strings.ReplaceAll(sample, "é", "e\u0301"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Bytes("in.txt", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.Title != "A Title" {
				t.Errorf("title = %q", a.Meta.Title)
			}
			p, ok := a.Body[0].(*article.Paragraph)
			if !ok || !strings.HasSuffix(p.Text.String(), "about the café.") {
				t.Errorf("body = %#v, want the paragraph in NFC", a.Body)
			}
		})
	}
}

func TestBytesRefuses(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "in.txt: empty"},
		{"blank", []byte(" \n\t\n\u00a0"), "in.txt: empty"},
		{"png image", png, "in.txt: binary data (image/png)"},
		{"nul bytes", []byte("text\x00with nul"), "in.txt: binary data"},
		{"control characters", bytes.Repeat([]byte{0x01, 0x02, 'a'}, 50), "in.txt: binary data"},
		{"undefined in windows-1252", []byte("caf\xe9 \x81 text"), "in.txt: not UTF-8 text, nor Windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Bytes("in.txt", tt.data)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want one line starting %q", err, tt.want)
			}
		})
	}
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	if a, err := File(good, nil); err != nil || a.Meta.Title != "A Title" {
		t.Errorf("File(good) = %v, %v", a, err)
	}
	if a, err := File("-", strings.NewReader(sample)); err != nil || a.Meta.Title != "A Title" {
		t.Errorf("File(-) = %v, %v", a, err)
	}
	missing := filepath.Join(dir, "missing.txt")
	if _, err := File(missing, nil); err == nil || err.Error() != missing+": no such file" {
		t.Errorf("File(missing) error = %v", err)
	}
	if _, err := File(dir, nil); err == nil || err.Error() != dir+": is a directory, not a file" {
		t.Errorf("File(dir) error = %v", err)
	}
	if _, err := File("-", strings.NewReader("")); err == nil || err.Error() != "standard input: empty: there is no text to publish" {
		t.Errorf("File(empty stdin) error = %v", err)
	}
}

// TestFileRefusesPipes checks that a named pipe is refused at once, with
// one line, rather than read: opening one blocks until a writer comes,
// which may be never.
func TestFileRefusesPipes(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "article.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := File(fifo, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || err.Error() != fifo+": is a named pipe, not a regular file" {
			t.Errorf("File(fifo) error = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("File(fifo) blocked")
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The committee met on Tuesday to discuss the budget, and after a long debate the members agreed to postpone the vote until the next session of parliament in the spring.", "en"},
		{"Die Abgeordneten haben am Dienstag über den Haushalt beraten und nach einer langen Debatte beschlossen, die Abstimmung auf die nächste Sitzung im Frühjahr zu verschieben.", "de"},
		{"Les députés ont, sans surprise, adopté à une large majorité le projet de loi sur le renseignement défendu par le gouvernement lors d’un vote solennel, mardi.", "fr"},
		{"谷歌在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。这款产品具有极其重要的意义。", "zh"},
	}
	for _, tt := range tests {
		a := &article.Article{Body: []article.Block{&article.Paragraph{Text: article.Plain(tt.text)}}}
		if got := DetectLanguage(a); got != tt.want {
			t.Errorf("DetectLanguage(%.30q...) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// A page's furniture before its prose (a tag cloud, a numbered list,
	// a country menu run together) must not decide the language.
	var body []article.Block
	for _, menu := range []string{"accounting", "advocacy", "agpl", "android", "apache", "asterisk", "automotive", "conservancy", "copyleft", "licence", "libreoffice", "moblin", "podjango", "sexism", "trademarks"} {
		body = append(body, &article.Paragraph{Text: article.Plain(menu)})
	}
	body = append(body,
		&article.Paragraph{Text: article.Plain("1. accueil 2. contact 3. société 4. actualités 5. économie 6. médias 7. réseaux 8. éditions 9. publicité 10. abonnement")},
		&article.Paragraph{Text: article.Plain("Country United StatesAfghanistanAlbaniaAlgeriaAndorraAngolaArgentinaArmeniaAustraliaAustriaAzerbaijan")},
		&article.Paragraph{Text: article.Plain(tests[0].text)},
		&article.Paragraph{Text: article.Plain("The members of the committee then returned to their offices, where they spent the afternoon reading the reports that the staff had prepared for them over the summer.")})
	if got := DetectLanguage(&article.Article{Body: body}); got != "en" {
		t.Errorf("DetectLanguage(furniture, then English prose) = %q, want en", got)
	}
}

func TestProseLike(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The committee met on Tuesday to discuss the budget, and after a long debate it agreed.", true},
		{"Short line of a menu", false},
		{"1. accounting 2. advocacy 3. agpl 4. android 5. apache 6. apple 7. apt 8. artistic 9. asterisk", false},
		{"Country United StatesAfghanistanAlbaniaAlgeriaAndorraAngolaArgentinaArmeniaAustraliaAustria", false},
		{"+:---------------------------------:+:--------------------------------------------:+ | [logo.png] |", false},
	}
	for _, tt := range tests {
		if got := proseLike(tt.text); got != tt.want {
			t.Errorf("proseLike(%.40q...) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestStrayByte checks that one invalid byte in an otherwise UTF-8 input,
// text or a page that declares no charset, leaves the rest read as UTF-8,
// shows as U+FFFD, and is reported once.
func TestStrayByte(t *testing.T) {
	const prose = "The first paragraph of the story runs long enough to be prose about the café and its crème brûlée, as any lede does. It has two sentences."
	tests := []struct {
		name, data string
	}{
		{"text", "A Title\n\n" + strings.Replace(prose, "about", "ab\xffout", 1) + "\n"},
		{"page without a charset", "<!DOCTYPE html><html><head><title>A Title</title></head><body><article><h1>A Title</h1><p>" +
			strings.Replace(prose, "about", "ab\xffout", 1) + "</p><p>" + prose + "</p><p>" + prose + "</p></article></body></html>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warnings []string
			r := &Reader{Warn: func(w string) { warnings = append(warnings, w) }}
			a, err := r.parse(context.Background(), "in.txt", []byte(tt.data), "", nil)
			if err != nil {
				t.Fatal(err)
			}
			var body strings.Builder
			for p := range article.Query[*article.Paragraph](a.Body) {
				body.WriteString(p.Text.String())
			}
			if !strings.Contains(body.String(), "ab\uFFFDout the café and its crème brûlée") {
				t.Errorf("body %q, want UTF-8 kept and the stray byte as U+FFFD", body.String())
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], "1 invalid UTF-8 sequences") {
				t.Errorf("warnings %q, want one about the invalid sequence", warnings)
			}
		})
	}
}
