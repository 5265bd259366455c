package htmlpage

import (
	"bytes"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html/atom"
)

// What an a element is to a reader: a link, a button in a link's markup,
// or nothing at all.

// anchorKind is the kind of control a element n is ("" for none). An a
// whose href leads nowhere (none, "", "#", javascript:) is a button when it
// says it is a widget — a widget role (<a href="#" role="button">, <a
// role="tab">) or a disclosure's state (aria-expanded, aria-haspopup,
// aria-controls) — or, without an href, when it carries the value it
// picks (data-value: an option of a picker). An a without href and
// without content is a fragment target (<a id="top"></a>), no control at
// all.
func (md *model) anchorKind(n nodeID) string {
	href, has := md.attr(n, atom.Href)
	if !has && md.blank(n) {
		return ""
	}
	if deadHref(href, has) && (md.declaresWidget(n) || !has && md.hasAttrNamed(n, "data-value")) {
		return page.KindButton
	}
	return page.KindLink
}

// deadHref: an href that leads to no page.
func deadHref(href []byte, has bool) bool {
	href = bytes.TrimSpace(href)
	return !has || len(href) == 0 || string(href) == "#" ||
		len(href) >= len("javascript:") && equalFoldASCII(href[:len("javascript:")], "javascript:")
}

// widgetRoles are the roles that make an element a widget a reader
// operates in place, rather than a link followed.
var widgetRoles = []string{"button", "checkbox", "menuitemcheckbox", "menuitemradio", "option", "radio", "switch", "tab"}

// declaresWidget: n has a widget role (its first role token), or says
// it expands, pops up or controls something.
func (md *model) declaresWidget(n nodeID) bool {
	if role, _ := md.attr(n, attrRole); len(role) > 0 {
		if first, _, _ := strings.Cut(strings.TrimSpace(string(role)), " "); first != "" {
			for _, r := range widgetRoles {
				if strings.EqualFold(first, r) {
					return true
				}
			}
		}
	}
	// aria-expanded="false" is a disclosure, closed; aria-haspopup="false"
	// says there is no popup.
	expanded, _ := md.attr(n, attrAriaExpanded)
	popup, _ := md.attr(n, attrAriaHaspopup)
	controls, _ := md.attr(n, attrAriaControls)
	expanded, popup = bytes.TrimSpace(expanded), bytes.TrimSpace(popup)
	return equalFoldASCII(expanded, "true") || equalFoldASCII(expanded, "false") ||
		len(popup) > 0 && !equalFoldASCII(popup, "false") || len(bytes.TrimSpace(controls)) > 0
}

// blank: n has no element and no text but white space inside.
func (md *model) blank(n nodeID) bool {
	for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
		if !md.nodes[c].text || !isSpace(md.bytes(md.nodes[c].data)) {
			return false
		}
	}
	return true
}

// current: aria-current marks n as the page, step or place the reader is
// at (any value but "false").
func (md *model) current(n nodeID) bool {
	v, ok := md.attrNamed(md.nodes[n].attrs, "aria-current")
	v = bytes.TrimSpace(v)
	return ok && len(v) > 0 && !equalFoldASCII(v, "false")
}

func (md *model) hasAttrNamed(n nodeID, name string) bool {
	_, ok := md.attrNamed(md.nodes[n].attrs, name)
	return ok
}
