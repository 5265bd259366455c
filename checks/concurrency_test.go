package checks

import (
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// A run checks pages from several goroutines at once, each with an Env of
// its own and one Engine: what the checks keep between pages (working
// memory, matches, the parsed base URL) must never mix two pages up.
func TestCheckPageConcurrently(t *testing.T) {
	cfg := testConfig(t, `{"site":{"baseURL":"https://www.example.com/"},
		"footer":{"required":[{"id":"privacy","pattern":"privacy"},{"id":"imprint","label":"Imprint"}]}}`)
	pages := make([]*page.Page, 16)
	for i := range pages {
		p := realisticPage(i * 61)
		if i%2 == 0 {
			// Findings that differ from page to page: a duplicate entry,
			// a broken link and a missing fragment.
			dup := lnk("PRODUCTS", fmt.Sprintf("/products-%d/", i), 200+i, 3)
			dup.Group = "primary"
			m := p.Menus[0]
			m.Entries = append(m.Entries, dup)
			p.Links = append(p.Links,
				&page.Link{Tag: page.TagA, Attr: page.AttrHref, Href: fmt.Sprintf("/gone-%d.html", i), Target: fmt.Sprintf("/gone-%d.html", i), Label: "x", Pos: page.Pos{Line: 300 + i}},
				&page.Link{Tag: page.TagA, Attr: page.AttrHref, Href: "https://www.example.com/section-01/page-0020.html#nope", Target: "https://www.example.com/section-01/page-0020.html#nope", Label: "x", Pos: page.Pos{Line: 301 + i}})
		}
		pages[i] = p
	}
	engine := NewEngine(cfg, testNow)
	want := make([][]finding.Finding, len(pages))
	for i, p := range pages {
		want[i] = engine.NewEnv(newRealisticSite()).CheckPage(p).Findings
	}
	if len(want[0]) < 4 || len(want[1]) < 1 {
		t.Fatalf("too few findings to tell pages apart: %d and %d", len(want[0]), len(want[1]))
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			env := engine.NewEnv(newRealisticSite())
			for r := range 50 {
				i := (w*5 + r) % len(pages)
				if got := env.CheckPage(pages[i]).Findings; !reflect.DeepEqual(got, want[i]) {
					t.Errorf("page %d checked concurrently:\n got %v\nwant %v", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
