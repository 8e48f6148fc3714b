package plaintext

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDebugUnits(t *testing.T) {
	page, r := os.Getenv("DPAGE"), os.Getenv("DR")
	if page == "" {
		t.Skip()
	}
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpus", page)
	data, _ := os.ReadFile(filepath.Join(dir, "scraped", r+".txt"))
	var want struct{ Title, Byline string }
	j, _ := os.ReadFile(filepath.Join(dir, "expected.json"))
	json.Unmarshal(j, &want)
	units := split(string(data))
	classes := make([]class, len(units))
	for i, u := range units {
		classes[i] = classify(u.text)
	}
	smooth(classes)
	ti := findTitle(units)
	from, to := articleSpan(units, classes, func(i int) bool { return i == ti })
	a := Parse(string(data))
	fmt.Printf("want %q got %q; span %d-%d title %d\n", want.Title, a.Meta.Title, from, to, ti)
	lo, hi := 0, len(units)
	if s := os.Getenv("DLO"); s != "" {
		fmt.Sscan(s, &lo)
	}
	if s := os.Getenv("DHI"); s != "" {
		fmt.Sscan(s, &hi)
	}
	for i := lo; i < min(hi, len(units)); i++ {
		u := units[i]
		mark := " "
		if i == ti {
			mark = "T"
		}
		if strings.EqualFold(strings.TrimSpace(u.text), want.Title) {
			mark += "W"
		}
		fmt.Printf("%4d %s %d %-2s %.110q\n", i, "SGBP"[classes[i]:classes[i]+1], u.block, mark, u.text)
	}
}
