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
// text file named .html is still text.
func sniff(name string, data []byte, contentType string) int {
	media, _, _ := mime.ParseMediaType(contentType)
	switch media {
	case "text/html", "application/xhtml+xml":
		return formatHTML
	case "text/plain", "text/markdown", "text/x-markdown":
		return formatText
	}
	head := bytes.TrimLeft(data[:min(len(data), 1024)], "\xef\xbb\xbf \t\r\n")
	if strings.HasPrefix(http.DetectContentType(head), "text/html") {
		return formatHTML
	}
	// XHTML saved with an XML declaration first.
	if bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(bytes.ToLower(data[:min(len(data), 4096)]), []byte("<html")) {
		return formatHTML
	}
	return formatText
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
