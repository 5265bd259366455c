package checks

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

var assertionRule = finding.Rule{ID: AssertPrefix + "<id>", Severity: finding.Error,
	Description: "a custom JSON Schema assertion of the config failed on the page model"}

// assertionCheck validates each page's model, as JSON, against the config's
// custom JSON Schema assertions.
type assertionCheck struct{}

func (assertionCheck) Rules() []finding.Rule {
	return []finding.Rule{assertionRule}
}

// compiledAssertions are a config's assertion schemas, compiled once per
// config and shared by every page (and goroutine) of the run.
type compiledAssertions struct {
	once    sync.Once
	schemas []*gojsonschema.Schema // nil where the schema did not compile
	err     error
}

var assertionCache sync.Map // *schema.Config → *compiledAssertions

func assertionsOf(cfg *schema.Config) *compiledAssertions {
	v, _ := assertionCache.LoadOrStore(cfg, &compiledAssertions{})
	ca := v.(*compiledAssertions)
	ca.once.Do(func() {
		ca.schemas = make([]*gojsonschema.Schema, len(cfg.Assertions))
		for i, a := range cfg.Assertions {
			s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(a.Schema))
			if err != nil {
				if ca.err == nil {
					ca.err = fmt.Errorf("assertion %q: invalid JSON Schema: %s", a.ID, strings.Join(strings.Fields(err.Error()), " "))
				}
				continue
			}
			ca.schemas[i] = s
		}
	})
	return ca
}

// PrepareAssertions compiles the config's assertion schemas ahead of a run,
// so that a schema that does not compile is an error before any page is
// checked rather than an assertion silently skipped.
func PrepareAssertions(cfg *schema.Config) error {
	if cfg == nil || len(cfg.Assertions) == 0 {
		return nil
	}
	return assertionsOf(cfg).err
}

func (assertionCheck) Check(p *page.Page, env *Env) []finding.Finding {
	cfg := env.config()
	if len(cfg.Assertions) == 0 {
		return nil
	}
	ca := assertionsOf(cfg)
	var doc gojsonschema.JSONLoader
	var out []finding.Finding
	for i, a := range cfg.Assertions {
		rule := AssertPrefix + a.ID
		if ca.schemas[i] == nil || !env.rules().On(rule) {
			continue
		}
		if doc == nil {
			data, err := json.Marshal(p)
			if err != nil {
				return nil // a page model always marshals; nothing to validate otherwise
			}
			doc = gojsonschema.NewBytesLoader(data)
		}
		res, err := ca.schemas[i].Validate(doc)
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
		f := atMsg(p, rule, page.Pos{}, "", map[string]string{"assertion": a.ID, "pointer": pointer}, msg)
		out = append(out, f)
	}
	return out
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
