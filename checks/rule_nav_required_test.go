package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestNavRequired(t *testing.T) {
	primary := func() *page.Menu {
		return menu("Primary", 10,
			toggle("Products", 12, 5, lnk("Cloud", "/cloud/", 14, 9), lnk("Windows", "/windows/", 15, 9)),
			lnk("Contact us", "/contact/", 17, 5),
			lnk("Support home", "/support/index.html", 18, 5),
			lnk("About", "/about", 19, 5),
		)
	}
	site := func(e *Env) { e.Site = fakeSite{files: []string{"/about/index.html", "/support/index.html"}} }
	runRuleCases(t, navRequired{}, []ruleCase{
		{name: "label present", config: `{"navigation":{"required":[{"label":"Products"}]}}`, page: withMenus(primary())},
		{name: "label missing points at the menu", config: `{"navigation":{"required":[{"label":"Pricing"}]}}`, page: withMenus(primary()),
			want: []string{`10:1 error nav-required required navigation entry "Pricing" is missing`}},
		{name: "missing entry reported at the header's menu",
			config: `{"navigation":{"required":[{"label":"Pricing"}]}}`,
			page:   withMenus(&page.Menu{Name: "Breadcrumb", Region: page.RegionMain, Pos: page.Pos{Line: 3, Column: 1}}, primary()),
			want:   []string{`10:1 error nav-required required navigation entry "Pricing" is missing`}},
		{name: "no menu at all", config: `{"navigation":{"required":[{"label":"Products"}]}}`, page: withMenus(),
			want: []string{`0:0 error nav-required required navigation entry "Products" is missing: page has no navigation menu`}},
		{name: "label list, any of", config: `{"navigation":{"required":[{"label":["Contact","Contact us"]}]}}`, page: withMenus(primary())},
		{name: "label case and space insensitive", config: `{"navigation":{"required":[{"label":"  contact   US "}]}}`, page: withMenus(primary())},
		{name: "pattern", config: `{"navigation":{"required":[{"pattern":"^Support\\b"}]}}`, page: withMenus(primary())},
		{name: "pattern missing", config: `{"navigation":{"required":[{"pattern":"^Help\\b"}]}}`, page: withMenus(primary()),
			want: []string{`10:1 error nav-required required navigation entry "/^Help\b/" is missing`}},
		{name: "href: directory equals its index page", config: `{"navigation":{"required":[{"pattern":"^Support","href":"/support/"}]}}`, page: withMenus(primary())},
		{name: "href: resolved through the site", config: `{"navigation":{"required":[{"label":"About","href":"/about/"}]}}`, page: withMenus(primary()), env: site},
		{name: "href: absolute URL on the site's base", config: `{"site":{"baseURL":"https://www.contoso.com/"},"navigation":{"required":[{"label":"Contact us","href":"https://www.contoso.com/contact/"}]}}`,
			page: withMenus(primary())},
		{name: "href: a page on a staging server links its own site",
			config: `{"site":{"baseURL":"https://www.contoso.com/"},"navigation":{"required":[{"label":"Contact us","href":"/contact/"},{"label":"About","href":"/about"}]}}`,
			page: movedTo("http://127.0.0.1:8080/", withMenus(menu("Primary", 10,
				lnk("Contact us", "http://127.0.0.1:8080/contact/", 17, 5),
				lnk("About", "https://www.contoso.com/about", 19, 5),
			))),
			env: func(e *Env) { e.engine.ReadFrom([]string{"http://127.0.0.1:8080/"}) }},
		{name: "href: a rendered-text entry without a written target may link there", config: `{"navigation":{"required":[{"label":"Support","href":"/support/"}]}}`,
			page: withMenus(menu("Primary", 10, txt("Support", 11, 3)))},
		{name: "href: a rendered-text entry with a written target must link there", config: `{"navigation":{"required":[{"label":"Support","href":"/support/"}]}}`,
			page: withMenus(menu("Primary", 10, &page.Entry{Link: page.Link{Label: "Support", Href: "/help/", Target: "/help/", Pos: page.Pos{Line: 11, Column: 3}}, Kind: page.KindText, HasHref: true})),
			want: []string{`11:3 error nav-required navigation entry "Support" links to "/help/", expected "/support/"`}},
		{name: "href: wrong target", config: `{"navigation":{"required":[{"label":"Contact us","href":"/contact-us/"}]}}`, page: withMenus(primary()),
			want: []string{`17:5 error nav-required navigation entry "Contact us" links to "/contact/", expected "/contact-us/"`}},
		{name: "children present", config: `{"navigation":{"required":[{"label":"Products","children":[{"label":"Cloud"},{"label":"Windows"}]}]}}`, page: withMenus(primary())},
		{name: "child missing", config: `{"navigation":{"required":[{"label":"Products","children":[{"label":"Cloud"},{"label":"Xbox"}]}]}}`, page: withMenus(primary()),
			want: []string{`12:5 error nav-required required entry "Xbox" missing under "Products" in menu "Primary"`}},
		{name: "child elsewhere is not under the parent", config: `{"navigation":{"required":[{"label":"Products","children":[{"label":"About"}]}]}}`, page: withMenus(primary()),
			want: []string{`12:5 error nav-required required entry "About" missing under "Products" in menu "Primary"`}},
		{name: "child with the wrong href", config: `{"navigation":{"required":[{"label":"Products","children":[{"label":"Cloud","href":"/azure/"}]}]}}`, page: withMenus(primary()),
			want: []string{`14:9 error nav-required navigation entry "Cloud" links to "/cloud/", expected "/azure/"`}},
		{name: "child in the mobile copy of the menu only",
			config: `{"navigation":{"required":[{"label":"Products","children":[{"label":"Windows"}]}]}}`,
			page: withMenus(menu("Primary", 10, toggle("Products", 12, 5, lnk("Cloud", "/cloud/", 14, 9))),
				menu("Mobile", 30, toggle("Products", 32, 5, lnk("Windows", "/windows/", 34, 9))))},
		{name: "a control is no entry: a menu toggle named like the required entry",
			config: `{"navigation":{"required":[{"label":"Menu"},{"label":"Products","children":[{"label":"Close"}]}]}}`,
			page: withMenus(menu("Primary", 10, control(page.ControlToggle, toggle("Menu", 11, 3)),
				toggle("Products", 12, 5, control(page.ControlClose, toggle("Close", 13, 7)), lnk("Cloud", "/cloud/", 14, 9)))),
			want: []string{
				`10:1 error nav-required required navigation entry "Menu" is missing`,
				`12:5 error nav-required required entry "Close" missing under "Products" in menu "Primary"`,
			}},
		{name: "a hidden or copied entry is still there",
			config: `{"navigation":{"required":[{"label":"Pricing"},{"label":"Cloud"}]}}`,
			page:   withMenus(menu("Primary", 10, hidden(lnk("Pricing", "/pricing/", 11, 3)), copied(lnk("Cloud", "/cloud/", 12, 3))))},
		{name: "item severity and message", config: `{"navigation":{"required":[{"label":"Pricing","severity":"warning","message":"add the pricing page to the menu"}]}}`,
			page: withMenus(primary()), want: []string{`10:1 warning nav-required add the pricing page to the menu`}},
		{name: "disabled item", config: `{"navigation":{"required":[{"label":"Pricing","enabled":false}]}}`, page: withMenus(primary())},
		{name: "rule set to info", config: `{"rules":{"nav-required":"info"},"navigation":{"required":[{"label":"Pricing"}]}}`, page: withMenus(primary()),
			want: []string{`10:1 info nav-required required navigation entry "Pricing" is missing`}},
		{name: "named menu has it", config: `{"navigation":{"menus":[{"name":"Primary","selector":"header nav","required":[{"label":"About"}]}]}}`,
			page: withMenus(primary(), menu("Footer links", 90, lnk("Legal", "/legal/", 91, 3)))},
		{name: "named menu lacks what another menu has",
			config: `{"navigation":{"menus":[{"name":"Footer links","selector":"footer nav","required":[{"label":"About"}]}]}}`,
			page:   withMenus(primary(), menu("Footer links", 90, lnk("Legal", "/legal/", 91, 3))),
			want:   []string{`90:1 error nav-required required navigation entry "About" is missing from menu "Footer links"`}},
		{name: "named menu absent",
			config: `{"navigation":{"menus":[{"name":"Secondary","selector":"#sec","required":[{"label":"About"},{"label":"Blog"}]}]}}`,
			page:   withMenus(primary()),
			want:   []string{`0:0 error nav-required required menu "Secondary" is missing (it must have "About", "Blog")`}},
		// Pages without content of their own (issue 12, F15, F27, F16).
		{name: "a redirect stub has no menu to judge", config: `{"navigation":{"required":[{"label":"Products"}]}}`, page: redirectStub("old.html", "/new.html")},
		{name: "a verification token is no page", config: `{"navigation":{"menus":[{"name":"Primary","required":[{"label":"Products"}]}]}}`,
			page: tokenFile("google0123456789abcdef.html")},
		{name: "menus built by script wait for --render", config: `{"navigation":{"required":[{"label":"Products"}],"menus":[{"name":"Primary","required":[{"label":"Home"}]}]}}`,
			page: scripted(withMenus(menu("Primary", 10)))},
		{name: "an empty named menu on a page with scripts waits, the others are judged",
			config: `{"navigation":{"menus":[{"name":"Account","required":[{"label":"Sign in"}]},{"name":"Primary","required":[{"label":"Pricing"}]}]}}`,
			page:   scripted(withMenus(primary(), menu("Account", 30))),
			want:   []string{`10:1 error nav-required required navigation entry "Pricing" is missing from menu "Primary"`}},
		{name: "an empty menu without scripts is the page's own", config: `{"navigation":{"menus":[{"name":"Primary","required":[{"label":"Home"}]}]}}`,
			page: withMenus(menu("Primary", 10)),
			want: []string{`10:1 error nav-required required navigation entry "Home" is missing from menu "Primary"`}},
		{name: "a menu the config names without a selector is found by name", config: `{"navigation":{"menus":[{"name":"primary","required":[{"label":"Contact us"}]}]}}`,
			page: withMenus(primary())},
		{name: "a missing child names an unnamed menu by its place", config: `{"navigation":{"required":[{"label":"Products","children":[{"label":"Xbox"}]}]}}`,
			page: withMenus(&page.Menu{Region: page.RegionHeader, Selector: "body > header > nav", Pos: page.Pos{Line: 10, Column: 1},
				Entries: []*page.Entry{toggle("Products", 12, 5, lnk("Cloud", "/cloud/", 14, 9))}}),
			want: []string{`12:5 error nav-required required entry "Xbox" missing under "Products" in the header menu`}},
	})
}

// movedTo is the page p at url.
func movedTo(url string, p *page.Page) *page.Page {
	p.URL = url
	return p
}
