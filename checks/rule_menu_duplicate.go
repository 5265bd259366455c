package checks

import (
	"strconv"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// menuDuplicate finds the same entry twice in one menu. Menus are compared
// one at a time: a desktop and a mobile copy of one menu are two menus, so
// an entry that each has once is no duplicate. The footer counts as a menu
// whose entries' parents are their groups.
type menuDuplicate struct{}

var ruleMenuDuplicate = finding.Rule{ID: "menu-duplicate", Severity: finding.Error,
	Description: "the same entry twice in one menu: same label under the same parent (error), same label and target elsewhere in the menu (warning)",
	Docs:        "docs/rules.md#menu-duplicate"}

func (menuDuplicate) Rules() []finding.Rule { return []finding.Rule{ruleMenuDuplicate} }

func (menuDuplicate) Check(p *page.Page, env *Env) Result {
	if !env.standingOf(p).judged() {
		return Result{}
	}
	d := dupFinder{p: p, warn: env.engine.rules.Capped(finding.Warning, ruleMenuDuplicate.ID)}
	s := &env.dups
	defer s.clear()
	for _, m := range menusIn(p) {
		s.entries = flattenMenu(s.entries[:0], m.Entries, nil, -1, m.Name)
		d.find(s, dupScope{noun: "menu entry", menu: refOf(p, m)})
	}
	if p.Footer != nil {
		s.entries = s.entries[:0]
		for _, e := range p.Footer.Items {
			if e != nil && e.Seen() {
				s.entries = append(s.entries, dupEntry{e: e, parentKey: parentKey{group: e.Group}, parentName: e.Group, up: -1})
			}
		}
		d.find(s, dupScope{noun: "footer entry", menu: menuRef{name: "footer"}, footer: true})
	}
	return Result{Findings: d.out}
}

// flattenMenu appends a menu's entries to flat in document order, each with
// what it stands under, leaving out what a reader does not see as an entry
// of its own (Entry.Seen): hidden entries, controls, copies. A group that
// is the menu's own name heads the whole menu: no parent. up is the index
// of parent in flat, -1 when it is not there.
func flattenMenu(flat []dupEntry, entries []*page.Entry, parent *page.Entry, up int, menu string) []dupEntry {
	for _, e := range entries {
		if e == nil {
			continue
		}
		at := -1
		if e.Seen() {
			group := e.Group
			if group != "" && normalize(group) == normalize(menu) {
				group = ""
			}
			de := dupEntry{e: e, parentKey: parentKey{parent, group}, up: up}
			// The column heading is the nearer parent when it stands inside
			// the parent entry; a heading the parent shares stands outside it.
			switch {
			case group != "" && (parent == nil || parent.Group != e.Group):
				de.parentName = group
			case parent != nil:
				de.parentName = entryName(parent)
			}
			flat = append(flat, de)
			at = len(flat) - 1
		}
		flat = flattenMenu(flat, e.Children(), e, at, menu)
	}
	return flat
}

// dupScope is the menu whose entries are compared, as messages name it.
type dupScope struct {
	noun   string  // "menu entry", "footer entry"
	menu   menuRef // "footer" for the footer
	footer bool
}

// in says where the entries stand: ` in menu "Primary"`, " in the header
// menu", " in the footer".
func (s dupScope) in() string {
	if s.footer {
		return " in the footer"
	}
	return " in " + s.menu.the()
}

type dupEntry struct {
	e          *page.Entry
	parentKey  parentKey
	parentName string
	up         int // the index of the parent entry's dupEntry, -1 if none
}

// place names where entries[i] stands from the menu's top, for messages
// whose two parents have one name: "Topics › Most searched".
func place(entries []dupEntry, i int) string {
	de := entries[i]
	var parts []string
	if de.up >= 0 {
		if p := place(entries, de.up); p != "" {
			parts = append(parts, p)
		}
	}
	if de.parentKey.parent != nil {
		parts = append(parts, entryName(de.parentKey.parent))
	}
	if g := de.parentKey.group; g != "" && de.parentName == g {
		parts = append(parts, g)
	}
	return strings.Join(parts, " › ")
}

// parentKey is what an entry stands under: its parent entry and the heading
// of its column, as written; headings compare normalized (sameUnder).
type parentKey struct {
	parent *page.Entry
	group  string
}

// sameUnder reports whether two entries stand under the same parent and
// heading. Headings are normalized only here, for the few entries whose
// labels repeat, rather than for every entry of every page.
func sameUnder(a, b parentKey) bool {
	return a.parent == b.parent && (a.group == b.group || normalize(a.group) == normalize(b.group))
}

type dupFinder struct {
	p    *page.Page
	warn finding.Severity
	out  []finding.Finding
	// reported holds entries already reported, since one entry may stand
	// in a footer nav menu and among the footer's items.
	reported map[entryKey]bool
}

// find reports each entry of s.entries that repeats an earlier one of the
// same menu. Most labels of a menu are unique, and this runs on every page
// of a site, so only the labels that repeat get a list of their entries.
func (d *dupFinder) find(s *dupScratch, scope dupScope) {
	entries := s.entries
	if len(entries) < 2 {
		return
	}
	first := s.first
	defer clear(first)
	var repeats map[string][]int
	var order []string
	for i, label := range s.labelKeys() {
		if label == "" {
			continue // icon-only links are link-no-text's business
		}
		f, seen := first[label]
		if !seen {
			first[label] = i
			continue
		}
		if repeats == nil {
			repeats = map[string][]int{}
		}
		if repeats[label] == nil {
			repeats[label] = []int{f}
			order = append(order, label)
		}
		repeats[label] = append(repeats[label], i)
	}
	for _, label := range order {
		d.findIn(entries, repeats[label], scope)
	}
}

// findIn reports the repeats among the entries of one label (indexes
// into entries, in document order).
func (d *dupFinder) findIn(entries []dupEntry, same []int, scope dupScope) {
	noun, inMenu, menu := scope.noun, scope.in(), scope.menu.plain()
next:
	for j := 1; j < len(same); j++ {
		de := entries[same[j]]
		for _, f := range same[:j] {
			if first := entries[f]; sameUnder(first.parentKey, de.parentKey) {
				d.report(de, first, finding.Unset, menu, "duplicate "+noun+" "+q(entryName(de.e))+under(de.parentName)+inMenu)
				continue next
			}
		}
		for _, f := range same[:j] {
			if first := entries[f]; sameTargetEntry(first.e, de.e) {
				a, b := first.parentName, de.parentName
				if normalize(a) == normalize(b) {
					// Two parents of one name: say where each stands.
					a, b = place(entries, f), place(entries, same[j])
				}
				d.report(de, first, d.warn, menu, noun+" "+q(entryName(de.e))+" appears twice"+inMenu+
					", under "+parentPhrase(a)+" and under "+parentPhrase(b)+oneSection(de.e))
				continue next
			}
		}
	}
}

func (d *dupFinder) report(de, first dupEntry, sev finding.Severity, menu, msg string) {
	k := keyOf(de.e)
	if d.reported == nil {
		d.reported = map[entryKey]bool{}
	}
	if d.reported[k] {
		return
	}
	d.reported[k] = true
	// Where the first entry stands goes into the context, not the message:
	// a message is part of the finding's fingerprint, which must stay the
	// same when an edit moves lines.
	firstLine := ""
	if first.e.Line > 0 {
		firstLine = strconv.Itoa(first.e.Line)
	}
	f := atMsg(d.p.Source, ruleMenuDuplicate.ID, de.e.Pos, de.e.Selector,
		finding.NewContext("label", entryName(de.e), "menu", menu, "parent", de.parentName, "href", de.e.Href,
			"firstLine", firstLine, "firstSelector", first.e.Selector), msg)
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

// oneSection says why two entries of a table of contents that link to one
// fragment of their page are a defect: the page gives its sections one id,
// so every such link leads to the first of them.
func oneSection(e *page.Entry) string {
	if !strings.HasPrefix(e.Href, "#") || len(e.Href) == 1 {
		return ""
	}
	return "; both link to " + q(e.Href) + ", the same place on the page"
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

// dupScratch is the working memory of menuDuplicate, kept between the
// pages of one Env.
type dupScratch struct {
	entries []dupEntry
	keys    []string
	upper   []int // indexes of keys still to be lowered
	lower   []byte
	first   map[string]int // normalized label → index of its first entry
}

// clear drops what s holds of the page, keeping its room.
func (s *dupScratch) clear() {
	clear(s.entries[:cap(s.entries)])
	clear(s.keys[:cap(s.keys)])
	s.entries, s.keys = s.entries[:0], s.keys[:0]
}

// labelKeys returns the normalized label of each of s.entries: its
// accessible name and, when it differs, its visible text. Entries are the
// same when they read the same to every reader — toggles all named
// "Toggle navigation" that show "Nature" and "Research" are not, nor are
// two "More" links named "More about A" and "More about B". The labels
// that only need their ASCII letters lowered, as most do, are lowered into
// one string for the whole menu rather than one string each.
func (s *dupScratch) labelKeys() []string {
	s.keys, s.upper, s.lower = s.keys[:0], s.upper[:0], s.lower[:0]
	for i, de := range s.entries {
		label := de.e.Label
		if de.e.Text() != "" {
			label += "\x00" + de.e.Text()
		}
		switch labelForm(label) {
		case labelNormal:
			// The label is its own key.
		case labelUpper:
			s.upper = append(s.upper, i)
			start := len(s.lower)
			s.lower = append(s.lower, label...)
			for j, c := range s.lower[start:] {
				if 'A' <= c && c <= 'Z' {
					s.lower[start+j] = c + 'a' - 'A'
				}
			}
		default:
			label = page.NormalizeLabel(label)
		}
		s.keys = append(s.keys, label)
	}
	if len(s.upper) > 0 {
		lower := string(s.lower)
		for _, i := range s.upper {
			n := len(s.keys[i]) // lowering ASCII keeps the length
			s.keys[i], lower = lower[:n], lower[n:]
		}
	}
	return s.keys
}
