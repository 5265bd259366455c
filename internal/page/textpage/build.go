package textpage

import (
	"net/url"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/urlnorm"
)

// builder turns the blocks of a snapshot into the page model.
type builder struct {
	page *page.Page
	refs *refTable
	base *url.URL
	// explicit: the snapshot writes link targets ([text](url) or lynx
	// references), so text outside link markup is no link.
	explicit bool
	dumper   dumper
}

// emitter receives each entry of a zone in document order.
type emitter func(e *page.Entry)

// entry makes the entry of one list item.
func (b *builder) entry(raw rawItem, region page.Landmark, group string, toggle bool) *page.Entry {
	segs := parseInline(raw.text, b.refs)
	text := trimSpace(flatten(segs))
	e := &page.Entry{Link: page.Link{Label: cleanLabel(runesString(text)), Region: region}, Kind: page.KindText, Group: group}
	if len(text) > 0 {
		start := labelStart(text)
		e.Pos = start.pos()
	} else {
		// An empty item (an icon-only link) is where its bullet is.
		e.Pos = page.Pos{Line: raw.line, Column: raw.bulletCol}
	}
	for _, s := range segs {
		if s.link {
			b.setHref(e, s.href)
			break
		}
	}
	if toggle {
		e.Kind = page.KindToggle
		if half, ok := doubled(e.Label); ok {
			e.Label = half
		}
	}
	b.setIcon(e)
	return e
}

// linkEntry makes the entry of a link written in free text.
func (b *builder) linkEntry(s segment, region page.Landmark, group string) *page.Entry {
	text := trimSpace(s.text)
	e := &page.Entry{Link: page.Link{Label: cleanLabel(runesString(text)), Region: region}, Kind: page.KindText, Group: group}
	if len(text) > 0 {
		start := labelStart(text)
		e.Pos = start.pos()
	} else {
		e.Pos = s.at.pos()
	}
	if s.link {
		b.setHref(e, s.href)
	}
	b.setIcon(e)
	return e
}

// buttonEntry makes the entry of a lynx button: a toggle when it opens a
// submenu.
func (b *builder) buttonEntry(s segment, region page.Landmark, group string, opens bool) *page.Entry {
	e := b.linkEntry(s, region, group)
	e.Kind = page.KindButton
	if opens {
		e.Kind = page.KindToggle
	}
	return e
}

// segmentEntries makes the entries of a run of inline text: a link or a
// button, or the names of a row that separators set apart in plain text
// ("Privacy | Cookie settings", as w3m writes the buttons it does not
// mark); nil for other text.
func (b *builder) segmentEntries(s segment, region page.Landmark, group string, opens bool) []*page.Entry {
	switch {
	case s.link:
		return []*page.Entry{b.linkEntry(s, region, group)}
	case s.button:
		return []*page.Entry{b.buttonEntry(s, region, group, opens)}
	}
	var out []*page.Entry
	for _, name := range separatedNames(s.text) {
		e := &page.Entry{Link: page.Link{Label: joinWords(name), Region: region, Pos: name[0][0].pos()}, Kind: page.KindText, Group: group}
		b.setIcon(e)
		out = append(out, e)
	}
	return out
}

func (b *builder) setHref(e *page.Entry, href string) {
	e.Href, e.HasHref = href, true
	e.Target = b.resolve(href)
}

func (b *builder) setIcon(e *page.Entry) {
	if text, iconLabel, ok := iconPhrase(e.Label); ok {
		e.Icon = true
		r := e.RareFields()
		r.Text, r.IconLabel = text, iconLabel
		e.SetRare(r)
	}
}

// resolve makes href a site path or an absolute URL, like the HTML
// extractor does; "" when it is no URL at all.
func (b *builder) resolve(href string) string {
	t, ok := urlnorm.Resolve(b.base, href)
	if !ok {
		return ""
	}
	return t
}

// record adds an entry to the page's controls and, when it is a link, to
// its links.
func (b *builder) record(e *page.Entry) {
	b.page.Controls = append(b.page.Controls, e)
	if !b.isLink(e) {
		return
	}
	b.page.Links = append(b.page.Links, &page.Link{
		Tag: page.TagA, Attr: page.AttrHref, Href: e.Href, Target: e.Target,
		Label: e.Label, Region: e.Region, Pos: e.Pos,
	})
}

// isLink says whether an entry is a link of the page. A button is none. A
// lynx or w3m dump shows neither aria-label, title nor SVG titles, so an
// entry without text there may well have a name: it is not taken for a
// nameless link. And where such a dump marks its links, an entry without
// the mark is none (it may be a button w3m does not mark).
func (b *builder) isLink(e *page.Entry) bool {
	switch {
	case e.Kind == page.KindToggle || e.Kind == page.KindButton:
		return false
	case b.dumper.dump() && (e.Label == "" || (b.explicit && !e.HasHref)):
		return false
	}
	return true
}

// convert makes the entries of sibling list items. A heading among them
// ("* ## Global") is no entry but the group of the items under it (or, when
// it has none, of the siblings after it). The children of a toggle written
// twice ("Software Software") stand in the toggle's group.
func (b *builder) convert(nodes []*node, region page.Landmark, group string, emit emitter) []*page.Entry {
	var out []*page.Entry
	current := group
	for _, n := range nodes {
		if h := n.groupHeading(); h != nil {
			name := cleanLabel(runesString(flatten(parseInline(h.text, b.refs))))
			if len(n.children) > 0 {
				out = append(out, b.convert(n.children, region, name, emit)...)
				current = group
			} else {
				current = name
			}
			continue
		}
		doubled := isToggle(n)
		es := b.entries(n, region, current, doubled)
		for _, e := range es {
			emit(e)
		}
		out = append(out, es...)
		if len(n.children) > 0 {
			// A group toggle's items stand in its group ("Software
			// Software"); a submenu's stand in the group of its opener.
			childGroup := current
			if doubled {
				childGroup = es[0].Label
			}
			es[0].SetChildren(b.convert(n.children, region, childGroup, emit))
		}
	}
	return out
}

// entries makes the entries of one list item. Where the snapshot marks
// links and buttons, or sets names apart by separators, they are the
// entries, one each, as the a and button elements of an li would be
// ("[Privacy](/p) | [Terms](/t)"); an item without them (a toggle, a plain
// snapshot's item) is one entry of its whole text.
func (b *builder) entries(n *node, region page.Landmark, group string, toggle bool) []*page.Entry {
	if !toggle {
		var out []*page.Entry
		for _, s := range parseInline(n.raw.text, b.refs) {
			out = append(out, b.segmentEntries(s, region, group, len(n.children) > 0)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return []*page.Entry{b.entry(n.raw, region, group, toggle)}
}

// isToggle: an item with a submenu whose text is written twice ("Software
// Software"): the snapshot of a button that shows its label and, for
// screen readers, the same label again.
func isToggle(n *node) bool {
	if len(n.children) == 0 {
		return false
	}
	_, ok := doubled(cleanLabel(runesString(n.raw.text)))
	return ok
}

// opensMegaMenu: a top-level item whose submenu has group headings or
// toggles is a menu of its own ("All Microsoft").
func opensMegaMenu(n *node) bool {
	for _, c := range n.children {
		if c.groupHeading() != nil || isToggle(c) {
			return true
		}
	}
	return false
}

// doubled returns the half of "X X" (white space collapsed).
func doubled(label string) (string, bool) {
	f := strings.Fields(label)
	if len(f) == 0 || len(f)%2 != 0 {
		return "", false
	}
	h := len(f) / 2
	a, c := strings.Join(f[:h], " "), strings.Join(f[h:], " ")
	return a, a == c
}

// cleanLabel collapses white space and drops emphasis around the whole
// label ("**Home**").
func cleanLabel(s string) string {
	s = page.CollapseSpace(s)
	for _, mark := range []string{"**", "__"} {
		if len(s) > 2*len(mark) && strings.HasPrefix(s, mark) && strings.HasSuffix(s, mark) {
			s = strings.TrimSpace(s[len(mark) : len(s)-len(mark)])
		}
	}
	return s
}

// labelStart is where a label's text begins, past the emphasis marks that
// cleanLabel drops.
func labelStart(text []prune) prune {
	s := runesString(text)
	if len(text) > 4 && cleanLabel(s) != page.CollapseSpace(s) {
		rest := trimSpace(text[2:])
		if len(rest) > 0 {
			return rest[0]
		}
	}
	return text[0]
}

// labelOf is the text of a label block (a short line or a heading).
func (b *builder) labelOf(bl *block) string {
	var rs []prune
	if bl.kind == blockHeading {
		rs = bl.heading.text
	} else {
		rs = bl.paragraphText()
	}
	return cleanLabel(runesString(flatten(parseInline(rs, b.refs))))
}
