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
	runRuleCases(t, assertionCheck{}, []ruleCase{
		{name: "holds", config: privacyOnOwnDomain, page: good()},
		{name: "fails, with the place in the model", config: privacyOnOwnDomain, page: bad(),
			want: []string{`0:0 warning assert/privacy-on-own-domain assertion "privacy-on-own-domain" failed: the privacy link must point to privacy.contoso.com (at /footer/items)`}},
		{name: "fails at the root", config: privacyOnOwnDomain, page: withMenus(),
			want: []string{`0:0 warning assert/privacy-on-own-domain assertion "privacy-on-own-domain" failed: the privacy link must point to privacy.contoso.com (at /)`}},
		{name: "no message: the schema's own words, default severity error",
			config: `{"assertions":[{"id":"has-title","schema":{"properties":{"title":{"minLength":1}},"required":["title"]}}]}`,
			page:   withMenus(),
			want:   []string{`0:0 error assert/has-title assertion "has-title" failed: title is required (at /)`}},
		{name: "nested pointer",
			config: `{"assertions":[{"id":"named-menus","schema":{"properties":{"menus":{"items":{"required":["name"]}}}}}]}`,
			page:   withMenus(menu("Primary", 10), &page.Menu{Selector: "nav#x"}),
			want:   []string{`0:0 error assert/named-menus assertion "named-menus" failed: name is required (at /menus/1)`}},
		{name: "switched off in rules", config: `{"rules":{"assert/privacy-on-own-domain":"off"},` + privacyOnOwnDomain[1:], page: bad()},
		{name: "severity set in rules", config: `{"rules":{"assert/has-title":"info"},"assertions":[{"id":"has-title","schema":{"required":["title"]}}]}`,
			page: withMenus(), want: []string{`0:0 info assert/has-title assertion "has-title" failed: title is required (at /)`}},
	})
}

// The compiled schemas are shared by pages checked in parallel.
func TestAssertionsConcurrent(t *testing.T) {
	env := &Env{Config: testConfig(t, privacyOnOwnDomain), Now: testNow}
	if err := PrepareAssertions(env.Config); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			p := withFooter(footer(300, lnk("Privacy", "https://go.microsoft.com/privacy", 301, 3)))
			if got := RunPage(p, env); len(got) != 1 {
				t.Errorf("got %d findings, want 1", len(got))
			}
		})
	}
	wg.Wait()
}

// A schema that does not compile is an error of the run, never a finding.
func TestPrepareAssertionsBadSchema(t *testing.T) {
	cfg := &schema.Config{Assertions: []schema.Assertion{{ID: "broken", Schema: json.RawMessage(`{"type": 5}`)}}}
	err := PrepareAssertions(cfg)
	if err == nil || !strings.HasPrefix(err.Error(), `assertion "broken": invalid JSON Schema: `) {
		t.Fatalf("PrepareAssertions = %v", err)
	}
	if got := RunPage(withMenus(), &Env{Config: cfg}); len(got) != 0 {
		t.Errorf("findings for an assertion that does not compile: %v", got)
	}
}
