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
	Description: "a #fragment names no id or <a name> on the target page (error), or one that several elements of its own page share (warning)",
	Docs:        "docs/rules.md#link-fragment"}

// ownFragment judges a fragment of the page the link stands on: it must
// name an element, and one only, since a browser goes to the first (a table
// of contents whose sections share an id sends every entry to the first).
// Only menu links are judged so: a table of contents lists its sections in
// order, so its first link to a shared anchor means the first element and
// the next ones are reported; a link in the text may well mean the first
// ("the same as configuring the Seal"). An id whose first element is a
// landmark is judged so wherever its links stand: the first link to it is
// the skip link, which means the landmark, and no other link means the
// page's main content ("Content" in a list of contents means the heading
// "Content").
func (lc *linkCheck) ownFragment(l *page.Link, t target) {
	if !lc.fragments || !t.hasFragment || fragmentFine(t.fragment) {
		return
	}
	switch {
	case !slices.Contains(lc.p.Anchors, t.fragment):
		lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" names no id or a[name] on this page")
	case l.Region == page.RegionNav && slices.Contains(lc.p.SharedAnchors, t.fragment) && lc.seenShared(t.fragment):
		lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" names more than one element of this page (an id is one element's): like the link before it, this one leads to the first")
		lc.warnLast()
	case slices.Contains(lc.p.LandmarkAnchors, t.fragment) && lc.seenShared(t.fragment):
		lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" names more than one element of this page (an id is one element's), a landmark first: like the skip link before it, this one leads to the landmark")
		lc.warnLast()
	}
}

// warnLast makes the finding just added a warning (or what the config
// caps it to).
func (lc *linkCheck) warnLast() {
	last := &lc.result.Findings[len(lc.result.Findings)-1]
	last.Severity = lc.env.engine.rules.Capped(finding.Warning, ruleLinkFragment.ID)
}

// toShared: target's fragment is one the page's elements share.
func (lc *linkCheck) toShared(target string) bool {
	if len(lc.p.SharedAnchors) == 0 && len(lc.p.LandmarkAnchors) == 0 {
		return false
	}
	_, frag, ok := strings.Cut(target, "#")
	return ok && (slices.Contains(lc.p.SharedAnchors, frag) || slices.Contains(lc.p.LandmarkAnchors, frag))
}

// seenShared records a link to shared anchor a, and says whether one led
// there before.
func (lc *linkCheck) seenShared(a string) bool {
	if lc.sharedSeen[a] {
		return true
	}
	if lc.sharedSeen == nil {
		lc.sharedSeen = map[string]bool{}
	}
	lc.sharedSeen[a] = true
	return false
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
