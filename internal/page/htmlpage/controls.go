package htmlpage

import (
	"bytes"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

// What an a element is to a reader (a link, a button in a link's markup,
// or nothing at all: anchorKind), and controls that are no entries
// (page.Entry.Control): what each says of itself — a disclosure state, a
// close or back name, a skip target, a form — is read here when its entry
// is made; where it stands (beside an entry, before the whole menu) is read
// as the menu nests (nesting.go).

// controlRole is what control n does when a reader would not take it for
// an entry, from the control alone; zero otherwise, and for controls outside
// menus and the footer, whose entries no rule compares.
func (md *model) controlRole(n nodeID, e *page.Entry) page.Control {
	if md.infoOf(n).in&(inMenu|inFooter) == 0 {
		return 0
	}
	switch {
	case md.skipLink(n, e):
		return page.ControlSkip
	case !md.toggleLike(n):
		return 0
	case md.submitsForm(n):
		return page.ControlForm
	}
	label, text := page.WordsOf(e.Label), ""
	name := label
	if e.Text() != "" {
		text = page.WordsOf(e.Text())
		name = text
	}
	switch {
	case page.IsTopName(name):
		return page.ControlSkip
	case page.IsCloseName(e.Label, label) || page.IsCloseName(e.Text(), text):
		return page.ControlClose
	case md.disclosure(n):
		// The toggle of a panel; one that holds its submenu turns out an
		// entry when the menu nests (adopt).
		return page.ControlToggle
	}
	return 0
}

// toggleLike: n acts rather than leads somewhere — a button, a summary, a
// link with no usable target, or a link that declares a popup or a panel.
func (md *model) toggleLike(n nodeID) bool {
	if md.controlKind(n) != page.KindLink {
		return true
	}
	return !md.navigates(n) || md.disclosure(n)
}

// navigates: n is a link with a target a reader can follow (not "", "#"
// or javascript:).
func (md *model) navigates(n nodeID) bool {
	if md.controlKind(n) != page.KindLink {
		return false
	}
	if md.Is(n, atom.A) {
		return md.infoOf(n).anchor&anchorDead == 0 // anchorKind read it
	}
	href, ok := md.Attr(n, atom.Href)
	return !deadHref(href, ok)
}

// anchorKind is the kind of control a element n is ("" for none). An a
// whose href leads nowhere (deadHref) is a button when it says it is a
// widget (declaresWidget: <a href="#" role="button">, <a role="tab">, a
// disclosure's toggle) or, without an href, when it carries the value it
// picks (data-value: an option of a picker). An a without href and without
// content is a fragment target (<a id="top"></a>), no control at all.
// It is read once: the scan, the entry and the nesting of its menu ask it
// of every link several times.
func (md *model) anchorKind(n nodeID) page.Kind {
	info := md.infoOf(n)
	if info.anchor == 0 {
		info.anchor = md.readAnchor(n)
	}
	return info.anchor&^anchorDead - 1
}

// anchorDead is the bit of nodeInfo.anchor that says an a's href leads
// nowhere (deadHref); the rest is 1 + anchorKind.
const anchorDead page.Kind = 1 << 7

func (md *model) readAnchor(n nodeID) page.Kind {
	href, has := md.Attr(n, atom.Href)
	if !has && md.blank(n) {
		return 1 | anchorDead
	}
	if !deadHref(href, has) {
		return 1 + page.KindLink
	}
	if md.declaresWidget(n) || !has && md.hasAttrNamed(n, "data-value") {
		return 1 + page.KindButton | anchorDead
	}
	return 1 + page.KindLink | anchorDead
}

// deadHref: an href that leads to no page (none, "", "#", javascript:).
func deadHref(href []byte, has bool) bool {
	h := bytes.TrimSpace(href)
	return !has || len(h) == 0 || string(h) == "#" || page.HasPrefixFold(h, "javascript:")
}

// widgetRoles are the roles that make an element a widget a reader
// operates in place, rather than a link followed.
var widgetRoles = []string{"button", "checkbox", "menuitemcheckbox", "menuitemradio", "option", "radio", "switch", "tab"}

// declaresWidget: n has a widget role (its first role token), or is a
// disclosure's toggle.
func (md *model) declaresWidget(n nodeID) bool {
	if role, _ := md.Attr(n, htmltree.AttrRole); len(role) > 0 {
		if first, _, _ := strings.Cut(strings.TrimSpace(string(role)), " "); first != "" {
			for _, r := range widgetRoles {
				if strings.EqualFold(first, r) {
					return true
				}
			}
		}
	}
	return md.disclosure(n)
}

// disclosure: n says it opens or closes part of the page: aria-expanded,
// aria-controls, aria-haspopup, or a script's toggle attribute
// (data-toggle, data-bs-toggle, data-bs-target …).
func (md *model) disclosure(n nodeID) bool {
	s := md.Nodes[n].Attrs
	for _, a := range md.Attrs[s.From:s.To] {
		switch a.Key {
		case htmltree.AttrAriaExpanded:
			return true
		case htmltree.AttrAriaControls, htmltree.AttrAriaHaspopup:
			if v := bytes.TrimSpace(md.Bytes(a.Val)); len(v) > 0 && string(v) != "false" {
				return true
			}
		case 0:
			name := md.Bytes(a.Name)
			if bytes.HasPrefix(name, []byte("data-")) && (bytes.HasSuffix(name, []byte("toggle")) || bytes.HasSuffix(name, []byte("-target"))) {
				return true
			}
		}
	}
	return false
}

// submitsForm: n is a form's submit, reset or image button.
func (md *model) submitsForm(n nodeID) bool {
	typ, _ := md.Attr(n, atom.Type)
	t := strings.ToLower(strings.TrimSpace(string(typ)))
	switch {
	case md.Is(n, atom.Button):
		if t != "" && t != "submit" && t != "reset" {
			return false
		}
	case md.Is(n, atom.Input):
		if t != "submit" && t != "reset" && t != "image" {
			return false
		}
	default:
		return false
	}
	for p := md.Nodes[n].Parent; md.Element(p); p = md.Nodes[p].Parent {
		if md.Is(p, atom.Form) {
			return true
		}
	}
	return false
}

// skipLink: n is a link to another part of this page that is no place of
// its own — a menu, or a landmark or the top for a link that says "skip",
// "jump", "back to" … — rather than a section a table of contents lists.
func (md *model) skipLink(n nodeID, e *page.Entry) bool {
	if e.Kind != page.KindLink || !strings.HasPrefix(e.Href, "#") || len(e.Href) < 2 {
		return false
	}
	id := e.Href[1:]
	target := md.names.ByID(id)
	if target != 0 && (md.Is(target, atom.Nav) || hasRole(md, target, "navigation") || md.chosenMenu(target)) {
		return true
	}
	if !page.IsSkipName(page.WordsOf(e.Name())) {
		return false
	}
	if target == 0 {
		return strings.EqualFold(id, "top")
	}
	return md.landmark(target)
}

// landmark: n is the page's main content, header or footer, or the page
// itself — where a skip link leads.
func (md *model) landmark(n nodeID) bool {
	switch md.Nodes[n].Atom {
	case atom.Main, atom.Header, atom.Footer, atom.Body, atom.Html:
		return md.Nodes[n].NS == htmltree.NSHTML
	}
	return hasRole(md, n, "main") || hasRole(md, n, "banner") || hasRole(md, n, "contentinfo")
}

func hasRole(md *model, n nodeID, role string) bool {
	r, _ := md.Attr(n, htmltree.AttrRole)
	return page.EqualFoldASCII(bytes.TrimSpace(r), role)
}

// blank: n has no element and no text but white space inside.
func (md *model) blank(n nodeID) bool {
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		if !md.Nodes[c].Text || !htmltree.IsSpace(md.Bytes(md.Nodes[c].Data)) {
			return false
		}
	}
	return true
}

// current: aria-current marks n as the page, step or place the reader is
// at (any value but "false").
func (md *model) current(n nodeID) bool {
	v, ok := md.AttrNamed(md.Nodes[n].Attrs, "aria-current")
	v = bytes.TrimSpace(v)
	return ok && len(v) > 0 && !page.EqualFoldASCII(v, "false")
}

func (md *model) hasAttrNamed(n nodeID, name string) bool {
	_, ok := md.AttrNamed(md.Nodes[n].Attrs, name)
	return ok
}

// showsWords: the text inside n holds a letter or a digit.
func (md *model) showsWords(n nodeID) bool {
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		switch {
		case md.Nodes[c].Text:
			if bytes.IndexFunc(md.Bytes(md.Nodes[c].Data), page.IsWordChar) >= 0 {
				return true
			}
		case !md.Has(c, htmltree.SkipText) && md.showsWords(c):
			return true
		}
	}
	return false
}
