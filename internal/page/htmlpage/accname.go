package htmlpage

import (
	"bytes"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html/atom"
)

// The accessible name of a control or heading, what counts as hidden, and
// the text a reader sees: each decision has one function here.

// hiddenByAttrs: element n hides itself by the hidden attribute,
// aria-hidden="true", an inline display:none or visibility:hidden, or AMP's
// amp-access-hide (hidden until an access check shows it).
func (md *model) hiddenByAttrs(n nodeID) bool {
	s := md.nodes[n].attrs
	for _, a := range md.attrs[s.from:s.to] {
		switch a.key {
		case atom.Hidden:
			return true
		case 0:
			if string(md.bytes(a.name)) == "amp-access-hide" {
				return true
			}
		case atom.Style:
			if styleHides(string(md.bytes(a.val))) {
				return true
			}
		case attrAriaHidden:
			if equalFoldASCII(bytes.TrimSpace(md.bytes(a.val)), "true") {
				return true
			}
		}
	}
	return false
}

func styleHides(style string) bool {
	for decl := range strings.SplitSeq(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		if (k == "display" && v == "none") || (k == "visibility" && v == "hidden") {
			return true
		}
	}
	return false
}

// nameText gathers the text of a subtree the way the accessible-name
// computation does (simplified): text, image alt, svg titles; hidden
// descendants, scripts and styles skipped. full receives everything,
// visible only the text a reader sees.
type nameText struct {
	full, visible []byte
}

func (md *model) nameWalk(n nodeID) {
	t := &md.names
	for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
		if md.nodes[c].text {
			t.full = append(t.full, md.bytes(md.nodes[c].data)...)
			t.visible = append(t.visible, md.bytes(md.nodes[c].data)...)
			continue
		}
		md.nameElement(c)
	}
}

func (md *model) nameElement(c nodeID) {
	t := &md.names
	switch {
	case md.has(c, pSkipText) || md.hiddenByAttrs(c):
	case md.is(c, atom.Img):
		if alt, _ := md.attr(c, atom.Alt); len(alt) > 0 {
			t.full = appendWord(t.full, alt)
		}
	case md.is(c, atom.Input):
		if typ, _ := md.attr(c, atom.Type); equalFoldASCII(typ, "image") {
			if alt, _ := md.attr(c, atom.Alt); len(alt) > 0 {
				t.full = appendWord(t.full, alt)
			}
		}
	case md.isSVG(c):
		if title := md.svgTitle(c); title != "" {
			t.full = appendWord(t.full, []byte(title))
		}
		md.svgText(c)
	case md.has(c, pBlockish):
		t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
		md.nameWalk(c)
		t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
	default:
		md.nameWalk(c)
	}
}

func (md *model) isSVG(n nodeID) bool { return md.nodes[n].ns == nsSVG && md.nodes[n].atom == atom.Svg }

// svgText adds the text of svg <text> elements, which is drawn.
func (md *model) svgText(n nodeID) {
	t := &md.names
	for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
		switch {
		case md.nodes[c].text && md.nameIs(n, "text"):
			t.full = append(t.full, md.bytes(md.nodes[c].data)...)
			t.visible = append(t.visible, md.bytes(md.nodes[c].data)...)
		case !md.nodes[c].text && !md.nameIs(c, "title") && !md.nameIs(c, "desc") && !md.hiddenByAttrs(c):
			md.svgText(c)
		}
	}
}

func appendWord(b, w []byte) []byte {
	b = append(b, ' ')
	b = append(b, w...)
	return append(b, ' ')
}

// svgTitle is the name of an svg: its aria-label, else its own <title>.
func (md *model) svgTitle(svg nodeID) string {
	if l, _ := md.attr(svg, attrAriaLabel); len(bytes.TrimSpace(l)) > 0 {
		return collapse(string(l))
	}
	for c := md.nodes[svg].first; c != 0; c = md.nodes[c].next {
		if !md.nodes[c].text && md.nameIs(c, "title") {
			return collapse(md.textOf(c))
		}
	}
	return ""
}

// textOf is the plain text content of n.
func (md *model) textOf(n nodeID) string {
	var b []byte
	var walk func(nodeID)
	walk = func(n nodeID) {
		for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
			if md.nodes[c].text {
				b = append(b, md.bytes(md.nodes[c].data)...)
			} else if !md.has(c, pSkipText) {
				walk(c)
			}
		}
	}
	walk(n)
	return string(b)
}

// accName computes the label and visible text of a control or heading:
// aria-labelledby, else aria-label, else its content, else its title.
func (md *model) accName(n nodeID) (label, text string) {
	t := &md.names
	t.full, t.visible = t.full[:0], t.visible[:0]
	if md.is(n, atom.Img) || md.is(n, atom.Area) || md.is(n, atom.Input) {
		// void controls name themselves by attribute
		if alt, _ := md.attr(n, atom.Alt); len(alt) > 0 {
			t.full = appendWord(t.full, alt)
		}
		if v, ok := md.attr(n, atom.Value); ok && md.is(n, atom.Input) {
			t.full, t.visible = appendWord(t.full, v), appendWord(t.visible, v)
		}
	} else {
		md.nameWalk(n)
	}
	label, text = collapseBytes(t.full), collapseBytes(t.visible)
	if ids, ok := md.attr(n, attrAriaLabelledBy); ok {
		if l := md.labelledBy(ids); l != "" {
			return l, differs(text, l)
		}
	}
	if l, _ := md.attr(n, attrAriaLabel); len(bytes.TrimSpace(l)) > 0 {
		label = collapse(string(l))
	} else if label == "" {
		if title, _ := md.attr(n, atom.Title); len(bytes.TrimSpace(title)) > 0 {
			label = collapse(string(title))
		}
	}
	return label, differs(text, label)
}

// ariaName is n's name from aria-label, else from the texts its
// aria-labelledby names; "" when it has neither.
func (md *model) ariaName(n nodeID) string {
	if l, _ := md.attr(n, attrAriaLabel); len(bytes.TrimSpace(l)) > 0 {
		return collapse(string(l))
	}
	if ids, ok := md.attr(n, attrAriaLabelledBy); ok {
		return md.labelledBy(ids)
	}
	return ""
}

// labelledBy is the text of the elements that aria-labelledby ids name,
// each the content of the first element (with content) of that id.
func (md *model) labelledBy(ids []byte) string {
	var parts []string
	saved := md.names
	for _, id := range strings.Fields(string(ids)) {
		n := md.byID(id)
		if n == 0 {
			continue
		}
		md.names = nameText{}
		md.nameWalk(n)
		if s := collapseBytes(md.names.full); s != "" {
			parts = append(parts, s)
		}
	}
	md.names = saved
	return collapse(strings.Join(parts, " "))
}

func differs(text, label string) string {
	if text == label {
		return ""
	}
	return text
}

// collapse is page.CollapseSpace without allocating when s is already
// collapsed, as most labels are.
func collapse(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if prevSpace {
				return page.CollapseSpace(s)
			}
			prevSpace = true
		case '\t', '\n', '\r', '\f', '\v':
			return page.CollapseSpace(s)
		default:
			if s[i] >= 0x80 {
				return page.CollapseSpace(s) // Unicode white space: leave it to strings.Fields
			}
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return page.CollapseSpace(s)
	}
	return s
}

// collapseBytes is collapse of b as a new string; ASCII text is collapsed
// in place, without the copies of strings.Fields.
func collapseBytes(b []byte) string {
	if !isASCII(b) {
		return page.CollapseSpace(string(b)) // Unicode white space: leave it to strings.Fields
	}
	out := b[:0]
	for i := 0; i < len(b); {
		if isASCIISpace(b[i]) {
			i++
			continue
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		for ; i < len(b) && !isASCIISpace(b[i]); i++ {
			out = append(out, b[i])
		}
	}
	return string(out)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
