package htmlpage

import (
	"github.com/pagelint/pagelint/internal/page"
	"sync"

	"golang.org/x/net/html"
)

// Parsing a site parses thousands of pages one after the other. What a
// parse needs only while it runs — the stack, the arena of attribute
// strings, the nodes of the regions' trees, the builder's memo tables — is
// kept in a pool and reused, so that a page costs little more garbage than
// the model it returns. Nothing of it may reach the model: every string
// that does is cloned (see stream.str), and TestPooledStateDoesNotLeak
// scribbles over the pooled state to prove it.

var streams = sync.Pool{New: func() any { return new(stream) }}

// scratch is the reusable state of a stream.
type scratch struct {
	nodeChunks [][]dnode
	nodeChunk  int // chunk in use
	nodeNext   int // next free node in it
	attrSlab   []html.Attribute
	ctrlChunks [][]bodyControl
	ctrlChunk  int
	ctrlNext   int

	order       []orderedEntry
	merge       []orderedEntry // sortOrder's copy
	name        nameText       // accName's buffers
	memoKey     []byte         // the context of a region's key, see regionKey
	memoEntries []*page.Entry  // apply's copies, by index
}

const chunkSize = 256

// node returns a zeroed direct-tree node with the given source offset.
// Nodes are zeroed in bulk by reset: one clear of a chunk costs much less
// than one per node while the collector marks.
func (sc *scratch) node(off int) *html.Node {
	if sc.nodeChunk == len(sc.nodeChunks) {
		sc.nodeChunks = append(sc.nodeChunks, make([]dnode, chunkSize))
	}
	n := &sc.nodeChunks[sc.nodeChunk][sc.nodeNext]
	n.off = off
	if sc.nodeNext++; sc.nodeNext == chunkSize {
		sc.nodeChunk, sc.nodeNext = sc.nodeChunk+1, 0
	}
	return &n.Node
}

// attrCopy copies attrs into the slab; the copy lives until the next parse.
func (sc *scratch) attrCopy(attrs []html.Attribute) []html.Attribute {
	if cap(sc.attrSlab)-len(sc.attrSlab) < len(attrs) {
		sc.attrSlab = make([]html.Attribute, 0, max(1024, len(attrs)))
	}
	start := len(sc.attrSlab)
	sc.attrSlab = append(sc.attrSlab, attrs...)
	return sc.attrSlab[start:len(sc.attrSlab):len(sc.attrSlab)]
}

// control returns a cleared body control, its buffers kept.
func (sc *scratch) control() *bodyControl {
	if sc.ctrlChunk == len(sc.ctrlChunks) {
		sc.ctrlChunks = append(sc.ctrlChunks, make([]bodyControl, 64))
	}
	c := &sc.ctrlChunks[sc.ctrlChunk][sc.ctrlNext]
	*c = bodyControl{full: c.full[:0], visible: c.visible[:0]}
	if sc.ctrlNext++; sc.ctrlNext == 64 {
		sc.ctrlChunk, sc.ctrlNext = sc.ctrlChunk+1, 0
	}
	return c
}

func (sc *scratch) reset() {
	for i := 0; i < sc.nodeChunk && i < len(sc.nodeChunks); i++ {
		clear(sc.nodeChunks[i])
	}
	if sc.nodeChunk < len(sc.nodeChunks) {
		clear(sc.nodeChunks[sc.nodeChunk][:sc.nodeNext])
	}
	sc.nodeChunk, sc.nodeNext = 0, 0
	sc.ctrlChunk, sc.ctrlNext = 0, 0
	sc.attrSlab = sc.attrSlab[:0]
	clear(sc.order) // drop the last page's entries
}

// getStream returns a stream ready for data, from the pool.
func getStream(data []byte, opt *Options, sel *selectors) *stream {
	s := streams.Get().(*stream)
	s.reset(data, opt, sel)
	return s
}

// release returns s to the pool; the page it built keeps nothing of it.
func (s *stream) release() {
	s.data, s.z, s.p, s.opt, s.sel = nil, nil, nil, nil, nil
	s.lex = lexer{attrs: s.lex.attrs[:0]}
	streams.Put(s)
}
