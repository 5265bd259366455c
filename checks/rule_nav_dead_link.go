package checks

import (
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// navDeadLink finds navigation, header and footer entries whose target is
// unusable.
type navDeadLink struct{}

var ruleNavDeadLink = finding.Rule{ID: "nav-dead-link", Severity: finding.Error,
	Description: "a navigation, header or footer entry whose target is unusable: no href, \"#\", javascript:",
	Docs:        "docs/rules.md#nav-dead-link"}

func (navDeadLink) Rules() []finding.Rule { return []finding.Rule{ruleNavDeadLink} }

func (navDeadLink) Check(p *page.Page, _ *Env) Result {
	d := deadLinks{p: p}
	for _, m := range menusIn(p) {
		d.checkMenu(refOf(p, m).plain(), m.Entries)
	}
	// The header's links outside its menus (a menu toggle, an account
	// link) and the footer's are navigation as well.
	for _, r := range []struct {
		region *page.Region
		where  string
	}{{p.Header, "header"}, {p.Footer, "footer"}} {
		if r.region == nil {
			continue
		}
		for _, e := range r.region.Items {
			if e != nil {
				d.check(e, r.where, "group", e.Group)
			}
		}
	}
	return Result{Findings: d.out}
}

// deadLinks gathers the findings of navDeadLink on one page.
type deadLinks struct {
	p    *page.Page
	seen map[entryKey]bool // made at the first dead entry: most pages have none
	out  []finding.Finding
}

// checkMenu checks the entries of the menu called menu, and the entries
// under them.
func (d *deadLinks) checkMenu(menu string, entries []*page.Entry) {
	for _, e := range entries {
		if e == nil {
			continue
		}
		d.check(e, "navigation", "menu", menu)
		d.checkMenu(menu, e.Children())
	}
}

func (d *deadLinks) check(e *page.Entry, where, ctxKey, ctxValue string) {
	// Toggles and buttons need no href; entries of rendered text have
	// none unless the snapshot wrote the link out. Hidden entries are
	// checked: a collapsed submenu is hidden until its toggle opens it.
	if e.Ignored || e.Kind != page.KindLink && (e.Kind != page.KindText || !e.HasHref) {
		return
	}
	why := deadReason(e)
	if why == "" {
		return
	}
	// A footer nav's entries are a menu's and the footer's items too.
	if d.seen == nil {
		d.seen = map[entryKey]bool{}
	}
	k := keyOf(e)
	if d.seen[k] {
		return
	}
	d.seen[k] = true
	name := "with no label"
	if n := entryName(e); n != "" {
		name = q(n)
	} else if e.NamedBy() != "" {
		name = "whose label a script sets"
	}
	if len(e.Children()) > 0 || e.Control == page.ControlToggle {
		// A link that only opens its submenu is a button in disguise:
		// keyboards and screen readers take it for a page.
		why += " (it opens a submenu: make it a button)"
	}
	ctx := finding.NewContext(ctxKey, ctxValue, "label", entryName(e), "href", e.Href)
	d.out = append(d.out, at(d.p.Source, ruleNavDeadLink.ID, e.Pos, e.Selector, ctx, "%s entry %s %s", where, name, why))
}

// deadReason says why a link entry's target is unusable, or "" when it is
// fine.
func deadReason(e *page.Entry) string {
	href := strings.TrimSpace(e.Href)
	switch {
	case !e.HasHref && href == "":
		if e.Target != "" || e.Current {
			// A target known without an attribute (text snapshots), or
			// the marker of the page the reader is on.
			return ""
		}
		return "has no href"
	case href == "":
		return "has an empty href"
	case href == "#":
		return `links to "#"`
	case len(href) >= 11 && strings.EqualFold(href[:11], "javascript:"):
		return "links to " + q(href) + " instead of a page"
	}
	return ""
}
