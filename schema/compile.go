package schema

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"sync"

	"regexp"
	"strconv"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/xeipuuv/gojsonschema"
)

// Compile checks what the JSON Schema cannot and prepares the config for the
// checks: it compiles every regular expression and assertion schema and
// parses durations and sizes. Load calls it; a Config built by hand (in a
// test) must call it before use. Errors read "/json/pointer: message".
func (c *Config) Compile() error { return c.compile(true) }

// compile compiles the config; complete says it is a whole config rather
// than one layer of a merge, where an item may carry only an id and the
// fields it overrides.
func (c *Config) compile(complete bool) error {
	if err := c.checkRules(); err != nil {
		return err
	}
	if err := c.Site.MaxPageSize.check("/site/maxPageSize"); err != nil {
		return err
	}
	if c.Site.Threshold < 0 || c.Site.Threshold > 1 {
		return fmt.Errorf("/site/threshold: %v is not between 0 and 1", c.Site.Threshold)
	}
	var err error
	c.forEachItemList(func(_ string, items []Item, pointer string) {
		ids := map[string]bool{}
		for i := range items {
			it := &items[i]
			if err != nil {
				return
			}
			p := fmt.Sprintf("%s/%d", pointer, i)
			if it.ID != "" && ids[it.ID] {
				err = fmt.Errorf("%s/id: duplicate item id %q", p, it.ID)
				return
			}
			ids[it.ID] = true
			if err = it.compile(p); err != nil {
				return
			}
			err = checkMatchers(it, p, complete)
		}
	})
	if err != nil {
		return err
	}
	if err := c.Links.compile(); err != nil {
		return err
	}
	return c.compileAssertions()
}

// checkMatchers makes sure an item can match something: an enabled item
// needs a label, a pattern or anyOf, and so do its children and
// alternatives. In a layer the item itself is exempt (checkLayer decides,
// knowing the layers before it).
func checkMatchers(it *Item, pointer string, self bool) error {
	if self && it.IsEnabled() && len(it.Label) == 0 && len(it.Pattern) == 0 && len(it.AnyOf) == 0 {
		return fmt.Errorf("%s: item needs a label, a pattern or anyOf", pointer)
	}
	for i := range it.AnyOf {
		alt := &it.AnyOf[i]
		if len(alt.Label) == 0 && len(alt.Pattern) == 0 {
			return fmt.Errorf("%s/anyOf/%d: alternative needs a label or a pattern", pointer, i)
		}
	}
	for i := range it.Children {
		if err := checkMatchers(&it.Children[i], fmt.Sprintf("%s/children/%d", pointer, i), true); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) checkRules() error {
	for rule, sev := range c.Rules {
		p := "/rules/" + strings.ReplaceAll(rule, "/", "~1")
		if !isRuleID(rule) {
			return fmt.Errorf("%s: unknown rule %q", p, rule)
		}
		if sev == finding.Unset {
			return fmt.Errorf("%s: no severity (want error, warning, info or off)", p)
		}
	}
	return nil
}

func isRuleID(rule string) bool {
	if id, ok := strings.CutPrefix(rule, "assert/"); ok {
		return id != ""
	}
	return slices.Contains(RuleIDs(), rule)
}

func (l *Links) compile() error {
	l.exclude = make([]*regexp.Regexp, 0, len(l.Exclude))
	for i, p := range l.Exclude {
		re, err := regexp.Compile(p)
		if err != nil {
			return fmt.Errorf("/links/exclude/%d: %w", i, regexpError(p, err))
		}
		l.exclude = append(l.exclude, re)
	}
	l.headers = make([]*regexp.Regexp, 0, len(l.Headers))
	for i, h := range l.Headers {
		re, err := regexp.Compile(h.Pattern)
		if err != nil {
			return fmt.Errorf("/links/headers/%d/pattern: %w", i, regexpError(h.Pattern, err))
		}
		l.headers = append(l.headers, re)
	}
	if err := l.Timeout.checkPositive("/links/timeout"); err != nil {
		return err
	}
	if err := l.Deadline.checkPositive("/links/deadline"); err != nil {
		return err
	}
	if l.Cache != nil {
		if err := l.Cache.TTL.check("/links/cache/ttl"); err != nil {
			return err
		}
		if err := l.Cache.FailureTTL.check("/links/cache/failureTTL"); err != nil {
			return err
		}
	}
	for i, a := range l.Accept {
		if _, _, err := parseStatusRange(a); err != nil {
			return fmt.Errorf("/links/accept/%d: %w", i, err)
		}
	}
	return nil
}

// parseStatusRange reads "200" or "200-299".
func parseStatusRange(s string) (lo, hi int, err error) {
	a, b, isRange := strings.Cut(s, "-")
	lo, err1 := strconv.Atoi(a)
	hi = lo
	var err2 error
	if isRange {
		hi, err2 = strconv.Atoi(b)
	}
	if err1 != nil || err2 != nil || lo < 100 || hi > 599 || lo > hi {
		return 0, 0, fmt.Errorf("invalid status %q (want a code like \"404\" or a range like \"200-299\")", s)
	}
	return lo, hi, nil
}

func (c *Config) compileAssertions() error {
	ids := map[string]bool{}
	for i := range c.Assertions {
		a := &c.Assertions[i]
		p := fmt.Sprintf("/assertions/%d", i)
		if ids[a.ID] {
			return fmt.Errorf("%s/id: duplicate assertion id %q", p, a.ID)
		}
		ids[a.ID] = true
		if len(a.Schema) == 0 {
			return fmt.Errorf("%s/schema: missing", p)
		}
		s, err := compileAssertionSchema(a.Schema, p+"/schema")
		if err != nil {
			return err
		}
		a.compiled = s
	}
	return nil
}

// compileAssertionSchema checks an assertion's schema against the draft-07
// meta-schema, so that the error points into it, refuses $refs that would
// make gojsonschema fetch a URL and loops of $refs that would make it
// recurse forever, then compiles it.
func compileAssertionSchema(doc json.RawMessage, at string) (*gojsonschema.Schema, error) {
	meta, err := draft7MetaSchema()
	if err != nil {
		return nil, err
	}
	res, err := meta.Validate(gojsonschema.NewBytesLoader(doc))
	if err != nil {
		return nil, fmt.Errorf("%s: invalid JSON Schema: %s", at, oneLine(err.Error()))
	}
	if !res.Valid() {
		e := schemaError("", res.Errors())
		return nil, fmt.Errorf("%s%s: invalid JSON Schema: %s", at, e.Pointer, e.Msg)
	}
	var tree any
	if err := json.Unmarshal(doc, &tree); err != nil {
		return nil, fmt.Errorf("%s: %w", at, err)
	}
	if ref, where := remoteRef(tree, nil); where != nil {
		return nil, fmt.Errorf("%s%s: only local references (\"#/…\") are allowed, not %q", at, pointer(where), ref)
	}
	if where, ref := refCycle(tree); where != nil {
		return nil, refCycleError(at, where, ref)
	}
	loader := gojsonschema.NewSchemaLoader()
	loader.Draft = gojsonschema.Draft7
	s, err := loader.Compile(gojsonschema.NewBytesLoader(doc))
	if err != nil {
		return nil, fmt.Errorf("%s: invalid JSON Schema: %s", at, oneLine(err.Error()))
	}
	return s, nil
}

var draft7MetaSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("http://json-schema.org/draft-07/schema#"))
})

// remoteRef finds a "$ref" that does not start with "#"; at is its path.
func remoteRef(v any, path []string) (string, []string) {
	switch v := v.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok && !strings.HasPrefix(ref, "#") {
			return ref, append(path, "$ref")
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ref, at := remoteRef(v[k], child(path, k)); at != nil {
				return ref, at
			}
		}
	case []any:
		for i, x := range v {
			if ref, at := remoteRef(x, child(path, strconv.Itoa(i))); at != nil {
				return ref, at
			}
		}
	}
	return "", nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
