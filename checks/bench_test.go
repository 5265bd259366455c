package checks

import (
	"fmt"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// benchPage is a page of the benchmark site of issue 2: a header menu of 40
// links in nested lists, a footer of 25 in five groups with a copyright
// notice, and 30 body links with fragments.
func benchPage(n int) *page.Page {
	p := &page.Page{Source: fmt.Sprintf("p%d.html", n), URL: fmt.Sprintf("/p%d.html", n), Anchors: []string{"top", "a", "b", "c"}}
	m := menu("Primary", 10)
	for i := range 8 {
		parent := lnk(fmt.Sprintf("Section %d", i), fmt.Sprintf("/s%d/", i), 11+i*6, 5)
		for j := range 4 {
			parent.SetChildren(append(parent.Children(), lnk(fmt.Sprintf("Page %d.%d", i, j), fmt.Sprintf("/s%d/p%d.html", i, j), 12+i*6+j, 9)))
		}
		m.Entries = append(m.Entries, parent)
	}
	p.Menus = []*page.Menu{m}
	var items []*page.Entry
	for i := range 25 {
		e := lnk(fmt.Sprintf("Footer %d", i), fmt.Sprintf("/f%d.html", i), 300+i, 5)
		e.Group = fmt.Sprintf("Group %d", i/5)
		items = append(items, e)
	}
	items = append(items, lnk("Privacy", "/privacy/", 330, 5))
	p.Footer = footer(299, items...)
	p.Footer.Copyright = []*page.Copyright{{Text: "© 2026 Contoso", Pos: page.Pos{Line: 340, Column: 5}}}
	add := func(e *page.Entry) {
		p.Links = append(p.Links, &page.Link{Tag: page.TagA, Attr: page.AttrHref, Href: e.Href, Target: e.Target, Label: e.Label, Pos: e.Pos})
	}
	walkEntries(m.Entries, nil, func(e, _ *page.Entry) { add(e) })
	for _, e := range items {
		add(e)
	}
	for i := range 30 {
		add(lnk(fmt.Sprintf("Body %d", i), fmt.Sprintf("/s%d/p%d.html#%c", i%8, i%4, 'a'+i%3), 100+i, 7))
	}
	return p
}

func BenchmarkCheckPage(b *testing.B) {
	var files []string
	anchors := map[string][]string{}
	for i := range 8 {
		files = append(files, fmt.Sprintf("/s%d/index.html", i))
		for j := range 4 {
			f := fmt.Sprintf("/s%d/p%d.html", i, j)
			files = append(files, f)
			anchors[f] = []string{"a", "b", "c"}
		}
	}
	for i := range 25 {
		files = append(files, fmt.Sprintf("/f%d.html", i), "/privacy/index.html")
	}
	cfg, err := schema.Default(nil)
	if err != nil {
		b.Fatal(err)
	}
	env := NewEngine(cfg, testNow).NewEnv(mapSite{fakeSite{files: files, anchors: anchors}.index()})
	pages := make([]*page.Page, 64)
	for i := range pages {
		pages[i] = benchPage(i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if f := env.CheckPage(pages[i%len(pages)]).Findings; len(f) != 0 {
			b.Fatalf("unexpected findings: %v", f)
		}
	}
}

// mapSite is fakeSite with map lookups, so that the benchmark measures the
// checks rather than the fake.
type mapSite struct{ files map[string]map[string]bool }

func (s fakeSite) index() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, f := range s.files {
		a := map[string]bool{}
		for _, x := range s.anchors[f] {
			a[x] = true
		}
		m[f] = a
	}
	return m
}

func (s mapSite) Resolve(p string) (string, bool) {
	if len(p) > 0 && p[len(p)-1] == '/' {
		p += "index.html"
	}
	_, ok := s.files[p]
	return p, ok
}

func (s mapSite) Anchors(resolved string) (map[string]bool, bool) {
	a, ok := s.files[resolved]
	return a, ok
}
