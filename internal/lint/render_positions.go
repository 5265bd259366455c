package lint

import (
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
)

// sourcePositions gives the items of a rendered local page the source
// positions of the elements they come from: the file server marked each
// start tag with source.PosAttr, and the item's selector finds its element
// in the rendered DOM. Items that scripts made keep their selector alone.
// slow is how many selectors were no path (see domIndex).
func sourcePositions(p *page.Page, rendered string) (slow int) {
	doc, err := html.Parse(strings.NewReader(rendered))
	if err != nil {
		return 0
	}
	ix := newDOMIndex(doc)
	found := map[string]page.Pos{}
	at := func(pos *page.Pos, sel string) {
		if sel == "" {
			return
		}
		got, ok := found[sel]
		if !ok {
			got = posOf(ix.find(sel))
			found[sel] = got
		}
		*pos = got
	}
	var entries func([]*page.Entry)
	entries = func(list []*page.Entry) {
		for _, e := range list {
			if e != nil {
				at(&e.Pos, e.Selector)
				entries(e.Children())
			}
		}
	}
	for _, m := range p.Menus {
		at(&m.Pos, m.Selector)
		entries(m.Entries)
	}
	for _, r := range []*page.Region{p.Header, p.Footer} {
		if r != nil {
			at(&r.Pos, r.Selector)
			entries(r.Items)
		}
	}
	entries(p.Controls)
	for _, l := range p.Links {
		at(&l.Pos, l.Selector)
	}
	return ix.slow
}

// posOf reads the source position the file server gave an element.
func posOf(n *html.Node) page.Pos {
	if n == nil {
		return page.Pos{}
	}
	for _, a := range n.Attr {
		if a.Key == source.PosAttr && a.Namespace == "" {
			if line, col, ok := source.ParsePos(a.Val); ok {
				return page.Pos{Line: line, Column: col}
			}
		}
	}
	return page.Pos{}
}

// domIndex finds elements by the selectors of the page model. Those are
// paths — an anchor (html, head, body, or an element by its id), then steps
// "tag:nth-child(N)" joined by " > " — and a path is followed step by step,
// in the time of its depth. A selector of any other form is matched by
// cascadia, which walks the whole document (and, for :nth-child, the
// siblings of each element) per selector: too slow for the thousands of
// items of a large page, but right.
type domIndex struct {
	doc     *html.Node
	ids     map[string]*html.Node // the first element with each id
	anchors map[string]*html.Node // html, head, body
	// children are the element children of the elements a path went
	// through, so that :nth-child is a look-up, not a count
	children map[*html.Node][]*html.Node
	slow     int // selectors cascadia matched
}

func newDOMIndex(doc *html.Node) *domIndex {
	ix := &domIndex{doc: doc, ids: map[string]*html.Node{}, anchors: map[string]*html.Node{}, children: map[*html.Node][]*html.Node{}}
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html", "head", "body":
				if n.Namespace == "" && ix.anchors[n.Data] == nil {
					ix.anchors[n.Data] = n
				}
			}
			for _, a := range n.Attr {
				if a.Key == "id" && a.Namespace == "" {
					if ix.ids[a.Val] == nil {
						ix.ids[a.Val] = n
					}
					break
				}
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return ix
}

func (ix *domIndex) find(sel string) *html.Node {
	if n, ok := ix.followPath(sel); ok {
		return n
	}
	ix.slow++
	m, err := cascadia.Compile(sel)
	if err != nil {
		return nil
	}
	return m.MatchFirst(ix.doc)
}

// followPath follows a selector path; ok is false when sel is no such path.
func (ix *domIndex) followPath(sel string) (*html.Node, bool) {
	steps := strings.Split(sel, " > ")
	n, ok := ix.anchor(steps[0])
	if !ok {
		return nil, false
	}
	for _, step := range steps[1:] {
		if n == nil {
			return nil, true
		}
		tag, rest, found := strings.Cut(step, ":nth-child(")
		nth, err := strconv.Atoi(strings.TrimSuffix(rest, ")"))
		if !found || err != nil || !strings.HasSuffix(rest, ")") || !plainName(tag) {
			return nil, false
		}
		n = ix.nthChild(n, nth)
		if n != nil && n.Data != tag {
			n = nil
		}
	}
	return n, true
}

// anchor finds the first element of a path: html, head, body, tag#id or
// tag[id="…"].
func (ix *domIndex) anchor(step string) (*html.Node, bool) {
	if n, ok := ix.anchors[step]; ok || step == "html" || step == "head" || step == "body" {
		return n, true
	}
	var tag, id string
	if t, rest, found := strings.Cut(step, `[id="`); found && strings.HasSuffix(rest, `"]`) {
		tag, id = t, unescapeID(strings.TrimSuffix(rest, `"]`))
	} else if t, rest, found := strings.Cut(step, "#"); found && plainName(rest) {
		tag, id = t, rest
	} else {
		return nil, false
	}
	if !plainName(tag) || strings.Contains(step, " > ") {
		return nil, false
	}
	n := ix.ids[id]
	if n != nil && n.Data != tag {
		return nil, false // an earlier element of another tag has the id: let cascadia look
	}
	return n, true
}

// unescapeID undoes the escapes of an id in a selector's [id="…"].
func unescapeID(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\a `, "\n").Replace(s)
}

// plainName: letters, digits, "-" and "_" (and the non-ASCII an identifier
// may hold), no "." or "[" that would make it more than a name.
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r == '-' || r == '_' || r >= 0x80:
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return true
}

// nthChild is the nth element child of n, 1-based.
func (ix *domIndex) nthChild(n *html.Node, nth int) *html.Node {
	kids, ok := ix.children[n]
	if !ok {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				kids = append(kids, c)
			}
		}
		ix.children[n] = kids
	}
	if nth < 1 || nth > len(kids) {
		return nil
	}
	return kids[nth-1]
}
