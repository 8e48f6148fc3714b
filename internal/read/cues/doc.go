// Package cues recognises the conventions of article text that every reader
// meets: bylines, dates, photo credits, author bios and the navigation debris
// that scrapers leave behind. Each recogniser takes one line or paragraph and
// says what it is; deciding where in an article a line stands is the
// reader's job.
package cues
