package checks

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

var ruleNavInconsistent = finding.Rule{ID: "nav-inconsistent", Severity: finding.Warning,
	Description: "site mode: a page's menu lacks entries that most pages' same menu has"}
var ruleNavOrphanPage = finding.Rule{ID: "nav-orphan-page", Severity: finding.Info, Off: true,
	Description: "site mode: a page that no other page links to"}

// navInconsistent compares each menu across the pages of a site: the
// entries most pages carry are the site's menu, and a page that lacks some
// of them (or the whole menu) is out of step.
type navInconsistent struct{}

func (navInconsistent) Rules() []finding.Rule {
	return []finding.Rule{ruleNavInconsistent}
}

// siteMenu is what the pages of a site carry in one menu.
type siteMenu struct {
	name   string
	pages  int            // pages that have the menu
	counts map[string]int // normalised label → pages whose menu has it
	labels map[string]string
	order  []string // normalised labels in order of first appearance
}

// pageMenus maps a page's menus by identity (name, else selector) to the
// menus and the set of their entries' labels, top level and nested.
type pageMenus map[string]*pageMenu

type pageMenu struct {
	first  *page.Menu
	labels map[string]bool
}

func menuKey(m *page.Menu) string {
	if m.Name != "" {
		return "name:" + page.NormalizeLabel(m.Name)
	}
	if m.Selector != "" {
		return "selector:" + m.Selector
	}
	return ""
}

func menusOf(p *page.Page) pageMenus {
	pm := pageMenus{}
	for _, m := range menusIn(p) {
		if m == nil {
			continue
		}
		k := menuKey(m)
		if k == "" {
			continue
		}
		if pm[k] == nil {
			pm[k] = &pageMenu{first: m, labels: map[string]bool{}}
		}
		walkEntries(m.Entries, nil, func(e, _ *page.Entry) {
			if l := page.NormalizeLabel(e.Label); l != "" {
				pm[k].labels[l] = true
			}
		})
	}
	return pm
}

func (navInconsistent) CheckSite(pages []*page.Page, env *Env) []finding.Finding {
	var live []*page.Page
	for _, p := range pages {
		if p != nil && p.Redirect == "" {
			live = append(live, p)
		}
	}
	if len(live) < 3 {
		return nil // too few pages to tell what most of them have
	}
	slices.SortFunc(live, func(a, b *page.Page) int { return cmp.Compare(a.Source, b.Source) })
	threshold := env.config().Threshold()

	// The pages of one template carry the very same menus (the engine
	// shares them), so each distinct set of menus is read once.
	kinds := menuSets(live)
	site := map[string]*siteMenu{}
	var keys []string
	for _, ms := range kinds {
		for _, m := range ms.menus {
			k := menuKey(m)
			if k == "" || site[k] != nil {
				continue
			}
			site[k] = &siteMenu{name: menuName(m), counts: map[string]int{}, labels: map[string]string{}}
			keys = append(keys, k)
		}
		for k, pm := range ms.byKey {
			sm := site[k]
			sm.pages += len(ms.pages)
			for l := range pm.labels {
				sm.counts[l] += len(ms.pages)
			}
		}
		// First appearance, in document order, gives the order in which
		// missing entries are named.
		for _, m := range ms.menus {
			k := menuKey(m)
			if k == "" {
				continue
			}
			walkEntries(m.Entries, nil, func(e, _ *page.Entry) {
				l := page.NormalizeLabel(e.Label)
				if l != "" && site[k].labels[l] == "" {
					site[k].labels[l] = e.Label
					site[k].order = append(site[k].order, l)
				}
			})
		}
	}

	need := threshold * float64(len(live))
	var out []finding.Finding
	for _, k := range keys {
		sm := site[k]
		var common []string
		for _, l := range sm.order {
			if float64(sm.counts[l]) >= need-1e-9 {
				common = append(common, l)
			}
		}
		if len(common) == 0 {
			continue
		}
		for _, ms := range kinds {
			pm := ms.byKey[k]
			if pm == nil {
				names := make([]string, len(common))
				for j, l := range common {
					names[j] = sm.labels[l]
				}
				for _, p := range ms.pages {
					out = append(out, at(p, ruleNavInconsistent.ID, page.Pos{}, "", map[string]string{"menu": sm.name},
						"page has no menu %s, which %d of %d pages have (with %s)", q(sm.name), sm.pages, len(live), quoteList(names, 5)))
				}
				continue
			}
			var missing []string
			for _, l := range common {
				if !pm.labels[l] {
					missing = append(missing, sm.labels[l])
				}
			}
			if len(missing) == 0 {
				continue
			}
			noun := "entries"
			if len(missing) == 1 {
				noun = "entry"
			}
			for _, p := range ms.pages {
				out = append(out, at(p, ruleNavInconsistent.ID, pm.first.Pos, pm.first.Selector,
					map[string]string{"menu": sm.name, "missing": strings.Join(missing, ", ")},
					"menu %s lacks %d %s that most pages of the site have in it: %s", q(sm.name), len(missing), noun, quoteList(missing, 10)))
			}
		}
	}
	return out
}

// menuSet is one distinct set of menus and the pages that carry it.
type menuSet struct {
	menus []*page.Menu
	byKey pageMenus
	pages []*page.Page
}

// menuSets groups pages by the menus they carry (the same *page.Menu
// values, in order), in order of first appearance.
func menuSets(pages []*page.Page) []*menuSet {
	var sets []*menuSet
	index := map[string]*menuSet{}
	var key []byte
	for _, p := range pages {
		menus := menusIn(p)
		key = key[:0]
		for _, m := range menus {
			key = fmt.Appendf(key, "%p,", m)
		}
		ms := index[string(key)]
		if ms == nil {
			ms = &menuSet{menus: menus, byKey: menusOf(p)}
			index[string(key)] = ms
			sets = append(sets, ms)
		}
		ms.pages = append(ms.pages, p)
	}
	return sets
}

// navOrphanPage finds pages of the site that no other page links to.
type navOrphanPage struct{}

func (navOrphanPage) Rules() []finding.Rule {
	return []finding.Rule{ruleNavOrphanPage}
}

func (navOrphanPage) CheckSite(pages []*page.Page, env *Env) []finding.Finding {
	var live []*page.Page
	for _, p := range pages {
		if p != nil {
			live = append(live, p)
		}
	}
	if len(live) < 2 {
		return nil
	}
	base := parseSiteBase(env.config().Site.BaseURL)
	keyOfTarget := func(t target) string {
		switch t.kind {
		case targetInternal:
			if r, checked, ok := resolveSite(env, t.path); checked && ok {
				return r
			}
			return indexPath(t.path)
		case targetExternal:
			return t.url
		}
		return ""
	}
	linked := map[string]bool{}
	for _, p := range live {
		self := pageTarget(p, base)
		mark := func(raw string) {
			if raw == "" {
				return
			}
			t := classify(raw, p, base)
			if samePage(t, self) {
				return
			}
			if k := keyOfTarget(t); k != "" {
				linked[k] = true
				if t.kind == targetInternal && env.Site == nil && path.Ext(k) == "" {
					// Without a site to ask, "/team" may be either file.
					linked[k+".html"], linked[k+"/index.html"] = true, true
				}
			}
		}
		for _, l := range p.Links {
			if l != nil {
				mark(firstNonEmpty(l.Target, l.Href))
			}
		}
		mark(p.Redirect)
	}
	var out []finding.Finding
	for _, p := range live {
		if p.Home {
			continue
		}
		if k := keyOfTarget(pageTarget(p, base)); k == "" || linked[k] {
			continue
		}
		name := firstNonEmpty(p.URL, p.Source)
		out = append(out, at(p, ruleNavOrphanPage.ID, page.Pos{}, "", map[string]string{"page": name},
			"%s", fmt.Sprintf("page %s is not linked from any other page of the site", q(name))))
	}
	return out
}
