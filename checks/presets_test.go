package checks

import (
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// legalPage is a page whose footer holds items, which are also the page's
// controls (the extractor shares the entries).
func legalPage(home bool, items ...*page.Entry) *page.Page {
	p := withFooter(footer(300, items...))
	p.Home = home
	p.Controls = items
	return p
}

// TestPresetItems runs the built-in presets on footers after real-world
// patterns: each item of each preset passes at least once and fails at least
// once. Only the findings of the item under test are compared.
func TestPresetItems(t *testing.T) {
	f := func(label string) *page.Entry { return lnk(label, "/x/", 301, 3) }
	cases := []struct {
		preset, item, name string
		page               *page.Page
		want               string // "" when the item passes
	}{
		{"recommended", "privacy", "privacy statement", legalPage(false, f("Microsoft Privacy Statement")), ""},
		{"recommended", "privacy", "Datenschutz", legalPage(false, f("Datenschutz")), ""},
		{"recommended", "privacy", "only the opt-out links", legalPage(false, choices(301, true), f("Consumer Health Privacy")),
			`300:1 warning footer-required required footer item "privacy" is missing; "Your Privacy Choices" does not count`},

		{"us-privacy", "us-opt-out", "exact statutory label", legalPage(true, f("Do Not Sell or Share My Personal Information")), ""},
		{"us-privacy", "us-opt-out", "Your Privacy Choices with its icon", legalPage(true, choices(301, true)), ""},
		{"us-privacy", "us-opt-out", "Your Privacy Choices without its icon", legalPage(true, choices(301, false)),
			`301:3 error footer-required footer link "Your Privacy Choices" found without the opt-out icon`},
		{"us-privacy", "us-opt-out", "older wording", legalPage(true, f("Do Not Sell My Personal Information")),
			`301:3 warning footer-required footer link uses the outdated wording "Do Not Sell My Personal Information": an older CCPA wording`},
		{"us-privacy", "us-opt-out", "slash wording", legalPage(true, f("Do Not Sell/Share My Personal Information")),
			`301:3 warning footer-required footer link uses the outdated wording "Do Not Sell/Share My Personal Information": an older CCPA wording`},
		{"us-privacy", "us-opt-out", "combined with cookies", legalPage(true, f("Manage cookies/Do not sell my data")),
			`300:1 error footer-required required item "Do Not Sell or Share My Personal Information" is missing from the header and the footer; "Manage cookies/Do not sell my data" does not count`},
		{"us-privacy", "us-opt-out", "homepage only", legalPage(false), ""},
		{"us-privacy", "us-limit-sensitive", "off unless switched on", legalPage(true), ""},
		{"us-privacy", "us-consumer-health-privacy", "present", legalPage(true, f("Consumer Health Privacy")), ""},
		{"us-privacy", "us-consumer-health-privacy", "the general privacy link does not count", legalPage(true, f("Privacy")),
			`300:1 error footer-required required item "Consumer Health Privacy" is missing from the page`},
		{"us-privacy", "us-privacy-policy", "privacy link", legalPage(true, f("Privacy")), ""},
		{"us-privacy", "us-privacy-policy", "only the choices link", legalPage(true, choices(301, true)),
			`300:1 error footer-required required item "us-privacy-policy" is missing from the page`},

		{"eu-privacy", "privacy", "Datenschutzerklärung", legalPage(false, f("Datenschutzerklärung")), ""},
		{"eu-privacy", "privacy", "privacy settings are no statement", legalPage(false, f("Datenschutz-Einstellungen")),
			`300:1 error footer-required required item "privacy" is missing from the header and the footer`},
		{"eu-privacy", "cookie-settings", "Cookie-Einstellungen button", legalPage(false, button("Cookie-Einstellungen", 305, 5)), ""},
		{"eu-privacy", "cookie-settings", "cookie policy is no control", legalPage(false, f("Cookie Policy")),
			`300:1 error footer-required required item "cookie-settings" is missing from the page`},
		{"eu-privacy", "cookie-settings", "hidden button", legalPage(false, hidden(button("Cookie settings", 305, 5))),
			`305:5 error footer-required required item "cookie-settings" is hidden`},

		{"uk-cookies", "privacy", "privacy notice", legalPage(false, f("Privacy notice")), ""},
		{"uk-cookies", "privacy", "missing", legalPage(false, f("Accessibility")),
			`300:1 error footer-required required item "privacy" is missing from the header and the footer`},
		{"uk-cookies", "cookie-settings", "Manage cookies", legalPage(false, f("Manage cookies")), ""},
		{"uk-cookies", "cookie-settings", "Cookies page is no control", legalPage(false, f("Cookies")),
			`300:1 error footer-required required item "cookie-settings" is missing from the page`},
		{"uk-cookies", "cookie-settings", "a cookie notice is no control", legalPage(false, f("Cookie notice")),
			`300:1 error footer-required required item "cookie-settings" is missing from the page`},

		{"de-imprint", "de-imprint", "Impressum", legalPage(false, f("Impressum")), ""},
		{"de-imprint", "de-imprint", "Austrian Impressum und Copyright", legalPage(false, f("Impressum und Copyright")), ""},
		{"de-imprint", "de-imprint", "missing", legalPage(false, f("Datenschutz"), f("Kontakt")),
			`300:1 error footer-required required item "de-imprint" is missing from the header and the footer`},

		{"accessibility-statement", "accessibility-statement", "Erklärung zur Barrierefreiheit", legalPage(false, f("Erklärung zur Barrierefreiheit")), ""},
		{"accessibility-statement", "accessibility-statement", "Accessibility", legalPage(false, f("Accessibility")), ""},
		{"accessibility-statement", "accessibility-statement", "only the feedback link", legalPage(false, f("Barriere melden")),
			`300:1 error footer-required required item "accessibility-statement" is missing from the header and the footer`},
	}
	for _, c := range cases {
		t.Run(c.preset+"/"+c.item+"/"+c.name, func(t *testing.T) {
			cfg, err := schema.Default([]string{c.preset})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for i := range cfg.Footer.Required {
				found = found || cfg.Footer.Required[i].ID == c.item
			}
			if !found {
				t.Fatalf("preset %s has no item %s", c.preset, c.item)
			}
			var got []string
			for _, f := range NewRuleset(cfg).Finalize(footerRequired{}.Check(c.page, NewEngine(cfg, testNow).NewEnv(nil)).Findings, nil) {
				if f.Context.Get("item") == c.item {
					got = append(got, formatFinding(f))
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("want no finding, got %s", strings.Join(got, "; "))
			case c.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.want)):
				t.Errorf("got %v\nwant one starting %s", got, c.want)
			}
		})
	}
}

// The config's "rules" setting wins over a preset item's own severity.
func TestPresetSeverityYieldsToRules(t *testing.T) {
	cfg, err := schema.Default(nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Rules = map[string]finding.Severity{"footer-required": finding.Error, "footer-copyright": finding.Info}
	engine := NewEngine(cfg, testNow)
	got := engine.Rules().Finalize(engine.NewEnv(nil).CheckPage(legalPage(false)).Findings, nil)
	var lines []string
	for _, f := range got {
		lines = append(lines, formatFinding(f))
	}
	want := []string{
		`300:1 info footer-copyright copyright notice is missing from the footer`,
		`300:1 error footer-required required footer item "privacy" is missing`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %s\nwant %s", strings.Join(lines, "\n    "), strings.Join(want, "\n    "))
	}
}
