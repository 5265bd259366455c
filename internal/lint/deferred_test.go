package lint

import (
	"reflect"
	"slices"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// A page's deferred links come back as they were given, whether shared or
// not; an external link that several pages make from the same place is
// kept once.
func TestDeferredLinks(t *testing.T) {
	links := []page.Link{
		{Tag: "a", Attr: "href", Href: "https://x.test/a", Target: "https://x.test/a", Selector: "footer > a:nth-child(1)", Pos: page.Pos{Line: 9, Column: 3}},
		{Tag: "a", Attr: "href", Href: "other.html#part", Target: "/other.html#part", Selector: "main > a", Pos: page.Pos{Line: 4, Column: 1}},
		{Tag: "link", Attr: "href", Rel: "stylesheet", Href: "https://cdn.test/s.css", Target: "https://cdn.test/s.css", Selector: "head > link", Pos: page.Pos{Line: 2, Column: 1}},
		{Tag: "a", Attr: "href", Href: "https://x.test/a", Target: "https://x.test/a", Selector: "main > p > a", Pos: page.Pos{Line: 5, Column: 7}},
	}
	for _, tt := range []struct {
		name  string
		table *linkTable
	}{{"shared", newLinkTable()}, {"alone", nil}} {
		t.Run(tt.name, func(t *testing.T) {
			var pages []*deferredLinks
			for _, source := range []string{"a.html", "b.html"} {
				own := slices.Clone(links) // the page's own copy
				pending := make([]*page.Link, len(own))
				for i := range own {
					pending[i] = &own[i]
				}
				pages = append(pages, newDeferredLinks(&page.Page{Source: source, URL: "/" + source, Format: "html"}, pending, tt.table))
			}
			var buf linkBuf
			for _, d := range pages {
				p := d.page(&buf)
				if p.Source != d.source || p.URL != "/"+d.source || p.Format != "html" || len(p.Links) != len(links) {
					t.Fatalf("page %+v", p)
				}
				for i, l := range p.Links {
					if !reflect.DeepEqual(*l, links[i]) {
						t.Errorf("%s link %d: got %+v, want %+v", d.source, i, *l, links[i])
					}
				}
			}
			a, b := pages[0].links, pages[1].links
			if shared := a[0].ref == b[0].ref; shared != (tt.table != nil) {
				t.Errorf("the same external link on two pages shared: %v, want %v", shared, tt.table != nil)
			}
			if a[0].ref == a[3].ref {
				t.Error("links to one URL from two places share what they are")
			}
			if a[1].ref == b[1].ref {
				t.Error("a link to another page's fragment is shared: only external links are")
			}
		})
	}
}
