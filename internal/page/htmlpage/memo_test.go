package htmlpage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// fullModel is everything of a model a check can read, its controls too.
func fullModel(t *testing.T, p *page.Page) string {
	controls, err := json.Marshal(p.Controls)
	if err != nil {
		t.Fatal(err)
	}
	return modelJSON(t, p) + string(controls)
}

// variants of a page that keep its regions' markup but move them: more
// lines before them, more text before them on their line, another
// directory, a base.
func variants(src string) map[string]struct{ src, url string } {
	out := map[string]struct{ src, url string }{
		"as is":            {src, "/dir/index.html"},
		"other directory":  {src, "/other/deeper/page.html"},
		"lines before":     {strings.Replace(src, "<body", "<!-- one -->\n<!-- two -->\n<body", 1), "/dir/a.html"},
		"text before":      {strings.Replace(src, "<header", "<span>x</span> <header", 1), "/dir/b.html"},
		"text before nav":  {strings.Replace(src, "<nav", "<i>é</i><nav", 1), "/dir/c.html"},
		"text before foot": {strings.Replace(src, "<footer", "<b>ü</b> <footer", 1), "/dir/d.html"},
		"with base":        {strings.Replace(src, "<head>", `<head><base href="/elsewhere/">`, 1), "/dir/e.html"},
	}
	return out
}

// pagesForMemo are real pages of the repository's fixtures and example
// site, and generated ones.
func pagesForMemo(t *testing.T) map[string]string {
	pages := map[string]string{}
	for i := range 3 {
		pages["generated "+string(rune('a'+i))] = genPage(i)
	}
	for _, dir := range []string{"../../../fixtures", "../../../examples"} {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			pages[path] = string(data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return pages
}

// TestRegionsCacheGivesTheSameModel: a page parsed with the cache, whether
// its regions were seen before or not, has exactly the model it has
// without.
func TestRegionsCacheGivesTheSameModel(t *testing.T) {
	pages := pagesForMemo(t)
	if len(pages) < 20 {
		t.Fatalf("only %d pages to compare", len(pages))
	}
	hits := 0
	for name, src := range pages {
		cache := NewRegions()
		for vname, v := range variants(src) {
			opt := Options{Source: "p.html", URL: v.url}
			p, err := Parse([]byte(v.src), opt)
			if err != nil {
				continue // the bad-input fixtures
			}
			want := fullModel(t, p)
			// Three times: seen once, kept, copied.
			for round := range 3 {
				opt.Regions = cache
				got, err := Parse([]byte(v.src), opt)
				if err != nil {
					t.Fatal(err)
				}
				if g := fullModel(t, got); g != want {
					t.Fatalf("%s, %s, round %d: the cache changed the model\ngot  %s\nwant %s", name, vname, round, g, want)
				}
			}
		}
		hits += len(cache.templates)
	}
	if hits < len(pages) {
		t.Errorf("%d regions kept for %d pages: the cache is hardly used", hits, len(pages))
	}
}

// TestRegionsCacheSkipsLabelledBy: a region named by an id outside it
// depends on the page, so it is never kept.
func TestRegionsCacheSkipsLabelledBy(t *testing.T) {
	cache := NewRegions()
	for _, label := range []string{"Main", "Primary", "Main"} {
		src := `<h2 id="l">` + label + `</h2><nav aria-labelledby="l"><a href="/a" aria-labelledby="l">x</a></nav>`
		p := mustParse(t, src, Options{Regions: cache})
		if p.Menus[0].Name != label || p.Menus[0].Entries[0].Label != label {
			t.Errorf("menu %q, entry %q; want both %q", p.Menus[0].Name, p.Menus[0].Entries[0].Label, label)
		}
	}
	if len(cache.templates) != 0 {
		t.Errorf("%d regions kept; want none", len(cache.templates))
	}
}

// TestRegionsCacheConcurrent: pages parsed at once share the cache safely
// (run with -race), and each gets entries of its own.
func TestRegionsCacheConcurrent(t *testing.T) {
	cache := NewRegions()
	src := genPage(1)
	want := fullModel(t, mustParse(t, src, Options{}))
	var wg sync.WaitGroup
	models := make([]*page.Page, 16)
	for i := range models {
		wg.Go(func() { models[i] = mustParse(t, src, Options{Regions: cache}) })
	}
	wg.Wait()
	for i, p := range models {
		if got := fullModel(t, p); got != want {
			t.Fatalf("page %d: the cache changed the model", i)
		}
		if i > 0 && p.Menus[0].Entries[0] == models[0].Menus[0].Entries[0] {
			t.Fatal("two pages share an entry")
		}
	}
}
