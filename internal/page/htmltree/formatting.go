package htmltree

import (
	"slices"

	"golang.org/x/net/html/atom"
)

// The list of active formatting elements and the adoption agency: when a
// formatting element (a, b, i …) is closed by anything but its own end
// tag, browsers reopen a copy of it before the next text or inline
// element (<p><b>x<p>y puts y in a second b), and an end tag that closes
// one across a block splits them (<a>x<div>y</a>z</div>). Copies keep the
// offset of their original's start tag, so a link split in two is two
// entries at one position, as it is two links in the DOM.

// startFormatting inserts a formatting element and lists it: a link
// closes the link still open before it, a nobr the nobr. As in browsers, a
// fourth identical element after the last marker drops the earliest of
// them (Noah's Ark), and the list is as bounded as the stack.
func (b *Builder) startFormatting() {
	switch t := b.tok.Atom; t {
	case atom.A:
		for i := len(b.afe) - 1; i >= 0 && b.afe[i] != 0; i-- {
			if n := b.afe[i]; b.Is(n, atom.A) {
				b.CutLinks = append(b.CutLinks, [2]int32{b.Nodes[n].Off, b.tok.Off})
				b.adoptionAgency(atom.A)
				b.removeOpen(n)
				b.removeFormatting(n)
				break
			}
		}
	case atom.Nobr:
		b.reconstruct()
		if b.inScope(defaultScope, atom.Nobr) >= 0 {
			b.adoptionAgency(atom.Nobr)
		}
	}
	b.reconstruct()
	n := b.insert(NSHTML)
	same := 0
	for i := len(b.afe) - 1; i >= 0 && b.afe[i] != 0; i-- {
		if e := b.afe[i]; b.Nodes[e].Atom == b.Nodes[n].Atom && b.sameAttrs(e, n) {
			if same++; same >= 3 {
				b.removeFormatting(e)
			}
		}
	}
	if len(b.afe) < MaxDepth {
		b.afe = append(b.afe, n)
	}
}

// lastFormatting is the index of the last formatting element named tag
// after the last marker in the list, -1 for none.
func (b *Builder) lastFormatting(tag atom.Atom) int {
	for j := len(b.afe) - 1; j >= 0 && b.afe[j] != 0; j-- {
		if b.Nodes[b.afe[j]].Atom == tag {
			return j
		}
	}
	return -1
}

func (b *Builder) indexFormatting(n NodeID) int {
	return slices.Index(b.afe, n)
}

func (b *Builder) removeFormatting(n NodeID) {
	if i := b.indexFormatting(n); i >= 0 {
		b.afe = slices.Delete(b.afe, i, i+1)
	}
}

func (b *Builder) clearFormattingToMarker() {
	for len(b.afe) > 0 {
		n := b.afe[len(b.afe)-1]
		b.afe = b.afe[:len(b.afe)-1]
		if n == 0 {
			return
		}
	}
}

// clone makes a copy of element n: its name, attributes and offset.
func (b *Builder) clone(n NodeID) NodeID {
	c := b.Nodes[n]
	c.Parent, c.First, c.Last, c.Prev, c.Next, c.open = 0, 0, 0, 0, 0, false
	b.Elements++
	c.Elem = b.Elements
	b.Nodes = append(b.Nodes, c)
	return NodeID(len(b.Nodes) - 1)
}

// reconstruct reopens the formatting elements that were closed by other
// tags, before text or an inline element is inserted.
func (b *Builder) reconstruct() {
	i := len(b.afe) - 1
	if i < 0 || b.afe[i] == 0 || b.Nodes[b.afe[i]].open {
		return
	}
	for i > 0 && b.afe[i-1] != 0 && !b.Nodes[b.afe[i-1]].open {
		i--
	}
	for ; i < len(b.afe); i++ {
		c := b.clone(b.afe[i])
		b.open(c)
		b.afe[i] = c
	}
}

// adoptionAgency is the end tag of formatting element tag: the HTML
// standard's algorithm, step by step.
func (b *Builder) adoptionAgency(tag atom.Atom) {
	if top := b.top(); b.Is(top, tag) {
		// The current node, as mostly, is popped; when it is the last
		// formatting element named tag, the loop below would find it at
		// once, pop it and forget it.
		i := b.indexFormatting(top)
		if i < 0 {
			b.pop()
			return
		}
		if j := b.lastFormatting(tag); j >= 0 && b.afe[j] == top {
			b.pop()
			b.afe = slices.Delete(b.afe, i, i+1)
			return
		}
	}
	for range 8 {
		j := b.lastFormatting(tag)
		if j < 0 {
			b.endOther()
			return
		}
		fe := b.afe[j]
		feIndex := b.indexOpen(fe)
		if feIndex < 0 {
			b.removeFormatting(fe)
			return
		}
		if b.inScope(defaultScope, tag) < 0 {
			return
		}
		furthest := NodeID(0)
		for _, e := range b.stack[feIndex:] {
			if b.Nodes[e].Props&pSpecial != 0 {
				furthest = e
				break
			}
		}
		if furthest == 0 {
			b.popTo(feIndex)
			b.removeFormatting(fe)
			return
		}
		common := b.stack[feIndex-1]
		bookmark := b.indexFormatting(fe)
		last, node := furthest, furthest
		x := b.indexOpen(node)
		for j := 1; ; j++ {
			x--
			node = b.stack[x]
			if node == fe {
				break
			}
			ni := b.indexFormatting(node)
			if j > 3 && ni >= 0 {
				b.removeFormatting(node)
				if ni <= bookmark {
					bookmark--
				}
				continue // as x/net/html does: node stays open
			}
			if ni < 0 {
				b.removeOpen(node)
				continue
			}
			c := b.clone(node)
			b.afe[ni], b.stack[x] = c, c
			b.setOpen(node, false)
			b.setOpen(c, true)
			node = c
			if last == furthest {
				bookmark = ni + 1
			}
			b.detach(last)
			b.appendChild(node, last)
			last = node
		}
		b.detach(last)
		if b.tablePart(common) {
			parent, ref := b.fosterPlace()
			b.insertBefore(parent, last, ref)
		} else {
			b.appendChild(common, last)
		}
		c := b.clone(fe)
		b.moveChildren(c, furthest)
		b.appendChild(furthest, c)
		if old := b.indexFormatting(fe); old >= 0 && old < bookmark {
			bookmark--
		}
		b.removeFormatting(fe)
		b.afe = slices.Insert(b.afe, min(bookmark, len(b.afe)), c)
		b.removeOpen(fe)
		b.stack = slices.Insert(b.stack, b.indexOpen(furthest)+1, c)
		b.setOpen(c, true)
	}
}
