package htmlpage

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// The models of the fixtures of names, controls and notices (fixtures/,
// issue 12's families): what the rules' findings on them rest on.
func TestFixtureModels(t *testing.T) {
	tests := []struct {
		fixture string
		got     func(p *page.Page) []string
		want    []string
	}{
		{"label-normalisation", func(p *page.Page) []string {
			return append(labels(p.Menus[0].Entries), labels(p.Footer.Items)...)
		}, []string{"Lehrende", "Lehrende", "Termine", "Termine", "Merkliste", "MERKLISTE", "Suche", "Datenschutzerklärung"}},
		{"accname", func(p *page.Page) []string { return labels(p.Controls) },
			[]string{"Example Recipes", "Join the recipe club", "Find a recipe", "Find a recipe", "Your account", "Recipe feed",
				"Example Kitchen", "", "", "Anna", "", "Privacy"}},
		{"accname", func(p *page.Page) []string {
			var out []string
			for _, l := range p.Links {
				if l.Tag == page.TagA && l.Label == "" {
					out = append(out, fmt.Sprintf("%s hidden=%v", l.Href, l.Hidden))
				}
			}
			return out
		}, []string{"#steps hidden=true", "https://example.org/cook/anna hidden=false", "https://example.org/print hidden=false"}},
		{"label-vs-text", func(p *page.Page) []string { return namesAndTexts(p.Menus[0].Entries[:4]) },
			[]string{"Untermenü öffnen/Wälder", "Untermenü öffnen/Moore", "Mehr zu Wäldern/Mehr", "Mehr zu Mooren/Mehr"}},
		{"widget-role", func(p *page.Page) []string { return kinds(p.Controls) },
			[]string{"Latest button", "A to Z button", "Search toggle", "All shows toggle", "Quiz night link",
				"Archive link", "2019 link", "Schedule link", "Privacy link", "Cookie settings button"}},
		{"current-page", func(p *page.Page) []string {
			var out []string
			for _, e := range p.Menus[0].Entries {
				out = append(out, fmt.Sprintf("%s current=%v", e.Label, e.Current))
			}
			return out
		}, []string{"Home current=false", "News current=false", "Rivers get cleaner current=true"}},
		{"anchor-target", func(p *page.Page) []string { return append(labels(p.Footer.Items), p.Anchors...) },
			[]string{"Privacy", "Contact", "top", "site-footer"}},
		{"nested-anchors", func(p *page.Page) []string {
			var out []string
			for _, l := range p.Links {
				if n := l.NestedLink(); n != nil {
					out = append(out, fmt.Sprintf("%d:%d %s closed by %d:%d", l.Line, l.Column, l.Href, n.Line, n.Column))
				}
			}
			return out
		}, []string{"8:5 https://example.edu/blog/solar-roofs closed by 10:12"}},
		{"placeholder-option", func(p *page.Page) []string { return kinds(p.Menus[0].Entries) },
			[]string{"Explore link", "This wiki button", "Every wiki button", "Community link"}},
		{"nameless-button", func(p *page.Page) []string { return kinds(p.Controls) },
			[]string{" button", "Submit button", " button", "Open the menu button", "Share button", " button", " button", "Privacy link"}},
		{"header-controls", func(p *page.Page) []string { return kinds(p.Header.Items) },
			[]string{"Back to the home page link", "MENU link", "Sign in link", "Register link", "Recipes link", "Videos link"}},
		{"hidden-links", func(p *page.Page) []string {
			var out []string
			for _, l := range p.Links {
				if l.Tag == page.TagA {
					out = append(out, fmt.Sprintf("%s hidden=%v", strings.TrimPrefix(l.Href, "https://example.org"), l.Hidden))
				}
			}
			return out
		}, []string{"/profile hidden=true", "# hidden=true", "/help hidden=true", "/rss hidden=true", "/rss hidden=false",
			"/beta hidden=true", "/share hidden=false", "/privacy hidden=false"}},
		{"script-named", func(p *page.Page) []string {
			var out []string
			for _, e := range p.Controls {
				if e.Label == "" {
					out = append(out, fmt.Sprintf("%d:%d %s", e.Line, e.Column, e.NamedBy()))
				}
			}
			return out
		}, []string{"11:3 data-bind", "16:5 data-label-hidden", "18:21 data-bind", "20:5 v-text", "21:5 :aria-label", "22:5 x-text",
			"23:5 ng-bind", "24:5 [attr.aria-label]", "27:3 ", "28:3 "}},
		{"shared-landmark-id", func(p *page.Page) []string {
			return append(append([]string{"landmark:"}, p.LandmarkAnchors...), append([]string{"shared:"}, p.SharedAnchors...)...)
		}, []string{"landmark:", "content", "shared:"}},
		{"copyright-link-label", notices, nil},
		{"copyright-link-label/with-notice", notices, []string{"© 2021 Beispiel Verlag GmbH"}},
		{"copyright-garbled/wordmark", notices, []string{"© 2022 Newsday Media Group"}},
		{"copyright-garbled/line-break", notices, []string{"Copyright © 2022 Example Interactive Inc. All rights reserved."}},
		{"copyright-garbled/legalese", notices, []string{"© 2022 Example Media. All rights reserved."}},
		{"copyright-garbled/link-bar", notices, []string{"Copyright © 2022, Example Tribune"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			file := filepath.Join("..", "..", "..", "fixtures", tt.fixture, "index.html")
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p := mustParse(t, string(src), Options{Source: file, URL: "/index.html"})
			if got := tt.got(p); !slices.Equal(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestFixtureMenus reads the pages of the menu-structure fixtures (see
// fixtures/ at the repository's root) and checks their models as a reader
// sees them: each menu's entries nested, with their groups, the controls
// that are no entries, copies, and what is hidden; the footer's items.
func TestFixtureMenus(t *testing.T) {
	tests := []struct {
		fixture string
		menus   []string // "name: outline", one per menu
		footer  string
	}{
		{"menu-copies", []string{
			"Main: News{World, Local, World=copy, Local=copy}, Shop{Books, Books}, News!hidden, Shop!hidden",
			"Sections: Alpha, Beta, Alpha=copy, Beta=copy",
		}, "Privacy, Terms, Privacy=copy, Terms=copy"},
		{"more-overflow", []string{
			"Sections: News, Sport, Weather, More[toggle]{Weather=copy, Travel, Travel}",
			"Topics: Climate, Energy, Water, All topics[toggle]{Energy=copy, Water=copy, Soil}, Guides[toggle]{Climate, Gardens}",
		}, "Privacy"},
		{"drilldown-back", []string{
			"Menu: Recipes[toggle]{Recipes[button]~close, All recipes, Baking, Back to the list of menus~skip}, " +
				"Magazine[toggle]{‹ Magazine[button]~close, Baking, New, New, Back to the list of menus~skip}, " +
				"Topics{Back to Main menu[button]~close, Baking}",
			"Skip links: Skip to content~skip",
		}, "Privacy"},
		{"heading-siblings", []string{
			"Contents: docs, index@about, index@community, faq@community, faq@community",
			"Explore: Start@Wikis, Start@Games, Videos@Shows, Videos@Style, Support@Software, Support@Hardware",
			"Shows: Show A{Episodes}, Show A[button]~toggle, Show B{Episodes}, Show B[button]~toggle",
		}, "Privacy"},
		{"footer-columns", nil,
			"Daily Example, Videos@Entertainment, TV@Entertainment, Videos@Style, Daily Example@Our papers, " +
				"Weekly Example@Our papers, Privacy@Legal, Terms@Legal, Terms@Legal"},
		{"disclosure-controls", []string{
			"Service: Menu[toggle]~toggle, Get started, Manual, Apps",
			"Main: Species{×[button]~close, Insects}, Toggle navigation[toggle]~toggle, " +
				"Seas{×[button]~close, Protection}, Toggle navigation[toggle]~toggle, " +
				"Donate{Give online}, +~toggle, Help{Give blood}, +~toggle, Search[button]~form, " +
				"Close menu[button]~close, Close menu[button]~close, Search[button]~form",
		}, "Click here to expand the menu[button]~toggle, Team@About us, Click here to expand the menu[button]~toggle, " +
			"Contact@Service, Privacy, Back to top~skip, Back to top~skip"},
		{"hidden-entries", []string{
			"Main: My cookbook, My cookbook!hidden, News!hidden, News, Shop!hidden, Shop, Help!hidden, Help, " +
				"Jobs!hidden, Jobs, Contact, Contact",
		}, "Privacy, Privacy!hidden, Cookie settings[button]!hidden"},
		{"menu-parents", []string{
			"Topics: Nature[toggle]{Species, Seas, CITES@Most searched}, Law[toggle]{Rules, CITES@Most searched}",
			"Related topics: Climate@Related topics, Climate@Related topics",
			"More from us: Podcasts, Podcasts",
			"Events: Talks@Events, Talks@Events",
			"Legal: Privacy@Legal, Privacy@Legal",
		}, "Privacy@Legal, Privacy@Legal"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "..", "..", "fixtures", tt.fixture, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			p := mustParse(t, string(src), Options{URL: "/index.html"})
			var menus []string
			for _, m := range p.Menus {
				menus = append(menus, m.Name+": "+readerOutline(m.Entries))
			}
			if got, want := strings.Join(menus, "\n"), strings.Join(tt.menus, "\n"); got != want {
				t.Errorf("menus:\n got %s\nwant %s", got, want)
			}
			var items []string
			for _, e := range p.Footer.Items {
				items = append(items, readerEntry(e))
			}
			if got := strings.Join(items, ", "); got != tt.footer {
				t.Errorf("footer:\n got %s\nwant %s", got, tt.footer)
			}
			checkPositions(t, string(src), p)
			checkSelectors(t, string(src), p)
		})
	}
}

func labels(es []*page.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Label)
	}
	return out
}

func kinds(es []*page.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Label+" "+e.Kind.String())
	}
	return out
}

func namesAndTexts(es []*page.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Label+"/"+e.Text())
	}
	return out
}

func notices(p *page.Page) []string {
	var out []string
	for _, c := range p.Footer.Copyright {
		out = append(out, c.Text)
	}
	return out
}

// readerOutline renders entries as a reader names them (page.Entry.Name):
// Name[kind]@group~control=copy!hidden{children}, the kind when not a link.
func readerOutline(es []*page.Entry) string {
	var parts []string
	for _, e := range es {
		s := readerEntry(e)
		if len(e.Children()) > 0 {
			s += "{" + readerOutline(e.Children()) + "}"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func readerEntry(e *page.Entry) string {
	s := e.Name()
	if e.Kind != page.KindLink {
		s += "[" + e.Kind.String() + "]"
	}
	if e.Group != "" {
		s += "@" + e.Group
	}
	if e.Control != 0 {
		s += "~" + e.Control.String()
	}
	if e.Copy {
		s += "=copy"
	}
	if e.Hidden {
		s += "!hidden"
	}
	return s
}
