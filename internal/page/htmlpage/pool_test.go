package htmlpage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pagelint/pagelint/internal/sitegen"
)

// A parser is kept from page to page with its arena and the model's
// scratch space (htmlpage.go, notes.go): a page's model must be the same
// whichever page the parser read before, the largest included. Every
// HTML input of the fixtures and examples, and a page of a megabyte whose
// arena is too large to keep, is parsed by a new parser, then after each
// other in order and in reverse, and the models compared.
func TestParserKeepsNothingOfThePageBefore(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../../fixtures", "../../../examples"} {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) == ".html" {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 100 {
		t.Fatalf("found %d pages, want the fixtures' and examples'", len(files))
	}
	pages := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[f] = data
	}
	const large = "a page of 1 MB"
	pages[large] = sitegen.LargePage(1 << 20)
	files = append(files[:len(files)/2], append([]string{large}, files[len(files)/2:]...)...)
	model := func(file string) []byte {
		data := pages[file]
		p, err := Parse(data, Options{URL: "/dir/index.html", Menus: []NamedSelector{{Name: "M", Selector: "nav ul"}}})
		if err != nil {
			return []byte("error: " + err.Error())
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	fresh := map[string][]byte{}
	for _, f := range files {
		drainParsers()
		fresh[f] = model(f)
	}
	drainParsers()
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	for _, order := range [][]string{files, reversed} {
		for _, f := range order {
			if got := model(f); string(got) != string(fresh[f]) {
				t.Errorf("%s: the model read by a parser kept from another page differs from a new parser's", f)
			}
		}
	}
}

func drainParsers() {
	for {
		select {
		case <-parsers:
		default:
			return
		}
	}
}
