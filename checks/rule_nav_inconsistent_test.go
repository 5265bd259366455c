package checks

import (
	"fmt"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// sitePage is page n of a generated site whose "Primary" menu has labels.
func sitePage(n int, labels ...string) *page.Page {
	m := menu("Primary", 8)
	for i, l := range labels {
		m.Entries = append(m.Entries, lnk(l, "/"+l+"/", 9+i, 5))
	}
	return &page.Page{Source: fmt.Sprintf("p%02d.html", n), URL: fmt.Sprintf("/p%02d.html", n), Format: page.FormatHTML,
		Title: fmt.Sprintf("Page %d", n), Menus: []*page.Menu{m}}
}

// withAccount adds an "Account" menu with the entries labels (none: an
// empty menu).
func withAccount(p *page.Page, labels ...string) *page.Page {
	m := &page.Menu{Name: "Account", Region: page.RegionHeader, Pos: page.Pos{Line: 40, Column: 1}}
	for i, l := range labels {
		m.Entries = append(m.Entries, lnk(l, "/"+l+"/", 41+i, 3))
	}
	p.Menus = append(p.Menus, m)
	return p
}

// docsSite is n pages whose "Primary" menu has Home and Docs, and whose
// "Account" menu has account (none: no Account menu).
func docsSite(n int, account ...string) []*page.Page {
	var pages []*page.Page
	for i := range n {
		p := sitePage(i, "Home", "Docs")
		if len(account) > 0 {
			p = withAccount(p, account...)
		}
		pages = append(pages, p)
	}
	return pages
}

func generatedSite(n int, edit func(i int, p *page.Page)) []*page.Page {
	var pages []*page.Page
	for i := range n {
		p := sitePage(i, "Home", "Products", "Support", "Contact")
		p.Menus[0].Entries[1].SetChildren([]*page.Entry{lnk("Cloud", "/cloud/", 20, 9)})
		if edit != nil {
			edit(i, p)
		}
		pages = append(pages, p)
	}
	return pages
}

func TestNavInconsistent(t *testing.T) {
	stub := &page.Page{Source: "old.html", URL: "/old.html", Redirect: "/p00.html"}
	runSiteCases(t, navInconsistent{}, []ruleCase{
		{name: "every page alike", pages: generatedSite(10, nil)},
		{name: "pages lacking entries, a page lacking the menu, a redirect stub", pages: append(generatedSite(10, func(i int, p *page.Page) {
			switch i {
			case 3:
				p.Menus[0].Entries = p.Menus[0].Entries[:2] // no Support, no Contact
			case 5:
				p.Menus[0].Entries[1].SetChildren(nil) // no Cloud under Products
			case 7:
				p.Menus = nil
			}
		}), stub), want: []string{
			`p03.html 8:1 warning nav-inconsistent menu "Primary" lacks 2 entries that most pages of the site have in it: "Support", "Contact"`,
			`p05.html 8:1 warning nav-inconsistent menu "Primary" lacks 1 entry that most pages of the site have in it: "Cloud"`,
			`p07.html 0:0 warning nav-inconsistent page has no menu "Primary", which 9 of 10 pages have (with "Home", "Products", "Cloud", "Support", "Contact")`,
		}},
		{name: "controls are no entries of the site's menu", pages: generatedSite(10, func(i int, p *page.Page) {
			if i < 9 { // a toggle most pages carry, that one page lacks
				p.Menus[0].Entries = append(p.Menus[0].Entries, control(page.ControlToggle, toggle("Menu", 30, 5)))
			}
		})},
		{name: "entries on fewer pages than the threshold are not the site's menu", pages: generatedSite(10, func(i int, p *page.Page) {
			if i < 3 {
				p.Menus[0].Entries = append(p.Menus[0].Entries, lnk("Blog", "/blog/", 30, 5))
			}
		})},
		{name: "a lower threshold", config: `{"site":{"threshold":0.5}}`, pages: generatedSite(4, func(i int, p *page.Page) {
			if i < 2 {
				p.Menus[0].Entries = append(p.Menus[0].Entries, lnk("Blog", "/blog/", 30, 5))
			}
		}), want: []string{
			`p02.html 8:1 warning nav-inconsistent menu "Primary" lacks 1 entry that most pages of the site have in it: "Blog"`,
			`p03.html 8:1 warning nav-inconsistent menu "Primary" lacks 1 entry that most pages of the site have in it: "Blog"`,
		}},
		{name: "menus identified by selector when unnamed", pages: generatedSite(5, func(i int, p *page.Page) {
			p.Menus[0].Name, p.Menus[0].Selector = "", "header > nav"
			if i == 4 {
				p.Menus[0].Entries = p.Menus[0].Entries[1:]
			}
		}), want: []string{
			`p04.html 8:1 warning nav-inconsistent the header menu lacks 1 entry that most pages of the site have in it: "Home"`,
		}},
		{name: "fewer than three pages", pages: generatedSite(2, func(i int, p *page.Page) {
			if i == 1 {
				p.Menus = nil
			}
		})},
		// Pages without content of their own (issue 12, F15, F27, F16).
		{name: "stubs, tokens and pages built by script are neither counted nor judged", pages: []*page.Page{
			sitePage(0, "Home", "Docs"), sitePage(1, "Home", "Docs"), sitePage(2, "Home", "Docs"),
			redirectStub("old.html", "/p00.html"), tokenFile("google0123456789abcdef.html"),
			scripted(&page.Page{Source: "app.html", URL: "/app.html", Format: page.FormatHTML, Title: "App"}),
			scripted(&page.Page{Source: "shop.html", URL: "/shop.html", Format: page.FormatHTML, Title: "Shop", Menus: []*page.Menu{menu("Primary", 8)}}),
		}},
		{name: "an empty menu on a page without scripts is judged", pages: append(docsSite(4),
			&page.Page{Source: "broken.html", URL: "/broken.html", Format: page.FormatHTML, Title: "Broken", Menus: []*page.Menu{menu("Primary", 8)}},
		), want: []string{
			`broken.html 8:1 warning nav-inconsistent menu "Primary" lacks 2 entries that most pages of the site have in it: "Home", "Docs"`,
		}},
		{name: "one empty menu of a page with scripts is left out, its others judged", pages: append(docsSite(4, "Sign in"),
			scripted(withAccount(sitePage(4, "Home"))),
		), want: []string{
			`p04.html 8:1 warning nav-inconsistent menu "Primary" lacks 1 entry that most pages of the site have in it: "Docs"`,
		}},
		{name: "hidden toggles, controls and in-page links are not the site's menu", pages: generatedSite(4, func(i int, p *page.Page) {
			m := p.Menus[0]
			m.Entries = append(m.Entries, hidden(toggle("Menu", 9, 1)), button("Close", 30, 1), lnk("Top", "#top", 31, 1))
			if i == 3 {
				m.Entries = m.Entries[:4]
			}
		})},
		{name: "a menu the config requires is left to nav-required", config: `{"navigation":{"menus":[{"name":"Primary","required":[{"label":"Home"}]}]}}`,
			pages: generatedSite(5, func(i int, p *page.Page) {
				if i == 4 {
					p.Menus = nil
				}
			})},
		{name: "redirect stubs are not counted", pages: []*page.Page{sitePage(0, "Home"), sitePage(1, "Home"), stub, {Source: "old2.html", Redirect: "/"}}},
	})
}
