package checks

import (
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// link-fragment: a #fragment names no id or a[name] on the page it leads
// to. linkTargets (links.go) finds the links and their pages; these are its
// judgements.

var ruleLinkFragment = finding.Rule{ID: "link-fragment", Severity: finding.Error,
	Description: "a #fragment names no id or <a name> on the target page",
	Docs:        "docs/rules.md#link-fragment"}

// ownFragment judges a fragment of the page the link stands on.
func (lc *linkCheck) ownFragment(l *page.Link, t target) {
	if lc.fragments && t.hasFragment && !fragmentFine(t.fragment) && !slices.Contains(lc.p.Anchors, t.fragment) {
		lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" names no id or a[name] on this page")
	}
}

// otherFragment judges a fragment of another page of the site, whose
// anchors are known.
func (lc *linkCheck) otherFragment(l *page.Link, t target, resolved string, anchors map[string]bool) {
	if !anchors[t.fragment] {
		lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" of "+what(l)+" "+q(l.Href)+" names no id or a[name] on "+q(resolved))
	}
}

// externalFragment reports an external page that works but lacks the
// fragment (links.externalFragments).
func (lc *linkCheck) externalFragment(l *page.Link, t target) {
	if lc.fragments {
		lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" of external "+what(l)+" "+q(firstNonEmpty(l.Href, l.Target))+" names no id or a[name] on that page")
	}
}

// usemap judges an img's usemap: the name of a map of the page itself
// ("#primary" names <map name="primary">), which no other page can hold.
func (lc *linkCheck) usemap(l *page.Link) {
	name, ok := strings.CutPrefix(strings.TrimSpace(l.Href), "#")
	if !lc.fragments || !ok || name == "" || slices.Contains(lc.p.Maps, name) {
		return // "usemap" without "#" is invalid HTML, which validators report
	}
	lc.add(l, ruleLinkFragment.ID, "usemap "+q(l.Href)+" of "+named("img", l.Label)+" names no <map name="+q(name)+"> on this page")
}

// fragmentFine: "#" and "#top" lead to the top of any page.
func fragmentFine(frag string) bool {
	return frag == "" || strings.EqualFold(frag, "top")
}
