package checks

import (
	"slices"
	"testing"

	"github.com/pagelint/pagelint/schema"
)

// satisfied is how footer-required uses an item: an entry whose names match one of
// its alternatives, with an icon where that alternative asks for one.
func satisfied(it *schema.Item, icon bool, names ...string) bool {
	for _, alt := range alternatives(it) {
		if itemMatches(alt, names...) && (!alt.Icon || icon) {
			return true
		}
	}
	return false
}

// TestPresetItems: for every preset item, labels that satisfy it and labels
// that do not (real labels from real footers where there are some).
func TestPresetItemLabels(t *testing.T) {
	tests := []struct {
		preset, id string
		pass       []string // satisfy the item (with an icon where asked)
		fail       []string // do not
		legacy     []string // satisfy it only with a warning
		excluded   []string // are explicitly ruled out
	}{
		{preset: "recommended", id: "privacy",
			pass:     []string{"Privacy", "Privacy Policy", "Privacy Statement", "Privacy & Cookies", "Privacy at Microsoft", "Datenschutz", "Datenschutzerklärung", "Confidentialité", "Politique de confidentialité", "Privacidad", "Privacybeleid", "Polityka prywatności"},
			fail:     []string{"Terms of use", "Cookies", "Legal", "Impressum"},
			excluded: []string{"Your Privacy Choices", "Consumer Health Privacy", "Privacy settings", "Datenschutz-Einstellungen"}},
		{preset: "us-privacy", id: "us-opt-out",
			pass:     []string{"Do Not Sell or Share My Personal Information", "do not sell or share my  personal information", "Your Privacy Choices", "Your California Privacy Choices"},
			fail:     []string{"Privacy", "Your Privacy Choices Opt-Out", "Do Not Sell", "Privacy Choices", "Manage cookies"},
			legacy:   []string{"Do Not Sell My Personal Information", "Do Not Sell my Personal Information", "Do Not Sell My Personal Info", "Do Not Sell/Share My Personal Information", "Do Not Sell My Info"},
			excluded: []string{"Manage cookies/Do not sell my data", "Cookie settings / Do Not Sell or Share My Personal Information"}},
		{preset: "us-privacy", id: "us-limit-sensitive",
			pass: []string{"Limit the Use of My Sensitive Personal Information", "Your Privacy Choices"},
			fail: []string{"Limit use", "Do Not Sell or Share My Personal Information", "Sensitive information"}},
		{preset: "us-privacy", id: "us-consumer-health-privacy",
			pass: []string{"Consumer Health Privacy", "Consumer Health Data Privacy Policy", "Washington Consumer Health Data Privacy Policy", "Health Data Privacy Notice"},
			fail: []string{"Privacy", "Privacy Statement", "Health", "Consumer Privacy"}},
		{preset: "us-privacy", id: "us-privacy-policy",
			pass:     []string{"Privacy", "Privacy Policy", "Privacy Notice", "Online Privacy Statement"},
			fail:     []string{"Datenschutz", "Terms", "Legal"},
			excluded: []string{"Your Privacy Choices", "Consumer Health Privacy", "Your California Privacy Choices"}},
		{preset: "eu-privacy", id: "privacy",
			pass:     []string{"Privacy", "Privacy notice", "Datenschutz", "Datenschutzhinweise", "Confidentialité", "Protection des données personnelles", "Privacidad", "Política de privacidade", "Privacybeleid", "Informativa sulla privacy", "Integritetspolicy", "Tietosuojaseloste"},
			fail:     []string{"Cookies", "Impressum", "Cookie-Einstellungen", "Mentions légales"},
			excluded: []string{"Privacy settings", "Privacy preferences", "Datenschutzeinstellungen", "Your Privacy Choices"}},
		{preset: "eu-privacy", id: "cookie-settings",
			pass:     []string{"Cookie settings", "Cookie Preferences", "Manage cookies", "Manage Cookies", "Change cookie settings", "Cookie-Einstellungen", "Cookies verwalten", "Paramètres des cookies", "Gestion des cookies", "Gérer les cookies", "Privacy settings", "Datenschutzeinstellungen", "Configuración de cookies", "Impostazioni dei cookie", "Cookie-instellingen", "Manage cookies/Do not sell my data", "Einwilligungen verwalten", "Privacy Center", "Privacy Manager", "Consent Manager", "Datenschutz-Center", "Cookie Center"},
			fail:     []string{"Cookies", "Privacy", "Datenschutz", "Cookie notice"},
			excluded: []string{"Cookie Policy", "Cookie-Richtlinie", "Politique de cookies", "Cookie policy and settings"}},
		{preset: "uk-cookies", id: "privacy",
			pass:     []string{"Privacy", "Privacy notice", "Privacy policy", "Preifatrwydd"},
			fail:     []string{"Cookies", "Accessibility statement", "Terms and conditions"},
			excluded: []string{"Privacy settings"}},
		{preset: "uk-cookies", id: "cookie-settings",
			pass:     []string{"Cookie settings", "Manage cookies", "Change your cookie settings", "Cookie preferences", "Gosodiadau cwcis"},
			fail:     []string{"Cookies", "Privacy", "Cookies on GOV.UK", "Cookie notice"},
			excluded: []string{"Cookie policy"}},
		{preset: "de-imprint", id: "de-imprint",
			pass: []string{"Impressum", "impressum", "Impressum und Copyright", "Impressum & Datenschutz", "Anbieterkennzeichnung", "Imprint", "Legal notice", "Site notice"},
			fail: []string{"Kontakt", "Datenschutz", "Legal", "Legal notices and imprint policy", "Rechtliches"}},
		{preset: "accessibility-statement", id: "accessibility-statement",
			pass:     []string{"Accessibility", "Accessibility statement", "Erklärung zur Barrierefreiheit", "Barrierefreiheitserklärung", "Barrierefreiheit", "Déclaration d'accessibilité", "Déclaration d’accessibilité", "Accessibilité : partiellement conforme", "Toegankelijkheidsverklaring", "Dichiarazione di accessibilità", "Declaración de accesibilidad"},
			fail:     []string{"Leichte Sprache", "Gebärdensprache", "Contact", "Accessible travel", "Barriere melden"},
			excluded: []string{"Report an accessibility problem", "Accessibility feedback"}},
		{preset: "accessibility-statement", id: "accessibility-feedback",
			pass: []string{"Barriere melden", "Barrieren melden", "Report an accessibility problem", "Accessibility feedback", "Feedback zur Barrierefreiheit"},
			fail: []string{"Accessibility", "Erklärung zur Barrierefreiheit", "Feedback", "Kontakt"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			cfg, err := schema.Default([]string{tt.preset})
			if err != nil {
				t.Fatal(err)
			}
			it := presetItem(t, cfg, tt.id)
			if it.Preset == "" {
				t.Errorf("item has no Preset")
			}
			for _, name := range tt.pass {
				if !satisfied(it, true, name) {
					t.Errorf("%q does not satisfy it", name)
				}
				if matchesLegacy(it, name) && !itemMatches(it, name) {
					t.Errorf("%q is legacy", name)
				}
			}
			for _, name := range append(append(tt.fail, tt.excluded...), tt.legacy...) {
				if satisfied(it, true, name) {
					t.Errorf("%q satisfies it", name)
				}
			}
			for _, name := range tt.legacy {
				if !matchesLegacy(it, name) {
					t.Errorf("%q is not legacy", name)
				}
			}
			for _, name := range tt.excluded {
				if !excludedBy(it, name) {
					t.Errorf("%q is not excluded", name)
				}
				if matchesLegacy(it, name) {
					t.Errorf("%q is legacy", name)
				}
			}
			for _, name := range tt.pass {
				if excludedBy(it, name) {
					t.Errorf("%q is excluded", name)
				}
			}
		})
	}
}

// TestOptOutIcon: "Your Privacy Choices" needs the icon, the exact CCPA
// wording does not; the icon's own name in the accessible name (as the
// Microsoft footer has it) does not get in the way.
func TestOptOutIcon(t *testing.T) {
	cfg, err := schema.Default([]string{"us-privacy"})
	if err != nil {
		t.Fatal(err)
	}
	it := presetItem(t, cfg, "us-opt-out")
	tests := []struct {
		names []string
		icon  bool
		want  bool
	}{
		{[]string{"Your Privacy Choices Opt-Out Icon Your Privacy Choices", "Your Privacy Choices"}, true, true},
		{[]string{"Your Privacy Choices"}, false, false},
		{[]string{"Your California Privacy Choices"}, true, true},
		{[]string{"Do Not Sell or Share My Personal Information"}, false, true},
		{[]string{"Manage cookies/Do not sell my data"}, true, false},
	}
	for _, tt := range tests {
		if got := satisfied(it, tt.icon, tt.names...); got != tt.want {
			t.Errorf("names %q, icon %v: satisfied %v, want %v", tt.names, tt.icon, got, tt.want)
		}
	}
	alts := alternatives(it)
	if len(alts) != 2 || alts[0] != it || alts[0].Icon || !alts[1].Icon {
		t.Errorf("Alternatives = %+v", alts)
	}
	if wording(it) != "Do Not Sell or Share My Personal Information" {
		t.Errorf("wording = %q", wording(it))
	}
}

func presetItem(t *testing.T, cfg *schema.Config, id string) *schema.Item {
	t.Helper()
	i := slices.IndexFunc(cfg.Footer.Required, func(it schema.Item) bool { return it.ID == id })
	if i < 0 {
		t.Fatalf("no footer item %q", id)
	}
	return &cfg.Footer.Required[i]
}
