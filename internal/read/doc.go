// Package read turns what people have (a scraped text, and in time a saved
// web page or a Markdown file) into the article model. It checks and
// decodes the bytes, picks the reader for their format, and fills in what
// every reader leaves open, such as the language, which it detects from the
// text.
//
// Readers never draw: they only fill the model.
package read
