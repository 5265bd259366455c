package htmlpage

import (
	"strconv"

	"golang.org/x/net/html"
)

// posAttr carries an element's source offset through html.Parse: the
// parser copies attributes to the clones it makes of misnested elements,
// so clones and moved elements keep the position of their start tag.
const posAttr = "data-pagelint-pos"

// captures re-serialize the parts of the page that need a real tree: the
// regions (header, footer, menus), each parsed alone after its ancestors'
// start tags so that the parser sees the same context.
type captures struct {
	doctype []byte
	regions []*regionCapture
	region  *regionCapture
}

type regionCapture struct {
	buf          []byte
	rootOff      int
	sel          string
	parentHidden bool
	direct       directTree
}

func (c *captures) active() bool { return c.region != nil }

func (c *captures) out() *[]byte { return &c.region.buf }

// startRegion opens a region capture for the top of stack, re-synthesizing
// its ancestors' start tags so that the parser sees the same context.
func (c *captures) startRegion(stack []openElem, sel string) {
	top := stack[len(stack)-1]
	r := &regionCapture{rootOff: top.off, sel: sel, parentHidden: stack[len(stack)-2].hidden,
		direct: directTree{ok: true}}
	r.buf = append(r.buf, c.doctype...)
	c.regions = append(c.regions, r)
	c.region = r
	for _, e := range stack[1 : len(stack)-1] {
		var attrs []html.Attribute
		if e.node != nil {
			attrs = e.node.Attr
		}
		c.writeStart(e.name, attrs, -1, false)
	}
}

func (c *captures) endRegion() { c.region = nil }

// writeStart writes a start tag with its source offset as posAttr (none
// when off < 0).
func (c *captures) writeStart(name string, attrs []html.Attribute, off int, selfClosing bool) {
	if !c.active() {
		return
	}
	b := c.out()
	*b = append(*b, '<')
	*b = append(*b, name...)
	for _, a := range attrs {
		if a.Key == posAttr {
			continue
		}
		*b = append(*b, ' ')
		*b = append(*b, a.Key...)
		*b = append(*b, '=', '"')
		*b = appendEscaped(*b, a.Val)
		*b = append(*b, '"')
	}
	if off >= 0 {
		*b = append(*b, " "+posAttr+`="`...)
		*b = strconv.AppendInt(*b, int64(off), 10)
		*b = append(*b, '"')
	}
	if selfClosing {
		*b = append(*b, '/')
	}
	*b = append(*b, '>')
}

func (c *captures) writeRaw(raw []byte) {
	if c.active() {
		b := c.out()
		*b = append(*b, raw...)
	}
}

func (c *captures) writeText(raw []byte) { c.writeRaw(raw) }

// appendEscaped escapes an attribute value for a double-quoted attribute.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			b = append(b, "&amp;"...)
		case '"':
			b = append(b, "&quot;"...)
		default:
			b = append(b, s[i])
		}
	}
	return b
}

// posOf returns the source offset a parsed node carries, or -1.
func posOf(n *html.Node) int {
	for _, a := range n.Attr {
		if a.Key == posAttr {
			off, err := strconv.Atoi(a.Val)
			if err != nil {
				return -1
			}
			return off
		}
	}
	return -1
}
