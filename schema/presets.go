package schema

import (
	"encoding/json"
	"fmt"

	"github.com/pagelint/pagelint/internal/finding"
)

// presetOrder is the order `pagelint presets` lists them in: general first,
// then by jurisdiction.
var presetOrder = []string{"recommended", "us-privacy", "eu-privacy", "uk-cookies", "de-imprint", "accessibility-statement"}

// PresetNames are the names of the built-in presets, in a fixed order.
func PresetNames() []string { return append([]string(nil), presetOrder...) }

// Preset describes a built-in preset for `pagelint presets`.
type Preset struct {
	Name        string
	Description string
	// Extends are the presets it applies first (de-imprint: eu-privacy).
	Extends []string
	Items   []PresetItem
}

// PresetItem is one requirement of a preset.
type PresetItem struct {
	// ID is the handle for overrides ({"id": "us-opt-out", "enabled": false}).
	ID string
	// Rule is the rule that reports it: footer-required, footer-copyright.
	Rule        string
	Description string
	// Basis is the legal basis with its citation.
	Basis    string
	Severity finding.Severity
	// Scope is "every-page" or "home".
	Scope string
	// In lists where the item may stand: header, footer, page.
	In []string
	// Labels, Patterns and Alternatives are what satisfies the item;
	// Legacy what satisfies it with a warning; Exclude what never does.
	Labels       []string
	Patterns     []string
	Alternatives []string
	Icon         bool
	Legacy       []string
	Exclude      string
	// Enabled is false for items a site switches on when they apply.
	Enabled bool
}

// Presets lists the built-in presets and their items, in a fixed order.
func Presets() []Preset {
	out := make([]Preset, 0, len(presetOrder))
	for _, name := range presetOrder {
		p, err := loadPreset(name)
		if err != nil {
			// The presets are embedded and tested; this cannot happen
			// in a released binary.
			p = Preset{Name: name, Description: "broken preset: " + err.Error()}
		}
		out = append(out, p)
	}
	return out
}

func loadPreset(name string) (Preset, error) {
	data, err := presetFiles.ReadFile("presets/" + name + ".json")
	if err != nil {
		return Preset{}, err
	}
	var cfg Config
	if err := json.Unmarshal(data, &cfg); err != nil {
		return Preset{}, err
	}
	p := Preset{Name: name, Description: cfg.Description, Extends: cfg.Extends}
	for i := range cfg.Footer.Required {
		p.Items = append(p.Items, presetItem(&cfg.Footer.Required[i], "footer-required"))
	}
	for i := range cfg.Navigation.Required {
		p.Items = append(p.Items, presetItem(&cfg.Navigation.Required[i], "nav-required"))
	}
	if c := cfg.Footer.Copyright; c.IsRequired() {
		item := PresetItem{
			ID:          "copyright",
			Rule:        "footer-copyright",
			Description: "A copyright notice in the footer (©, (C) or Copyright).",
			Basis:       "Practice: no law requires a notice (Berne Convention Art. 5(2)), but it names the owner and the year of the content.",
			Severity:    c.Severity,
			Scope:       "every-page",
			In:          []string{"footer"},
			Enabled:     true,
		}
		if years, ok := c.MaxAge(); ok && years > 0 {
			item.Description += fmt.Sprintf(" Its newest year at most %d years old.", years)
		} else {
			item.Description += " Its newest year, when it has one, is the current year."
		}
		if !c.YearIsOptional() {
			item.Description += " It must have a year."
		}
		p.Items = append(p.Items, item)
	}
	return p, nil
}

func presetItem(it *Item, rule string) PresetItem {
	pi := PresetItem{
		ID:          it.ID,
		Rule:        rule,
		Description: it.Description,
		Basis:       it.Basis,
		Severity:    it.Severity,
		Scope:       it.Scope,
		In:          it.In,
		Labels:      it.Label,
		Patterns:    it.Pattern,
		Icon:        it.Icon,
		Exclude:     it.Exclude,
		Enabled:     it.IsEnabled(),
	}
	if pi.Scope == "" {
		pi.Scope = "every-page"
	}
	if len(pi.In) == 0 {
		pi.In = []string{"footer"}
	}
	for _, alt := range it.AnyOf {
		for _, l := range alt.Label {
			s := fmt.Sprintf("%q", l)
			if alt.Icon {
				s += " with the icon"
			}
			pi.Alternatives = append(pi.Alternatives, s)
		}
		for _, p := range alt.Pattern {
			pi.Alternatives = append(pi.Alternatives, "/"+p+"/")
		}
	}
	if it.Legacy != nil {
		pi.Legacy = append(pi.Legacy, it.Legacy.Label...)
		for _, p := range it.Legacy.Pattern {
			pi.Legacy = append(pi.Legacy, "/"+p+"/")
		}
	}
	return pi
}
