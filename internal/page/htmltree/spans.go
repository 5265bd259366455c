package htmltree

import (
	"bytes"
	"hash/maphash"
)

// SpanIndex finds spans of a tree's page by their bytes, such as the
// page's ids. Maps keyed by a string made of each id, made anew for every
// page, were a fiftieth of what a run on the GOV.UK build allocated; an
// index is kept from page to page.
type SpanIndex struct {
	slots []int32 // 1 + an index into spans, 0 for none; a power of two long
	spans []Span  // the first span of each text, in the order added
}

var spanSeed = maphash.MakeSeed()

// Reset empties the index for n spans at most.
func (x *SpanIndex) Reset(n int) {
	size := 8
	for size < 2*n {
		size <<= 1
	}
	if cap(x.slots) < size {
		x.slots = make([]int32, size)
	} else {
		x.slots = x.slots[:size]
		clear(x.slots)
	}
	x.spans = x.spans[:0]
}

// Add adds s, a span of t, unless a span of the same text was added: it
// returns the index of the first span of s's text, in the order added,
// and whether that is s.
func (x *SpanIndex) Add(t *Tree, s Span) (int, bool) {
	text := t.Bytes(s)
	mask := len(x.slots) - 1
	i := int(maphash.Bytes(spanSeed, text)) & mask
	for ; x.slots[i] != 0; i = (i + 1) & mask {
		if k := int(x.slots[i]) - 1; bytes.Equal(t.Bytes(x.spans[k]), text) {
			return k, false
		}
	}
	x.spans = append(x.spans, s)
	x.slots[i] = int32(len(x.spans))
	return len(x.spans) - 1, true
}

// Find is the index, in the order added, of the span of t whose bytes are
// text; -1 for none.
func (x *SpanIndex) Find(t *Tree, text string) int {
	mask := len(x.slots) - 1
	for i := int(maphash.String(spanSeed, text)) & mask; x.slots[i] != 0; i = (i + 1) & mask {
		if k := int(x.slots[i]) - 1; string(t.Bytes(x.spans[k])) == text {
			return k
		}
	}
	return -1
}
