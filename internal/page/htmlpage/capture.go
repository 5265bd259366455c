package htmlpage

import (
	"bytes"
	"strconv"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// posAttr carries an element's source offset through html.Parse: the
// parser copies attributes to the clones it makes of misnested elements,
// so clones and moved elements keep the position of their start tag.
const posAttr = "data-pagelint-pos"

// captures are the regions (header, footer, menus) of the page: the parts
// that need a tree. A regular region gets its tree from the stream (see
// directTree); an irregular one is parsed alone by html.Parse, after its
// ancestors' start tags so that the parser sees the same context.
type captures struct {
	doctype []byte
	regions []*regionCapture
	region  *regionCapture
}

type regionCapture struct {
	prefix       []byte // doctype and the ancestors' start tags
	rootOff, end int    // the region's bytes in the source
	sel          string
	parentHidden bool
	direct       directTree

	// for the Regions cache (see replay.go): the context the region was
	// read in ("" when it cannot be replayed), the stream's lists when it
	// started, and whether it was replayed rather than read
	context  string
	from     effectMarks
	replayed bool
}

func (c *captures) active() bool { return c.region != nil }

// startRegion opens a region capture for the top of stack.
func (c *captures) startRegion(stack []openElem, sel string) {
	top := stack[len(stack)-1]
	r := &regionCapture{rootOff: top.off, sel: sel, parentHidden: stack[len(stack)-2].hidden,
		direct: directTree{ok: directTrees}}
	r.prefix = append(r.prefix, c.doctype...)
	for _, e := range stack[1 : len(stack)-1] {
		var attrs []html.Attribute
		if e.node != nil {
			attrs = e.node.Attr
		}
		r.prefix = appendStart(r.prefix, e.name, attrs, -1, false)
	}
	c.regions = append(c.regions, r)
	c.region = r
}

func (c *captures) endRegion(at int) {
	c.region.end = at
	c.region = nil
}

// markup returns the region as a document for html.Parse: the prefix, then
// the region's source with every start tag carrying its offset.
func (r *regionCapture) markup(data []byte) []byte {
	src := data[r.rootOff:max(r.rootOff, r.end)]
	b := append([]byte(nil), r.prefix...)
	z := html.NewTokenizer(bytes.NewReader(src))
	off, foreign := r.rootOff, 0
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			return b
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			a := atom.Lookup(name)
			tag := string(name)
			var attrs []html.Attribute
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
			}
			b = appendStart(b, tag, attrs, start, tt == html.SelfClosingTagToken)
			if (a == atom.Svg || a == atom.Math) && tt == html.StartTagToken {
				foreign++
			}
			if foreign > 0 {
				z.NextIsNotRawText()
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); foreign > 0 && (string(name) == "svg" || string(name) == "math") {
				foreign--
			}
			b = append(b, raw...)
		default:
			b = append(b, raw...)
		}
	}
}

// appendStart writes a start tag with its source offset as posAttr (none
// when off < 0).
func appendStart(b []byte, name string, attrs []html.Attribute, off int, selfClosing bool) []byte {
	b = append(b, '<')
	b = append(b, name...)
	for _, a := range attrs {
		if a.Key == posAttr {
			continue
		}
		b = append(b, ' ')
		b = append(b, a.Key...)
		b = append(b, '=', '"')
		b = appendEscaped(b, a.Val)
		b = append(b, '"')
	}
	if off >= 0 {
		b = append(b, " "+posAttr+`="`...)
		b = strconv.AppendInt(b, int64(off), 10)
		b = append(b, '"')
	}
	if selfClosing {
		b = append(b, '/')
	}
	return append(b, '>')
}

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
