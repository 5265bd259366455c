package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// optOut is the us-privacy opt-out item: the exact statutory label, or
// "Your (California) Privacy Choices" with the opt-out icon; older wordings
// with a warning; never a label combined with cookies.
const optOut = `{"footer":{"required":[{"id":"us-opt-out",
	"label":"Do Not Sell or Share My Personal Information",
	"exclude":"cookie",
	"legacy":{"label":["Do Not Sell My Personal Information","Do Not Sell My Personal Info"]},
	"anyOf":[{"label":["Your Privacy Choices","Your California Privacy Choices"],"icon":true}],
	"in":["header","footer"]}]}}`

const privacy = `{"footer":{"required":[{"id":"privacy","pattern":"privacy","exclude":"your privacy choices|consumer health"}]}}`

func choices(line int, icon bool) *page.Entry {
	e := lnk("Your Privacy Choices Opt-Out Icon Your Privacy Choices", "https://aka.ms/yourcaliforniaprivacychoices", line, 3)
	if icon {
		e.Icon = true
		e.SetRare(page.Rare{Text: "Your Privacy Choices", IconLabel: "Your Privacy Choices Opt-Out Icon"})
	} else {
		e.Label = "Your Privacy Choices"
	}
	return e
}

func button(label string, line, col int) *page.Entry {
	return &page.Entry{Link: page.Link{Label: label, Pos: page.Pos{Line: line, Column: col}}, Kind: page.KindButton}
}

func hidden(e *page.Entry) *page.Entry {
	e.Hidden = true
	return e
}

func TestFooterRequired(t *testing.T) {
	home := func(p *page.Page) *page.Page { p.Home = true; return p }
	withHeader := func(p *page.Page, items ...*page.Entry) *page.Page {
		p.Header = &page.Region{Items: items, Pos: page.Pos{Line: 5, Column: 1}}
		return p
	}
	runRuleCases(t, footerRequired{}, []ruleCase{
		{name: "privacy link present", config: privacy,
			page: withFooter(footer(300, lnk("Privacy", "/privacy/", 301, 3), lnk("Terms of use", "/terms/", 302, 3)))},
		{name: "privacy statement by pattern", config: privacy,
			page: withFooter(footer(300, lnk("Microsoft Privacy Statement", "/privacy/", 301, 3)))},
		{name: "privacy missing: the opt-out links do not count", config: privacy,
			page: withFooter(footer(300, choices(301, true), lnk("Consumer Health Privacy", "/health/", 302, 3))),
			want: []string{`300:1 error footer-required required footer item "privacy" is missing; ` +
				`"Your Privacy Choices" does not count: it matches the exclusion /your privacy choices|consumer health/; ` +
				`"Consumer Health Privacy" does not count: it matches the exclusion /your privacy choices|consumer health/`}},
		{name: "page has no footer", config: `{"footer":{"required":[{"label":"Privacy"}]}}`, page: withMenus(),
			want: []string{`0:0 error footer-required required footer item "Privacy" is missing: page has no footer`}},
		{name: "a button counts", config: `{"footer":{"required":[{"label":["Cookie settings","Manage cookies"]}]}}`,
			page: withFooter(footer(300, button("Manage cookies", 305, 5)))},
		{name: "hidden button", config: `{"footer":{"required":[{"label":"Cookie settings"}]}}`,
			page: withFooter(footer(300, hidden(button("Cookie settings", 305, 5)))),
			want: []string{`305:5 error footer-required required footer item "Cookie settings" is hidden: "Cookie settings" is on the page but not shown (hidden, aria-hidden or display:none)`}},
		{name: "a visible copy beside a hidden one", config: `{"footer":{"required":[{"label":"Cookie settings"}]}}`,
			page: withFooter(footer(300, hidden(button("Cookie settings", 305, 5)), button("Cookie settings", 306, 5)))},
		{name: "scope home: not checked on other pages", config: `{"footer":{"required":[{"label":"Consumer Health Privacy","scope":"home"}]}}`,
			page: withFooter(footer(300, lnk("Privacy", "/privacy/", 301, 3)))},
		{name: "scope home: checked on the home page", config: `{"footer":{"required":[{"label":"Consumer Health Privacy","scope":"home"}]}}`,
			page: home(withFooter(footer(300, lnk("Privacy", "/privacy/", 301, 3)))),
			want: []string{`300:1 error footer-required required footer item "Consumer Health Privacy" is missing`}},
		{name: "in header: found in the header", config: `{"footer":{"required":[{"label":"Accessibility","in":["header","footer"]}]}}`,
			page: withHeader(withFooter(footer(300)), lnk("Accessibility", "/a11y/", 6, 3))},
		{name: "in footer only: the header does not count", config: `{"footer":{"required":[{"label":"Accessibility"}]}}`,
			page: withHeader(withFooter(footer(300)), lnk("Accessibility", "/a11y/", 6, 3)),
			want: []string{`300:1 error footer-required required footer item "Accessibility" is missing`}},
		{name: "in header and footer: missing from both", config: `{"footer":{"required":[{"label":"Accessibility","in":["header","footer"]}]}}`,
			page: withHeader(withFooter(footer(300))),
			want: []string{`300:1 error footer-required required item "Accessibility" is missing from the header and the footer`}},
		{name: "in page: anywhere", config: `{"footer":{"required":[{"label":"Imprint","in":["page"]}]}}`,
			page: &page.Page{Source: "index.html", URL: "/index.html", Controls: []*page.Entry{lnk("Imprint", "/imprint/", 50, 3)}}},
		{name: "opt-out: the exact label needs no icon", config: optOut,
			page: withFooter(footer(300, lnk("Do Not Sell or Share My Personal Information", "/opt-out/", 301, 3)))},
		{name: "opt-out: the choices link with its icon", config: optOut,
			page: withFooter(footer(300, choices(301, true)))},
		{name: "opt-out: the choices link without its icon", config: optOut,
			page: withFooter(footer(300, choices(301, false))),
			want: []string{`301:3 error footer-required footer link "Your Privacy Choices" found without the opt-out icon (an image or inline SVG inside or right before the link)`}},
		{name: "opt-out: an older wording", config: optOut,
			page: withFooter(footer(300, lnk("Do Not Sell My Personal Information", "/opt-out/", 301, 3))),
			want: []string{`301:3 warning footer-required footer link uses the outdated wording "Do Not Sell My Personal Information"; use "Do Not Sell or Share My Personal Information"`}},
		{name: "opt-out: combined with cookies does not count", config: optOut,
			page: withFooter(footer(300, lnk("Manage cookies/Do not sell my data", "/cookies/", 301, 3))),
			want: []string{`300:1 error footer-required required item "Do Not Sell or Share My Personal Information" is missing from the header and the footer; ` +
				`"Manage cookies/Do not sell my data" does not count: it matches the exclusion /cookie/`}},
		{name: "item message, severity and id", config: `{"footer":{"required":[{"id":"imprint","label":"Impressum","severity":"warning","message":"German sites need an Impressum link (§ 5 DDG)"}]}}`,
			page: withFooter(footer(300)),
			want: []string{`300:1 warning footer-required German sites need an Impressum link (§ 5 DDG)`}},
		{name: "disabled item", config: `{"footer":{"required":[{"label":"Impressum","enabled":false}]}}`, page: withFooter(footer(300))},
		// Pages without content of their own (issue 12, F15, F27, F16).
		{name: "a redirect stub has no footer to judge", config: privacy, page: redirectStub("old.html", "/new.html")},
		{name: "a verification token is no page", config: privacy, page: tokenFile("google0123456789abcdef.html")},
		{name: "a footer built by script waits for --render", config: privacy, page: scripted(withFooter(footer(300)))},
		{name: "an empty footer without scripts is the page's own", config: privacy, page: withFooter(footer(300)),
			want: []string{`300:1 error footer-required required footer item "privacy" is missing`}},
		{name: "a shell built by script: items anywhere wait too", config: `{"footer":{"required":[{"label":"Imprint","in":["page"]}]}}`,
			page: scripted(&page.Page{Source: "index.html", URL: "/index.html", Format: page.FormatHTML, Title: "App"})},
		{name: "a footer built by script leaves header items judged", config: `{"footer":{"required":[{"label":"Sign in","in":["header"]}]}}`,
			page: withHeader(scripted(withFooter(footer(300))), lnk("Sign up", "/join/", 6, 3)),
			want: []string{`5:1 error footer-required required header item "Sign in" is missing from the header`}},
		// Home-page items (issue 12, F17): on the home page only.
		{name: "home item on the home page", config: `{"footer":{"required":[{"id":"us-privacy-policy","pattern":"privacy","scope":"home"}]}}`,
			page: home(withFooter(footer(300, lnk("Terms", "/terms/", 301, 3)))),
			want: []string{`300:1 error footer-required required footer item "us-privacy-policy" is missing`}},
		{name: "home item on another page", config: `{"footer":{"required":[{"id":"us-privacy-policy","pattern":"privacy","scope":"home"}]}}`,
			page: withFooter(footer(300, lnk("Terms", "/terms/", 301, 3)))},
		{name: "rule off", config: `{"rules":{"footer-required":"off"},"footer":{"required":[{"label":"Impressum"}]}}`, page: withFooter(footer(300))},
	})
}
