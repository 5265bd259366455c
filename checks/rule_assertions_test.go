package checks

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

const privacyOnOwnDomain = `{"assertions":[{"id":"privacy-on-own-domain","severity":"warning",
	"message":"the privacy link must point to privacy.contoso.com",
	"schema":{"required":["footer"],"properties":{"footer":{"properties":{"items":{"contains":{
		"properties":{"href":{"pattern":"^https://privacy\\.contoso\\.com/"}},"required":["href"]}}}}}}}]}`

func TestAssertions(t *testing.T) {
	good := func() *page.Page {
		return withFooter(footer(300, lnk("Privacy", "https://privacy.contoso.com/privacy", 301, 3)))
	}
	bad := func() *page.Page {
		return withFooter(footer(300, lnk("Privacy", "https://go.microsoft.com/privacy", 301, 3)))
	}
	untitled := func() *page.Page {
		return &page.Page{Source: "index.html", URL: "/index.html", Format: page.FormatHTML}
	}
	runRuleCases(t, assertions{}, []ruleCase{
		{name: "holds", config: privacyOnOwnDomain, page: good()},
		{name: "fails, with the place in the model", config: privacyOnOwnDomain, page: bad(),
			want: []string{`0:0 warning assert/privacy-on-own-domain assertion "privacy-on-own-domain" failed: the privacy link must point to privacy.contoso.com (at /footer/items)`}},
		{name: "fails at the root", config: privacyOnOwnDomain, page: withMenus(),
			want: []string{`0:0 warning assert/privacy-on-own-domain assertion "privacy-on-own-domain" failed: the privacy link must point to privacy.contoso.com (at /)`}},
		{name: "no message: the schema's own words, default severity error",
			config: `{"assertions":[{"id":"has-title","schema":{"properties":{"title":{"minLength":1}},"required":["title"]}}]}`,
			page:   untitled(),
			want:   []string{`0:0 error assert/has-title assertion "has-title" failed: title is required (at /)`}},
		{name: "nested pointer",
			config: `{"assertions":[{"id":"named-menus","schema":{"properties":{"menus":{"items":{"required":["name"]}}}}}]}`,
			page:   withMenus(menu("Primary", 10), &page.Menu{Selector: "nav#x"}),
			want:   []string{`0:0 error assert/named-menus assertion "named-menus" failed: name is required (at /menus/1)`}},
		{name: "switched off in rules", config: `{"rules":{"assert/privacy-on-own-domain":"off"},` + privacyOnOwnDomain[1:], page: bad()},
		{name: "severity set in rules", config: `{"rules":{"assert/has-title":"info"},"assertions":[{"id":"has-title","schema":{"required":["title"]}}]}`,
			page: untitled(), want: []string{`0:0 info assert/has-title assertion "has-title" failed: title is required (at /)`}},
	})
}

// The compiled schemas are shared by pages checked in parallel.
func TestAssertionsConcurrent(t *testing.T) {
	engine := NewEngine(testConfig(t, privacyOnOwnDomain), testNow)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			p := withFooter(footer(300, lnk("Privacy", "https://go.microsoft.com/privacy", 301, 3)))
			if got := engine.NewEnv(nil).CheckPage(p).Findings; len(got) != 1 {
				t.Errorf("got %d findings, want 1", len(got))
			}
		})
	}
	wg.Wait()
}

// A schema that does not compile is an error of the config, never a
// finding: loading fails (schema.Load, Compile), and a config built by hand
// and never compiled runs no assertion.
func TestAssertionThatDoesNotCompile(t *testing.T) {
	cfg := &schema.Config{Assertions: []schema.Assertion{{ID: "broken", Schema: json.RawMessage(`{"type": 5}`)}}}
	if got := NewEngine(cfg, testNow).NewEnv(nil).CheckPage(withMenus()).Findings; len(got) != 0 {
		t.Errorf("findings for an assertion that does not compile: %v", got)
	}
	if err := cfg.Compile(); err == nil || !strings.Contains(err.Error(), "/assertions/0/schema") {
		t.Errorf("Compile = %v, want an error at the assertion's schema", err)
	}
}
