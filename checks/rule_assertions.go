package checks

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/xeipuuv/gojsonschema"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// assertions validates each page's model, as JSON, against the config's
// custom JSON Schema assertions, compiled when the config was loaded.
type assertions struct{}

// assertionRule stands for every "assert/<id>" rule in `pagelint rules`; a
// run's Ruleset has one rule per assertion of its config.
var assertionRule = finding.Rule{ID: AssertPrefix + "<id>", Severity: finding.Error,
	Description: "a custom JSON Schema assertion of the config failed on the page model",
	Docs:        "docs/rules.md#assertid"}

func (assertions) Rules() []finding.Rule { return []finding.Rule{assertionRule} }

func (assertions) Check(p *page.Page, env *Env) Result {
	var doc gojsonschema.JSONLoader
	var out []finding.Finding
	for _, a := range env.engine.cfg.Assertions {
		rule := AssertPrefix + a.ID
		compiled := a.Compiled()
		if compiled == nil || !env.engine.rules.On(rule) {
			continue // a config built by hand and never compiled has none
		}
		if doc == nil {
			data, err := json.Marshal(p)
			if err != nil {
				return Result{} // a page model always marshals; nothing to validate otherwise
			}
			doc = gojsonschema.NewBytesLoader(data)
		}
		res, err := compiled.Validate(doc)
		if err != nil || res.Valid() {
			continue
		}
		pointer, why := firstFailure(res.Errors())
		msg := "assertion " + q(a.ID) + " failed: "
		if a.Message != "" {
			msg += a.Message
		} else {
			msg += why
		}
		msg += " (at " + pointer + ")"
		out = append(out, atMsg(p.Source, rule, page.Pos{}, "", finding.NewContext("assertion", a.ID, "pointer", pointer), msg))
	}
	return Result{Findings: out}
}

// firstFailure picks one failure to report, the same one every run: the
// shallowest pointer, then the first in order.
func firstFailure(errs []gojsonschema.ResultError) (pointer, description string) {
	type failure struct{ pointer, description string }
	fs := make([]failure, 0, len(errs))
	for _, e := range errs {
		fs = append(fs, failure{jsonPointer(e.Context()), e.Description()})
	}
	slices.SortFunc(fs, func(a, b failure) int {
		if d := strings.Count(a.pointer, "/") - strings.Count(b.pointer, "/"); d != 0 {
			return d
		}
		return strings.Compare(a.pointer+"\x00"+a.description, b.pointer+"\x00"+b.description)
	})
	if len(fs) == 0 {
		return "/", "the page model does not match"
	}
	return fs[0].pointer, fs[0].description
}

// jsonPointer turns gojsonschema's "(root).footer.items.0" context into
// the JSON pointer "/footer/items/0".
func jsonPointer(c *gojsonschema.JsonContext) string {
	if c == nil {
		return "/"
	}
	parts := strings.Split(c.String("\x00"), "\x00")
	if len(parts) > 0 && parts[0] == "(root)" {
		parts = parts[1:]
	}
	if len(parts) == 0 {
		return "/"
	}
	r := strings.NewReplacer("~", "~0", "/", "~1")
	var b strings.Builder
	for _, p := range parts {
		b.WriteString("/")
		b.WriteString(r.Replace(p))
	}
	return b.String()
}
