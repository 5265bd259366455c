package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestNavDeadLink(t *testing.T) {
	shared := lnk("Follow us", "#", 40, 7)
	runRuleCases(t, navDeadLink{}, []ruleCase{
		{name: "usable links, toggles and text entries",
			page: withMenus(menu("Primary", 10, lnk("Home", "/", 11, 3), toggle("More", 12, 3, lnk("Blog", "https://blog.example.com/", 13, 5)), txt("Careers", 14, 3)))},
		{name: "unusable targets",
			page: withMenus(menu("Primary", 10,
				nohref("Products", 11, 3),
				lnk("Cloud", "#", 12, 3),
				lnk("Shop", "javascript:void(0)", 13, 3),
				lnk("Empty", "", 14, 3),
				lnk("", "JavaScript:open()", 15, 3),
				func() *page.Entry { e := lnk("", "#", 16, 3); e.SetRare(page.Rare{NamedBy: "data-bind"}); return e }(),
			)),
			want: []string{
				`11:3 error nav-dead-link navigation entry "Products" has no href`,
				`12:3 error nav-dead-link navigation entry "Cloud" links to "#"`,
				`13:3 error nav-dead-link navigation entry "Shop" links to "javascript:void(0)" instead of a page`,
				`14:3 error nav-dead-link navigation entry "Empty" has an empty href`,
				`15:3 error nav-dead-link navigation entry with no label links to "JavaScript:open()" instead of a page`,
				`16:3 error nav-dead-link navigation entry whose label a script sets links to "#"`,
			}},
		{name: "ignored entries (data-pagelint-ignore)",
			page: withMenus(menu("Primary", 10, func() *page.Entry { e := lnk("Cloud", "#", 12, 3); e.Ignored = true; return e }()))},
		{name: "text snapshot entries with a written-out link",
			page: withMenus(menu("Primary", 10, txt("Home", 11, 3), &page.Entry{Link: page.Link{Label: "Shop", Href: "#", Pos: page.Pos{Line: 12, Column: 5}}, Kind: page.KindText, HasHref: true})),
			want: []string{`12:5 error nav-dead-link navigation entry "Shop" links to "#"`}},
		{name: "a link to # that opens a submenu",
			page: withMenus(menu("Primary", 10, withChildren(lnk("Research", "#", 11, 3), lnk("Reports", "/reports/", 12, 5)))),
			want: []string{`11:3 error nav-dead-link navigation entry "Research" links to "#" (it opens a submenu: make it a button)`}},
		{name: "a link to # that toggles the submenu of the entry beside it",
			page: withMenus(menu("Primary", 10, lnk("Donate", "/donate/", 11, 3, lnk("Online", "/donate/online/", 12, 5)), control(page.ControlToggle, lnk("+", "#", 13, 3)))),
			want: []string{`13:3 error nav-dead-link navigation entry "+" links to "#" (it opens a submenu: make it a button)`}},
		{name: "nested entry",
			page: withMenus(menu("Primary", 10, toggle("Products", 11, 3, lnk("Cloud", "#", 12, 5)))),
			want: []string{`12:5 error nav-dead-link navigation entry "Cloud" links to "#"`}},
		{name: "footer items, and an entry in both a footer menu and the footer reported once",
			page: &page.Page{Source: "index.html", URL: "/index.html",
				Menus:  []*page.Menu{{Name: "Social", Region: page.RegionFooter, Entries: []*page.Entry{shared}}},
				Footer: footer(38, shared, lnk("Privacy", "/privacy/", 41, 7), nohref("Cookies", 42, 7))},
			want: []string{
				`40:7 error nav-dead-link navigation entry "Follow us" links to "#"`,
				`42:7 error nav-dead-link footer entry "Cookies" has no href`,
			}},
		{name: "the current page's marker, buttons written as links",
			page: withMenus(menu("Breadcrumb", 10,
				lnk("Start", "/", 11, 9),
				&page.Entry{Link: page.Link{Label: "Natur an der Aller", Pos: page.Pos{Line: 12, Column: 9}}, Kind: page.KindLink, Current: true},
				&page.Entry{Link: page.Link{Label: "Videos", Pos: page.Pos{Line: 13, Column: 9}}, Kind: page.KindButton},
				&page.Entry{Link: page.Link{Label: "Search", Href: "#", Pos: page.Pos{Line: 14, Column: 9}}, Kind: page.KindButton, HasHref: true}))},
		{name: "a current entry with an href to nowhere is still dead",
			page: withMenus(menu("Steps", 10, &page.Entry{Link: page.Link{Label: "Step 2", Href: "#", Pos: page.Pos{Line: 11, Column: 9}}, Kind: page.KindLink, Current: true, HasHref: true})),
			want: []string{`11:9 error nav-dead-link navigation entry "Step 2" links to "#"`}},
		{name: "hidden entries are checked: a collapsed submenu opens",
			page: withMenus(menu("User", 10, &page.Entry{Link: page.Link{Label: "Logout", Href: "#", Hidden: true, Pos: page.Pos{Line: 11, Column: 9}}, Kind: page.KindLink, HasHref: true})),
			want: []string{`11:9 error nav-dead-link navigation entry "Logout" links to "#"`}},
		{name: "header items outside the menus, reported once",
			page: func() *page.Page {
				inMenu := lnk("Recipes", "#", 20, 9)
				p := withMenus(menu("Main", 19, inMenu))
				p.Header = &page.Region{Items: []*page.Entry{lnk("Home", "/", 5, 5), nohref("MENU", 6, 5), lnk("Log In", "#", 7, 5), inMenu}}
				return p
			}(),
			want: []string{
				`6:5 error nav-dead-link header entry "MENU" has no href`,
				`7:5 error nav-dead-link header entry "Log In" links to "#"`,
				`20:9 error nav-dead-link navigation entry "Recipes" links to "#"`,
			}},
		{name: "rule off", config: `{"rules":{"nav-dead-link":"off"}}`,
			page: withMenus(menu("Primary", 10, lnk("Cloud", "#", 12, 3)))},
	})
}

func withChildren(e *page.Entry, children ...*page.Entry) *page.Entry {
	e.SetChildren(children)
	return e
}
