package lint

import (
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/pagelint/pagelint/internal/page"
)

// A page's deferred links come back as they were given; what the links of
// several pages have in common (the place in their template, an external
// URL) is kept once.
func TestDeferredLinks(t *testing.T) {
	links := []page.Link{
		{Tag: page.TagA, Attr: page.AttrHref, Href: "https://x.test/a", Target: "https://x.test/a", Selector: "footer > a:nth-child(1)", Pos: page.Pos{Line: 9, Column: 3}},
		{Tag: page.TagA, Attr: page.AttrHref, Href: "other.html#part", Target: "/other.html#part", Selector: "main > a", Pos: page.Pos{Line: 4, Column: 1}},
		{Tag: page.TagLink, Attr: page.AttrHref, Rare: &page.Rare{Rel: "stylesheet"}, Href: "https://cdn.test/s.css", Target: "https://cdn.test/s.css", Selector: "head > link", Pos: page.Pos{Line: 2, Column: 1}},
		{Tag: page.TagA, Attr: page.AttrHref, Href: "https://x.test/a", Target: "https://x.test/a", Selector: "main > p > a", Pos: page.Pos{Line: 5, Column: 7}},
	}
	var pages []*deferredLinks
	for _, source := range []string{"a.html", "b.html"} {
		own := slices.Clone(links) // the page's own copy
		pending := make([]*page.Link, len(own))
		for i := range own {
			pending[i] = &own[i]
		}
		pages = append(pages, newDeferredLinks(&page.Page{Source: source, URL: "/" + source, Format: "html"}, pending))
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
	if a[0].place != b[0].place || a[0].place == a[3].place {
		t.Error("the links written at one place do not share it, or those at two places do")
	}
	if unsafe.StringData(a[0].href) != unsafe.StringData(b[0].href) || unsafe.StringData(a[0].href) != unsafe.StringData(a[3].target) {
		t.Error("an external URL that pages cite is kept more than once")
	}
}

// A page whose anchors are another's shares that page's set; one with the
// same anchors and one more, or fewer, does not.
func TestAnchorSets(t *testing.T) {
	sets := newAnchorSets()
	of := func(anchors ...string) map[string]bool { return sets.of(&page.Page{Anchors: anchors}) }
	first := of("main", "sec-1", "sec-2")
	same := of("main", "sec-1", "sec-2")
	if reflect.ValueOf(first).UnsafePointer() != reflect.ValueOf(same).UnsafePointer() {
		t.Error("two pages with the same anchors keep two sets")
	}
	for _, anchors := range [][]string{{"main", "sec-1"}, {"main", "sec-1", "sec-2", "sec-3"}, {"main", "main", "sec-1"}, {}} {
		want := map[string]bool{}
		for _, a := range anchors {
			want[a] = true
		}
		if got := of(anchors...); !reflect.DeepEqual(got, want) {
			t.Errorf("anchors %q: set %v", anchors, got)
		}
	}
	if got := of("main", "main", "sec-1"); !reflect.DeepEqual(got, map[string]bool{"main": true, "sec-1": true}) {
		t.Errorf("a page with an id twice: set %v", got)
	}
	// On a collision of hashes, the set is compared.
	for _, tt := range []struct {
		anchors []string
		equal   bool
	}{{[]string{"a", "b"}, true}, {[]string{"b", "a", "b"}, true}, {[]string{"a", "a"}, false}, {[]string{"a", "b", "c"}, false}, {nil, false}} {
		if got := sets.equal(map[string]bool{"a": true, "b": true}, tt.anchors); got != tt.equal {
			t.Errorf("anchors %q equal to {a b}: %v", tt.anchors, got)
		}
	}
}
