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
	return &page.Page{Source: fmt.Sprintf("p%02d.html", n), URL: fmt.Sprintf("/p%02d.html", n), Menus: []*page.Menu{m}}
}

func generatedSite(n int, edit func(i int, p *page.Page)) []*page.Page {
	var pages []*page.Page
	for i := range n {
		p := sitePage(i, "Home", "Products", "Support", "Contact")
		p.Menus[0].Entries[1].Children = []*page.Entry{lnk("Cloud", "/cloud/", 20, 9)}
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
				p.Menus[0].Entries[1].Children = nil // no Cloud under Products
			case 7:
				p.Menus = nil
			}
		}), stub), want: []string{
			`p03.html 8:1 warning nav-inconsistent menu "Primary" lacks 2 entries that most pages of the site have in it: "Support", "Contact"`,
			`p05.html 8:1 warning nav-inconsistent menu "Primary" lacks 1 entry that most pages of the site have in it: "Cloud"`,
			`p07.html 0:0 warning nav-inconsistent page has no menu "Primary", which 9 of 10 pages have (with "Home", "Products", "Cloud", "Support", "Contact")`,
		}},
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
			`p04.html 8:1 warning nav-inconsistent menu "header > nav" lacks 1 entry that most pages of the site have in it: "Home"`,
		}},
		{name: "fewer than three pages", pages: generatedSite(2, func(i int, p *page.Page) {
			if i == 1 {
				p.Menus = nil
			}
		})},
		{name: "redirect stubs are not counted", pages: []*page.Page{sitePage(0, "Home"), sitePage(1, "Home"), stub, {Source: "old2.html", Redirect: "/"}}},
	})
}
