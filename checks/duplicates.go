package checks

import (
	"fmt"

	"github.com/pagelint/pagelint/internal/page"
)

// menuDuplicate finds the same entry twice in one menu. Menus are compared
// one at a time: a desktop and a mobile copy of one menu are two menus, so
// an entry that each has once is no duplicate. The footer counts as a menu
// whose entries' parents are their groups.
type menuDuplicate struct{}

func (menuDuplicate) Rules() []Rule {
	return []Rule{{ID: RuleMenuDuplicate, Severity: Error,
		Description: "the same entry twice in one menu: same label under the same parent (error), same label and target elsewhere in the menu (warning)"}}
}

func (menuDuplicate) Check(p *page.Page, env *Env) []Finding {
	d := dupFinder{p: p, warn: weaker(Warning, env.config(), RuleMenuDuplicate)}
	for _, m := range menusIn(p) {
		flat := make([]dupEntry, 0, 64)
		walkEntries(m.Entries, nil, func(e, parent *page.Entry) {
			de := dupEntry{e: e, parentKey: parentKey{parent, normalize(e.Group)}}
			// The column heading is the nearer parent when it stands inside
			// the parent entry; a heading the parent shares stands outside it.
			switch {
			case e.Group != "" && (parent == nil || parent.Group != e.Group):
				de.parentName = e.Group
			case parent != nil:
				de.parentName = entryName(parent)
			}
			flat = append(flat, de)
		})
		d.find(flat, "menu entry", " in menu "+q(menuName(m)), menuName(m))
	}
	if p.Footer != nil {
		var flat []dupEntry
		for _, e := range p.Footer.Items {
			if e != nil {
				flat = append(flat, dupEntry{e: e, parentKey: parentKey{group: normalize(e.Group)}, parentName: e.Group})
			}
		}
		d.find(flat, "footer entry", " in the footer", "footer")
	}
	return d.out
}

type dupEntry struct {
	e          *page.Entry
	parentKey  parentKey
	parentName string
}

// parentKey is what an entry stands under: its parent entry and the heading
// of its column.
type parentKey struct {
	parent *page.Entry
	group  string
}

type dupFinder struct {
	p    *page.Page
	warn Severity
	out  []Finding
	// reported holds entries already reported, since one entry may stand
	// in a footer nav menu and among the footer's items.
	reported map[entryKey]bool
}

// find reports each entry that repeats an earlier one of the same menu.
// Most labels of a menu are unique, and this runs on every page of a site,
// so only the labels that repeat get a list of their entries.
func (d *dupFinder) find(entries []dupEntry, noun, inMenu, menu string) {
	if len(entries) < 2 {
		return
	}
	first := make(map[string]int, len(entries))
	var repeats map[string][]dupEntry
	var order []string
	for i := range entries {
		label := normalize(entries[i].e.Label)
		if label == "" {
			continue // icon-only links are link-no-text's business
		}
		f, seen := first[label]
		if !seen {
			first[label] = i
			continue
		}
		if repeats == nil {
			repeats = map[string][]dupEntry{}
		}
		if repeats[label] == nil {
			repeats[label] = []dupEntry{entries[f]}
			order = append(order, label)
		}
		repeats[label] = append(repeats[label], entries[i])
	}
	for _, label := range order {
		d.findIn(repeats[label], noun, inMenu, menu)
	}
}

// findIn reports the repeats among entries of one label, in document order.
func (d *dupFinder) findIn(same []dupEntry, noun, inMenu, menu string) {
next:
	for j := 1; j < len(same); j++ {
		de := same[j]
		for _, first := range same[:j] {
			if first.parentKey == de.parentKey {
				d.report(de, first, Unset, menu, "duplicate "+noun+" "+q(entryName(de.e))+under(de.parentName)+inMenu)
				continue next
			}
		}
		for _, first := range same[:j] {
			if sameTargetEntry(first.e, de.e) {
				d.report(de, first, d.warn, menu, noun+" "+q(entryName(de.e))+" appears twice"+inMenu+
					", under "+parentPhrase(first.parentName)+" and under "+parentPhrase(de.parentName))
				continue next
			}
		}
	}
}

func (d *dupFinder) report(de, first dupEntry, sev Severity, menu, msg string) {
	k := keyOf(de.e)
	if d.reported == nil {
		d.reported = map[entryKey]bool{}
	}
	if d.reported[k] {
		return
	}
	d.reported[k] = true
	switch {
	case first.e.Line > 0:
		msg += fmt.Sprintf(" (first at line %d)", first.e.Line)
	case first.e.Selector != "":
		msg += " (first at " + first.e.Selector + ")"
	}
	f := at(d.p, RuleMenuDuplicate, de.e.Pos, de.e.Selector,
		map[string]string{"label": entryName(de.e), "menu": menu, "parent": de.parentName, "href": de.e.Href}, "%s", msg)
	f.Severity = sev
	d.out = append(d.out, f)
}

// sameTargetEntry reports whether two entries with one label are the same
// entry: the same target, or — for rendered-text entries, whose targets are
// unknown — the same label alone.
func sameTargetEntry(a, b *page.Entry) bool {
	if a.Kind == page.KindText && b.Kind == page.KindText && a.Target == "" && b.Target == "" {
		return true
	}
	return a.Target != "" && a.Target == b.Target
}

func under(parent string) string {
	if parent == "" {
		return ""
	}
	return " under " + q(parent)
}

func parentPhrase(parent string) string {
	if parent == "" {
		return "the top level"
	}
	return q(parent)
}
