package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestMenuDuplicate(t *testing.T) {
	runRuleCases(t, menuDuplicate{}, []ruleCase{
		{name: "distinct entries",
			page: withMenus(menu("Primary", 10, toggle("Products", 11, 3, lnk("Cloud", "/cloud/", 12, 5)), lnk("Cloud services", "/cloud/", 13, 3)))},
		{name: "same label under the same parent",
			page: withMenus(menu("Primary", 10, toggle("Products", 11, 3,
				lnk("Cloud", "/cloud/", 12, 5), lnk("Windows", "/windows/", 13, 5), lnk(" cloud ", "/azure/", 40, 11)))),
			want: []string{`40:11 error menu-duplicate duplicate menu entry " cloud " under "Products" in menu "Primary"`}},
		{name: "same label at the top level",
			page: withMenus(menu("Primary", 10, lnk("Home", "/", 11, 3), lnk("Home", "/index.html", 15, 3))),
			want: []string{`15:3 error menu-duplicate duplicate menu entry "Home" in menu "Primary"`}},
		{name: "same label and target under different parents",
			page: withMenus(menu("Primary", 10,
				toggle("Products", 11, 3, lnk("Small Business", "/business/small/", 12, 5)),
				toggle("Business", 20, 3, lnk("Small Business", "/business/small/", 21, 5)))),
			want: []string{`21:5 warning menu-duplicate menu entry "Small Business" appears twice in menu "Primary", under "Products" and under "Business"`}},
		{name: "table of contents: one fragment under two headings (the page's sections share an id)",
			page: withMenus(menu("Table of contents", 10,
				toggle("Seal", 11, 3, lnk("Configuration", "#configuration", 12, 5)),
				toggle("Rotabot", 20, 3, lnk("Configuration", "#configuration", 21, 5)))),
			want: []string{`21:5 warning menu-duplicate menu entry "Configuration" appears twice in menu "Table of contents", under "Seal" and under "Rotabot"; both link to "#configuration", the same place on the page`}},
		{name: "same label, different targets, different parents",
			page: withMenus(menu("Primary", 10,
				toggle("Windows", 11, 3, lnk("Support", "/windows/support/", 12, 5)),
				toggle("Xbox", 20, 3, lnk("Support", "/xbox/support/", 21, 5))))},
		{name: "desktop and mobile copies are two menus",
			page: withMenus(
				menu("Primary", 10, lnk("Home", "/", 11, 3), lnk("Cloud", "/cloud/", 12, 3)),
				menu("Primary", 30, lnk("Home", "/", 31, 3), lnk("Cloud", "/cloud/", 32, 3)))},
		{name: "text snapshot: same label under different groups",
			page: withMenus(menu("All Microsoft", 40, txt("All Microsoft", 40, 3, allMicrosoft()...))),
			want: []string{`88:9 warning menu-duplicate menu entry "Small Business" appears twice in menu "All Microsoft", under "Global" and under "Business"`}},
		{name: "a heading outside the parent entry is not the parent",
			page: withMenus(menu("All Microsoft", 40, grouped("Global",
				lnk("Small Business", "/small-business/", 82, 9),
				toggle("Business", 120, 5, grouped("Global", lnk("Small Business", "/small-business/", 130, 23))...))...)),
			want: []string{`130:23 warning menu-duplicate menu entry "Small Business" appears twice in menu "All Microsoft", under "Global" and under "Business"`}},
		{name: "toggles without targets under different parents are no duplicates",
			page: withMenus(menu("Primary", 10, toggle("Products", 11, 3, toggle("More", 12, 5)), toggle("Services", 20, 3, toggle("More", 21, 5))))},
		{name: "empty labels are not compared",
			page: withMenus(menu("Social", 10, lnk("", "https://x.com/a", 11, 3), lnk("", "https://x.com/b", 11, 7)))},
		{name: "footer: same label in one group is an error, the group is the parent",
			page: withFooter(footer(300,
				append(grouped("", lnk("Your Privacy Choices", "/privacy/choices/", 310, 3), lnk("Consumer Health Privacy", "/health/", 311, 3),
					lnk("Your Privacy Choices", "/privacy/choices/", 312, 3)),
					grouped("Company", lnk("Careers", "/careers/", 320, 3))...)...)),
			want: []string{`312:3 error menu-duplicate duplicate footer entry "Your Privacy Choices" in the footer`}},
		{name: "footer: same link in two groups is a warning",
			page: withFooter(footer(300, append(grouped("Business", lnk("Microsoft Cloud", "/cloud/", 301, 3)),
				grouped("Developer & IT", lnk("Microsoft Cloud", "/cloud/", 305, 3))...)...)),
			want: []string{`305:3 warning menu-duplicate footer entry "Microsoft Cloud" appears twice in the footer, under "Business" and under "Developer & IT"`}},
		{name: "the warning follows a lower rule setting", config: `{"rules":{"menu-duplicate":"info"}}`,
			page: withMenus(menu("Primary", 10,
				toggle("A", 11, 3, lnk("X", "/x/", 12, 5), lnk("X", "/x/", 13, 5)),
				toggle("B", 20, 3, lnk("X", "/x/", 21, 5)))),
			want: []string{
				`13:5 info menu-duplicate duplicate menu entry "X" under "A" in menu "Primary"`,
				`21:5 info menu-duplicate menu entry "X" appears twice in menu "Primary", under "A" and under "B"`,
			}},
		{name: "hidden entries are not compared",
			page: withMenus(menu("Main", 10, lnk("News", "/news/", 11, 3), hidden(lnk("News", "/news/", 12, 3)), hidden(lnk("Jobs", "/jobs/", 13, 3)), lnk("Jobs", "/jobs-2/", 14, 3)))},
		{name: "controls are not compared",
			page: withMenus(menu("Main", 10,
				toggle("Species", 11, 3, control(page.ControlClose, toggle("Close", 12, 5))), control(page.ControlToggle, toggle("Toggle navigation", 13, 3)),
				toggle("Seas", 21, 3, control(page.ControlClose, toggle("Close", 22, 5))), control(page.ControlToggle, toggle("Toggle navigation", 23, 3)),
				control(page.ControlSkip, lnk("Back to the menus", "#skip", 30, 3)), control(page.ControlSkip, lnk("Back to the menus", "#skip", 31, 3))))},
		{name: "copies are compared within their copy only",
			page: withMenus(menu("Main", 10, lnk("News", "/news/", 11, 3,
				lnk("World", "/world/", 12, 5), lnk("Local", "/local/", 13, 5), copied(lnk("World", "/world/", 14, 5)), copied(lnk("Local", "/local/", 15, 5))),
				toggle("More", 20, 3, copied(lnk("News", "/news/", 21, 5)), lnk("Travel", "/travel/", 22, 5), lnk("Travel", "/travel-guides/", 23, 5)))),
			want: []string{`23:5 error menu-duplicate duplicate menu entry "Travel" under "More" in menu "Main"`}},
		{name: "the menu's own name heads no group",
			page: withMenus(menu("Related topics", 10, grouped("Related topics", lnk("Climate", "/c/", 11, 3), lnk("Climate", "/c2/", 12, 3))...)),
			want: []string{`12:3 error menu-duplicate duplicate menu entry "Climate" in menu "Related topics"`}},
		{name: "the top level is named so, not by the menu's name",
			page: withMenus(menu("Sections", 10, grouped("Sections", lnk("Weather", "/w/", 11, 3), toggle("Guides", 12, 3, lnk("Weather", "/w/", 13, 5)))...)),
			want: []string{`13:5 warning menu-duplicate menu entry "Weather" appears twice in menu "Sections", under the top level and under "Guides"`}},
		{name: "two parents of one name are told apart by where they stand",
			page: withMenus(menu("Topics", 10,
				toggle("Nature", 11, 3, grouped("Most searched", lnk("CITES", "/cites/", 12, 5))...),
				toggle("Law", 20, 3, grouped("Most searched", lnk("CITES", "/cites/", 21, 5))...))),
			want: []string{`21:5 warning menu-duplicate menu entry "CITES" appears twice in menu "Topics", under "Nature › Most searched" and under "Law › Most searched"`}},
		{name: "entries are compared by the text a reader sees",
			page: withMenus(menu("Main", 10,
				&page.Entry{Link: page.Link{Label: "Toggle navigation", Pos: page.Pos{Line: 11, Column: 3}, Rare: &page.Rare{Text: "Topics"}}, Kind: page.KindToggle},
				&page.Entry{Link: page.Link{Label: "Toggle navigation", Pos: page.Pos{Line: 12, Column: 3}, Rare: &page.Rare{Text: "Research"}}, Kind: page.KindToggle}))},
		{name: "footer: hidden items, controls and copies are not compared",
			page: withFooter(footer(300, lnk("Privacy", "/privacy/", 301, 3), hidden(lnk("Privacy", "/privacy/", 302, 3)),
				control(page.ControlToggle, toggle("Expand", 303, 3)), control(page.ControlToggle, toggle("Expand", 304, 3)),
				copied(lnk("Privacy", "/privacy/", 305, 3))))},
		{name: "footer: one label in two columns, two targets",
			page: withFooter(footer(300, append(grouped("Entertainment", lnk("Videos", "/e/videos/", 301, 3)),
				grouped("Style", lnk("Videos", "/s/videos/", 305, 3))...)...))},
		{name: "rendered DOM: first occurrence named by selector",
			page: withMenus(&page.Menu{Name: "Primary", Entries: []*page.Entry{
				{Link: page.Link{Label: "Home", Href: "/", Target: "/", Selector: "nav > ul > li:nth-child(1) > a"}, Kind: page.KindLink, HasHref: true},
				{Link: page.Link{Label: "Home", Href: "/", Target: "/", Selector: "nav > ul > li:nth-child(2) > a"}, Kind: page.KindLink, HasHref: true},
			}}),
			want: []string{`0:0 error menu-duplicate duplicate menu entry "Home" in menu "Primary"`}},
		// Menus named as a person would (issue 12, F08).
		{name: "unnamed menus are named by their landmark and place", page: &page.Page{Source: "index.html", URL: "/index.html", Title: "A page",
			Format: page.FormatHTML, Menus: []*page.Menu{
				{Region: page.RegionHeader, Selector: "header > nav:nth-child(1)", Entries: []*page.Entry{lnk("News", "/news/", 8, 5), lnk("News", "/news-2/", 9, 5)}},
				{Region: page.RegionHeader, Selector: "header > nav:nth-child(2)", Entries: []*page.Entry{lnk("Log in", "/login/", 10, 5), lnk("Log in", "/signin/", 11, 5)}},
				{Region: page.RegionMain, Selector: "main > nav", Entries: []*page.Entry{lnk("Climate", "/c/", 20, 5), lnk("Climate", "/c2/", 21, 5)}},
				{Region: page.RegionFooter, Selector: "footer > nav", Entries: []*page.Entry{lnk("Privacy", "/p/", 30, 5), lnk("Privacy", "/p2/", 31, 5)}},
			}},
			want: []string{
				`9:5 error menu-duplicate duplicate menu entry "News" in the first header menu`,
				`11:5 error menu-duplicate duplicate menu entry "Log in" in the second header menu`,
				`21:5 error menu-duplicate duplicate menu entry "Climate" in the menu in the main content`,
				`31:5 error menu-duplicate duplicate menu entry "Privacy" in the footer menu`,
			}},
		{name: "a group that is the menu's own name is no parent",
			page: withMenus(menu("Recipes menu", 10,
				grouped("Recipes menu", lnk("Desserts", "/desserts/", 11, 3), toggle("Meal Types", 12, 3, lnk("Desserts", "/desserts/", 13, 5)))...)),
			want: []string{`13:5 warning menu-duplicate menu entry "Desserts" appears twice in menu "Recipes menu", under the top level and under "Meal Types"`}},
		{name: "a redirect stub has no menus to compare", page: func() *page.Page {
			p := redirectStub("old.html", "/new.html")
			p.Links = append(p.Links, ref("a", "/new.html", "/new.html", 5, 3))
			return p
		}()},
	})
}

// allMicrosoft is the seed's mega-menu, shortened: a "Global" column of
// plain entries, then group toggles with their own entries.
func allMicrosoft() []*page.Entry {
	global := grouped("Global", txt("Small Business", 51, 9), txt("Support", 52, 9))
	return append(global, txt("Business", 80, 5, txt("Microsoft Cloud", 81, 9), txt("Small Business", 88, 9)))
}

// Entries are compared by what every reader gets: the accessible name and
// the visible text alike.
func TestMenuDuplicateLabelAndText(t *testing.T) {
	named := func(e *page.Entry, label string) *page.Entry {
		e.SetRare(page.Rare{Text: e.Label})
		e.Label = label
		return e
	}
	runRuleCases(t, menuDuplicate{}, []ruleCase{
		{name: "toggles that share an aria-label but show different texts",
			page: withMenus(menu("Main", 10,
				named(toggle("Nature", 11, 3, lnk("Species", "/nature/species/", 12, 5)), "Toggle navigation"),
				named(toggle("Research", 14, 3, lnk("Projects", "/research/projects/", 15, 5)), "Toggle navigation")))},
		{name: "links that show the same text with different aria-labels",
			page: withMenus(menu("News", 10,
				named(lnk("More", "/news/a/", 11, 3), "More about A"),
				named(lnk("More", "/news/b/", 12, 3), "More about B")))},
		{name: "the same name and text twice",
			page: withMenus(menu("Main", 10,
				named(lnk("Shop", "/shop/", 11, 3), "Shop now"),
				named(lnk("Shop", "/store/", 12, 3), "Shop now"))),
			want: []string{`12:3 error menu-duplicate duplicate menu entry "Shop" in menu "Main"`}},
	})
}
