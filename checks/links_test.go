package checks

import (
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// ref is a reference of a page: tag and attribute, the href as written and
// its resolved target.
func ref(tag, href, target string, line, col int) *page.Link {
	attr := page.AttrHref
	if tag == "img" || tag == "script" || tag == "iframe" {
		attr = page.AttrSrc
	}
	return &page.Link{Tag: tagNamed(tag), Attr: attr, Href: href, Target: target, Label: "x", Pos: page.Pos{Line: line, Column: col}}
}

// tagNamed is the page.Tag of an element's name.
func tagNamed(name string) page.Tag {
	for t := page.TagA; t <= page.TagMeta; t++ {
		if t.String() == name {
			return t
		}
	}
	panic("no page.Tag " + name)
}

// attrNamed is the page.Attr of an attribute's name.
func attrNamed(name string) page.Attr {
	for a := page.AttrHref; a <= page.AttrContent; a++ {
		if a.String() == name {
			return a
		}
	}
	panic("no page.Attr " + name)
}

func linking(links ...*page.Link) *page.Page {
	return &page.Page{Source: "docs/index.html", URL: "/docs/index.html", Format: page.FormatHTML,
		Links: links, Anchors: []string{"intro", "Install"}}
}

// linkSite is a site of pages and files, some with anchors.
func linkSite(e *Env) {
	e.Site = fakeSite{
		files:   []string{"/docs/index.html", "/about/index.html", "/about.html", "/contact.html", "/img/logo.png", "/my page.html", "/guide/index.html"},
		anchors: map[string][]string{"/docs/index.html": {"intro"}, "/guide/index.html": {"setup", "faq"}},
	}
}

// linkExternal is linkSite, and results of external URLs.
func linkExternal(e *Env) {
	linkSite(e)
	e.External = map[string]ExternalResult{
		"https://example.com/ok":      {OK: true},
		"https://example.com/gone":    {OK: false, Reason: "404 Not Found"},
		"https://example.com/doc#sec": {OK: true, FragmentMissing: true},
		"http://example.com/old":      {OK: true, Permanent: true, FinalURL: "https://example.com/new"},
		"https://example.com/moved":   {OK: false, Reason: "404 Not Found", FinalURL: "https://example.com/gone-too"},
		"https://example.com/loop":    {OK: false, Reason: "redirect loop at https://example.com/loop", FinalURL: "https://example.com/loop"},
	}
}

// countingSite counts the questions a check asks.
type countingSite struct {
	fakeSite
	resolves map[string]int
}

func (s *countingSite) Resolve(p string) (string, bool) {
	s.resolves[p]++
	return s.fakeSite.Resolve(p)
}

// TestLinkTargetsSettlesSitePaths: a site path (and fragment) found fine
// is not judged again for the next links to it, on this page or the next;
// a broken one, one whose page is not read yet and an external URL are
// judged every time, and a link element that names only an origin settles
// nothing.
func TestLinkTargetsSettlesSitePaths(t *testing.T) {
	hint := ref("link", "/gone/", "/gone/", 2, 1)
	hint.SetRare(page.Rare{Rel: "preconnect"})
	links := []*page.Link{
		hint,
		ref("a", "/about/", "/about/", 3, 1),
		ref("a", "/gone/", "/gone/", 4, 1),
		ref("a", "#intro", "/docs/index.html#intro", 5, 1),
		ref("a", "/guide/#setup", "/guide/#setup", 6, 1),
		ref("a", "/guide/#nope", "/guide/#nope", 7, 1),
		ref("a", "/contact.html#x", "/contact.html#x", 8, 1),
		ref("a", "https://example.com/x", "https://example.com/x", 9, 1),
		ref("a", "/about/", "/about/", 10, 1),
	}
	site := &countingSite{fakeSite: fakeSite{
		files:   []string{"/docs/index.html", "/about/index.html", "/contact.html", "/guide/index.html"},
		anchors: map[string][]string{"/docs/index.html": {"intro"}, "/guide/index.html": {"setup"}}, // contact.html: not read yet
	}, resolves: map[string]int{}}
	env := NewEngine(nil, testNow).NewEnv(site)
	env.Reading = true
	pending := 0
	pages := []*page.Page{
		linking(links...),
		{Source: "docs/other.html", URL: "/docs/other.html", Format: page.FormatHTML, Links: links},
	}
	var got []string
	for _, p := range pages {
		r := linkTargets{}.Check(p, env)
		for _, f := range r.Findings {
			got = append(got, formatFinding(f))
		}
		pending += len(r.Pending)
	}
	want := []string{
		`docs/index.html 4:1  link-broken broken link "/gone/": no such page or file`,
		`docs/index.html 7:1  link-fragment fragment "#nope" of link "/guide/#nope" names no id or a[name] on "/guide/index.html"`,
		`docs/other.html 4:1  link-broken broken link "/gone/": no such page or file`,
		`docs/other.html 7:1  link-fragment fragment "#nope" of link "/guide/#nope" names no id or a[name] on "/guide/index.html"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantResolves := map[string]int{"/about/": 1, "/gone/": 2, "/guide/": 3, "/contact.html": 2}
	for p, n := range wantResolves {
		if site.resolves[p] != n {
			t.Errorf("%s resolved %d times, want %d (all: %v)", p, site.resolves[p], n, site.resolves)
		}
	}
	if pending != 4 {
		t.Errorf("%d links pending; want the one to a page not read and the external one, on each page", pending)
	}
}
