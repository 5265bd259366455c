package htmlpage

import (
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeAttr returns the value of attribute key of n.
func nodeAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// nameText walks the subtree of n the way the accessible-name computation
// does (simplified): text, image alt, svg titles; hidden descendants,
// scripts and styles skipped. full receives everything, visible only the
// text a reader sees.
type nameText struct {
	full, visible []byte
}

// blockish elements separate words in the rendered text.
var blockish = atomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Br,
	atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Figcaption, atom.Figure, atom.Footer, atom.H1,
	atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hr, atom.Li, atom.Main,
	atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Table, atom.Td, atom.Th, atom.Tr,
	atom.Ul)

func (t *nameText) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t.full = append(t.full, c.Data...)
			t.visible = append(t.visible, c.Data...)
		case html.ElementNode:
			t.element(c)
		}
	}
}

func (t *nameText) element(c *html.Node) {
	if isIn(c.DataAtom, pSkipText) || hiddenNode(c) {
		return
	}
	switch {
	case c.DataAtom == atom.Img && c.Namespace == "":
		if alt, _ := nodeAttr(c, "alt"); alt != "" {
			t.word(&t.full, alt)
		}
		return
	case c.DataAtom == atom.Input:
		if typ, _ := nodeAttr(c, "type"); strings.EqualFold(typ, "image") {
			if alt, _ := nodeAttr(c, "alt"); alt != "" {
				t.word(&t.full, alt)
			}
		}
		return
	case c.Namespace == "svg" && c.Data == "svg":
		if title := svgTitle(c); title != "" {
			t.word(&t.full, title)
		}
		t.svgText(c)
		return
	}
	if isIn(c.DataAtom, pBlockish) {
		t.full = append(t.full, ' ')
		t.visible = append(t.visible, ' ')
		t.walk(c)
		t.full = append(t.full, ' ')
		t.visible = append(t.visible, ' ')
		return
	}
	t.walk(c)
}

// svgText adds the text of svg <text> elements, which is drawn.
func (t *nameText) svgText(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && n.Data == "text":
			t.full = append(t.full, c.Data...)
			t.visible = append(t.visible, c.Data...)
		case c.Type == html.ElementNode && c.Data != "title" && c.Data != "desc" && !hiddenNode(c):
			t.svgText(c)
		}
	}
}

func (t *nameText) word(b *[]byte, s string) {
	*b = appendWord(*b, s)
}

// svgTitle is the text of an svg's own <title> child, or its aria-label.
func svgTitle(svg *html.Node) string {
	if l, _ := nodeAttr(svg, "aria-label"); strings.TrimSpace(l) != "" {
		return strings.Clone(collapse(l))
	}
	for c := svg.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "title" {
			return collapse(textOf(c))
		}
	}
	return ""
}

// textOf is the plain text content of n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else if c.Type == html.ElementNode && !isIn(c.DataAtom, pSkipText) {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// hiddenNode: hidden by its own attributes.
func hiddenNode(n *html.Node) bool {
	return hiddenByAttrs(n.Attr)
}

// accName computes the label and visible text of a control or heading.
// labelledBy resolves aria-labelledby ids to their text. t is scratch
// space, its buffers reused; keep makes the model's strings of its text.
func accName(n *html.Node, labelledBy func(id string) string, t *nameText, keep func([]byte) string) (label, text string) {
	t.full, t.visible = t.full[:0], t.visible[:0]
	if n.DataAtom == atom.Img || n.DataAtom == atom.Area || n.DataAtom == atom.Input {
		// void controls name themselves by attribute
		if alt, _ := nodeAttr(n, "alt"); alt != "" {
			t.word(&t.full, alt)
		}
		if n.DataAtom == atom.Input {
			if v, ok := nodeAttr(n, "value"); ok {
				t.word(&t.full, v)
				t.word(&t.visible, v)
			}
		}
	} else {
		t.walk(n)
	}
	full := collapseBytes(t.full, keep)
	text = collapseBytes(t.visible, keep)
	label = full
	if ids, ok := nodeAttr(n, "aria-labelledby"); ok && labelledBy != nil {
		var parts []string
		for _, id := range strings.Fields(ids) {
			if s := labelledBy(id); s != "" {
				parts = append(parts, s)
			}
		}
		if len(parts) > 0 {
			label = collapse(strings.Join(parts, " "))
			return label, differs(text, label)
		}
	}
	// Attribute values of a direct tree live in the stream's arena: clone.
	if l, _ := nodeAttr(n, "aria-label"); strings.TrimSpace(l) != "" {
		label = strings.Clone(collapse(l))
	} else if label == "" {
		if title, _ := nodeAttr(n, "title"); strings.TrimSpace(title) != "" {
			label = strings.Clone(collapse(title))
		}
	}
	return label, differs(text, label)
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

// collapseBytes is collapse of b, made a string by keep; ASCII text is
// collapsed in place, without the copies of strings.Fields.
func collapseBytes(b []byte, keep func([]byte) string) string {
	collapsed, prevSpace := true, true // as collapse
	for _, c := range b {
		switch {
		case c >= 0x80:
			return page.CollapseSpace(string(b)) // Unicode white space: leave it to strings.Fields
		case c == ' ':
			collapsed = collapsed && !prevSpace
			prevSpace = true
		case isASCIISpace(c):
			collapsed = false
		default:
			prevSpace = false
		}
	}
	if collapsed && (!prevSpace || len(b) == 0) {
		return keep(b)
	}
	// The words move left only: each but the first follows at least one
	// white space byte, which its separator takes.
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
	return keep(out)
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
