package schema

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/finding"
)

// writeConfig writes a config file into a fresh directory and makes that the
// working directory, so that errors name the file as a user would see it.
func writeConfig(t *testing.T, name, body string) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestLoadInvalid(t *testing.T) {
	tests := []struct {
		name string
		file string
		body string
		want string
	}{
		{"unknown key", "pagelint.json", `{"navigation": {"requried": []}}`, //nolint:misspell // the typo is the point
			`pagelint.json: /navigation/requried: unknown key "requried"`}, //nolint:misspell // the typo is the point
		{"unknown top-level key", "pagelint.json", `{"footers": {}}`,
			`pagelint.json: /footers: unknown key "footers"`},
		{"unknown key in an item", "pagelint.json", `{"footer": {"required": [{"label": "Privacy", "lable": "x"}]}}`,
			`pagelint.json: /footer/required/0/lable: unknown key "lable"`},
		{"unknown key in yaml", "pagelint.yaml", "navigation:\n  requird: []\n",
			`pagelint.yaml: /navigation/requird: unknown key "requird"`},
		{"wrong type", "pagelint.json", `{"links": {"timeout": 10}}`,
			`pagelint.json: /links/timeout: expected string, got number`},
		{"string or list", "pagelint.json", `{"footer": {"required": [{"label": 3}]}}`,
			`pagelint.json: /footer/required/0/label: expected string or array, got number`},
		{"empty label list", "pagelint.json", `{"footer": {"required": [{"label": []}]}}`,
			`pagelint.json: /footer/required/0/label: needs at least 1 item(s)`},
		{"not an object", "pagelint.json", `[]`,
			`pagelint.json: expected object, got array`},
		{"unknown rule", "pagelint.json", `{"rules": {"nav-requird": "off"}}`,
			`pagelint.json: /rules/nav-requird: unknown rule "nav-requird"`},
		{"invalid severity", "pagelint.json", `{"rules": {"link-broken": "fatal"}}`,
			`pagelint.json: /rules/link-broken: invalid severity "fatal" (want error, warning, info or off)`},
		{"invalid assertion severity in rules", "pagelint.json", `{"rules": {"assert/own-domain": "bad"}}`,
			`pagelint.json: /rules/assert~1own-domain: invalid severity "bad" (want error, warning, info or off)`},
		{"item severity off", "pagelint.json", `{"footer": {"required": [{"label": "x", "severity": "off"}]}}`,
			`pagelint.json: /footer/required/0/severity: invalid severity "off" (want error, warning or info)`},
		{"invalid scope", "pagelint.json", `{"footer": {"required": [{"label": "x", "scope": "all"}]}}`,
			`pagelint.json: /footer/required/0/scope: invalid value "all" (want one of "every-page", "home")`},
		{"invalid in", "pagelint.json", `{"footer": {"required": [{"label": "x", "in": ["nav"]}]}}`,
			`pagelint.json: /footer/required/0/in/0: invalid value "nav" (want one of "header", "footer", "page")`},
		{"bad pattern", "pagelint.json", `{"footer": {"required": [{"pattern": "(privacy"}]}}`,
			`pagelint.json: /footer/required/0/pattern: invalid regular expression "(privacy": missing closing )`},
		{"bad pattern in a list", "pagelint.json", `{"footer": {"required": [{"pattern": ["ok", "a**"]}]}}`,
			`pagelint.json: /footer/required/0/pattern/1: invalid regular expression "a**": invalid nested repetition operator "**"`},
		{"bad exclude", "pagelint.json", `{"footer": {"required": [{"label": "Privacy", "exclude": "[z-a]"}]}}`,
			`pagelint.json: /footer/required/0/exclude: invalid regular expression "[z-a]": invalid character class range "z-a"`},
		{"bad legacy pattern", "pagelint.json", `{"footer": {"required": [{"label": "a", "legacy": {"pattern": "("}}]}}`,
			`pagelint.json: /footer/required/0/legacy/pattern: invalid regular expression "(": missing closing )`},
		{"bad child pattern", "pagelint.json", `{"navigation": {"required": [{"label": "Products", "children": [{"pattern": "?"}]}]}}`,
			`pagelint.json: /navigation/required/0/children/0/pattern: invalid regular expression "?": missing argument to repetition operator`},
		{"bad anyOf pattern", "pagelint.json", `{"footer": {"required": [{"label": "a", "anyOf": [{"pattern": "("}]}]}}`,
			`pagelint.json: /footer/required/0/anyOf/0/pattern: invalid regular expression "(": missing closing )`},
		{"bad menu item pattern", "pagelint.json", `{"navigation": {"menus": [{"name": "Primary", "selector": "nav", "required": [{"pattern": "("}]}]}}`,
			`pagelint.json: /navigation/menus/0/required/0/pattern: invalid regular expression "(": missing closing )`},
		{"bad links.exclude", "pagelint.json", `{"links": {"exclude": ["^https://ok/", "(x"]}}`,
			`pagelint.json: /links/exclude/1: invalid regular expression "(x": missing closing )`},
		{"bad header pattern", "pagelint.json", `{"links": {"headers": [{"pattern": "(x", "headers": {"X-A": "b"}}]}}`,
			`pagelint.json: /links/headers/0/pattern: invalid regular expression "(x": missing closing )`},
		{"invalid assertion schema", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"type": "nope"}}]}`,
			`pagelint.json: /assertions/0/schema/type: invalid JSON Schema: invalid value "nope" (want one of "array", "boolean", "integer", "null", "number", "object", "string")`},
		{"assertion schema wrong type deep", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"properties": {"x": {"minimum": "a"}}}}]}`,
			`pagelint.json: /assertions/0/schema/properties/x/minimum: invalid JSON Schema: expected number, got string`},
		{"assertion remote ref", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"items": [{"$ref": "https://example.com/s.json"}]}}]}`,
			`pagelint.json: /assertions/0/schema/items/0/$ref: only local references ("#/…") are allowed, not "https://example.com/s.json"`},
		{"assertion ref to its own root", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"$ref": "#"}}]}`,
			`pagelint.json: /assertions/0/schema/$ref: reference cycle: "#" leads back here without looking into the page model`},
		{"assertion ref to itself", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"properties": {"p": {"$ref": "#/properties/p"}}}}]}`,
			`pagelint.json: /assertions/0/schema/properties/p/$ref: reference cycle: "#/properties/p" leads back here without looking into the page model`},
		{"assertion definitions naming each other", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"anyOf": [{"$ref": "#/definitions/a"}]}}, "$ref": "#/definitions/a"}}]}`,
			`pagelint.json: /assertions/0/schema/definitions/b/anyOf/0/$ref: reference cycle: "#/definitions/a" leads back here without looking into the page model`},
		{"assertion allOf naming its schema", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"type": "object", "allOf": [{"not": {"$ref": "#"}}]}}]}`,
			`pagelint.json: /assertions/0/schema/allOf/0/not/$ref: reference cycle: "#" leads back here without looking into the page model`},
		{"assertion ref to the root of its own $id", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"definitions": {"s": {"$id": "http://x.test/s", "allOf": [{"$ref": "#"}]}}, "properties": {"p": {"$ref": "#/definitions/s"}}}}]}`,
			`pagelint.json: /assertions/0/schema/definitions/s/allOf/0/$ref: reference cycle: "#" leads back here without looking into the page model`},
		{"assertion ref to an anchor that names itself", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"definitions": {"s": {"$id": "#me", "oneOf": [{"$ref": "#me"}]}}}}]}`,
			`pagelint.json: /assertions/0/schema/definitions/s/oneOf/0/$ref: reference cycle: "#me" leads back here without looking into the page model`},
		{"assertion ref to a name no $id declares", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"anyOf": [{"$ref": "#definitions/a"}]}}]}`,
			`pagelint.json: /assertions/0/schema/anyOf/0/$ref: reference cycle: "#definitions/a" leads back here without looking into the page model`},
		{"assertion ref loop through a schema dependency", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"dependencies": {"links": {"$ref": "#"}}}}]}`,
			`pagelint.json: /assertions/0/schema/dependencies/links/$ref: reference cycle: "#" leads back here without looking into the page model`},
		{"assertion ref with escapes", "pagelint.json", `{"assertions": [{"id": "a", "schema": {"definitions": {"a/b": {"if": {"$ref": "#/definitions/a~1b"}}}}}]}`,
			`pagelint.json: /assertions/0/schema/definitions/a~1b/if/$ref: reference cycle: "#/definitions/a~1b" leads back here without looking into the page model`},
		{"integer out of range", "pagelint.json", `{"footer": {"copyright": {"maxAgeYears": 99999999999999999999}}}`,
			`pagelint.json: /footer/copyright/maxAgeYears: 99999999999999999999 is out of range`},
		{"assertion without schema", "pagelint.json", `{"assertions": [{"id": "a"}]}`,
			`pagelint.json: /assertions/0: missing key "schema"`},
		{"duplicate assertion id", "pagelint.json", `{"assertions": [{"id": "a", "schema": {}}, {"id": "a", "schema": true}]}`,
			`pagelint.json: /assertions/1/id: duplicate assertion id "a"`},
		{"bad duration", "pagelint.json", `{"links": {"timeout": "10 s"}}`,
			`pagelint.json: /links/timeout: invalid duration "10 s" (want e.g. "10s", "2m", "24h")`},
		{"zero timeout", "pagelint.json", `{"links": {"timeout": "0s"}}`,
			`pagelint.json: /links/timeout: duration "0s" must be more than zero`},
		{"bad cache ttl", "pagelint.json", `{"links": {"cache": {"ttl": "1 day"}}}`,
			`pagelint.json: /links/cache/ttl: invalid duration "1 day" (want e.g. "10s", "2m", "24h")`},
		{"bad size", "pagelint.json", `{"site": {"maxPageSize": "50 megs"}}`,
			`pagelint.json: /site/maxPageSize: invalid size "50 megs" (want e.g. "512KB", "50MB", "1GB")`},
		{"zero size", "pagelint.json", `{"site": {"maxPageSize": "0"}}`,
			`pagelint.json: /site/maxPageSize: invalid size "0" (want at least 1 byte and at most a few exabytes)`},
		{"bad status range", "pagelint.json", `{"links": {"accept": ["2xx"]}}`,
			`pagelint.json: /links/accept/0: invalid status "2xx" (want a code like "404" or a range like "200-299")`},
		{"reversed status range", "pagelint.json", `{"links": {"accept": ["299-200"]}}`,
			`pagelint.json: /links/accept/0: invalid status "299-200" (want a code like "404" or a range like "200-299")`},
		{"threshold out of range", "pagelint.json", `{"site": {"threshold": 2}}`,
			`pagelint.json: /site/threshold: must be less than or equal to 1 (got 2)`},
		{"concurrency zero", "pagelint.json", `{"links": {"concurrency": 0}}`,
			`pagelint.json: /links/concurrency: must be greater than or equal to 1 (got 0)`},
		{"base URL", "pagelint.json", `{"site": {"baseURL": "www.contoso.com"}}`,
			`pagelint.json: /site/baseURL: invalid base URL "www.contoso.com" (want an http:// or https:// URL)`},
		{"unknown preset", "pagelint.json", `{"extends": ["recommended", "us-privcy"]}`,
			`pagelint.json: /extends/1: unknown preset "us-privcy" (did you mean "us-privacy"?)`},
		{"unknown preset far off", "pagelint.json", `{"extends": ["gdpr"]}`,
			`pagelint.json: /extends/0: unknown preset "gdpr" (known: recommended, us-privacy, eu-privacy, uk-cookies, de-imprint, accessibility-statement)`},
		{"override of an unknown id", "pagelint.json", `{"extends": ["us-privacy"], "footer": {"required": [{"id": "us-optout", "severity": "warning"}]}}`,
			`pagelint.json: /footer/required/0/id: no preset has an item "us-optout" (did you mean "us-opt-out"?)`},
		{"disabling an unknown id", "pagelint.json", `{"extends": ["eu-privacy"], "footer": {"required": [{"id": "cookie-banner", "enabled": false}]}}`,
			`pagelint.json: /footer/required/0/id: no preset has an item "cookie-banner" to override, and the item has no label or pattern`},
		{"override without a preset", "pagelint.json", `{"footer": {"required": [{"id": "us-opt-out", "enabled": false}]}}`,
			`pagelint.json: /footer/required/0/id: no preset has an item "us-opt-out" to override, and the item has no label or pattern`},
		{"override in the wrong list", "pagelint.json", `{"extends": ["us-privacy"], "navigation": {"required": [{"id": "us-opt-out", "enabled": false}]}}`,
			`pagelint.json: /navigation/required/0/id: no preset has an item "us-opt-out" to override, and the item has no label or pattern`},
		{"item without label or pattern", "pagelint.json", `{"navigation": {"required": [{"href": "/support/"}]}}`,
			`pagelint.json: /navigation/required/0: item needs a label, a pattern or anyOf`},
		{"child without label or pattern", "pagelint.json", `{"navigation": {"required": [{"label": "Products", "children": [{"href": "/cloud/"}]}]}}`,
			`pagelint.json: /navigation/required/0/children/0: item needs a label, a pattern or anyOf`},
		{"alternative without label or pattern", "pagelint.json", `{"footer": {"required": [{"label": "a", "anyOf": [{"icon": true}]}]}}`,
			`pagelint.json: /footer/required/0/anyOf/0: alternative needs a label or a pattern`},
		{"duplicate item id", "pagelint.json", `{"footer": {"required": [{"id": "p", "label": "Privacy"}, {"id": "p", "label": "Terms"}]}}`,
			`pagelint.json: /footer/required/1/id: duplicate item id "p"`},
		{"json syntax error", "pagelint.json", "{\n  \"rules\": {\n    \"link-broken\": \"off\",\n  }\n}",
			`pagelint.json:4: syntax error: invalid character '}' looking for beginning of object key string`},
		{"json cut short", "pagelint.json", "{\n  \"rules\": {\n",
			`pagelint.json:3: syntax error: unexpected end of input`},
		{"yaml syntax error", "pagelint.yaml", "rules:\n  link-broken: off\n bad: indent\n",
			`pagelint.yaml:2: syntax error: did not find expected key`},
		{"yaml duplicate key", "pagelint.yml", "rules:\n  link-broken: \"off\"\n  link-broken: error\n",
			`pagelint.yml:3: /rules/link-broken: duplicate key "link-broken"`},
		{"json duplicate key", "pagelint.json", "{\"links\": {\"external\": false,\n  \"external\": true}}",
			`pagelint.json:2: /links/external: duplicate key "external"`},
		{"json duplicate key spelt with an escape", "pagelint.json", `{"rules": {"link-broken": "off", "link\u002dbroken": "error"}}`,
			`pagelint.json:1: /rules/link-broken: duplicate key "link-broken"`},
		{"yaml duplicate key beside a merge", "pagelint.yaml", ".base: &base\n  timeout: 5s\nlinks:\n  <<: *base\n  timeout: 7s\n  timeout: 8s\n",
			`pagelint.yaml:6: /links/timeout: duplicate key "timeout"`},
		{"json number out of range", "pagelint.json", `{"site": {"threshold": 1e400}}`,
			`pagelint.json: /site/threshold: must be less than or equal to 1 (got 1e400)`},
		{"yaml infinity", "pagelint.yaml", "site:\n  threshold: .inf\n",
			`pagelint.yaml: /site/threshold: +Inf is not a number JSON can hold`},
		{"unquoted off in yaml", "pagelint.yaml", "rules:\n  link-no-text: off\n",
			`pagelint.yaml: /rules/link-no-text: expected string, got boolean (YAML reads off, on, yes and no as booleans: quote them)`},
		{"empty file", ".pagelint.json", "  \n",
			`.pagelint.json: empty config file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.file, tt.body)
			cfg, err := Load(path, nil)
			if err == nil {
				t.Fatalf("Load succeeded (%+v), want %s", cfg, tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("error is %T, want *Error", err)
			}
		})
	}
}

func TestLoadBOM(t *testing.T) {
	path := writeConfig(t, "pagelint.json", "\ufeff{\"rules\": {\"link-no-text\": \"off\"}}")
	if _, err := Load(path, nil); err != nil {
		t.Error(err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := Load("pagelint.json", nil)
	if err == nil || err.Error() != "pagelint.json: cannot read config: no such file or directory" {
		t.Errorf("got %v", err)
	}
}

const designExample = `{
  "$schema": "https://pagelint.dev/schema/config.schema.json",
  "extends": ["recommended", "us-privacy"],
  "site": { "baseURL": "https://www.contoso.com/", "root": "public" },
  "navigation": {
    "selector": "nav, [role=navigation]",
    "required": [
      { "label": "Products", "children": [ { "label": "Cloud" } ] },
      { "label": ["Contact", "Contact us"] },
      { "pattern": "^Support\\b", "href": "/support/" }
    ]
  },
  "footer": {
    "selector": "footer, [role=contentinfo]",
    "required": [
      { "id": "privacy", "pattern": "(?i)privacy (statement|policy|notice)|^privacy$" },
      { "id": "privacy-choices", "label": ["Your Privacy Choices", "Do Not Sell or Share My Personal Information"] }
    ],
    "copyright": { "required": true, "maxAgeYears": 0 }
  },
  "links": { "external": true, "fragments": true, "timeout": "10s", "concurrency": 16, "perHost": 4,
             "retries": 2, "accept": ["200-299"], "exclude": ["^https://www\\.linkedin\\.com/"],
             "cache": { "path": ".pagelint-cache.json", "ttl": "24h" } },
  "rules": { "link-no-text": "off", "menu-duplicate": "warning" },
  "assertions": [
    { "id": "privacy-on-own-domain", "severity": "error",
      "message": "the privacy link must point to privacy.contoso.com",
      "schema": { "properties": { "footer": { "properties": { "items": { "contains": {
        "properties": { "href": { "pattern": "^https://privacy\\.contoso\\.com/" } } } } } } } } }
  ],
  "ignore": ["drafts/**"]
}`

const designExampleYAML = `$schema: https://pagelint.dev/schema/config.schema.json
extends: [recommended, us-privacy]
site:
  baseURL: https://www.contoso.com/
  root: public
navigation:
  selector: nav, [role=navigation]
  required:
    - label: Products
      children:
        - label: Cloud
    - label: [Contact, Contact us]
    - pattern: ^Support\b
      href: /support/
footer:
  selector: footer, [role=contentinfo]
  required:
    - id: privacy
      pattern: (?i)privacy (statement|policy|notice)|^privacy$
    - id: privacy-choices
      label:
        - Your Privacy Choices
        - Do Not Sell or Share My Personal Information
  copyright:
    required: true
    maxAgeYears: 0
links:
  external: true
  fragments: true
  timeout: 10s
  concurrency: 16
  perHost: 4
  retries: 2
  accept: ["200-299"]
  exclude: ['^https://www\.linkedin\.com/']
  cache:
    path: .pagelint-cache.json
    ttl: 24h
rules:
  link-no-text: "off"
  menu-duplicate: warning
assertions:
  - id: privacy-on-own-domain
    severity: error
    message: the privacy link must point to privacy.contoso.com
    schema:
      properties:
        footer:
          properties:
            items:
              contains:
                properties:
                  href:
                    pattern: '^https://privacy\.contoso\.com/'
ignore: ["drafts/**"]
`

func TestLoadDesignExample(t *testing.T) {
	path := writeConfig(t, "pagelint.json", designExample)
	cfg, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Path != "pagelint.json" || cfg.Dir != "." {
		t.Errorf("Path, Dir = %q, %q", cfg.Path, cfg.Dir)
	}
	if want := []string{"recommended", "us-privacy"}; !reflect.DeepEqual(cfg.Extends, want) {
		t.Errorf("Extends = %q, want %q", cfg.Extends, want)
	}
	if got := cfg.SiteRoot(); got != "public" {
		t.Errorf("SiteRoot = %q", got)
	}
	// The config's "privacy" item overrides the recommended one: its
	// pattern replaces the preset's, its severity stays the preset's.
	var ids []string
	for _, it := range cfg.Footer.Required {
		ids = append(ids, it.ID)
	}
	want := []string{"privacy", "us-opt-out", "us-limit-sensitive", "us-consumer-health-privacy", "us-privacy-policy", "privacy-choices"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("footer ids = %q, want %q", ids, want)
	}
	privacy := cfg.Footer.Required[0]
	if privacy.Severity != finding.Warning || privacy.Preset != "recommended" || len(privacy.Pattern) != 1 || privacy.Pattern[0] != "(?i)privacy (statement|policy|notice)|^privacy$" {
		t.Errorf("merged privacy item = %+v", privacy)
	}
	if !compiledMatch(nil, privacy.Regexps(), "Privacy Statement") || compiledMatch(nil, privacy.Regexps(), "Datenschutz") {
		t.Error("merged privacy item does not match with the config's pattern")
	}
	if support, cloud := cfg.Navigation.Required[2], cfg.Navigation.Required[0].Children[0]; !compiledMatch(nil, support.Regexps(), "Support center") || !compiledMatch(cloud.Label, nil, "cloud") {
		t.Error("navigation items not compiled")
	}
	if !cfg.Links.Excluded("https://www.linkedin.com/company/x") || cfg.Links.Excluded("https://linkedin.com/") {
		t.Error("links.exclude not compiled")
	}
	if a := cfg.Assertions[0]; a.Compiled() == nil || a.RuleID() != "assert/privacy-on-own-domain" {
		t.Error("assertion not compiled")
	}
	if s, ok := cfg.Rules["link-no-text"]; !ok || s != finding.Off {
		t.Errorf("rules link-no-text = %v, %v", s, ok)
	}
	if _, ok := cfg.Rules["link-broken"]; ok {
		t.Error("rules link-broken set")
	}
	if age, ok := cfg.Footer.Copyright.MaxAge(); !ok || age != 0 || !cfg.Footer.Copyright.IsRequired() {
		t.Errorf("copyright = %+v", cfg.Footer.Copyright)
	}
	if cfg.Footer.Copyright.Severity != finding.Warning {
		t.Errorf("copyright severity %q, want the preset's warning", cfg.Footer.Copyright.Severity)
	}
}

// TestYAMLEqualsJSON: a YAML config means exactly what the same JSON does.
func TestYAMLEqualsJSON(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("a.json", []byte(designExample), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("a.yaml", []byte(designExampleYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	fromJSON, err := Load("a.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := Load("a.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(fromJSON)
	b, _ := json.Marshal(fromYAML)
	if string(a) != string(b) {
		t.Errorf("YAML and JSON differ:\n%s\n%s", a, b)
	}
}

func TestDefaults(t *testing.T) {
	cfg, err := Default(nil)
	if err != nil {
		t.Fatal(err)
	}
	l := &cfg.Links
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"Extends", cfg.Extends, []string{"recommended"}},
		{"MaxPageSize", cfg.MaxPageSize(), int64(50 << 20)},
		{"Threshold", cfg.Threshold(), 0.8},
		{"NavSelector", cfg.NavSelector(), "nav, [role=navigation]"},
		{"FooterSelector", cfg.FooterSelector(), "footer, [role=contentinfo]"},
		{"CheckExternal", l.CheckExternal(), true},
		{"CheckFragments", l.CheckFragments(), true},
		{"RequestTimeout", l.RequestTimeout(), 10 * time.Second},
		{"RunDeadline", l.RunDeadline(), time.Duration(0)},
		{"MaxConcurrency", l.MaxConcurrency(), 64},
		{"MaxRetries", l.MaxRetries(), 2},
		{"AcceptedStatus", l.AcceptedStatus(), []string{"200-299"}},
		{"CachePath", l.CachePath(), ".pagelint-cache.json"},
		{"CacheTTL", l.CacheTTL(), 24 * time.Hour},
		{"CacheFailureTTL", l.CacheFailureTTL(), time.Hour},
		{"Excluded", l.Excluded("https://example.com/"), false},
		{"SiteRoot", cfg.SiteRoot(), ""},
		{"copyright required", cfg.Footer.Copyright.IsRequired(), true},
		{"privacy item", cfg.Footer.Required[0].ID, "privacy"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if cfg.Path != "" {
		t.Errorf("Path = %q", cfg.Path)
	}
}

func TestSettings(t *testing.T) {
	path := writeConfig(t, "pagelint.yaml", `
site: {maxPageSize: 512KB, threshold: 0.5, root: ../public}
links:
  external: false
  fragments: false
  timeout: 3s
  deadline: 2m
  concurrency: 8
  perHost: 2
  retries: 0
  accept: ["200-299", "403"]
  cache: {path: cache/links.json, ttl: "0s", failureTTL: 10m}
  headers:
    - pattern: ^https://staging\.
      headers: {Authorization: "Bearer ${PAGELINT_TEST_TOKEN}", X-Plain: "a$b"}
`)
	cfg, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	l := &cfg.Links
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"Extends", cfg.Extends, []string(nil)},
		{"MaxPageSize", cfg.MaxPageSize(), int64(512 << 10)},
		{"Threshold", cfg.Threshold(), 0.5},
		{"SiteRoot", cfg.SiteRoot(), filepath.Join("..", "public")},
		{"CheckExternal", l.CheckExternal(), false},
		{"CheckFragments", l.CheckFragments(), false},
		{"RequestTimeout", l.RequestTimeout(), 3 * time.Second},
		{"RunDeadline", l.RunDeadline(), 2 * time.Minute},
		{"MaxConcurrency", l.MaxConcurrency(), 8},
		{"PerHost", l.PerHost, 2},
		{"MaxRetries", l.MaxRetries(), 0},
		{"AcceptedStatus", l.AcceptedStatus(), []string{"200-299", "403"}},
		{"CachePath", cfg.ResolvePath(l.CachePath()), filepath.Join("cache", "links.json")},
		{"CacheTTL", l.CacheTTL(), time.Duration(0)},
		{"CacheFailureTTL", l.CacheFailureTTL(), 10 * time.Minute},
		{"Headers", l.Headers[0].Headers, map[string]string{"Authorization": "Bearer ${PAGELINT_TEST_TOKEN}", "X-Plain": "a$b"}},
		{"HeaderPattern matches", l.HeaderPatterns()[0].MatchString("https://staging.contoso.com/a"), true},
		{"no footer items", len(cfg.Footer.Required), 0},
		{"HeaderPatterns", len(l.HeaderPatterns()), 1},
		{"ExcludePatterns", len(l.ExcludePatterns()), 0},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestCompileByHand(t *testing.T) {
	cfg := &Config{
		Footer: Footer{Required: []Item{{ID: "x", Pattern: Strings{"^imprint$"}}}},
		Links:  Links{Exclude: []string{"^mailto:"}},
		Rules:  map[string]finding.Severity{"link-broken": finding.Warning},
	}
	if err := cfg.Compile(); err != nil {
		t.Fatal(err)
	}
	if !compiledMatch(nil, cfg.Footer.Required[0].Regexps(), "Imprint") || !cfg.Links.Excluded("mailto:a@b") {
		t.Error("Compile did not compile")
	}
	cfg.Footer.Required = append(cfg.Footer.Required, Item{Href: "/x"})
	if err := cfg.Compile(); err == nil || err.Error() != `/footer/required/1: item needs a label, a pattern or anyOf` {
		t.Errorf("got %v", err)
	}
	cfg.Footer.Required = cfg.Footer.Required[:1]
	cfg.Rules["nav-missing"] = finding.Error
	if err := cfg.Compile(); err == nil || err.Error() != `/rules/nav-missing: unknown rule "nav-missing"` {
		t.Errorf("got %v", err)
	}
}

// YAML merge keys apply as the YAML spec says: the mapping's own keys win
// over merged ones wherever "<<" stands, and of several merged mappings the
// first wins.
func TestLoadYAMLMergeKeys(t *testing.T) {
	tests := []struct{ name, body string }{
		{"merge first", ".base: &base\n  timeout: 5s\n  retries: 1\nlinks:\n  <<: *base\n  timeout: 7s\n"},
		{"merge last", ".base: &base\n  timeout: 5s\n  retries: 1\nlinks:\n  timeout: 7s\n  <<: *base\n"},
		{"merge list", ".a: &a\n  retries: 1\n.b: &b\n  retries: 3\n  timeout: 5s\nlinks:\n  <<: [*a, *b]\n  timeout: 7s\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The anchors live under keys of their own, which the schema
			// refuses: the test loads the parsed document, not the config.
			doc, err := yamlToJSON("pagelint.yaml", []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			var got struct{ Links Links }
			if err := json.Unmarshal(doc, &got); err != nil {
				t.Fatal(err)
			}
			if got.Links.Timeout.String() != "7s" || got.Links.Retries == nil || *got.Links.Retries != 1 {
				t.Errorf("links = timeout %q, retries %v; want 7s and 1", got.Links.Timeout, got.Links.Retries)
			}
		})
	}
}

// A whole config with an anchor in a list and a merge: what a user writes
// to share settings between menus.
func TestLoadYAMLMergeConfig(t *testing.T) {
	path := writeConfig(t, "pagelint.yaml", `
navigation:
  menus:
    - &main {name: main, selector: "nav.main", required: [{label: Home}]}
    - <<: *main
      name: side
      selector: nav.side
`)
	cfg, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := cfg.Navigation.Menus
	if len(m) != 2 || m[1].Name != "side" || m[1].Selector != "nav.side" || len(m[1].Required) != 1 || m[0].Selector != "nav.main" {
		t.Errorf("menus = %+v", m)
	}
}

// A reference that goes one level deeper into the model on each turn is a
// recursive schema, not a loop: it loads, and validates.
func TestLoadRecursiveAssertion(t *testing.T) {
	path := writeConfig(t, "pagelint.json", `{"assertions": [{"id": "tree", "schema": {
		"definitions": {"entry": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/definitions/entry"}}}}},
		"properties": {"menus": {"items": {"properties": {"entries": {"items": {"$ref": "#/definitions/entry"}}}}}},
		"dependencies": {"menus": ["links"], "footer": {"properties": {"links": {"$ref": "#/properties/menus"}}}}}}]}`)
	if _, err := Load(path, nil); err != nil {
		t.Fatal(err)
	}
}
