package schema

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
)

// TestPresetsValid: every preset file validates against config.schema.json
// and loads on its own.
func TestPresetsValid(t *testing.T) {
	entries, err := presetFiles.ReadDir("presets")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(presetOrder) {
		t.Errorf("%d preset files, %d in presetOrder", len(entries), len(presetOrder))
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".json")
		data, err := presetFiles.ReadFile("presets/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseConfig(e.Name(), data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		cfg, err := Default([]string{name})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, it := range cfg.Footer.Required {
			if it.Preset == "" {
				t.Errorf("%s: item %q has no Preset", name, it.ID)
			}
		}
	}
}

func TestPresetsListing(t *testing.T) {
	presets := Presets()
	var names []string
	for _, p := range presets {
		names = append(names, p.Name)
		if p.Description == "" || strings.HasPrefix(p.Description, "broken") {
			t.Errorf("%s: description %q", p.Name, p.Description)
		}
		if len(p.Items) == 0 {
			t.Errorf("%s: no items", p.Name)
		}
		for _, it := range p.Items {
			if it.ID == "" || it.Description == "" || it.Basis == "" || it.Severity == finding.Unset || it.Scope == "" || len(it.In) == 0 || it.Rule == "" {
				t.Errorf("%s: item lacks a field: %+v", p.Name, it)
			}
		}
	}
	if !reflect.DeepEqual(names, PresetNames()) {
		t.Errorf("Presets() order %q, want %q", names, PresetNames())
	}
	us := presets[1]
	if us.Items[0].ID != "us-opt-out" || len(us.Items[0].Alternatives) != 2 || len(us.Items[0].Legacy) == 0 {
		t.Errorf("us-opt-out listing = %+v", us.Items[0])
	}
	if presets[4].Extends[0] != "eu-privacy" {
		t.Errorf("de-imprint extends %q", presets[4].Extends)
	}
	if us.Items[1].Enabled {
		t.Error("us-limit-sensitive is listed as enabled")
	}
}
