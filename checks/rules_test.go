package checks

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/report"
	"github.com/pagelint/pagelint/schema"
)

// The rules are declared once, in their rule_*.go files and the registry;
// these tests hold everything else that names them to that list: the
// contract (docs/contract.md), the config schema's "rules" keys,
// docs/rules.md, and the SARIF rule table.

func ruleIDs(rules []finding.Rule) []string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	return ids
}

func TestRules(t *testing.T) {
	rules := Rules()
	if ids := ruleIDs(rules); !slices.IsSorted(ids) {
		t.Errorf("Rules() not sorted: %v", ids)
	}
	for _, r := range rules {
		if r.Description == "" || strings.Contains(r.Description, "\n") {
			t.Errorf("rule %s: description must be one line: %q", r.ID, r.Description)
		}
	}
}

// contractRow is a row of the table of rule ids in docs/contract.md:
// "| `nav-required` | error | …", "| `nav-orphan-page` | info, off | …".
var contractRow = regexp.MustCompile("(?m)^\\| `([a-z/<>-]+)` \\| ([a-z]+)(, off)?[^|]* \\|")

// TestRulesOfTheContract: the rules are those of docs/contract.md, with its
// defaults, off where it says off.
func TestRulesOfTheContract(t *testing.T) {
	doc, err := os.ReadFile("../docs/contract.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(doc), "\n## Rule ids\n")
	table, _, _ = strings.Cut(table, "\n## ")
	rules := Rules()
	var listed []string
	for _, m := range contractRow.FindAllStringSubmatch(table, -1) {
		id := m[1]
		listed = append(listed, id)
		i := slices.IndexFunc(rules, func(r finding.Rule) bool { return r.ID == id })
		if i < 0 {
			t.Errorf("rule %s of the contract is not registered", id)
			continue
		}
		if r := rules[i]; r.Severity.String() != m[2] || r.Off != (m[3] != "") {
			t.Errorf("rule %s: default %s (off: %v); the contract says %s%s", id, r.Severity, r.Off, m[2], m[3])
		}
	}
	slices.Sort(listed)
	if ids := ruleIDs(rules); !slices.Equal(ids, listed) {
		t.Errorf("registered rules %v, the contract lists %v", ids, listed)
	}
}

// TestRulesOfTheConfigSchema: config.schema.json accepts every rule in
// "rules", and no other (besides assert/<id>).
func TestRulesOfTheConfigSchema(t *testing.T) {
	var ids []string
	for _, id := range ruleIDs(Rules()) {
		if !strings.HasPrefix(id, AssertPrefix) {
			ids = append(ids, id)
		}
	}
	if got := schema.RuleIDs(); !slices.Equal(got, ids) {
		t.Errorf("config.schema.json's rules %v, registered %v", got, ids)
	}
}

// TestRulesOfTheDocs: docs/rules.md has a section for every rule, and each
// rule's Docs leads to it.
func TestRulesOfTheDocs(t *testing.T) {
	doc, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{} // heading → its anchor
	for _, m := range regexp.MustCompile(`(?m)^## (.+)$`).FindAllStringSubmatch(string(doc), -1) {
		heading := html.UnescapeString(m[1])
		sections[heading] = "docs/rules.md#" + anchor(heading)
	}
	for _, r := range Rules() {
		docs, ok := sections[r.ID]
		if !ok {
			t.Errorf("docs/rules.md has no section ## %s", r.ID)
			continue
		}
		if r.Docs != docs {
			t.Errorf("rule %s: Docs %q, want %q", r.ID, r.Docs, docs)
		}
	}
}

// anchor is the fragment GitHub gives a heading: lower case, letters,
// digits, "-" and "_" kept, spaces made "-".
func anchor(heading string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(heading) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '-' || c == '_' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b.WriteRune(c)
		}
	}
	return b.String()
}

// TestRulesOfTheSARIFTable: the SARIF report lists every rule of a run that
// is on, one per assertion, each with its docs.
func TestRulesOfTheSARIFTable(t *testing.T) {
	cfg := testConfig(t, `{"rules":{"nav-orphan-page":"info","link-redirect":"info"},
		"assertions":[{"id":"has-title","schema":{"required":["title"]}}]}`)
	rules := NewRuleset(cfg).Rules()
	var buf bytes.Buffer
	if err := report.WriteSARIF(&buf, &report.Report{Rules: rules}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	table := log.Runs[0].Tool.Driver.Rules
	var want []string
	for _, r := range Rules() {
		if r.ID != assertionRule.ID {
			want = append(want, r.ID)
		}
	}
	want = append(want, AssertPrefix+"has-title")
	slices.Sort(want)
	var got []string
	for _, r := range table {
		got = append(got, r.ID)
		docs := assertionRule.Docs
		if i := slices.IndexFunc(rules, func(x finding.Rule) bool { return x.ID == r.ID }); i >= 0 {
			docs = rules[i].Docs
		}
		if !strings.HasSuffix(r.HelpURI, "/blob/main/"+docs) {
			t.Errorf("SARIF rule %s: helpUri %q, want the rule's docs %s", r.ID, r.HelpURI, docs)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("SARIF rules %v, want %v", got, want)
	}
}
