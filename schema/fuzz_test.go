package schema_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// FuzzLoadConfig loads the fuzzer's bytes as a JSON or YAML config that may
// extend a file beside it: any input loads, or fails with one *Error of one
// line, never a panic; a config that loads runs its assertions on a page
// model without a crash (a $ref loop that the load let through would
// overflow the stack here).
func FuzzLoadConfig(f *testing.F) {
	nested := func(open, close string, n int) string { return strings.Repeat(open, n) + strings.Repeat(close, n) }
	for _, seed := range []string{
		`{"extends": ["recommended", "./base.json"], "footer": {"required": [{"id": "privacy", "severity": "warning"}]}}`,
		`{"assertions": [{"id": "a", "schema": {"$ref": "#"}}]}`,
		`{"assertions": [{"id": "a", "schema": {"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"not": {"$ref": "#/definitions/a"}}}, "$ref": "#/definitions/a"}}]}`,
		`{"assertions": [{"id": "a", "schema": {"properties": {"menus": {"items": {"$ref": "#"}}}, "allOf": [{"$ref": "#/properties/menus/items"}]}}]}`,
		`{"assertions": [{"id": "a", "schema": {"definitions": {"s": {"$id": "http://x.test/s", "anyOf": [{"$ref": "#"}]}}, "$ref": "#/definitions/s"}}]}`,
		`{"assertions": [{"id": "a", "schema": ` + nested(`{"not": `, `}`, 500) + `}]}`,
		`{"assertions": [{"id": "a", "schema": {"const": ` + nested(`[`, `]`, 1000) + `}}]}`,
		`{"links": {"external": false, "external": true}}`,
		`{"footer": {"copyright": {"maxAgeYears": 99999999999999999999}}, "site": {"threshold": 1e400}}`,
		"navigation:\n  menus:\n    - &m {name: a, selector: nav}\n    - <<: *m\n      name: b\n",
		"a: &a [*a]\n", "x: " + nested("[", "]", 1000) + "\n",
		"\xef\xbb\xbf{}", "", "[]", `"x"`, "\x00",
	} {
		f.Add(seed, true)
		f.Add(seed, false) // JSON is YAML too
	}
	model := &page.Page{Source: "index.html", URL: "/index.html", Format: page.FormatHTML, Title: "t",
		Menus: []*page.Menu{{Name: "Main", Entries: []*page.Entry{{Link: page.Link{Label: "Home", Rare: &page.Rare{Children: []*page.Entry{{Link: page.Link{Label: "Sub"}}}}}}}}}}
	f.Fuzz(func(t *testing.T, data string, isJSON bool) {
		dir := t.TempDir()
		t.Chdir(dir)
		name := "pagelint.yaml"
		if isJSON {
			name = "pagelint.json"
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "base.json"), []byte(`{"links": {"timeout": "5s"}}`), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := schema.Load(name, nil)
		if err != nil {
			var ce *schema.Error
			if !errors.As(err, &ce) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %T %q: want one *schema.Error of one line", err, err)
			}
			return
		}
		checks.NewEngine(cfg, time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)).Run([]*page.Page{model}, nil, nil)
	})
}
