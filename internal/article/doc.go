// Package article is the document model every reader produces and every
// backend consumes: a Publication of one or more Articles, each with its
// metadata, its credits and its body blocks of inline runs.
//
// The model is plain data. It does no I/O, so tests and readers can build it
// by hand; the only behaviour it carries is normalisation (NFC, canonical
// language tags) and small
// accessors that derive one value from another.
package article
