package schema

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/xeipuuv/gojsonschema"
)

func TestJSONSchema(t *testing.T) {
	for _, name := range []string{"config", "page"} {
		b, err := JSONSchema(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := compileSchema(b); err != nil {
			t.Errorf("%s schema does not compile: %v", name, err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if doc["$schema"] != "http://json-schema.org/draft-07/schema#" || !strings.HasPrefix(doc["$id"].(string), "https://pagelint.dev/schema/") {
			t.Errorf("%s schema: $schema %v, $id %v", name, doc["$schema"], doc["$id"])
		}
	}
	if _, err := JSONSchema("reports"); err == nil || err.Error() != `unknown schema "reports" (want config, report or page)` {
		t.Errorf("got %v", err)
	}
}

// TestConfigSchemaStrict: every object of the config schema rejects unknown
// keys, and every property has a description for editors.
func TestConfigSchemaStrict(t *testing.T) {
	b, _ := JSONSchema("config")
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, path string)
	walk = func(v any, path string) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		if props, ok := m["properties"].(map[string]any); ok && !strings.HasSuffix(path, "/matcher") {
			if m["additionalProperties"] != false {
				t.Errorf("%s: additionalProperties is not false", path)
			}
			for k, p := range props {
				pm := p.(map[string]any)
				if pm["description"] == nil && pm["$ref"] == nil {
					t.Errorf("%s/%s: no description", path, k)
				}
			}
		}
		for k, x := range m {
			walk(x, path+"/"+k)
		}
	}
	walk(doc, "")
}

// TestPageSchema: the JSON of a page model, as `pagelint extract` prints it,
// validates against page.schema.json.
func TestPageSchema(t *testing.T) {
	p := &page.Page{
		Source: "site/index.html", URL: "/index.html", Format: page.FormatHTML, Title: "Home", Lang: "en", Home: true,
		Menus: []*page.Menu{{Name: "Primary", Selector: "nav", Region: page.RegionHeader, Pos: page.Pos{Line: 3, Column: 1},
			Entries: []*page.Entry{{Link: page.Link{Label: "Products", Rare: &page.Rare{Children: []*page.Entry{
				{Link: page.Link{Label: "Cloud", Href: "/cloud/", Target: "/cloud/", Pos: page.Pos{Line: 5, Column: 9}}, Kind: page.KindLink, HasHref: true},
			}}}, Kind: page.KindToggle}}}},
		Footer: &page.Region{Selector: "footer", Items: []*page.Entry{
			{Link: page.Link{Label: "Your Privacy Choices Opt-Out Icon Your Privacy Choices", Region: page.RegionFooter, Rare: &page.Rare{Text: "Your Privacy Choices", IconLabel: "Your Privacy Choices Opt-Out Icon"}}, Kind: page.KindLink, Icon: true, Group: "Legal"},
			{Link: page.Link{Label: "Manage cookies", Hidden: true}, Kind: page.KindButton},
			{Link: page.Link{Label: "Click here to expand the menu"}, Kind: page.KindButton, Control: page.ControlToggle},
			{Link: page.Link{Label: "Privacy", Href: "/privacy/", Target: "/privacy/"}, Kind: page.KindLink, HasHref: true, Copy: true},
		}, Copyright: []*page.Copyright{{Text: "© Microsoft 2025", Pos: page.Pos{Line: 40, Column: 5}}}},
		Links:   []*page.Link{{Tag: page.TagA, Attr: page.AttrHref, Href: "/cloud/", Target: "/cloud/", Label: "Cloud", Region: page.RegionNav}},
		Anchors: []string{"top"},
	}
	empty := &page.Page{Source: "-", URL: "/", Format: page.FormatText}
	schemaBytes, _ := JSONSchema("page")
	s, err := compileSchema(schemaBytes)
	if err != nil {
		t.Fatal(err)
	}
	for _, pg := range []*page.Page{p, empty} {
		b, err := json.Marshal(pg)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Validate(gojsonschema.NewBytesLoader(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors() {
			t.Errorf("%s: %s", pg.Source, e)
		}
	}
	// And the example assertion of docs/config.md runs against it.
	cfg := &Config{Assertions: []Assertion{{ID: "privacy-on-own-domain", Schema: json.RawMessage(`{"properties": {"footer": {"properties": {"items": {"contains": {"properties": {"href": {"pattern": "^https://privacy\\.contoso\\.com/"}}, "required": ["href"]}}}}}}`)}}}
	if err := cfg.Compile(); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(p)
	res, err := cfg.Assertions[0].Compiled().Validate(gojsonschema.NewBytesLoader(b))
	if err != nil {
		t.Fatal(err)
	}
	if res.Valid() {
		t.Error("the assertion passes on a footer without the privacy link")
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{File: "pagelint.json", Pointer: "/navigation/requird", Msg: `unknown key "requird"`}, `pagelint.json: /navigation/requird: unknown key "requird"`},
		{Error{File: "pagelint.yaml", Line: 3, Msg: "syntax error: x"}, `pagelint.yaml:3: syntax error: x`},
		{Error{File: "pagelint.json", Msg: "empty config file"}, `pagelint.json: empty config file`},
		{Error{Msg: `unknown preset "x"`}, `unknown preset "x"`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}
