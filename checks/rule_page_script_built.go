package checks

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// pageScriptBuilt notes, once per page, that the page's menus or footer,
// or the names of links and buttons that a framework binds (NamedBy), are
// empty in its source while it loads scripts: they are built in the
// browser, and only --render shows them. The rules that would report them
// missing are silent on such a page (see Built, namelessOf); this note
// says what they left unchecked, so that nothing passes unsaid.
type pageScriptBuilt struct{}

var rulePageScriptBuilt = finding.Rule{ID: "page-script-built", Severity: finding.Info,
	Description: "the page's menus or footer, or names of its links and buttons, are empty in its source and it loads scripts: lint it with --render to check them",
	Docs:        "docs/rules.md#page-script-built"}

func (pageScriptBuilt) Rules() []finding.Rule { return []finding.Rule{rulePageScriptBuilt} }

func (pageScriptBuilt) Check(p *page.Page, env *Env) Result {
	st := env.standingOf(p)
	if !st.judged() {
		return Result{}
	}
	b := st.built
	menus := scriptMenus(p, env, b)
	named := waitingNames(p, env)
	if !b.Any() && len(menus) == 0 && named.n == 0 {
		return Result{}
	}
	var msg string
	var pos page.Pos
	var sel string
	if b.Whole {
		msg = "the page has no menu, footer or link in its source and loads scripts"
	} else {
		var what []string
		for _, m := range menus {
			what = append(what, refOf(p, m).the())
		}
		if b.Footer {
			what = append(what, "the footer")
		}
		verb := " is"
		if len(what) > 1 {
			verb = " are"
		}
		msg = joinAnd(what) + verb + " empty in the source and the page loads scripts"
		switch {
		case len(menus) > 0:
			pos, sel = menus[0].Pos, menus[0].Selector
		case b.Footer:
			pos, sel = p.Footer.Pos, p.Footer.Selector
		default:
			by := named.by
			if len(by) > 3 {
				by = append(by[:3:3], "…")
			}
			msg = "names that the page's scripts set (" + strings.Join(by, ", ") + ") are empty in the source"
			pos, sel = named.pos, named.sel
		}
	}
	msg += ": lint it with --render to see what a visitor sees"
	if held := heldBack(p, env, b); len(held) > 0 {
		msg += " (not checked: " + strings.Join(held, ", ") + ")"
	}
	return Result{Findings: []finding.Finding{atMsg(p.Source, rulePageScriptBuilt.ID, pos, sel, nil, msg)}}
}

// scriptMenus are the empty menus the note names: all of them when the
// page's navigation is built by script, else those whose required
// entries were held back.
func scriptMenus(p *page.Page, env *Env, b Built) []*page.Menu {
	var out []*page.Menu
	for _, m := range b.Empty {
		if m.Region == page.RegionFooter {
			continue
		}
		if b.Menus {
			out = append(out, m)
			continue
		}
		for _, cm := range env.engine.cfg.Navigation.Menus {
			if len(cm.Required) > 0 && len(namedMenus([]*page.Menu{m}, cm)) > 0 && b.holdsMenu(namedMenus(menusIn(p), cm)) {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// heldBack says what the page's rules left unchecked because scripts
// build it: "3 required navigation entries", "1 footer item", "the
// copyright notice", "2 links without text".
func heldBack(p *page.Page, env *Env, b Built) []string {
	cfg, rules := env.engine.cfg, env.engine.rules
	count := func(items []itemRef) int {
		n := 0
		for _, r := range items {
			if r.it.IsEnabled() && rules.ItemSeverity(r.rule, r.it) != finding.Off {
				n++
			}
		}
		return n
	}
	var nav []itemRef
	if rules.On(ruleNavRequired.ID) {
		if b.holdsNavigation() {
			nav = append(nav, refsOf(ruleNavRequired.ID, cfg.Navigation.Required)...)
		}
		for _, m := range cfg.Navigation.Menus {
			if b.holdsMenu(namedMenus(menusIn(p), m)) {
				nav = append(nav, refsOf(ruleNavRequired.ID, m.Required)...)
			}
		}
	}
	var footer []itemRef
	if rules.On(ruleFooterRequired.ID) {
		for _, r := range refsOf(ruleFooterRequired.ID, cfg.Footer.Required) {
			if (r.it.Scope != "home" || p.Home) && b.holdsItems(itemPlaces(r.it)) {
				footer = append(footer, r)
			}
		}
	}
	var held []string
	if n := count(nav); n > 0 {
		held = append(held, finding.Plural(n, "required navigation entry", "required navigation entries"))
	}
	if n := count(footer); n > 0 {
		held = append(held, finding.Plural(n, "footer item", "footer items"))
	}
	if b.FooterBuilt() && rules.On(ruleFooterCopyright.ID) && cfg.Footer.Copyright.IsRequired() {
		held = append(held, "the copyright notice")
	}
	if rules.On(ruleLinkNoText.ID) {
		links, buttons := namelessOf(p, true)
		if b.Any() {
			moreLinks, moreButtons := namelessOf(p, false)
			links, buttons = append(links, moreLinks...), append(buttons, moreButtons...)
		}
		if n := len(links); n > 0 {
			held = append(held, finding.Plural(n, "link without text", "links without text"))
		}
		if n := len(buttons); n > 0 {
			held = append(held, finding.Plural(n, "button without a name", "buttons without a name"))
		}
	}
	return held
}

// itemRef is a config item with the rule that checks it.
type itemRef struct {
	rule string
	it   *schema.Item
}

func refsOf(rule string, items []schema.Item) []itemRef {
	out := make([]itemRef, len(items))
	for i := range items {
		out[i] = itemRef{rule, &items[i]}
	}
	return out
}

// joinAnd joins phrases as a sentence does: "a", "a and b", "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// scriptNames are the links and buttons whose names a page's scripts set
// and that have none in its source (namelessOf): how many, where the first
// stands, and the attributes that bind their names, each once.
type scriptNames struct {
	n   int
	pos page.Pos
	sel string
	by  []string
}

// waitingNames finds the page's scriptNames, in document order, when
// link-no-text would judge them.
func waitingNames(p *page.Page, env *Env) scriptNames {
	var sn scriptNames
	if !env.engine.rules.On(ruleLinkNoText.ID) {
		return sn
	}
	links, buttons := namelessOf(p, true)
	all := slices.Clone(buttons)
	for _, l := range links {
		all = append(all, &page.Entry{Link: page.Link{Rare: l.Rare, Selector: l.Selector, Pos: l.Pos}})
	}
	slices.SortStableFunc(all, func(a, b *page.Entry) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	for i, e := range all {
		if i == 0 {
			sn.pos, sn.sel = e.Pos, e.Selector
		}
		if !slices.Contains(sn.by, e.NamedBy()) {
			sn.by = append(sn.by, e.NamedBy())
		}
	}
	sn.n = len(all)
	return sn
}
