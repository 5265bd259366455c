// Package accname reads what a person gets of the elements of a page's
// tree (htmltree): the accessible name of a control or heading and the
// text a reader sees of it (accname 1.2, name from content), whether its
// attributes hide it, its text, the element an id names (for
// aria-labelledby), and how many words the page shows of its own. Each
// decision has one function here, which the page model (htmlpage) asks.
package accname

import (
	"bytes"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

type nodeID = htmltree.NodeID

// A Namer answers for the elements of one tree. It is kept from page to
// page: its buffers and its index of ids stay.
type Namer struct {
	*htmltree.Tree
	nameText
	ids        htmltree.SpanIndex // see ByID
	idsIndexed bool
	idNodes    []nodeID // the elements with an id, in tree order (NoteID)
}

// Reset empties nm for the tree t, keeping its space.
func (nm *Namer) Reset(t *htmltree.Tree) {
	*nm = Namer{Tree: t, nameText: nameText{full: nm.full[:0], visible: nm.visible[:0]},
		ids: nm.ids, idNodes: nm.idNodes[:0]}
}

// ByID is the first element of the page with id id, in tree order, from
// the elements with an id that NoteID was told of in tree order: the
// model walks the tree anyway, so the index needs no walk of its own.
func (nm *Namer) ByID(id string) nodeID {
	if !nm.idsIndexed {
		nm.idsIndexed = true
		nm.ids.Reset(len(nm.idNodes))
		first := nm.idNodes[:0] // the first element of each id, in the order of nm.ids
		for _, n := range nm.idNodes {
			if s, _ := nm.AttrSpan(nm.Nodes[n].Attrs, atom.Id); s.To > s.From {
				if _, added := nm.ids.Add(nm.Tree, s); added {
					first = append(first, n)
				}
			}
		}
		nm.idNodes = first
	}
	if k := nm.ids.Find(nm.Tree, id); k >= 0 {
		return nm.idNodes[k]
	}
	return 0
}

// NoteID notes element n for ByID when it has an id.
func (nm *Namer) NoteID(n nodeID) {
	if nm.Nodes[n].Flags&htmltree.FlagOf(atom.Id) != 0 {
		nm.idNodes = append(nm.idNodes, n)
	}
}

// HiddenByAttrs: element n hides itself by the hidden attribute,
// aria-hidden="true", an inline display:none or visibility:hidden, or AMP's
// amp-access-hide (hidden until an access check shows it).
func (nm *Namer) HiddenByAttrs(n nodeID) bool { return nm.hides(n, true) }

// NotShown: element n hides itself from sight (HiddenByAttrs but for
// aria-hidden, which hides from assistive technology only).
func (nm *Namer) NotShown(n nodeID) bool { return nm.hides(n, false) }

func (nm *Namer) hides(n nodeID, aria bool) bool {
	s := nm.Nodes[n].Attrs
	for _, a := range nm.Attrs[s.From:s.To] {
		switch a.Key {
		case atom.Hidden:
			return true
		case 0:
			if string(nm.Bytes(a.Name)) == "amp-access-hide" {
				return true
			}
		case atom.Style:
			if styleHides(string(nm.Bytes(a.Val))) {
				return true
			}
		case htmltree.AttrAriaHidden:
			if aria && page.EqualFoldASCII(bytes.TrimSpace(nm.Bytes(a.Val)), "true") {
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

func (nm *Namer) nameWalk(n nodeID) {
	t := &nm.nameText
	for c := nm.Nodes[n].First; c != 0; c = nm.Nodes[c].Next {
		if nm.Nodes[c].Text {
			t.full = append(t.full, nm.Bytes(nm.Nodes[c].Data)...)
			t.visible = append(t.visible, nm.Bytes(nm.Nodes[c].Data)...)
			continue
		}
		if !nm.Has(c, htmltree.SkipText) && !nm.HiddenByAttrs(c) {
			nm.nameOf(c)
		}
		if nm.Nodes[c].SpaceAfter {
			t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
		}
	}
}

// nameOf adds the name of element c, a descendant of the element named
// (or one an aria-labelledby names).
func (nm *Namer) nameOf(c nodeID) {
	t := &nm.nameText
	if name := nm.AriaName(c); name != "" {
		// The content still shows; the name replaces it for the ear.
		mark := len(t.full)
		nm.content(c)
		t.full = appendWord(t.full[:mark], []byte(name))
		return
	}
	if nm.Nodes[c].Props&htmltree.Void != 0 || nm.isImage(c) {
		nm.voidName(c)
		return
	}
	mark := len(t.full)
	nm.content(c)
	if htmltree.IsSpace(t.full[mark:]) {
		if title, _ := nm.Attr(c, atom.Title); len(bytes.TrimSpace(title)) > 0 {
			t.full = appendWord(t.full, title)
		}
	}
}

// content adds the text inside element c: an svg's drawn text (its title
// is its name, not its content), block elements apart from their
// neighbours.
func (nm *Namer) content(c nodeID) {
	t := &nm.nameText
	switch {
	case nm.IsSVG(c):
		if title := nm.SVGTitle(c); title != "" {
			t.full = appendWord(t.full, []byte(title))
		}
		nm.svgText(c)
	case nm.Has(c, htmltree.Blockish):
		t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
		nm.nameWalk(c)
		t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
	default:
		nm.nameWalk(c)
	}
}

// voidName adds the name an element without content gives by its
// attributes: the alt of an image (img, AMP's amp-img, area), else its
// title; the value of an input button (a submit or reset button without
// one shows the browser's "Submit", "Reset"), the alt of an image button.
func (nm *Namer) voidName(c nodeID) {
	t := &nm.nameText
	if nm.Has(c, htmltree.Blockish) { // <br>, <hr>
		t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
	}
	if !nm.Is(c, atom.Input) {
		if nm.isImage(c) || nm.Is(c, atom.Area) {
			if alt, _ := nm.Attr(c, atom.Alt); len(bytes.TrimSpace(alt)) > 0 {
				t.full = appendWord(t.full, alt)
			} else if title, _ := nm.Attr(c, atom.Title); len(bytes.TrimSpace(title)) > 0 && nm.isImage(c) {
				t.full = appendWord(t.full, title)
			}
		}
		return
	}
	typ, _ := nm.Attr(c, atom.Type)
	switch kind := strings.ToLower(strings.TrimSpace(string(typ))); kind {
	case "image":
		if alt, _ := nm.Attr(c, atom.Alt); len(alt) > 0 {
			t.full = appendWord(t.full, alt)
		}
	case "button", "submit", "reset":
		v, ok := nm.Attr(c, atom.Value)
		if !ok && kind != "button" {
			v = []byte(defaultButtonText[kind])
		}
		t.full, t.visible = appendWord(t.full, v), appendWord(t.visible, v)
	}
}

var defaultButtonText = map[string]string{"submit": "Submit", "reset": "Reset"}

// isImage: an img, or AMP's amp-img, which AMP renders as an img with its
// alt.
func (nm *Namer) isImage(n nodeID) bool {
	return nm.Is(n, atom.Img) || nm.Nodes[n].NS == htmltree.NSHTML && nm.Nodes[n].Atom == 0 && nm.NameIs(n, "amp-img")
}

// IsSVG: n is an svg element.
func (nm *Namer) IsSVG(n nodeID) bool {
	return nm.Nodes[n].NS == htmltree.NSSVG && nm.Nodes[n].Atom == atom.Svg
}

// svgText adds the text of svg <text> elements, which is drawn, with the
// text of what they hold (tspan, textPath, a).
func (nm *Namer) svgText(n nodeID) {
	nm.svgTextIn(n, false)
}

func (nm *Namer) svgTextIn(n nodeID, drawn bool) {
	t := &nm.nameText
	drawn = drawn || nm.NameIs(n, "text")
	for c := nm.Nodes[n].First; c != 0; c = nm.Nodes[c].Next {
		switch {
		case nm.Nodes[c].Text && drawn:
			t.full = append(t.full, nm.Bytes(nm.Nodes[c].Data)...)
			t.visible = append(t.visible, nm.Bytes(nm.Nodes[c].Data)...)
		case !nm.Nodes[c].Text && !nm.NameIs(c, "title") && !nm.NameIs(c, "desc") && !nm.HiddenByAttrs(c):
			nm.svgTextIn(c, drawn)
		}
		if nm.Nodes[c].SpaceAfter && drawn {
			t.full, t.visible = append(t.full, ' '), append(t.visible, ' ')
		}
	}
}

func appendWord(b, w []byte) []byte {
	b = append(b, ' ')
	b = append(b, w...)
	return append(b, ' ')
}

// SVGTitle is the name of an svg: its aria-label, else its own <title>.
func (nm *Namer) SVGTitle(svg nodeID) string {
	if l, _ := nm.Attr(svg, htmltree.AttrAriaLabel); len(bytes.TrimSpace(l)) > 0 {
		return page.CleanLabel(string(l))
	}
	for c := nm.Nodes[svg].First; c != 0; c = nm.Nodes[c].Next {
		if !nm.Nodes[c].Text && nm.NameIs(c, "title") {
			return page.CleanLabel(nm.TextOf(c))
		}
	}
	return ""
}

// TextOf is the plain text content of n.
func (nm *Namer) TextOf(n nodeID) string {
	var b []byte
	var walk func(nodeID)
	walk = func(n nodeID) {
		for c := nm.Nodes[n].First; c != 0; c = nm.Nodes[c].Next {
			if nm.Nodes[c].Text {
				b = append(b, nm.Bytes(nm.Nodes[c].Data)...)
				continue
			}
			if !nm.Has(c, htmltree.SkipText) {
				walk(c)
			}
			if nm.Nodes[c].SpaceAfter {
				b = append(b, ' ')
			}
		}
	}
	walk(n)
	return string(b)
}

// Name computes the label and visible text of a control or heading:
// aria-labelledby, else aria-label, else its content (or an image's or
// input's own attributes), else its title.
func (nm *Namer) Name(n nodeID) (label, text string) {
	t := &nm.nameText
	t.full, t.visible = t.full[:0], t.visible[:0]
	if nm.Nodes[n].Props&htmltree.Void != 0 || nm.isImage(n) {
		nm.voidName(n)
	} else {
		nm.nameWalk(n)
	}
	// The visible text is mostly the label itself: it is collapsed and
	// made a string only when it differs.
	same := bytes.Equal(t.full, t.visible)
	full := page.CleanLabelInPlace(t.full)
	visible := full
	if !same {
		visible = page.CleanLabelInPlace(t.visible)
	}
	if l := nm.AriaName(n); l != "" {
		return l, differs(visible, l)
	}
	label = string(full)
	if label == "" {
		if title, _ := nm.Attr(n, atom.Title); len(bytes.TrimSpace(title)) > 0 {
			label = page.CleanLabel(string(title))
		}
	}
	return label, differs(visible, label)
}

// AriaName is n's name from the texts its aria-labelledby names, else from
// its aria-label; "" when it has neither.
func (nm *Namer) AriaName(n nodeID) string {
	if !nm.labelling {
		if ids, ok := nm.Attr(n, htmltree.AttrAriaLabelledBy); ok {
			if l := nm.labelledBy(ids); l != "" {
				return l
			}
		}
	}
	if l, _ := nm.Attr(n, htmltree.AttrAriaLabel); len(bytes.TrimSpace(l)) > 0 {
		return page.CleanLabel(string(l))
	}
	return ""
}

// labelledBy is the names of the elements that aria-labelledby ids name,
// each the first element of that id, hidden or not.
func (nm *Namer) labelledBy(ids []byte) string {
	var parts []string
	saved := nm.nameText
	for _, id := range strings.Fields(string(ids)) {
		n := nm.ByID(id)
		if n == 0 {
			continue
		}
		nm.nameText = nameText{labelling: true}
		nm.nameOf(n)
		if s := string(page.CleanLabelInPlace(nm.full)); s != "" {
			parts = append(parts, s)
		}
	}
	nm.nameText = saved
	return page.CleanLabel(strings.Join(parts, " "))
}

// differs is the visible text when it is not the label, else "".
func differs(text []byte, label string) string {
	if string(text) == label {
		return ""
	}
	return string(text)
}
