package checks

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/page"
)

// TestRunSeed runs every check on a hand-built model of the reference page
// (fixtures/seed-rendered-text/about-microsoft.rendered.txt) and expects
// exactly its real defects.
func TestRunSeed(t *testing.T) {
	about := menu("About", 13, txt("Home", 13, 5), txt("Our commitments", 14, 5),
		txt("AI & Innovation", 15, 5, txt("Microsoft AI", 16, 7), txt("Microsoft Cloud", 18, 7)))
	all := menu("All Microsoft", 45, txt("All Microsoft", 45, 5, allMicrosoft()...))
	var body []*page.Link
	for i := range 4 {
		body = append(body, &page.Link{Tag: page.TagA, Attr: page.AttrHref, Region: page.RegionMain, Pos: page.Pos{Line: 250, Column: 5 + 4*i}})
	}
	ypc := func(line, col int) *page.Entry {
		e := txt("Your Privacy Choices Opt-Out Icon Your Privacy Choices", line, col)
		e.Icon = true
		e.SetRare(page.Rare{Text: "Your Privacy Choices", IconLabel: "Your Privacy Choices Opt-Out Icon"})
		return e
	}
	f := footer(258,
		append(grouped("Company", txt("Privacy at Microsoft", 310, 5), txt("Accessibility", 312, 5)),
			ypc(319, 25), ypc(320, 1), txt("Consumer Health Privacy", 320, 56),
			txt("Privacy", 324, 5), txt("Manage cookies", 325, 5), txt("Terms of use", 326, 5), txt("© Microsoft 2025", 333, 5))...)
	f.Copyright = []*page.Copyright{{Text: "© Microsoft 2025", Pos: page.Pos{Line: 333, Column: 5}}}
	seed := &page.Page{Source: "about-microsoft.rendered.txt", URL: "/about-microsoft.rendered.txt", Format: page.FormatText,
		Menus: []*page.Menu{about, all}, Footer: f, Links: body}
	cfg := testConfig(t, `{
		"navigation":{"required":[{"label":"Home"},{"label":"AI & Innovation","children":[{"label":"Microsoft Cloud"}]}]},
		"footer":{"required":[{"id":"privacy","pattern":"^privacy$","exclude":"choices|health"},{"label":"Manage cookies"},
			{"id":"us-opt-out","label":"Do Not Sell or Share My Personal Information","anyOf":[{"label":"Your Privacy Choices","icon":true}]},
			{"label":"Consumer Health Privacy"}],
			"copyright":{"required":true}}}`)
	got := NewEngine(cfg, testNow).Run([]*page.Page{seed}, nil, nil)
	var lines []string
	for _, f := range got {
		lines = append(lines, formatFinding(f))
	}
	want := []string{
		`about-microsoft.rendered.txt 88:9 warning menu-duplicate menu entry "Small Business" appears twice in menu "All Microsoft", under "Global" and under "Business"`,
		`about-microsoft.rendered.txt 250:5 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		`about-microsoft.rendered.txt 250:9 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		`about-microsoft.rendered.txt 250:13 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		`about-microsoft.rendered.txt 250:17 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		`about-microsoft.rendered.txt 320:1 error menu-duplicate duplicate footer entry "Your Privacy Choices" in the footer`,
		`about-microsoft.rendered.txt 333:5 warning footer-copyright copyright notice "© Microsoft 2025" is out of date: newest year 2025, expected 2026`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Run on the seed:\n got %s\nwant %s", strings.Join(lines, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestRunNoConfigAndNilPages(t *testing.T) {
	if got := NewEngine(nil, time.Time{}).Run([]*page.Page{nil, {Source: "x.html"}}, nil, nil); len(got) != 0 {
		t.Errorf("findings on an empty page with no config: %v", got)
	}
}

// Checks never panic, whatever the model holds: nil menus, entries, links,
// items and notices, empty labels, odd URLs.
func TestRunOddModels(t *testing.T) {
	cfg := testConfig(t, `{"site":{"baseURL":"https://www.contoso.com/docs/"},
		"navigation":{"required":[{"label":"Home","href":"/","children":[{"label":"X"}]}],
			"menus":[{"name":"Primary","selector":"nav","required":[{"label":"A"}]}]},
		"footer":{"required":[{"label":"Privacy","in":["header","footer","page"],"icon":true}],"copyright":{"required":true}},
		"rules":{"nav-orphan-page":"info","link-redirect":"info"},
		"assertions":[{"id":"t","schema":{"required":["title"]}}]}`)
	odd := []*page.Page{
		{},
		{Source: "a", URL: "https://www.contoso.com/docs/a", Menus: []*page.Menu{nil, {Entries: []*page.Entry{nil, {Link: page.Link{Rare: &page.Rare{Children: []*page.Entry{nil}}}}}}},
			Footer: &page.Region{Items: []*page.Entry{nil, {}}, Copyright: []*page.Copyright{nil}}, Header: &page.Region{},
			Links: []*page.Link{nil, {}, {Tag: page.TagA, Target: "%zz"}, {Tag: page.TagA, Href: "//"}, {Tag: page.TagA, Target: "https://www.contoso.com"},
				{Tag: page.TagA, Target: "http://"}, {Tag: page.TagImg, Target: "data:image/png;base64,xx"}, {Tag: page.TagA, Target: "?q=1#"}, {Tag: page.TagA, Href: "rel/x", Target: "rel/x"}},
			Controls: []*page.Entry{nil}, Redirect: "::"},
		{Source: "b", URL: "relative.html", Links: []*page.Link{{Tag: page.TagA, Target: "x.html#y"}}},
		nil,
	}
	engine := NewEngine(cfg, testNow)
	_ = engine.Run(odd, fakeSite{}, map[string]ExternalResult{})
	_ = engine.Run(odd, nil, nil)
}

// HomeItems names the home-page items that run: by id, else by label; none
// when footer-required is off.
func TestHomeItems(t *testing.T) {
	const items = `"footer":{"required":[{"id":"us-opt-out","label":"Do Not Sell","scope":"home"},{"label":"Imprint","scope":"home"},
		{"id":"off","label":"X","scope":"home","enabled":false},{"id":"quiet","label":"Y","scope":"home","severity":"off"},{"id":"privacy","label":"Privacy"}]}`
	for _, c := range []struct {
		config string
		want   []string
	}{
		{`{` + items + `}`, []string{"us-opt-out", "Imprint"}},
		{`{"rules":{"footer-required":"off"},` + items + `}`, nil},
		{`{}`, nil},
	} {
		if got := NewEngine(testConfig(t, c.config), testNow).HomeItems(); !slices.Equal(got, c.want) {
			t.Errorf("HomeItems = %q, want %q", got, c.want)
		}
	}
}
