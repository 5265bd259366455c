package htmlpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

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

// readerOutline renders entries as a reader names them (page.Entry.Name):
// Name[kind]@group~control=copy!hidden{children}, the kind when not a link.
func readerOutline(es []*page.Entry) string {
	var parts []string
	for _, e := range es {
		s := readerEntry(e)
		if len(e.Children) > 0 {
			s += "{" + readerOutline(e.Children) + "}"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func readerEntry(e *page.Entry) string {
	s := e.Name()
	if e.Kind != page.KindLink {
		s += "[" + e.Kind + "]"
	}
	if e.Group != "" {
		s += "@" + e.Group
	}
	if e.Control != "" {
		s += "~" + e.Control
	}
	if e.Copy {
		s += "=copy"
	}
	if e.Hidden {
		s += "!hidden"
	}
	return s
}
