package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestLinkNoText(t *testing.T) {
	named := func(l *page.Link, label string) *page.Link { l.Label = label; return l }
	hidden := func(l *page.Link) *page.Link { l.Hidden = true; return l }
	nested := func(l *page.Link, line, col int) *page.Link {
		l.SetRare(page.Rare{NestedLink: &page.Pos{Line: line, Column: col}})
		return l
	}
	boundLink := func(l *page.Link, by string) *page.Link { l.Label = ""; l.SetRare(page.Rare{NamedBy: by}); return l }
	boundButton := func(e *page.Entry, by string) *page.Entry { e.SetRare(page.Rare{NamedBy: by}); return e }
	withControls := func(p *page.Page, controls ...*page.Entry) *page.Page { p.Controls = controls; return p }
	button := func(label string, kind page.Kind, line, col int) *page.Entry {
		return &page.Entry{Link: page.Link{Label: label, Pos: page.Pos{Line: line, Column: col}}, Kind: kind}
	}
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
			named(&page.Link{Tag: page.TagA, Pos: page.Pos{Line: 12, Column: 5}}, ""),
		), want: []string{
			`docs/index.html 10:3 warning link-no-text link to "https://twitter.com/microsoft" has no accessible name (no text, aria-label, image alt or title)`,
			`docs/index.html 11:3 warning link-no-text link to "/map/" has no accessible name (no text, aria-label, image alt or title)`,
			`docs/index.html 12:5 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		}},
		{name: "hidden links are not announced", page: linking(
			hidden(named(ref("a", "#install", "/docs/index.html#install", 10, 28), "")),
			hidden(named(ref("a", "/z", "/z", 11, 3), "")),
		)},
		{name: "a link emptied by the link it wraps", page: linking(
			nested(named(ref("a", "/blog/1", "/blog/1", 8, 5), ""), 10, 29),
			named(ref("a", "/people/a", "/people/a", 10, 29), "A. B."),
			nested(named(ref("a", "/blog/2", "/blog/2", 20, 5), "Teaser"), 21, 7),
			nested(named(ref("a", "/blog/3", "/blog/3", 30, 5), ""), 0, 0),
		), want: []string{
			`docs/index.html 8:5 warning link-no-text link to "/blog/1" has no accessible name: it wraps another link (line 10), which browsers do not allow, so it ends empty`,
			`docs/index.html 30:5 warning link-no-text link to "/blog/3" has no accessible name: it wraps another link, which browsers do not allow, so it ends empty`,
		}},
		{name: "named and hidden buttons", page: withControls(linking(),
			button("Search", page.KindButton, 8, 5),
			button("Menu", page.KindToggle, 9, 5),
			&page.Entry{Link: page.Link{Hidden: true, Pos: page.Pos{Line: 10, Column: 5}}, Kind: page.KindButton},
			&page.Entry{Link: page.Link{Pos: page.Pos{Line: 11, Column: 5}}, Kind: page.KindLink},
		)},
		{name: "nameless buttons", page: withControls(linking(),
			button("", page.KindButton, 8, 5),
			button(" ", page.KindToggle, 9, 5),
			// a link with an href that is a button: judged among the links
			&page.Entry{Link: page.Link{Href: "#", Pos: page.Pos{Line: 10, Column: 5}}, Kind: page.KindButton, HasHref: true},
		), want: []string{
			`docs/index.html 8:5 warning link-no-text button has no accessible name (no text, aria-label or title)`,
			`docs/index.html 9:5 warning link-no-text button has no accessible name (no text, aria-label or title)`,
		}},
		// Names a framework's script sets (issue 12, F16): they wait for
		// the page's scripts (page-script-built notes them), unless the page
		// loads none — then nothing will name them.
		{name: "names a framework's script sets, on a page with scripts", page: withControls(scripted(linking(
			boundLink(ref("a", "#", "/docs/index.html#", 10, 3), "data-bind"),
			boundLink(ref("a", "/x", "/x", 11, 3), "v-text"),
			named(ref("a", "/y", "/y", 12, 3), "{{ item.label }}"),
			named(ref("a", "/z", "/z", 13, 3), ""),
		)), boundButton(button("", page.KindButton, 20, 5), "data-label-hidden"),
			boundButton(button("", page.KindButton, 21, 5), ":aria-label"),
			button("", page.KindButton, 22, 5),
		), want: []string{
			`docs/index.html 13:3 warning link-no-text link to "/z" has no accessible name (no text, aria-label, image alt or title)`,
			`docs/index.html 22:5 warning link-no-text button has no accessible name (no text, aria-label or title)`,
		}},
		{name: "names bound by script on a page without scripts stay nameless", page: withControls(linking(
			boundLink(ref("a", "/x", "/x", 11, 3), "x-text"),
		), boundButton(button("", page.KindButton, 20, 5), "data-label-hidden")), want: []string{
			`docs/index.html 11:3 warning link-no-text link to "/x" has no accessible name (no text, aria-label, image alt or title)`,
			`docs/index.html 20:5 warning link-no-text button has no accessible name (no text, aria-label or title)`,
		}},
		{name: "names bound by script in a rendered DOM stay nameless", page: func() *page.Page {
			p := withControls(scripted(linking(boundLink(ref("a", "/x", "/x", 0, 0), "ng-bind"))))
			p.Format = page.FormatDOM
			return p
		}(), want: []string{
			`docs/index.html 0:0 warning link-no-text link to "/x" has no accessible name (no text, aria-label, image alt or title)`,
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
