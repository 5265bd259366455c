package schema

import (
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/testfs"
)

func footerItem(t *testing.T, cfg *Config, id string) *Item {
	t.Helper()
	for i := range cfg.Footer.Required {
		if cfg.Footer.Required[i].ID == id {
			return &cfg.Footer.Required[i]
		}
	}
	t.Fatalf("no footer item %q", id)
	return nil
}

// compiledMatch reports whether name is one of labels (ignoring case) or
// one of the compiled patterns matches it: enough to see that merging and
// compiling kept what an item matches (the checks match items).
func compiledMatch(labels Strings, patterns []*regexp.Regexp, name string) bool {
	for _, l := range labels {
		if strings.EqualFold(l, name) {
			return true
		}
	}
	for _, re := range patterns {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}

func footerIDs(cfg *Config) []string {
	var ids []string
	for _, it := range cfg.Footer.Required {
		ids = append(ids, it.ID)
	}
	return ids
}

func TestMergeOverrides(t *testing.T) {
	path := writeConfig(t, "pagelint.json", `{
  "extends": ["us-privacy", "eu-privacy"],
  "footer": {
    "required": [
      {"id": "us-opt-out", "severity": "warning"},
      {"id": "cookie-settings", "enabled": false},
      {"id": "us-limit-sensitive", "enabled": true},
      {"id": "us-consumer-health-privacy", "legacy": {"label": "Health Privacy"}, "in": ["footer"]},
      {"id": "terms", "label": ["Terms of use", "Terms"]}
    ],
    "copyright": {"maxAgeYears": 1, "yearOptional": true}
  },
  "rules": {"footer-required": "warning"}
}`)
	cfg, err := Load(path, []string{"accessibility-statement"})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := []string{"us-opt-out", "us-limit-sensitive", "us-consumer-health-privacy", "us-privacy-policy",
		"privacy", "cookie-settings", "accessibility-statement", "accessibility-feedback", "terms"}
	if got := footerIDs(cfg); !reflect.DeepEqual(got, wantIDs) {
		t.Errorf("ids = %q\nwant %q", got, wantIDs)
	}
	if want := []string{"us-privacy", "eu-privacy", "accessibility-statement"}; !reflect.DeepEqual(cfg.Extends, want) {
		t.Errorf("Extends = %q, want %q", cfg.Extends, want)
	}

	optOut := footerItem(t, cfg, "us-opt-out")
	if optOut.Severity != finding.Warning || optOut.Scope != "home" || !compiledMatch(optOut.Label, optOut.Regexps(), "Do Not Sell or Share My Personal Information") || optOut.Legacy == nil {
		t.Errorf("severity override lost the preset's other fields: %+v", optOut)
	}
	if optOut.Preset != "us-privacy" {
		t.Errorf("Preset = %q", optOut.Preset)
	}
	if footerItem(t, cfg, "cookie-settings").IsEnabled() {
		t.Error("cookie-settings still enabled")
	}
	if !footerItem(t, cfg, "us-limit-sensitive").IsEnabled() {
		t.Error("us-limit-sensitive not switched on")
	}
	health := footerItem(t, cfg, "us-consumer-health-privacy")
	if !reflect.DeepEqual(health.In, []string{"footer"}) || health.Legacy == nil || !compiledMatch(health.Legacy.Label, health.Legacy.Regexps(), "health privacy") || !compiledMatch(health.Label, health.Regexps(), "Consumer Health Privacy") {
		t.Errorf("health item = %+v", health)
	}
	terms := footerItem(t, cfg, "terms")
	if terms.Preset != "" || !compiledMatch(terms.Label, terms.Regexps(), "terms") {
		t.Errorf("terms item = %+v", terms)
	}
	c := cfg.Footer.Copyright
	if age, ok := c.MaxAge(); !ok || age != 1 || !c.YearIsOptional() || c.IsRequired() {
		t.Errorf("copyright = %+v (no preset here sets required)", c)
	}
	if s := cfg.Rules["footer-required"]; s != finding.Warning {
		t.Errorf("rules = %v", cfg.Rules)
	}
}

func TestMergeCopyrightAndRules(t *testing.T) {
	path := writeConfig(t, "pagelint.yaml", `
extends: [recommended]
footer:
  copyright: {yearOptional: true}
rules: {link-no-text: "off"}
`)
	cfg, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Footer.Copyright
	if !c.IsRequired() || !c.YearIsOptional() || c.Severity != finding.Warning {
		t.Errorf("copyright not merged field by field: %+v", c)
	}
}

// TestMergeOrder: presets apply in extends order, then --preset order, each
// once; the config itself comes last and wins.
func TestMergeOrder(t *testing.T) {
	tests := []struct {
		name    string
		extends string
		flags   []string
		want    []string
	}{
		{"no extends uses no preset", `{}`, nil, nil},
		{"extends order", `{"extends": ["accessibility-statement", "recommended"]}`, nil, []string{"accessibility-statement", "recommended"}},
		{"flags after extends", `{"extends": ["recommended"]}`, []string{"uk-cookies"}, []string{"recommended", "uk-cookies"}},
		{"each once", `{"extends": ["recommended", "recommended"]}`, []string{"recommended"}, []string{"recommended"}},
		{"a preset's own extends first", `{"extends": ["de-imprint"]}`, nil, []string{"eu-privacy", "de-imprint"}},
		{"diamond", `{"extends": ["eu-privacy", "de-imprint"]}`, []string{"eu-privacy"}, []string{"eu-privacy", "de-imprint"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, "pagelint.json", tt.extends)
			cfg, err := Load(path, tt.flags)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cfg.Extends, tt.want) {
				t.Errorf("Extends = %q, want %q", cfg.Extends, tt.want)
			}
		})
	}
}

func TestDePresetIncludesEU(t *testing.T) {
	cfg, err := Default([]string{"de-imprint"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"privacy", "cookie-settings", "de-imprint"}
	if got := footerIDs(cfg); !reflect.DeepEqual(got, want) {
		t.Errorf("ids = %q, want %q", got, want)
	}
	if p := footerItem(t, cfg, "cookie-settings").Preset; p != "eu-privacy" {
		t.Errorf("Preset = %q", p)
	}
}

func TestDefaultErrors(t *testing.T) {
	tests := []struct {
		presets []string
		want    string
	}{
		{[]string{"us-privcy"}, `unknown preset "us-privcy" (did you mean "us-privacy"?) (from --preset)`},
		{[]string{"ccpa"}, `unknown preset "ccpa" (known: recommended, us-privacy, eu-privacy, uk-cookies, de-imprint, accessibility-statement) (from --preset)`},
	}
	for _, tt := range tests {
		_, err := Default(tt.presets)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Default(%q) = %v, want %s", tt.presets, err, tt.want)
		}
	}
}

// writeFiles writes files into a new directory it makes the current one.
func writeFiles(t *testing.T, files map[string]string) {
	t.Helper()
	t.Chdir(testfs.Dir(t, files))
}

func TestExtendsFiles(t *testing.T) {
	writeFiles(t, map[string]string{
		"site/pagelint.json": `{"extends": ["recommended", "../shared/base.yaml"], "footer": {"required": [{"id": "imprint", "severity": "warning"}]}}`,
		"shared/base.yaml":   "extends: [eu-privacy]\nfooter:\n  required:\n    - id: imprint\n      label: Imprint\n      severity: error\n",
	})
	cfg, err := Load(filepath.Join("site", "pagelint.json"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"recommended", "eu-privacy", "../shared/base.yaml"}; !reflect.DeepEqual(cfg.Extends, want) {
		t.Errorf("Extends = %q, want %q", cfg.Extends, want)
	}
	imprint := footerItem(t, cfg, "imprint")
	if imprint.Severity != finding.Warning || !compiledMatch(imprint.Label, imprint.Regexps(), "imprint") || imprint.Preset != "" {
		t.Errorf("imprint = %+v", imprint)
	}
}

func TestExtendsErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		load  string
		flags []string
		want  string
	}{
		{"cycle of files", map[string]string{
			"pagelint.json": `{"extends": ["./a.json"]}`,
			"a.json":        `{"extends": ["recommended", "./b.json"]}`,
			"b.json":        `{"extends": ["./a.json"]}`,
		}, "pagelint.json", nil, `b.json: /extends/0: extends cycle: ./a.json -> ./b.json -> ./a.json`},
		{"extends itself", map[string]string{
			"pagelint.json": `{"extends": ["./pagelint.json"]}`,
		}, "pagelint.json", nil, `pagelint.json: /extends/0: extends cycle: pagelint.json -> ./pagelint.json`},
		{"back to the config", map[string]string{
			"pagelint.json": `{"extends": ["base.json"]}`,
			"base.json":     `{"extends": ["pagelint.json"]}`,
		}, "pagelint.json", nil, `base.json: /extends/0: extends cycle: pagelint.json -> base.json -> pagelint.json`},
		{"cycle from --preset", map[string]string{
			"pagelint.json": `{}`,
		}, "pagelint.json", []string{"./pagelint.json"}, `extends cycle: pagelint.json -> ./pagelint.json (from --preset)`},
		{"missing file", map[string]string{
			"pagelint.json": `{"extends": ["./nope.json"]}`,
		}, "pagelint.json", nil, `pagelint.json: /extends/0: cannot read extended config "./nope.json": no such file or directory`},
		{"error in the extended file", map[string]string{
			"pagelint.json": `{"extends": ["./base.json"]}`,
			"base.json":     `{"rules": {"nav-dead-links": "off"}}`,
		}, "pagelint.json", nil, `base.json: /rules/nav-dead-links: unknown rule "nav-dead-links"`},
		{"unknown preset in an extended file", map[string]string{
			"pagelint.json": `{"extends": ["./base.json"]}`,
			"base.json":     `{"extends": ["de-impressum"]}`,
		}, "pagelint.json", nil, `base.json: /extends/0: unknown preset "de-impressum" (known: recommended, us-privacy, eu-privacy, uk-cookies, de-imprint, accessibility-statement)`},
		{"unknown preset from a flag", map[string]string{
			"pagelint.json": `{}`,
		}, "pagelint.json", []string{"eu"}, `unknown preset "eu" (known: recommended, us-privacy, eu-privacy, uk-cookies, de-imprint, accessibility-statement) (from --preset)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			writeFiles(t, tt.files)
			_, err := Load(tt.load, tt.flags)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}
