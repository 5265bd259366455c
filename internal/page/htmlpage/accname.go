package htmlpage

import (
	"bytes"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

// The accessible name of a control or heading, what counts as hidden, and
// the text a reader sees: each decision has one function here.

// hiddenByAttrs: element n hides itself by the hidden attribute,
// aria-hidden="true", an inline display:none or visibility:hidden, or AMP's
// amp-access-hide (hidden until an access check shows it).
func (md *model) hiddenByAttrs(n nodeID) bool { return md.hides(n, true) }

// notShown: element n hides itself from sight (hiddenByAttrs but for
// aria-hidden, which hides from assistive technology only).
func (md *model) notShown(n nodeID) bool { return md.hides(n, false) }

func (md *model) hides(n nodeID, aria bool) bool {
	s := md.Nodes[n].Attrs
	for _, a := range md.Attrs[s.From:s.To] {
		switch a.Key {
		case atom.Hidden:
			return true
		case 0:
			if string(md.Bytes(a.Name)) == "amp-access-hide" {
				return true
			}
		case atom.Style:
			if styleHides(string(md.Bytes(a.Val))) {
				return true
			}
		case htmltree.AttrAriaHidden:
			if aria && page.EqualFoldASCII(bytes.TrimSpace(md.Bytes(a.Val)), "true") {
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
// computation (accname 1.2, name from content) does: each descendant gives
// its own name — aria-labelledby, aria-label, an image's alt, an input's
// value, an svg's title — else its content, else its title; hidden
// descendants, scripts and styles give nothing. full receives the name,
// visible only the text a reader sees. labelling is set while the texts an
// aria-labelledby names are read, whose own aria-labelledby is not
// followed (nor any loop of them).
type nameText struct {
	full, visible []byte
	labelling     bool
}

func (md *model) nameWalk(n nodeID) {
	t := &md.names
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		if md.Nodes[c].Text {
			t.full = append(t.full, md.Bytes(md.Nodes[c].Data)...)
			t.visible = append(t.visible, md.Bytes(md.Nodes[c].Data)...)
			continue
		}
		if !md.Has(c, htmltree.SkipText) && !md.hiddenByAttrs(c) {
			md.nameOf(c)
		}
		if md.Nodes[c].SpaceAfter {
			t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
		}
	}
}

// nameOf adds the name of element c, a descendant of the element named
// (or one an aria-labelledby names).
func (md *model) nameOf(c nodeID) {
	t := &md.names
	if name := md.ariaName(c); name != "" {
		// The content still shows; the name replaces it for the ear.
		mark := len(t.full)
		md.content(c)
		t.full = appendWord(t.full[:mark], []byte(name))
		return
	}
	if md.Nodes[c].Props&htmltree.Void != 0 || md.isImage(c) {
		md.voidName(c)
		return
	}
	mark := len(t.full)
	md.content(c)
	if htmltree.IsSpace(t.full[mark:]) {
		if title, _ := md.Attr(c, atom.Title); len(bytes.TrimSpace(title)) > 0 {
			t.full = appendWord(t.full, title)
		}
	}
}

// content adds the text inside element c: an svg's drawn text (its title
// is its name, not its content), block elements apart from their
// neighbours.
func (md *model) content(c nodeID) {
	t := &md.names
	switch {
	case md.isSVG(c):
		if title := md.svgTitle(c); title != "" {
			t.full = appendWord(t.full, []byte(title))
		}
		md.svgText(c)
	case md.Has(c, htmltree.Blockish):
		t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
		md.nameWalk(c)
		t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
	default:
		md.nameWalk(c)
	}
}

// voidName adds the name an element without content gives by its
// attributes: the alt of an image (img, AMP's amp-img, area), else its
// title; the value of an input button (a submit or reset button without
// one shows the browser's "Submit", "Reset"), the alt of an image button.
func (md *model) voidName(c nodeID) {
	t := &md.names
	if md.Has(c, htmltree.Blockish) { // <br>, <hr>
		t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
	}
	if !md.Is(c, atom.Input) {
		if md.isImage(c) || md.Is(c, atom.Area) {
			if alt, _ := md.Attr(c, atom.Alt); len(bytes.TrimSpace(alt)) > 0 {
				t.full = appendWord(t.full, alt)
			} else if title, _ := md.Attr(c, atom.Title); len(bytes.TrimSpace(title)) > 0 && md.isImage(c) {
				t.full = appendWord(t.full, title)
			}
		}
		return
	}
	typ, _ := md.Attr(c, atom.Type)
	switch kind := strings.ToLower(strings.TrimSpace(string(typ))); kind {
	case "image":
		if alt, _ := md.Attr(c, atom.Alt); len(alt) > 0 {
			t.full = appendWord(t.full, alt)
		}
	case "button", "submit", "reset":
		v, ok := md.Attr(c, atom.Value)
		if !ok && kind != "button" {
			v = []byte(defaultButtonText[kind])
		}
		t.full, t.visible = appendWord(t.full, v), appendWord(t.visible, v)
	}
}

var defaultButtonText = map[string]string{"submit": "Submit", "reset": "Reset"}

// isImage: an img, or AMP's amp-img, which AMP renders as an img with its
// alt.
func (md *model) isImage(n nodeID) bool {
	return md.Is(n, atom.Img) || md.Nodes[n].NS == htmltree.NSHTML && md.Nodes[n].Atom == 0 && md.NameIs(n, "amp-img")
}

func (md *model) isSVG(n nodeID) bool {
	return md.Nodes[n].NS == htmltree.NSSVG && md.Nodes[n].Atom == atom.Svg
}

// svgText adds the text of svg <text> elements, which is drawn, with the
// text of what they hold (tspan, textPath, a).
func (md *model) svgText(n nodeID) {
	md.svgTextIn(n, false)
}

func (md *model) svgTextIn(n nodeID, drawn bool) {
	t := &md.names
	drawn = drawn || md.NameIs(n, "text")
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		switch {
		case md.Nodes[c].Text && drawn:
			t.full = append(t.full, md.Bytes(md.Nodes[c].Data)...)
			t.visible = append(t.visible, md.Bytes(md.Nodes[c].Data)...)
		case !md.Nodes[c].Text && !md.NameIs(c, "title") && !md.NameIs(c, "desc") && !md.hiddenByAttrs(c):
			md.svgTextIn(c, drawn)
		}
		if md.Nodes[c].SpaceAfter && drawn {
			t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
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
	if l, _ := md.Attr(svg, htmltree.AttrAriaLabel); len(bytes.TrimSpace(l)) > 0 {
		return collapse(string(l))
	}
	for c := md.Nodes[svg].First; c != 0; c = md.Nodes[c].Next {
		if !md.Nodes[c].Text && md.NameIs(c, "title") {
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
		for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
			if md.Nodes[c].Text {
				b = append(b, md.Bytes(md.Nodes[c].Data)...)
				continue
			}
			if !md.Has(c, htmltree.SkipText) {
				walk(c)
			}
			if md.Nodes[c].SpaceAfter {
				b = append(b, ' ')
			}
		}
	}
	walk(n)
	return string(b)
}

// accName computes the label and visible text of a control or heading:
// aria-labelledby, else aria-label, else its content (or an image's or
// input's own attributes), else its title.
func (md *model) accName(n nodeID) (label, text string) {
	t := &md.names
	t.full, t.visible = t.full[:0], t.visible[:0]
	if md.Nodes[n].Props&htmltree.Void != 0 || md.isImage(n) {
		md.voidName(n)
	} else {
		md.nameWalk(n)
	}
	// The visible text is mostly the label itself: it is collapsed and
	// made a string only when it differs.
	same := bytes.Equal(t.full, t.visible)
	full := collapsedBytes(t.full)
	visible := full
	if !same {
		visible = collapsedBytes(t.visible)
	}
	if l := md.ariaName(n); l != "" {
		return l, differs(visible, l)
	}
	label = string(full)
	if label == "" {
		if title, _ := md.Attr(n, atom.Title); len(bytes.TrimSpace(title)) > 0 {
			label = collapse(string(title))
		}
	}
	return label, differs(visible, label)
}

// ariaName is n's name from the texts its aria-labelledby names, else from
// its aria-label; "" when it has neither.
func (md *model) ariaName(n nodeID) string {
	if !md.names.labelling {
		if ids, ok := md.Attr(n, htmltree.AttrAriaLabelledBy); ok {
			if l := md.labelledBy(ids); l != "" {
				return l
			}
		}
	}
	if l, _ := md.Attr(n, htmltree.AttrAriaLabel); len(bytes.TrimSpace(l)) > 0 {
		return collapse(string(l))
	}
	return ""
}

// labelledBy is the names of the elements that aria-labelledby ids name,
// each the first element of that id, hidden or not.
func (md *model) labelledBy(ids []byte) string {
	var parts []string
	saved := md.names
	for _, id := range strings.Fields(string(ids)) {
		n := md.byID(id)
		if n == 0 {
			continue
		}
		md.names = nameText{labelling: true}
		md.nameOf(n)
		if s := collapseBytes(md.names.full); s != "" {
			parts = append(parts, s)
		}
	}
	md.names = saved
	return collapse(strings.Join(parts, " "))
}

// differs is the visible text when it is not the label, else "".
func differs(text []byte, label string) string {
	if string(text) == label {
		return ""
	}
	return string(text)
}

// collapse is page.CleanLabel without allocating when s is already clean
// and collapsed, as most labels are.
func collapse(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if prevSpace {
				return page.CleanLabel(s)
			}
			prevSpace = true
		case '\t', '\n', '\r', '\f', '\v':
			return page.CleanLabel(s)
		default:
			if s[i] >= 0x80 {
				return page.CleanLabel(s) // Unicode spaces, soft hyphens, icon glyphs
			}
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return page.CleanLabel(s)
	}
	return s
}

// collapseBytes is collapse of b as a new string.
func collapseBytes(b []byte) string { return string(collapsedBytes(b)) }

// collapsedBytes is collapse of b, in b's memory: ASCII text is collapsed
// in place, without the copies of strings.Fields.
func collapsedBytes(b []byte) []byte {
	if !isASCII(b) {
		return append(b[:0], page.CleanLabel(string(b))...) // Unicode spaces, soft hyphens, icon glyphs
	}
	out := 0
	for i := 0; i < len(b); {
		if isASCIISpace(b[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(b) && !isASCIISpace(b[j]) {
			j++
		}
		if out > 0 {
			b[out] = ' '
			out++
		}
		out += copy(b[out:], b[i:j])
		i = j
	}
	return b[:out]
}

func isASCII(b []byte) bool {
	for _, c := range b[page.ASCIIPrefix(b):] {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
