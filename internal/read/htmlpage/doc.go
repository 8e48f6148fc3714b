// Package htmlpage reads a web page, saved to a file or fetched from its
// address, into the article model.
//
// Parse decodes the page's charset, finds the article in it with
// go-readability (a port of Mozilla's Readability), and walks the content
// that finds into article blocks, keeping every word. Metadata comes from
// what the page declares, in the order extractors trust it: schema.org
// JSON-LD, then citation_* and Dublin Core meta tags, then Open Graph and
// article:* tags, then <title> and <html lang>. Figures bring their images
// through an images.Loader, their captions and their credits.
//
// Fragment reads HTML that another document holds, such as a raw HTML
// block in Markdown, into blocks by the same rules.
package htmlpage
