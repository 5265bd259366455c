package checks

import (
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// ref is a reference of a page: tag and attribute, the href as written and
// its resolved target.
func ref(tag, href, target string, line, col int) *page.Link {
	attr := "href"
	if tag == "img" || tag == "script" || tag == "iframe" {
		attr = "src"
	}
	return &page.Link{Tag: tag, Attr: attr, Href: href, Target: target, Label: "x", Pos: page.Pos{Line: line, Column: col}}
}

func linking(links ...*page.Link) *page.Page {
	return &page.Page{Source: "docs/index.html", URL: "/docs/index.html", Format: page.FormatHTML,
		Links: links, Anchors: []string{"intro", "Install"}}
}

func TestLinkTargets(t *testing.T) {
	site := func(e *Env) {
		e.Site = fakeSite{
			files:   []string{"/docs/index.html", "/about/index.html", "/about.html", "/contact.html", "/img/logo.png", "/my page.html", "/guide/index.html"},
			anchors: map[string][]string{"/docs/index.html": {"intro"}, "/guide/index.html": {"setup", "faq"}},
		}
	}
	external := func(e *Env) {
		site(e)
		e.External = map[string]ExternalResult{
			"https://example.com/ok":      {OK: true},
			"https://example.com/gone":    {OK: false, Reason: "404 Not Found"},
			"https://example.com/doc#sec": {OK: true, FragmentMissing: true},
			"http://example.com/old":      {OK: true, Permanent: true, FinalURL: "https://example.com/new"},
			"https://example.com/moved":   {OK: false, Reason: "404 Not Found", FinalURL: "https://example.com/gone-too"},
			"https://example.com/loop":    {OK: false, Reason: "redirect loop at https://example.com/loop", FinalURL: "https://example.com/loop"},
		}
	}
	runRuleCases(t, linkTargets{}, []ruleCase{
		{name: "internal targets that exist", env: site, page: linking(
			ref("a", "/about/", "/about/", 10, 3),
			ref("a", "../about", "/about", 11, 3),
			ref("a", "/contact?ref=nav", "/contact?ref=nav", 12, 3),
			ref("a", "/my%20page.html", "/my%20page.html", 13, 3),
			ref("img", "../img/logo.png", "/img/logo.png", 14, 3),
			ref("a", "mailto:info@example.com", "mailto:info@example.com", 15, 3),
			ref("a", "tel:+1-555-0100", "tel:+1-555-0100", 16, 3),
			ref("a", "https://example.com/unknown", "https://example.com/unknown", 17, 3),
		)},
		{name: "internal targets that do not exist", env: site, page: linking(
			ref("a", "missing.html", "/docs/missing.html", 10, 3),
			ref("a", "/gone/", "/gone/", 11, 3),
			ref("img", "logo.png", "/docs/logo.png", 12, 5),
			ref("a", "../../../etc/passwd", "/etc/passwd", 13, 3),
		), want: []string{
			`docs/index.html 10:3 error link-broken broken link "missing.html": "/docs/missing.html" does not exist`,
			`docs/index.html 11:3 error link-broken broken link "/gone/": no such page or file`,
			`docs/index.html 12:5 error link-broken broken img src "logo.png": "/docs/logo.png" does not exist`,
			`docs/index.html 13:3 error link-broken broken link "../../../etc/passwd": "/etc/passwd" does not exist`,
		}},
		{name: "resource hints name origins, not resources", env: func(e *Env) {
			e.External = map[string]ExternalResult{"https://fonts.gstatic.com": {OK: false, Reason: "404 Not Found"}}
		}, page: linking(&page.Link{Tag: "link", Attr: "href", Rel: "preconnect", Href: "https://fonts.gstatic.com", Target: "https://fonts.gstatic.com", Pos: page.Pos{Line: 5, Column: 3}})},
		{name: "stylesheets and other link elements", env: site, page: linking(
			&page.Link{Tag: "link", Attr: "href", Rel: "stylesheet", Href: "/css/site.css", Target: "/css/site.css", Pos: page.Pos{Line: 5, Column: 3}},
			&page.Link{Tag: "link", Attr: "href", Href: "/x.json", Target: "/x.json", Pos: page.Pos{Line: 6, Column: 3}},
		), want: []string{
			`docs/index.html 5:3 error link-broken broken stylesheet link "/css/site.css": no such page or file`,
			`docs/index.html 6:3 error link-broken broken link element "/x.json": no such page or file`,
		}},
		{name: "no site: internal targets are not checked", page: linking(ref("a", "missing.html", "/docs/missing.html", 10, 3))},
		{name: "absolute URLs on the site's base are internal", env: site,
			config: `{"site":{"baseURL":"https://www.contoso.com/"}}`, page: linking(
				ref("a", "https://www.contoso.com/about/", "https://www.contoso.com/about/", 10, 3),
				ref("a", "https://WWW.contoso.com:443/nope.html", "https://WWW.contoso.com:443/nope.html", 11, 3),
			), want: []string{`docs/index.html 11:3 error link-broken broken link "https://WWW.contoso.com:443/nope.html": "/nope.html" does not exist`}},
		{name: "malformed URLs", env: site, page: linking(
			ref("a", "http://exa mple.com", "", 10, 3),
			ref("a", "https://[::1", "", 11, 3),
		), want: []string{
			`docs/index.html 10:3 error link-broken malformed URL "http://exa mple.com" in link`,
			`docs/index.html 11:3 error link-broken malformed URL "https://[::1" in link`,
		}},
		{name: "mailto and tel links: syntax only", page: linking(
			ref("a", "mailto:info@example.com", "mailto:info@example.com", 10, 3),
			ref("a", "mailto:a@example.com,b@example.org?subject=Hi", "mailto:a@example.com,b@example.org?subject=Hi", 11, 3),
			ref("a", "tel:+1-555-0100", "tel:+1-555-0100", 12, 3),
			ref("a", "tel:+44 20 7946 0000;ext=12", "tel:+44 20 7946 0000;ext=12", 13, 3),
			ref("a", "mailto:someone@", "mailto:someone@", 20, 3),
			ref("a", "mailto:?subject=Hi", "mailto:?subject=Hi", 21, 3),
			ref("a", "MAILTO:info@example", "MAILTO:info@example", 22, 3),
			ref("a", "tel:call-us", "tel:call-us", 23, 3),
		), want: []string{
			`docs/index.html 20:3 error link-broken broken link "mailto:someone@": invalid email address "someone@"`,
			`docs/index.html 21:3 error link-broken broken link "mailto:?subject=Hi": mailto link has no address`,
			`docs/index.html 22:3 error link-broken broken link "MAILTO:info@example": invalid email address "info@example": bad domain "example"`,
			`docs/index.html 23:3 error link-broken broken link "tel:call-us": invalid telephone number "call-us"`,
		}},
		{name: "mailto links excluded", config: `{"links":{"exclude":["^mailto:legacy"]}}`, page: linking(
			ref("a", "mailto:legacy@", "mailto:legacy@", 20, 3),
		)},
		{name: "fragments on the same page", env: site, page: linking(
			ref("a", "#intro", "/docs/index.html#intro", 10, 3),
			ref("a", "#", "/docs/index.html#", 11, 3),
			ref("a", "#top", "/docs/index.html#top", 12, 3),
			ref("a", "#install", "/docs/index.html#install", 13, 3),
			ref("a", "index.html#nowhere", "/docs/index.html#nowhere", 14, 3),
			ref("a", "./#intro", "/docs/#intro", 15, 3),
		), want: []string{
			`docs/index.html 13:3 error link-fragment fragment "#install" names no id or a[name] on this page`,
			`docs/index.html 14:3 error link-fragment fragment "#nowhere" names no id or a[name] on this page`,
		}},
		{name: "fragments on other pages", env: site, page: linking(
			ref("a", "/guide/#faq", "/guide/#faq", 10, 3),
			ref("a", "/guide/#nope", "/guide/#nope", 11, 3),
			ref("a", "/about/#team", "/about/#team", 12, 3),
		), want: []string{
			`docs/index.html 11:3 error link-fragment fragment "#nope" of link "/guide/#nope" names no id or a[name] on "/guide/index.html"`,
		}},
		{name: "fragments switched off", env: site, config: `{"links":{"fragments":false}}`,
			page: linking(ref("a", "#install", "/docs/index.html#install", 13, 3))},
		{name: "external results", env: external, page: linking(
			ref("a", "https://example.com/ok", "https://example.com/ok", 10, 3),
			ref("a", "https://example.com/gone", "https://example.com/gone", 11, 3),
			ref("a", "https://example.com/doc#sec", "https://example.com/doc#sec", 12, 3),
			ref("a", "http://example.com/old", "http://example.com/old", 13, 3),
			ref("a", "https://example.com/unchecked", "https://example.com/unchecked", 14, 3),
			ref("a", "https://example.com/moved", "https://example.com/moved", 15, 3),
			ref("a", "https://example.com/loop", "https://example.com/loop", 16, 3),
		), want: []string{
			`docs/index.html 11:3 error link-broken external link "https://example.com/gone" is broken: 404 Not Found`,
			`docs/index.html 12:3 error link-fragment fragment "#sec" of external link "https://example.com/doc#sec" names no id or a[name] on that page`,
			`docs/index.html 15:3 error link-broken external link "https://example.com/moved" is broken: 404 Not Found (redirected to "https://example.com/gone-too")`,
			`docs/index.html 16:3 error link-broken external link "https://example.com/loop" is broken: redirect loop at https://example.com/loop`,
		}},
		{name: "permanent redirects when switched on", env: external, config: `{"rules":{"link-redirect":"info"}}`, page: linking(
			ref("a", "http://example.com/old", "http://example.com/old", 13, 3),
		), want: []string{
			`docs/index.html 13:3 info link-redirect external link "http://example.com/old" permanently redirects to "https://example.com/new"`,
		}},
		{name: "broken links set to warning", env: external, config: `{"rules":{"link-broken":"warning"}}`, page: linking(
			ref("a", "https://example.com/gone", "https://example.com/gone", 11, 3),
		), want: []string{
			`docs/index.html 11:3 warning link-broken external link "https://example.com/gone" is broken: 404 Not Found`,
		}},
	})
}

func TestLinkNoText(t *testing.T) {
	named := func(l *page.Link, label string) *page.Link { l.Label = label; return l }
	runRuleCases(t, linkNoText{}, []ruleCase{
		{name: "links with names", page: linking(
			ref("a", "/about/", "/about/", 10, 3),
			named(ref("area", "/map/", "/map/", 11, 3), "Map of the campus"),
			named(ref("img", "logo.png", "/docs/logo.png", 12, 3), ""),
			named(ref("script", "app.js", "/docs/app.js", 13, 3), ""),
		)},
		{name: "links without names", page: linking(
			named(ref("a", "https://twitter.com/microsoft", "https://twitter.com/microsoft", 10, 3), ""),
			named(ref("area", "/map/", "/map/", 11, 3), "  "),
			named(&page.Link{Tag: "a", Pos: page.Pos{Line: 12, Column: 5}}, ""),
		), want: []string{
			`docs/index.html 10:3 warning link-no-text link to "https://twitter.com/microsoft" has no accessible name (no text, aria-label, image alt or title)`,
			`docs/index.html 11:3 warning link-no-text link to "/map/" has no accessible name (no text, aria-label, image alt or title)`,
			`docs/index.html 12:5 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		}},
	})
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
	hint.Rel = "preconnect"
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
	deferred := 0
	env := &Env{Site: site, Settled: map[string]bool{}, Defer: func(*page.Page, *page.Link) { deferred++ }}
	pages := []*page.Page{
		linking(links...),
		{Source: "docs/other.html", URL: "/docs/other.html", Format: page.FormatHTML, Links: links},
	}
	var got []string
	for _, p := range pages {
		for _, f := range (linkTargets{}).Check(p, env) {
			got = append(got, formatFinding(f))
		}
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
	if deferred != 4 {
		t.Errorf("%d links handed on; want the one to a page not read and the external one, on each page", deferred)
	}
}
