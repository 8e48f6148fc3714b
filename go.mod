module github.com/pressroom/publish

go 1.26.0

require (
	codeberg.org/go-pdf/fpdf v0.12.0 // indirect
	github.com/abadojack/whatlanggo v1.0.1 // indirect
	github.com/gabriel-vasile/mimetype v1.4.3 // indirect
	github.com/go-shiori/go-epub v1.2.1 // indirect
	github.com/gofrs/uuid/v5 v5.0.0 // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	github.com/vincent-petithory/dataurl v1.0.0 // indirect
	golang.org/x/image v0.48.0 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
