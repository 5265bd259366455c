package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// A starter config is a snapshot of what the site's pages share, so that
// the check right after init reports only the pages out of step with the
// rest: entries that most pages carry in the same menu, footer items that
// most pages carry, the copyright notice as the pages write it. What one
// page alone carries (its table of contents) is no contract, and neither
// are controls, hidden items, redirect stubs or files that are no page.
// docs/config.md, "pagelint init", says the same.

// starter is what init writes and what it says about it.
type starter struct {
	cfg *schema.Config
	// navEntries and footerItems count what the config now requires.
	navEntries, footerItems int
	// notes say what init switched off or left out, one line each.
	notes []string
}

// snapshotSite reads the pages' models into a starter config. withPresets is
// the config of the presets alone (recommended and --preset); now is the
// reference date the copyright year is judged by.
func snapshotSite(pages []*page.Page, presets []string, withPresets *schema.Config, now time.Time) *starter {
	st := &starter{cfg: &schema.Config{Schema: configSchemaURL, Extends: append([]string{"recommended"}, presets...)}}
	var live []*page.Page
	left := map[string]int{}
	for _, p := range pages {
		switch kind := checks.KindOf(p); {
		case kind != checks.ContentPage:
			left[kind.String()]++
		case checks.BuiltByScript(p).Any():
			left["page built by script"]++
		default:
			live = append(live, p)
		}
	}
	st.cfg.Description = fmt.Sprintf("Written by pagelint init from what most of the %s of the site share", finding.Plural(len(live), "page", "pages"))
	if len(live) == 0 {
		st.cfg.Description = "Written by pagelint init: the site has no page with content of its own"
	}
	if len(left) > 0 {
		st.cfg.Description += " (" + leftOut(left) + " left out)"
	}
	st.cfg.Description += "."
	if len(live) == 0 {
		st.notes = append(st.notes, "no page with content of its own: nothing to snapshot")
		return st
	}
	need := withPresets.Threshold() * float64(len(live))
	st.menus(live, need)
	st.footer(live, need, withPresets)
	st.copyright(live, need, withPresets, now)
	st.offItems(live, withPresets)
	return st
}

// leftOut says which pages the snapshot left out: "1 redirect stub, 1 file
// that is no page".
func leftOut(left map[string]int) string {
	var parts []string
	for _, kind := range []string{checks.RedirectStub.String(), checks.NotAPage.String(), "page built by script"} {
		if n := left[kind]; n > 0 {
			many := kind + "s"
			if kind == checks.NotAPage.String() {
				many = "files that are no page"
			}
			parts = append(parts, finding.Plural(n, kind, many))
		}
	}
	return strings.Join(parts, ", ")
}

// tally counts on how many pages each label stands, in order of first
// appearance, under the spelling it first had.
type tally struct {
	counts map[string]int
	label  map[string]string
	order  []string
}

func newTally() *tally { return &tally{counts: map[string]int{}, label: map[string]string{}} }

// addPage counts the labels of one page, each once.
func (t *tally) addPage(labels []string) {
	seen := map[string]bool{}
	for _, l := range labels {
		k := page.NormalizeLabel(l)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if _, ok := t.label[k]; !ok {
			t.label[k] = l
			t.order = append(t.order, k)
		}
		t.counts[k]++
	}
}

// common are the labels that at least need pages carry.
func (t *tally) common(need float64) []string {
	var out []string
	for _, k := range t.order {
		if float64(t.counts[k]) >= need-1e-9 {
			out = append(out, t.label[k])
		}
	}
	return out
}

// menus requires the entries that most pages carry in the same menu: in a
// named menu, that menu (navigation.menus); in unnamed ones, any menu
// (navigation.required). Footer menus are the footer's business.
func (st *starter) menus(live []*page.Page, need float64) {
	type menuTally struct {
		name     string
		top      *tally
		children map[string]*tally // by the parent's normalized label
	}
	var order []string
	byKey := map[string]*menuTally{}
	for _, p := range live {
		tops := map[string][]string{}
		kids := map[string]map[string][]string{}
		for _, m := range p.Menus {
			if m == nil || m.Region == page.RegionFooter {
				continue
			}
			key := page.NormalizeLabel(m.Name)
			if byKey[key] == nil {
				byKey[key] = &menuTally{name: m.Name, top: newTally(), children: map[string]*tally{}}
				order = append(order, key)
			}
			if kids[key] == nil {
				kids[key] = map[string][]string{}
			}
			for _, e := range m.Entries {
				if !isEntry(e, p) {
					continue
				}
				tops[key] = append(tops[key], e.Name())
				parent := page.NormalizeLabel(e.Name())
				for _, c := range e.Children() {
					if isEntry(c, p) {
						kids[key][parent] = append(kids[key][parent], c.Name())
					}
				}
			}
		}
		for key, labels := range tops {
			byKey[key].top.addPage(labels)
		}
		for key, parents := range kids {
			for parent, labels := range parents {
				mt := byKey[key]
				if mt.children[parent] == nil {
					mt.children[parent] = newTally()
				}
				mt.children[parent].addPage(labels)
			}
		}
	}
	for _, key := range order {
		mt := byKey[key]
		var items []schema.Item
		for _, label := range mt.top.common(need) {
			item := schema.Item{Label: schema.Strings{label}}
			if kids := mt.children[page.NormalizeLabel(label)]; kids != nil {
				for _, child := range kids.common(need) {
					item.Children = append(item.Children, schema.Item{Label: schema.Strings{child}})
				}
			}
			st.navEntries++
			items = append(items, item)
		}
		switch {
		case len(items) == 0:
		case key == "":
			st.cfg.Navigation.Required = append(st.cfg.Navigation.Required, items...)
		default:
			st.cfg.Navigation.Menus = append(st.cfg.Navigation.Menus, schema.Menu{Name: mt.name, Required: items})
		}
	}
}

// isEntry reports whether a menu or footer entry is one a person follows
// to another page (checks.IsNavEntry), and not to a place on its own.
func isEntry(e *page.Entry, p *page.Page) bool {
	return checks.IsNavEntry(e) && !inPage(e, p)
}

// inPage reports whether an entry leads to a fragment of its own page.
func inPage(e *page.Entry, p *page.Page) bool {
	target, fragment, ok := strings.Cut(e.Target, "#")
	return ok && fragment != "" && (target == "" || target == p.URL)
}

// footer requires the footer items that most pages carry, but the
// copyright notice (footer.copyright's) and what a preset requires already.
func (st *starter) footer(live []*page.Page, need float64, withPresets *schema.Config) {
	t := newTally()
	for _, p := range live {
		if p.Footer == nil {
			continue
		}
		var labels []string
		for _, e := range p.Footer.Items {
			if !isEntry(e, p) || isNotice(e, p.Footer) || coveredByPreset(withPresets, e) {
				continue
			}
			labels = append(labels, e.Name())
		}
		t.addPage(labels)
	}
	for _, label := range t.common(need) {
		st.cfg.Footer.Required = append(st.cfg.Footer.Required, schema.Item{Label: schema.Strings{label}})
		st.footerItems++
	}
}

// isNotice reports whether a footer item is the copyright notice itself
// ("© Crown copyright" as a link).
func isNotice(e *page.Entry, f *page.Region) bool {
	name := page.NormalizeLabel(e.Name())
	for _, c := range f.Copyright {
		if c != nil && strings.Contains(page.NormalizeLabel(c.Text), name) {
			return true
		}
	}
	return false
}

func coveredByPreset(cfg *schema.Config, e *page.Entry) bool {
	for i := range cfg.Footer.Required {
		it := &cfg.Footer.Required[i]
		if it.IsEnabled() && checks.MatchesEntry(it, e) {
			return true
		}
	}
	return false
}

// copyright writes the notice as the pages write it: required when most
// pages carry one, yearOptional when most of those have no year.
func (st *starter) copyright(live []*page.Page, need float64, withPresets *schema.Config, now time.Time) {
	withNotice, withYear, newest := 0, 0, 0
	for _, p := range live {
		if p.Footer == nil || len(p.Footer.Copyright) == 0 {
			continue
		}
		withNotice++
		year := 0
		for _, c := range p.Footer.Copyright {
			if c != nil {
				year = max(year, checks.NewestYear(c.Text, now))
			}
		}
		if year > 0 {
			withYear++
			newest = max(newest, year)
		}
	}
	required := float64(withNotice) >= need-1e-9
	yearOptional := withYear*2 < withNotice
	c := &schema.Copyright{Required: &required, YearOptional: &yearOptional}
	st.cfg.Footer.Copyright = c
	switch {
	case withNotice == 0 && withPresets.Footer.Copyright.IsRequired():
		st.notes = append(st.notes, "off: the copyright notice of the recommended preset (no page of the site has one)")
	case !required:
		st.notes = append(st.notes, fmt.Sprintf("the copyright notice is not required: it is on %d of %s", withNotice, finding.Plural(len(live), "page", "pages")))
	case !yearOptional && newest > 0 && newest < now.Year():
		st.notes = append(st.notes, fmt.Sprintf("the copyright notices' newest year is %d: check reports them out of date until they say %d (or set footer.copyright.maxAgeYears)", newest, now.Year()))
	}
}

// offItems switches off the recommended preset's items that no page of the
// site meets (the privacy link of a site without one), and says so in the
// item's description. Items of the presets the user named stay on: those
// are a contract the site must meet.
func (st *starter) offItems(live []*page.Page, withPresets *schema.Config) {
	off := false
	for i := range withPresets.Footer.Required {
		it := &withPresets.Footer.Required[i]
		if it.Preset != "recommended" || !it.IsEnabled() || it.ID == "" {
			continue
		}
		met := false
		for _, p := range live {
			if checks.HasItem(p, it) {
				met = true
				break
			}
		}
		if met {
			continue
		}
		st.cfg.Footer.Required = append(st.cfg.Footer.Required, schema.Item{ID: it.ID, Enabled: &off,
			Description: "Off: no page of the site had it when pagelint init wrote this config. Remove this item to require it."})
		st.notes = append(st.notes, fmt.Sprintf("off: %q of the recommended preset (no page of the site has it)", it.ID))
	}
}
