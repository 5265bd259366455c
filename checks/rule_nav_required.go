package checks

import (
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/urlnorm"
	"github.com/pagelint/pagelint/schema"
)

// navRequired checks that the menus carry the entries the config requires:
// navigation.required in any menu, navigation.menus[].required in the menu
// of that name.
type navRequired struct{}

var ruleNavRequired = finding.Rule{ID: "nav-required", Severity: finding.Error,
	Description: "a navigation entry that the config requires is missing (or a required child under it)",
	Docs:        "docs/rules.md#nav-required"}

func (navRequired) Rules() []finding.Rule { return []finding.Rule{ruleNavRequired} }

func (navRequired) Check(p *page.Page, env *Env) Result {
	st := env.standingOf(p)
	if !st.judged() {
		return Result{} // a redirect stub, or no page: it has no menus to judge
	}
	cfg := env.engine.cfg
	nc := navCheck{p: p, env: env, scope: newScope(p.URL, env.engine.site)}
	var out []finding.Finding
	// Menus that the page's scripts build are judged when it is rendered;
	// page-script-built says so, once, rather than an error per entry.
	if len(cfg.Navigation.Required) > 0 && !st.built.holdsNavigation() {
		out = append(out, nc.requireIn(menusIn(p), "", cfg.Navigation.Required)...)
	}
	for _, m := range cfg.Navigation.Menus {
		if len(m.Required) == 0 {
			continue
		}
		menus := namedMenus(menusIn(p), m)
		switch {
		case st.built.holdsMenu(menus):
		case len(menus) == 0:
			out = append(out, nc.missingMenu(m))
		default:
			out = append(out, nc.requireIn(menus, m.Name, m.Required)...)
		}
	}
	return Result{Findings: out}
}

// namedMenus returns the page's menus that a config menu names, by name or
// by the selector the extractor recorded.
func namedMenus(menus []*page.Menu, want schema.Menu) []*page.Menu {
	var out []*page.Menu
	for _, m := range menus {
		if (want.Name != "" && page.NormalizeLabel(m.Name) == page.NormalizeLabel(want.Name)) ||
			(want.Selector != "" && m.Selector == want.Selector) {
			out = append(out, m)
		}
	}
	return out
}

type navCheck struct {
	p     *page.Page
	env   *Env
	scope scope
}

func (nc navCheck) missingMenu(m schema.Menu) finding.Finding {
	labels := make([]string, 0, len(m.Required))
	for i := range m.Required {
		if m.Required[i].IsEnabled() {
			labels = append(labels, describe(&m.Required[i]))
		}
	}
	return at(nc.p.Source, ruleNavRequired.ID, page.Pos{}, "", finding.NewContext("menu", m.Name),
		"required menu %s is missing (it must have %s)", q(m.Name), quoteList(labels, 10))
}

// requireIn checks items against a set of menus; menuLabel names the config
// menu ("" when any menu will do).
func (nc navCheck) requireIn(menus []*page.Menu, menuLabel string, items []schema.Item) []finding.Finding {
	var out []finding.Finding
	for i := range items {
		it := &items[i]
		sev := nc.env.engine.rules.ItemSeverity(ruleNavRequired.ID, it)
		if !it.IsEnabled() || sev == finding.Off {
			continue
		}
		for _, f := range nc.requireItem(menus, menuLabel, it) {
			if f.Severity == finding.Unset {
				f.Severity = sev
			}
			out = append(out, f)
		}
	}
	return out
}

// menuEntry is an entry with the menu it stands in.
type menuEntry struct {
	e    *page.Entry
	menu *page.Menu
}

func (nc navCheck) requireItem(menus []*page.Menu, menuLabel string, it *schema.Item) []finding.Finding {
	var matched []menuEntry
	for _, m := range menus {
		walkEntries(m.Entries, nil, func(e, _ *page.Entry) {
			// A control (a toggle, a close button) is no entry a reader
			// would take for the required one.
			if e.Control == 0 && nc.env.matches(it, e) {
				matched = append(matched, menuEntry{e, m})
			}
		})
	}
	ctx := finding.NewContext("item", it.ID, "label", describe(it), "menu", menuLabel)
	if len(matched) == 0 {
		return []finding.Finding{nc.missing(menus, menuLabel, it, ctx)}
	}
	if it.Href != "" {
		var right []menuEntry
		for _, me := range matched {
			// A rendered-text entry whose snapshot wrote no target may
			// link anywhere: it is not reported as linking elsewhere.
			if nc.sameTarget(me.e, it.Href) || (me.e.Kind == page.KindText && !me.e.HasHref) {
				right = append(right, me)
			}
		}
		if len(right) == 0 {
			e := matched[0].e
			ctx = ctx.With("href", e.Href)
			got := e.Target
			if got == "" {
				got = e.Href
			}
			return []finding.Finding{at(nc.p.Source, ruleNavRequired.ID, e.Pos, e.Selector, ctx,
				"navigation entry %s links to %s, expected %s", q(entryName(e)), q(got), q(it.Href))}
		}
		matched = right
	}
	var out []finding.Finding
	for ci := range it.Children {
		child := &it.Children[ci]
		if !child.IsEnabled() || child.Severity == finding.Off {
			continue
		}
		out = append(out, nc.requireChild(matched, child)...)
	}
	return out
}

// requireChild checks a required child under the entries that matched its
// parent: one of them must have it nested below it.
func (nc navCheck) requireChild(parents []menuEntry, child *schema.Item) []finding.Finding {
	var sub []*page.Menu
	for _, pe := range parents {
		// Each parent's subtree is searched as a menu of its own, so that
		// grandchildren and hrefs are checked the same way as at the top.
		sub = append(sub, &page.Menu{Name: pe.menu.Name, Selector: pe.menu.Selector, Entries: pe.e.Children(), Pos: pe.e.Pos})
	}
	found := false
	for _, m := range sub {
		walkEntries(m.Entries, nil, func(e, _ *page.Entry) {
			if e.Control == 0 && nc.env.matches(child, e) {
				found = true
			}
		})
	}
	sev := nc.env.engine.rules.ItemSeverity(ruleNavRequired.ID, child)
	if !found {
		pe := parents[0]
		menu := refOf(nc.p, pe.menu)
		msg := "required entry " + q(describe(child)) + " missing under " + q(entryName(pe.e)) + " in " + menu.the()
		if child.Message != "" {
			msg = child.Message
		}
		f := atMsg(nc.p.Source, ruleNavRequired.ID, pe.e.Pos, pe.e.Selector,
			finding.NewContext("item", child.ID, "label", describe(child), "parent", entryName(pe.e), "menu", menu.plain()), msg)
		f.Severity = sev
		return []finding.Finding{f}
	}
	out := nc.requireItem(sub, "", child)
	for i := range out {
		if out[i].Severity == finding.Unset {
			out[i].Severity = sev
		}
	}
	return out
}

// missing reports a required entry that no menu has, at the first menu (or
// nowhere when the page has no menu at all).
func (nc navCheck) missing(menus []*page.Menu, menuLabel string, it *schema.Item, ctx finding.Context) finding.Finding {
	var msg string
	var pos page.Pos
	var sel string
	switch {
	case len(menus) == 0:
		msg = "required navigation entry " + q(describe(it)) + " is missing: page has no navigation menu"
	case menuLabel != "":
		msg = "required navigation entry " + q(describe(it)) + " is missing from menu " + q(menuLabel)
		pos, sel = menus[0].Pos, menus[0].Selector
	default:
		msg = "required navigation entry " + q(describe(it)) + " is missing"
		// The header's menu is where readers look for the site's navigation.
		m := menus[0]
		for _, c := range menus {
			if c.Region == page.RegionHeader {
				m = c
				break
			}
		}
		pos, sel = m.Pos, m.Selector
	}
	if it.Message != "" {
		msg = it.Message
	}
	return atMsg(nc.p.Source, ruleNavRequired.ID, pos, sel, ctx, msg)
}

// sameTarget reports whether an entry's target names the URL or site path
// an item requires: site paths compare after resolving ("/about/" and
// "/about/index.html" are one page), URLs after normalising.
func (nc navCheck) sameTarget(e *page.Entry, want string) bool {
	got := e.Target
	if got == "" {
		got = e.Href
	}
	if got == "" {
		return false
	}
	g := classify(nc.scope.written(e.Href, got), nc.scope)
	w := classify(want, nc.scope)
	if g.kind != w.kind || (w.hasFragment && w.fragment != g.fragment) {
		return false
	}
	switch g.kind {
	case targetInternal:
		if wantQ := queryOf(want); wantQ != "" && wantQ != queryOf(got) {
			return false
		}
		return nc.canonicalPath(g.path) == nc.canonicalPath(w.path)
	case targetExternal:
		return urlnorm.Same(g.url, w.url)
	default:
		return strings.EqualFold(strings.TrimSpace(got), strings.TrimSpace(want))
	}
}

// canonicalPath is the file a site path names, when the site can tell,
// else the path with directories spelt as index pages.
func (nc navCheck) canonicalPath(p string) string {
	if p == "" {
		p = nc.scope.pageTarget().path
	}
	if r, checked, ok := resolveSite(nc.env, p); checked && ok {
		return r
	}
	return indexPath(p)
}

func queryOf(s string) string {
	s, _, _ = strings.Cut(s, "#")
	_, qs, _ := strings.Cut(s, "?")
	return qs
}
