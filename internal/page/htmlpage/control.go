package htmlpage

import (
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bodyControl is a link or button outside every region. The stream reads
// its accessible name as it goes, so the body never needs a tree: the same
// simplified computation as accName, on tokens.
type bodyControl struct {
	off   int
	depth int // stack index of the element; -1 for a void element
	kind  string
	sel   string

	href                         string
	hasHref                      bool
	ariaLabel, labelledBy, title string
	hidden, hiddenBase           bool
	full, visible                []byte
	icon                         bool
	iconLabel                    string
	prevIcon                     bool
	prevIconLabel                string
}

func (s *stream) openControl(off int, kind string, e *openElem, attrs []html.Attribute, depth int) *bodyControl {
	c := s.sc.control()
	c.off, c.depth, c.kind, c.sel, c.hidden, c.hiddenBase = off, depth, kind, s.selOf(e), e.hidden, e.hidden
	for _, a := range attrs {
		switch a.Key {
		case "href":
			if e.atom == atom.A || e.atom == atom.Area {
				c.href, c.hasHref = strings.Clone(a.Val), true
			}
		case "aria-label":
			c.ariaLabel = strings.Clone(a.Val)
		case "aria-labelledby":
			c.labelledBy = strings.Clone(a.Val)
		case "title":
			c.title = strings.Clone(a.Val)
		case "aria-expanded", "aria-haspopup", "aria-controls":
			if c.kind == page.KindButton && a.Val != "false" {
				c.kind = page.KindToggle
			}
		}
	}
	switch e.atom {
	case atom.Area, atom.Img:
		if alt, _ := attr(attrs, "alt"); alt != "" {
			c.full = appendWord(c.full, alt)
		}
	case atom.Input:
		if t, _ := attr(attrs, "type"); strings.EqualFold(t, "image") {
			alt, _ := attr(attrs, "alt")
			c.full = appendWord(c.full, alt)
		} else if v, ok := attr(attrs, "value"); ok {
			c.full = appendWord(c.full, v)
			c.visible = appendWord(c.visible, v)
		}
	}
	s.ctrls = append(s.ctrls, c)
	if depth >= 0 {
		s.open = append(s.open, c)
	}
	return c
}

func appendWord(b []byte, w string) []byte {
	b = append(b, ' ')
	b = append(b, w...)
	return append(b, ' ')
}

// controlContent takes a start tag inside open controls.
func (s *stream) controlContent(a atom.Atom, p props, attrs []html.Attribute, hidden bool) {
	for _, c := range s.open {
		if hidden && !c.hiddenBase {
			continue
		}
		switch {
		case a == atom.Img:
			alt, _ := attr(attrs, "alt")
			if alt != "" {
				c.full = appendWord(c.full, alt)
			}
			if !c.icon {
				c.icon, c.iconLabel = true, strings.Clone(collapse(alt))
			}
		case a == atom.Input:
			if t, _ := attr(attrs, "type"); strings.EqualFold(t, "image") {
				alt, _ := attr(attrs, "alt")
				c.full = appendWord(c.full, alt)
			}
		case p&pBlockish != 0:
			c.full = append(c.full, ' ')
			c.visible = append(c.visible, ' ')
		}
	}
}

// controlText takes a text token inside open controls.
func (s *stream) controlText(text []byte) {
	top := s.top()
	if top.props&pSkipText != 0 || top.foreign {
		return
	}
	for _, c := range s.open {
		if top.hidden && !c.hiddenBase {
			continue
		}
		c.full = append(c.full, text...)
		c.visible = append(c.visible, text...)
	}
}

// controlEnd takes the end of element e (at stack index i) inside open
// controls; the control's own end closes it.
func (s *stream) controlEnd(i int, e *openElem) {
	for _, c := range s.open {
		if e.hidden && !c.hiddenBase {
			continue
		}
		switch {
		case e.atom == atom.Svg && c.depth != i:
			label := svgLabel(e)
			if label != "" {
				c.full = appendWord(c.full, label)
			}
			if !c.icon {
				c.icon, c.iconLabel = true, label
			}
		case e.props&pBlockish != 0:
			c.full = append(c.full, ' ')
			c.visible = append(c.visible, ' ')
		}
	}
	last := s.open[len(s.open)-1]
	if last.depth == i {
		s.open = s.open[:len(s.open)-1]
		if !last.icon && last.prevIcon {
			last.icon, last.iconLabel = true, last.prevIconLabel
		}
	}
}

func svgLabel(e *openElem) string {
	if l, _ := attr(e.node.Attr, "aria-label"); strings.TrimSpace(l) != "" {
		return strings.Clone(collapse(l))
	}
	return collapse(string(e.svgTitle))
}

// bodyEntry makes the entry of a control outside every region, once the
// ids aria-labelledby may name are all known.
func (b *builder) bodyEntry(c *bodyControl) *page.Entry {
	e := b.s.newEntry()
	*e = page.Entry{Kind: c.kind, Href: c.href, HasHref: c.hasHref, Hidden: c.hidden,
		Icon: c.icon, IconLabel: c.iconLabel, Selector: c.sel, Pos: b.pos(c.off),
		Region: b.regionAt(c.off)}
	full := collapseBytes(c.full, b.s.keep) // c's buffers are spent here
	text := collapseBytes(c.visible, b.s.keep)
	label := full
	named := false
	if c.labelledBy != "" {
		var parts []string
		for _, id := range strings.Fields(c.labelledBy) {
			if t := b.labelledBy(id); t != "" {
				parts = append(parts, t)
			}
		}
		if len(parts) > 0 {
			label, named = collapse(strings.Join(parts, " ")), true
		}
	}
	if !named {
		if strings.TrimSpace(c.ariaLabel) != "" {
			label = collapse(c.ariaLabel)
		} else if label == "" && strings.TrimSpace(c.title) != "" {
			label = collapse(c.title)
		}
	}
	e.Label, e.Text = label, differs(text, label)
	if e.HasHref {
		e.Target = b.res.target(e.Href)
	}
	return e
}
