package read

import (
	"bytes"
	"mime"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/pressroom/publish/internal/read/markdown"
)

// The formats publish reads.
const (
	formatText = iota
	formatHTML
)

// sniff tells HTML from text by the content, as a browser does, with what a
// server said as a hint: a saved page named .txt is still a page, and a
// text file named .html is still text. A server that calls a page
// text/plain, or a name ending in .txt, is overruled only when the content
// plainly opens as a page: a scraper's text may open with markup the page
// printed as text ("<div><img …").
func sniff(name string, data []byte, contentType string) int {
	media, _, _ := mime.ParseMediaType(contentType)
	switch media {
	case "text/html", "application/xhtml+xml":
		return formatHTML
	case "text/markdown", "text/x-markdown":
		return formatText
	}
	head := markupStart(data)
	if media == "text/plain" || strings.EqualFold(filepath.Ext(name), ".txt") {
		if opensAsPage(head) {
			return formatHTML
		}
		return formatText
	}
	if strings.HasPrefix(http.DetectContentType(head), "text/html") || opensAsPage(head) {
		return formatHTML
	}
	return formatText
}

// markupStart returns the start of data past what may come before a page's
// first element: a byte-order mark, white space, comments (a saved page's
// "saved from" line, or an XML declaration commented out), XML
// declarations and processing instructions.
func markupStart(data []byte) []byte {
	head := data[:min(len(data), 8192)]
	for {
		head = bytes.TrimLeft(head, "\ufeff \t\r\n\f")
		var end string
		switch {
		case bytes.HasPrefix(head, []byte("<!--")):
			end = "-->"
		case bytes.HasPrefix(head, []byte("<?")):
			end = "?>"
		default:
			return head[:min(len(head), 1024)]
		}
		i := bytes.Index(head, []byte(end))
		if i < 0 {
			return head[:min(len(head), 1024)]
		}
		head = head[i+len(end):]
	}
}

// opensAsPage reports whether the start of a page, as markupStart finds
// it, is a doctype, <html>, <head> or <body>: no text file opens that way.
func opensAsPage(start []byte) bool {
	head := bytes.ToLower(start)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.HasPrefix(head, []byte(tag)) && len(head) > len(tag) {
			switch c := head[len(tag)]; c {
			case ' ', '>', '\t', '\n', '\r', '\f', '/':
				return true
			}
		}
	}
	return false
}

// isMarkdown tells Markdown from plain text: by the server's word or the
// file's name when they say so, else by the Markdown reader's own sniffing
// of the content.
func isMarkdown(name string, text []byte, contentType string) bool {
	media, _, _ := mime.ParseMediaType(contentType)
	switch media {
	case "text/markdown", "text/x-markdown":
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return markdown.Sniff(text)
}
