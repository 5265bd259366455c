package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// empty is a reference of the page at line 5, column col.
func empty(tag, attr, href string, col int) *page.Link {
	return &page.Link{Tag: tagNamed(tag), Attr: attrNamed(attr), Href: href, Target: "/docs/index.html", Region: page.RegionMain, Pos: page.Pos{Line: 5, Column: col}}
}

// with sets fields of a link for a case.
func with(l *page.Link, set func(*page.Link)) *page.Link {
	set(l)
	return l
}

// TestLinkEmpty: each kind of reference without a URL beside the same
// reference with one, and what link-empty leaves to others or to scripts.
func TestLinkEmpty(t *testing.T) {
	labelled := func(label string) func(*page.Link) { return func(l *page.Link) { l.Label = label } }
	missing := func(l *page.Link) { l.Missing, l.Target = true, "" }
	runRuleCases(t, linkEmpty{}, []ruleCase{
		{name: "references with a URL", page: linking(
			with(empty("a", "href", "/about/", 1), labelled("About")),
			with(empty("link", "href", "/favicon.ico", 2), func(l *page.Link) { l.SetRare(page.Rare{Rel: "icon"}) }),
			empty("script", "src", "/app.js", 3),
			with(empty("img", "src", "/logo.png", 4), labelled("logo")),
			with(empty("a", "href", "#top", 5), labelled("Back to top")),
			with(empty("a", "href", "#", 6), labelled("Back to top")),
		)},
		{name: "empty and missing URLs", page: linking(
			with(empty("a", "href", "", 1), labelled("annual report")),
			empty("a", "href", " ", 2),
			with(empty("link", "href", "", 3), func(l *page.Link) { l.SetRare(page.Rare{Rel: "icon"}) }),
			with(empty("link", "href", "", 4), func(l *page.Link) { l.SetRare(page.Rare{Rel: "stylesheet"}); missing(l) }),
			with(empty("link", "href", "", 5), missing),
			empty("script", "src", "", 6),
			with(empty("img", "src", "", 7), labelled("chart")),
			with(empty("img", "src", "", 8), func(l *page.Link) { l.Label = "no src at all"; missing(l) }),
			with(empty("img", "src", "", 9), missing),
		), want: []string{
			`docs/index.html 5:1 error link-empty link "annual report" has an empty href: it leads back to this page`,
			`docs/index.html 5:2 error link-empty link has an empty href: it leads back to this page`,
			`docs/index.html 5:3 error link-empty icon link has an empty href: it loads nothing`,
			`docs/index.html 5:4 error link-empty stylesheet link has no href: it loads nothing`,
			`docs/index.html 5:5 error link-empty link element has no href: it loads nothing`,
			`docs/index.html 5:6 error link-empty script has an empty src: no script is loaded`,
			`docs/index.html 5:7 error link-empty img "chart" has an empty src: the browser shows a broken image`,
			`docs/index.html 5:8 error link-empty img "no src at all" has no src or srcset: no image is shown`,
			`docs/index.html 5:9 error link-empty img has no src or srcset: no image is shown`,
		}},
		{name: "href=\"#\" with links.allowHashHref false", config: `{"links":{"allowHashHref":false}}`, page: linking(
			with(empty("a", "href", "#", 1), labelled("Back to top")),
			with(empty("a", "href", "#top", 2), labelled("Back to top")),
			with(empty("area", "href", " # ", 3), labelled("map")),
		), want: []string{
			`docs/index.html 5:1 error link-empty link "Back to top" has the placeholder href "#": it leads only to the top of this page`,
			`docs/index.html 5:3 error link-empty link "map" has the placeholder href "#": it leads only to the top of this page`,
		}},
		{name: "menu and footer entries are nav-dead-link's", config: `{"links":{"allowHashHref":false}}`, page: func() *page.Page {
			p := linking(empty("a", "href", "", 1), empty("a", "href", "#", 2), empty("a", "href", "", 3))
			p.Menus = []*page.Menu{menu("Primary", 4, toggle("More", 5, 9, &page.Entry{Link: page.Link{Label: "Careers", Pos: page.Pos{Line: 5, Column: 1}}, Kind: page.KindLink, HasHref: true}))}
			p.Footer = &page.Region{Items: []*page.Entry{{Link: page.Link{Label: "Cookies", Href: "#", Pos: page.Pos{Line: 5, Column: 2}}, Kind: page.KindLink, HasHref: true}}}
			return p
		}(), want: []string{`docs/index.html 5:3 error link-empty link has an empty href: it leads back to this page`}},
		{name: "not link-empty's", page: linking(
			with(empty("a", "href", "", 1), missing), // <a> without href: a placeholder
			with(empty("link", "href", "", 2), func(l *page.Link) { l.SetRare(page.Rare{Rel: "preconnect"}) }),
			with(empty("a", "href", "", 3), func(l *page.Link) { l.Ignored = true }),
			with(empty("img", "src", "", 4), func(l *page.Link) { l.Ignored = true; missing(l) }),
			empty("iframe", "src", "", 5),
		)},
		{name: "switched off", config: `{"rules":{"link-empty":"off"}}`, page: linking(empty("script", "src", "", 1))},
		{name: "set to warning", config: `{"rules":{"link-empty":"warning"}}`, page: linking(empty("script", "src", "", 1)),
			want: []string{`docs/index.html 5:1 warning link-empty script has an empty src: no script is loaded`}},
		{name: "text snapshots write few URLs", page: &page.Page{Source: "docs/index.html", Format: page.FormatText,
			Links: []*page.Link{empty("a", "href", "", 1)}}},
	})
}
