package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestPageScriptBuilt(t *testing.T) {
	const note = ": lint it with --render to see what a visitor sees"
	shop := func() *page.Page {
		return scripted(&page.Page{Source: "index.html", URL: "/shop.html", Format: page.FormatHTML, Title: "Shop",
			Menus:  []*page.Menu{{Name: "Main", Region: page.RegionHeader, Selector: "nav#main-nav", Pos: page.Pos{Line: 7, Column: 11}}},
			Footer: footer(12),
			Links:  []*page.Link{{Tag: page.TagA, Href: "#", Target: "/shop.html#", Pos: page.Pos{Line: 8, Column: 5}}}})
	}
	const required = `{"footer":{"required":[{"id":"privacy","pattern":"privacy"}],"copyright":{"required":true}},
		"navigation":{"menus":[{"name":"Main","required":[{"label":"Home"},{"label":"Recipes"},{"label":"Shop"}]}]}}`
	runRuleCases(t, pageScriptBuilt{}, []ruleCase{
		{name: "menu and footer built by script: one note, with what was not checked", config: required, page: shop(),
			want: []string{`7:11 info page-script-built menu "Main" and the footer are empty in the source and the page loads scripts` + note +
				` (not checked: 3 required navigation entries, 1 footer item, the copyright notice, 1 link without text)`}},
		{name: "without a contract", page: shop(),
			want: []string{`7:11 info page-script-built menu "Main" and the footer are empty in the source and the page loads scripts` + note +
				` (not checked: 1 link without text)`}},
		{name: "a shell", config: required, page: scripted(&page.Page{Source: "index.html", URL: "/app.html", Format: page.FormatHTML, Title: "App"}),
			want: []string{`0:0 info page-script-built the page has no menu, footer or link in its source and loads scripts` + note +
				` (not checked: 3 required navigation entries, 1 footer item, the copyright notice)`}},
		{name: "an empty named menu among full ones, on a page with scripts",
			config: `{"navigation":{"menus":[{"name":"Account","required":[{"label":"Sign in"}]}]}}`,
			page:   scripted(withMenus(menu("Main", 5, lnk("Home", "/", 6, 3)), menu("Account", 30))),
			want: []string{`30:1 info page-script-built menu "Account" is empty in the source and the page loads scripts` + note +
				` (not checked: 1 required navigation entry)`}},
		{name: "an unnamed empty menu among full ones is no note", page: scripted(withMenus(menu("Main", 5, lnk("Home", "/", 6, 3)),
			&page.Menu{Region: page.RegionMain, Pos: page.Pos{Line: 40, Column: 1}}))},
		{name: "the severity a pipeline sets to fail closed", config: `{"rules":{"page-script-built":"error"}}`, page: shop(),
			want: []string{`7:11 error page-script-built menu "Main" and the footer are empty in the source and the page loads scripts` + note +
				` (not checked: 1 link without text)`}},
		{name: "no scripts: nothing to note", page: &page.Page{Source: "index.html", URL: "/shop.html", Format: page.FormatHTML, Title: "Shop",
			Menus: []*page.Menu{menu("Main", 7)}}},
		{name: "a redirect stub", page: scripted(redirectStub("old.html", "/new.html"))},
		{name: "switched off", config: `{"rules":{"page-script-built":"off"}}`, page: shop()},
		// Names a framework's script sets (issue 12, F16): one note at the
		// first, for the names link-no-text leaves to the scripts.
		{name: "names that scripts set, on a page whose menus are in its source", page: namesBound(true),
			want: []string{`9:3 info page-script-built names that the page's scripts set (data-label-hidden, data-bind) are empty in the source` + note +
				` (not checked: 1 link without text, 1 button without a name)`}},
		{name: "names that scripts set, on a page whose menu they build too", page: func() *page.Page {
			p := namesBound(true)
			p.Menus = []*page.Menu{menu("Main", 5)}
			return p
		}(), want: []string{`5:1 info page-script-built menu "Main" is empty in the source and the page loads scripts` + note +
			` (not checked: 1 link without text, 1 button without a name)`}},
		{name: "names bound by script on a page without scripts: link-no-text reports them", page: namesBound(false)},
		{name: "names bound by script, link-no-text off", config: `{"rules":{"link-no-text":"off"}}`, page: namesBound(true)},
	})
}

// namesBound is a page whose menu is in its source and whose player's
// close button and login link a framework names (cbsnews, bettycrocker),
// with scripts or without.
func namesBound(scripts bool) *page.Page {
	p := withMenus(menu("Main", 5, lnk("Home", "/", 6, 3)))
	p.Format = page.FormatHTML
	p.Controls = []*page.Entry{{Link: page.Link{Rare: &page.Rare{NamedBy: "data-label-hidden"}, Selector: "a.close", Pos: page.Pos{Line: 9, Column: 3}}, Kind: page.KindButton}}
	p.Links = []*page.Link{{Tag: page.TagA, Href: "#", Target: "/index.html#", Rare: &page.Rare{NamedBy: "data-bind"}, Pos: page.Pos{Line: 12, Column: 5}}}
	if scripts {
		return scripted(p)
	}
	return p
}
