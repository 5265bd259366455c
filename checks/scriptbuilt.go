package checks

import "github.com/pagelint/pagelint/internal/page"

// Built says what of a page its scripts build: menus and a footer that
// are empty in its source, on a page that loads scripts. The page is
// judged for them only when rendered (--render); until then
// page-script-built notes it, once, and the rules that would report every
// entry of them missing are silent. A page without scripts whose menu is
// empty is judged as it is: that is a real defect.
type Built struct {
	// Empty are the page's menus with no entry at all.
	Empty []*page.Menu
	// Menus: the page has menus outside its footer and each of them is
	// empty — its navigation is built in the browser.
	Menus bool
	// Footer: the footer has no link, button or copyright notice.
	Footer bool
	// Whole: the page has no menu, footer or link at all, and little
	// text — a shell that its scripts fill in.
	Whole bool
}

// Any reports whether scripts build the page's menus or footer: the page
// gets one page-script-built note, and links empty in its source are not
// reported as nameless.
func (b Built) Any() bool { return b.Menus || b.Footer || b.Whole }

// MenusBuilt reports whether the page's navigation is built by script.
func (b Built) MenusBuilt() bool { return b.Menus || b.Whole }

// FooterBuilt reports whether the page's footer is built by script.
func (b Built) FooterBuilt() bool { return b.Footer || b.Whole }

// BuiltByScript tells what of a page of content its scripts build. Only
// the HTML source can lack what scripts add: a rendered DOM or a text
// snapshot has it.
func BuiltByScript(p *page.Page) Built {
	var b Built
	if !scriptsRun(p) {
		return b
	}
	menus := menusIn(p)
	navs, empty := 0, 0
	for _, m := range menus {
		if len(m.Entries) == 0 {
			b.Empty = append(b.Empty, m)
		}
		if m.Region != page.RegionFooter {
			navs++
			if len(m.Entries) == 0 {
				empty++
			}
		}
	}
	b.Menus = navs > 0 && empty == navs
	b.Footer = p.Footer != nil && len(p.Footer.Items) == 0 && len(p.Footer.Copyright) == 0
	b.Whole = len(menus) == 0 && p.Footer == nil && anchorLinks(p) == 0 && p.Words <= stubWords
	return b
}

// scriptsRun reports whether the page is HTML source that loads scripts:
// what they add to the page is not in it yet. A rendered DOM or a text
// snapshot has it.
func scriptsRun(p *page.Page) bool {
	return p != nil && p.Format == page.FormatHTML && loadsScripts(p)
}

// loadsScripts reports whether the page loads a script.
func loadsScripts(p *page.Page) bool {
	for _, l := range p.Links {
		if l != nil && l.Tag == page.TagScript {
			return true
		}
	}
	return false
}

// holdsItems reports whether items that may stand in the places where
// wait for the page's scripts: the footer, or the whole page, is built
// by them.
func (b Built) holdsItems(where []string) bool {
	if b.Whole {
		return true
	}
	if !b.Footer {
		return false
	}
	for _, w := range where {
		if w == "footer" || w == "page" {
			return true
		}
	}
	return false
}

// holdsNavigation reports whether entries that any menu may carry
// (navigation.required) wait for the page's scripts.
func (b Built) holdsNavigation() bool { return b.MenusBuilt() }

// holdsMenu reports whether the required entries of a menu the config
// names wait for the page's scripts: the page's menus of that name are
// empty, or there are none and its navigation is built by script.
func (b Built) holdsMenu(named []*page.Menu) bool {
	if len(named) == 0 {
		return b.MenusBuilt()
	}
	for _, m := range named {
		if !b.isEmpty(m) {
			return false
		}
	}
	return true
}

// isEmpty reports whether m is one of the page's empty menus.
func (b Built) isEmpty(m *page.Menu) bool {
	for _, e := range b.Empty {
		if e == m {
			return true
		}
	}
	return false
}
