package checks

import (
	"strings"
	"unicode"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// footerRequired checks that the footer (or wherever an item may stand)
// carries the items the config and its presets require: the privacy
// statement, cookie settings, the opt-out link, the imprint ….
type footerRequired struct{}

var ruleFooterRequired = finding.Rule{ID: "footer-required", Severity: finding.Error,
	Description: "a required footer item (privacy statement, cookie settings, \"Your Privacy Choices\", terms, imprint …) is missing",
	Docs:        "docs/rules.md#footer-required"}

func (footerRequired) Rules() []finding.Rule { return []finding.Rule{ruleFooterRequired} }

func (footerRequired) Check(p *page.Page, env *Env) Result {
	st := env.standingOf(p)
	if !st.judged() {
		return Result{} // a redirect stub, or no page: it has no footer to judge
	}
	rules := env.engine.rules
	var out []finding.Finding
	for i := range env.engine.cfg.Footer.Required {
		it := &env.engine.cfg.Footer.Required[i]
		sev := rules.ItemSeverity(ruleFooterRequired.ID, it)
		if !it.IsEnabled() || sev == finding.Off || (it.Scope == "home" && !p.Home) || st.built.holdsItems(itemPlaces(it)) {
			continue
		}
		if f, bad := checkFooterItem(p, it, env); bad {
			if f.Severity == finding.Unset {
				f.Severity = sev
			}
			out = append(out, f)
		}
	}
	return Result{Findings: out}
}

// firstMatch returns the first of an item's alternatives that an entry
// satisfies, nil when none does.
func firstMatch(alts []*schema.Item, e *page.Entry, env *Env) *schema.Item {
	for _, alt := range alts {
		if env.matches(alt, e) {
			return alt
		}
	}
	return nil
}

// HasItem reports whether the page carries a visible entry, where the item
// may stand, that satisfies it or one of its alternatives, in an outdated
// wording or without its icon too: whether the page meets the item at all.
func HasItem(p *page.Page, it *schema.Item) bool {
	alts := alternatives(it)
	for _, e := range entriesIn(p, itemPlaces(it)) {
		if e == nil || e.Hidden {
			continue
		}
		for _, alt := range alts {
			if itemMatches(alt, e.Label, e.Text()) || matchesLegacy(alt, e.Label, e.Text()) {
				return true
			}
		}
	}
	return false
}

// checkFooterItem looks for one required item; bad is false when the page
// has it.
func checkFooterItem(p *page.Page, it *schema.Item, env *Env) (f finding.Finding, bad bool) {
	rules := env.engine.rules
	where := itemPlaces(it)
	entries := entriesIn(p, where)
	alts := alternatives(it)
	if len(alts) == 0 {
		return finding.Finding{}, false // nothing to look for; the config loader says so
	}
	// The first entry that satisfies the item as it should settles it;
	// else the first one hidden or without its icon is reported.
	var noIcon, hidden *page.Entry
	for _, e := range entries {
		if e == nil {
			continue
		}
		alt := firstMatch(alts, e, env)
		switch {
		case alt == nil:
		case e.Hidden:
			if hidden == nil {
				hidden = e
			}
		case alt.Icon && !e.Icon:
			if noIcon == nil {
				noIcon = e
			}
		default:
			return finding.Finding{}, false
		}
	}
	ctx := func(e *page.Entry) finding.Context {
		c := finding.NewContext("item", it.ID, "label", describe(it))
		if e != nil {
			c = c.With("entry", entryName(e), "href", e.Href, "group", e.Group)
		}
		return c
	}
	if noIcon != nil {
		e := noIcon
		return at(p.Source, ruleFooterRequired.ID, e.Pos, e.Selector, ctx(e),
			"%s %s found without the opt-out icon (an image or inline SVG inside or right before the link)", controlNoun(e, where), q(entryName(e))), true
	}
	if hidden != nil {
		e := hidden
		return at(p.Source, ruleFooterRequired.ID, e.Pos, e.Selector, ctx(e),
			"required %s %s is hidden: %s is on the page but not shown (hidden, aria-hidden or display:none)", itemNoun(where), q(describe(it)), q(entryName(e))), true
	}
	for _, e := range entries {
		if e == nil || e.Hidden {
			continue
		}
		for _, alt := range alts {
			if matchesLegacy(alt, e.Label, e.Text()) {
				f := at(p.Source, ruleFooterRequired.ID, e.Pos, e.Selector, ctx(e),
					"%s uses the outdated wording %s; use %s", controlNoun(e, where), q(entryName(e)), q(wording(alt)))
				if alt.Legacy.Message != "" {
					// The preset's explanation replaces the advice, not the
					// quote of what the page says.
					f.Message = controlNoun(e, where) + " uses the outdated wording " + q(entryName(e)) + ": " + alt.Legacy.Message
				}
				f.Severity = rules.Capped(finding.Warning, ruleFooterRequired.ID)
				if s := rules.ItemSeverity(ruleFooterRequired.ID, it); s != finding.Unset && s < f.Severity {
					f.Severity = s
				}
				return f, true
			}
		}
	}
	return missingItem(p, it, where, entries, alts, ctx(nil), env), true
}

// missingItem reports an item that is nowhere, at the footer (or the
// region it should stand in), naming the entries that came close but an
// exclusion ruled out.
func missingItem(p *page.Page, it *schema.Item, where []string, entries []*page.Entry, alts []*schema.Item, ctx finding.Context, env *Env) finding.Finding {
	// Point at the footer, where such items usually go, unless the item
	// may stand only in the header.
	region := p.Footer
	if region == nil || (len(where) == 1 && where[0] == "header") {
		region = p.Header
	}
	msg := "required " + itemNoun(where) + " " + q(describe(it)) + " is missing"
	switch {
	case len(where) == 1 && where[0] == "footer" && p.Footer == nil:
		msg += ": page has no footer"
	case len(where) == 1 && where[0] == "header" && p.Header == nil:
		msg += ": page has no header"
	case len(where) > 1 || where[0] != "footer":
		msg += " from " + placeNoun(where)
	}
	if it.Message != "" {
		msg = it.Message
	}
	var notes []string
	for _, e := range entries {
		if len(notes) == 3 {
			break
		}
		if e == nil {
			continue
		}
		for _, alt := range alts {
			exclusion := alt.Exclude
			if exclusion == "" {
				exclusion = it.Exclude
			}
			if env.ruledOut(alt, e) {
				notes = append(notes, q(entryName(e))+" does not count: it matches the exclusion /"+exclusion+"/")
				break
			}
		}
	}
	if len(notes) > 0 {
		msg += "; " + strings.Join(notes, "; ")
	}
	var pos page.Pos
	var sel string
	if region != nil {
		pos, sel = region.Pos, region.Selector
	}
	return atMsg(p.Source, ruleFooterRequired.ID, pos, sel, ctx, msg)
}

// itemPlaces is where an item may stand: its "in", else the footer.
func itemPlaces(it *schema.Item) []string {
	if len(it.In) == 0 {
		return footerOnly
	}
	return it.In
}

var footerOnly = []string{"footer"} // never written to

// entriesIn gathers the entries of the named places, each once.
func entriesIn(p *page.Page, where []string) []*page.Entry {
	if len(where) == 1 {
		// One place holds each entry once: no need to deduplicate.
		switch where[0] {
		case "footer":
			if p.Footer != nil {
				return p.Footer.Items
			}
			return nil
		case "header":
			if p.Header != nil {
				return p.Header.Items
			}
			return nil
		case "page":
			return p.Controls
		}
	}
	var out []*page.Entry
	seen := map[entryKey]bool{}
	add := func(list []*page.Entry) {
		for _, e := range list {
			if e == nil || seen[keyOf(e)] {
				continue
			}
			seen[keyOf(e)] = true
			out = append(out, e)
		}
	}
	for _, w := range where {
		switch w {
		case "footer":
			if p.Footer != nil {
				add(p.Footer.Items)
			}
		case "header":
			if p.Header != nil {
				add(p.Header.Items)
			}
		case "page":
			add(p.Controls)
		}
	}
	return out
}

// itemNoun names an item by where it belongs: "footer item", "item".
func itemNoun(where []string) string {
	if len(where) == 1 && where[0] != "page" {
		return where[0] + " item"
	}
	return "item"
}

// placeNoun names the places an item may stand: "the footer", "the header
// and the footer", "the page".
func placeNoun(where []string) string {
	names := make([]string, len(where))
	for i, w := range where {
		names[i] = "the " + w
	}
	return joinAnd(names)
}

// controlNoun names an entry by where it stands and what it is: "footer
// link", "header button".
func controlNoun(e *page.Entry, where []string) string {
	region := e.Region.String()
	if e.Region == 0 || e.Region == page.RegionNav || e.Region == page.RegionMain {
		region = where[0]
	}
	kind := "link"
	if e.Kind == page.KindButton || e.Kind == page.KindToggle {
		kind = "button"
	}
	return region + " " + kind
}

// nearMiss reports whether an entry that the item's exclusion rules out
// looks like an attempt at one of its labels (shares two words of three
// letters or more with it): "Manage cookies/Do not sell my data" for "Do
// Not Sell or Share My Personal Information". Saying why it does not count
// saves the reader a trip to the preset.
func nearMiss(alt *schema.Item, e *page.Entry) bool {
	re := alt.ExcludeRegexp()
	if re == nil || len(alt.Label) == 0 || !re.MatchString(e.Label) {
		return false
	}
	entryWords := words(e.Label)
	for _, l := range alt.Label {
		shared := 0
		for w := range words(l) {
			if entryWords[w] {
				shared++
			}
		}
		if shared >= 2 {
			return true
		}
	}
	return false
}

// words are the lower-case words of three letters or more in s.
func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 3 {
			m[w] = true
		}
	}
	return m
}
