package htmlpage

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/pagelint/pagelint/internal/page"
)

func mustParse(t testing.TB, src string, opt Options) *page.Page {
	t.Helper()
	if opt.URL == "" {
		opt.URL = "/dir/index.html"
	}
	p, err := Parse([]byte(src), opt)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return p
}

// located is anything of the model with a position and a selector.
type located struct {
	what     string
	tag      string
	selector string
	pos      page.Pos
}

func (l located) String() string {
	return fmt.Sprintf("%s <%s> %d:%d %s", l.what, l.tag, l.pos.Line, l.pos.Column, l.selector)
}

// everything lists every located part of p.
func everything(p *page.Page) []located {
	var out []located
	var entries func(what string, es []*page.Entry)
	entries = func(what string, es []*page.Entry) {
		for _, e := range es {
			out = append(out, located{what + " " + e.Label, lastTag(e.Selector), e.Selector, e.Pos})
			entries(what, e.Children())
		}
	}
	for _, m := range p.Menus {
		out = append(out, located{"menu " + m.Name, lastTag(m.Selector), m.Selector, m.Pos})
		entries("menu entry", m.Entries)
	}
	for _, r := range []*page.Region{p.Header, p.Footer} {
		if r == nil {
			continue
		}
		out = append(out, located{"region", lastTag(r.Selector), r.Selector, r.Pos})
		entries("region item", r.Items)
		for _, c := range r.Copyright {
			out = append(out, located{"copyright " + c.Text, "", "", c.Pos})
		}
	}
	entries("control", p.Controls)
	for _, l := range p.Links {
		out = append(out, located{"link " + l.Href, l.Tag.String(), l.Selector, l.Pos})
	}
	return out
}

func lastTag(sel string) string {
	if i := strings.LastIndex(sel, " > "); i >= 0 {
		sel = sel[i+3:]
	}
	if i := strings.IndexAny(sel, ":#["); i >= 0 {
		sel = sel[:i]
	}
	return sel
}

// offsetAt turns a position back into a byte offset of src.
func offsetAt(src []byte, pos page.Pos) int {
	// The line starts, found apart from page.Lines: "\n", "\r\n" or a
	// lone "\r" end a line.
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		if src[i] == '\n' || src[i] == '\r' {
			starts = append(starts, i+1)
		}
	}
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		starts[0] = 3
	}
	if pos.Line < 1 || pos.Line > len(starts) {
		return -1
	}
	off := starts[pos.Line-1]
	for col := 1; col < pos.Column && off < len(src); col++ {
		_, n := decodeRune(src[off:])
		off += n
	}
	return off
}

func decodeRune(b []byte) (rune, int) {
	r := []rune(string(b[:min(4, len(b))]))
	if len(r) == 0 {
		return 0, 1
	}
	return r[0], len(string(r[0]))
}

// checkPositions asserts that every position of p points at the "<" of a
// start tag of the expected element.
func checkPositions(t *testing.T, src string, p *page.Page) {
	t.Helper()
	data := []byte(src)
	for _, l := range everything(p) {
		off := offsetAt(data, l.pos)
		if off < 0 || off >= len(data) || data[off] != '<' {
			t.Errorf("%v: position points at no start tag", l)
			continue
		}
		if l.tag != "" && !bytes.HasPrefix(bytes.ToLower(data[off+1:]), []byte(l.tag)) {
			t.Errorf("%v: position points at %q", l, data[off:min(off+20, len(data))])
		}
	}
}

// checkSelectors asserts that goquery selects exactly one element, of the
// expected tag, with every selector of p.
func checkSelectors(t *testing.T, src string, p *page.Page) {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range everything(p) {
		if l.selector == "" {
			continue
		}
		sel := doc.Find(l.selector)
		if sel.Length() != 1 {
			t.Errorf("%v: selects %d elements", l, sel.Length())
			continue
		}
		if got := goquery.NodeName(sel); got != l.tag {
			t.Errorf("%v: selects a %s", l, got)
		}
	}
}

// outline renders entries compactly: Label[kind]{children}, group as @g.
func outline(es []*page.Entry) string {
	var parts []string
	for _, e := range es {
		s := e.Label
		if e.Kind != page.KindLink {
			s += "[" + e.Kind.String() + "]"
		}
		if e.Group != "" {
			s += "@" + e.Group
		}
		if len(e.Children()) > 0 {
			s += "{" + outline(e.Children()) + "}"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}
