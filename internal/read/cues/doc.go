// Package cues recognises the conventions of article text that every reader
// meets: bylines, photo credits, author bios and the navigation debris that
// scrapers leave behind (a line that is a date is package dates' to read).
// Each recogniser takes one line or paragraph and says what it is; deciding
// where in an article a line stands is the reader's job.
package cues
