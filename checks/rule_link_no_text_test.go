package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestLinkNoText(t *testing.T) {
	named := func(l *page.Link, label string) *page.Link { l.Label = label; return l }
	runRuleCases(t, linkNoText{}, []ruleCase{
		{name: "ignored links (data-pagelint-ignore)", page: linking(
			with(named(ref("a", "/about/", "/about/", 10, 3), ""), func(l *page.Link) { l.Ignored = true }),
		)},
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
		// Pages without content of their own (issue 12, F15, F16).
		{name: "a redirect stub's links are never seen", page: func() *page.Page {
			p := redirectStub("old.html", "/new.html")
			p.Links = append(p.Links, named(ref("a", "/new.html", "/new.html", 5, 3), ""))
			return p
		}()},
		{name: "links on a page built by script are filled by it", page: scripted(&page.Page{Source: "index.html", URL: "/index.html",
			Format: page.FormatHTML, Title: "Shop", Menus: []*page.Menu{menu("Main", 7)},
			Links: []*page.Link{named(ref("a", "#", "/index.html#", 8, 5), "")}})},
	})
}
