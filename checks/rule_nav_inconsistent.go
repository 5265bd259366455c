package checks

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// navInconsistent compares each menu across the pages of a site: the
// entries most pages carry are the site's menu, and a page that lacks some
// of them (or the whole menu) is out of step.
type navInconsistent struct{}

var ruleNavInconsistent = finding.Rule{ID: "nav-inconsistent", Severity: finding.Warning,
	Description: "site mode: a page's menu lacks entries that most pages' same menu has",
	Docs:        "docs/rules.md#nav-inconsistent"}

func (navInconsistent) Rules() []finding.Rule { return []finding.Rule{ruleNavInconsistent} }

// siteMenu is what the pages of a site carry in one menu.
type siteMenu struct {
	ref   menuRef
	pages int // pages that have the menu
	// unknown are the pages whose menu is empty in the source while
	// they load scripts: neither counted nor judged for this menu.
	unknown int
	counts  map[string]int // normalised label → pages whose menu has it
	labels  map[string]string
	order   []string // normalised labels in order of first appearance
}

// pageMenus maps a page's menus by identity (name, else selector) to the
// first of them and the set of their entries' labels.
type pageMenus map[string]*pageMenu

type pageMenu struct {
	first  *SiteMenu
	labels map[string]bool
	// empty: every menu of this identity on the page has no entry.
	empty bool
}

func menuKey(m *SiteMenu) string {
	if m.Name != "" {
		return "name:" + page.NormalizeLabel(m.Name)
	}
	if m.Selector != "" {
		return "selector:" + m.Selector
	}
	return ""
}

func menusOf(menus []*SiteMenu) pageMenus {
	pm := pageMenus{}
	for _, m := range menus {
		k := menuKey(m)
		if k == "" {
			continue
		}
		if pm[k] == nil {
			pm[k] = &pageMenu{first: m, labels: map[string]bool{}, empty: true}
		}
		pm[k].empty = pm[k].empty && m.Empty
		for _, label := range m.Labels {
			if l := page.NormalizeLabel(label); l != "" {
				pm[k].labels[l] = true
			}
		}
	}
	return pm
}

func (navInconsistent) CheckSite(pages []*SitePage, env *Env) []finding.Finding {
	// Redirect stubs and files that are no page have no menus of their
	// own; pages whose menus their scripts build show none in the source.
	// They neither count towards what most pages carry nor are judged.
	var live []*SitePage
	for _, p := range pages {
		if p != nil && p.Kind == ContentPage && !p.ScriptMenus {
			live = append(live, p)
		}
	}
	if len(live) < 3 {
		return nil // too few pages to tell what most of them have
	}
	slices.SortFunc(live, func(a, b *SitePage) int { return cmp.Compare(a.Source, b.Source) })

	// The pages of one template carry the very same menus (the index
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
			site[k] = &siteMenu{ref: m.Ref, counts: map[string]int{}, labels: map[string]string{}}
			keys = append(keys, k)
		}
		for k, pm := range ms.byKey {
			sm := site[k]
			sm.pages += len(ms.pages)
			for l := range pm.labels {
				sm.counts[l] += len(ms.pages)
			}
			for _, p := range ms.pages {
				if pm.empty && p.Scripts {
					sm.pages--
					sm.unknown++
				}
			}
		}
		// First appearance, in document order, gives the order in which
		// missing entries are named.
		for _, m := range ms.menus {
			k := menuKey(m)
			if k == "" {
				continue
			}
			for _, label := range m.Labels {
				l := page.NormalizeLabel(label)
				if l != "" && site[k].labels[l] == "" {
					site[k].labels[l] = label
					site[k].order = append(site[k].order, l)
				}
			}
		}
	}

	// A menu the config names and requires entries of is judged by
	// nav-required: the same missing menu is not reported twice.
	contract := map[string]bool{}
	for _, m := range env.engine.cfg.Navigation.Menus {
		if len(m.Required) > 0 {
			contract["name:"+page.NormalizeLabel(m.Name)] = true
		}
	}
	var out []finding.Finding
	for _, k := range keys {
		if contract[k] && env.engine.rules.On(ruleNavRequired.ID) {
			continue
		}
		sm := site[k]
		need := env.engine.cfg.Threshold() * float64(len(live)-sm.unknown)
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
			out = append(out, ms.inconsistent(k, sm, common, len(live)-sm.unknown)...)
		}
	}
	return out
}

// inconsistent reports the pages of ms whose menu k lacks some of the
// site's common entries, or that lack the menu.
func (ms *menuSet) inconsistent(k string, sm *siteMenu, common []string, pages int) []finding.Finding {
	var out []finding.Finding
	pm := ms.byKey[k]
	if pm == nil {
		names := make([]string, len(common))
		for j, l := range common {
			names[j] = sm.labels[l]
		}
		for _, p := range ms.pages {
			out = append(out, at(p.Source, ruleNavInconsistent.ID, page.Pos{}, "", finding.NewContext("menu", sm.ref.plain()),
				"page has no %s, which %d of %d pages have (with %s)", sm.ref.bare(), sm.pages, pages, quoteList(names, 5)))
		}
		return out
	}
	var missing []string
	for _, l := range common {
		if !pm.labels[l] {
			missing = append(missing, sm.labels[l])
		}
	}
	if len(missing) == 0 {
		return nil
	}
	noun := "entries"
	if len(missing) == 1 {
		noun = "entry"
	}
	for _, p := range ms.pages {
		if pm.empty && p.Scripts {
			continue // its scripts build the menu (page-script-built)
		}
		out = append(out, at(p.Source, ruleNavInconsistent.ID, pm.first.Pos, pm.first.Selector,
			finding.NewContext("menu", sm.ref.plain(), "missing", strings.Join(missing, ", ")),
			"%s lacks %d %s that most pages of the site have in it: %s", sm.ref.the(), len(missing), noun, quoteList(missing, 10)))
	}
	return out
}

// menuSet is one distinct set of menus and the pages that carry it.
type menuSet struct {
	menus []*SiteMenu
	byKey pageMenus
	pages []*SitePage
}

// menuSets groups pages by the menus they carry (the same *SiteMenu
// values, in order), in order of first appearance.
func menuSets(pages []*SitePage) []*menuSet {
	var sets []*menuSet
	index := map[string]*menuSet{}
	var key []byte
	for _, p := range pages {
		key = key[:0]
		for _, m := range p.Menus {
			key = fmt.Appendf(key, "%p,", m)
		}
		ms := index[string(key)]
		if ms == nil {
			ms = &menuSet{menus: p.Menus, byKey: menusOf(p.Menus)}
			index[string(key)] = ms
			sets = append(sets, ms)
		}
		ms.pages = append(ms.pages, p)
	}
	return sets
}
