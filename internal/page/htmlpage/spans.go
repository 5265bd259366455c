package htmlpage

import (
	"bytes"
	"hash/maphash"
)

// spanIndex finds spans of the page by their bytes: the ids of byID and
// makeAnchors. Maps keyed by a string made of each id, made anew for every
// page, were a fiftieth of what a run on the GOV.UK build allocated; the
// index is kept from page to page with the model's scratch space.
type spanIndex struct {
	slots []int32 // 1 + an index into spans, 0 for none; a power of two long
	spans []span  // the first span of each text, in the order added
}

var spanSeed = maphash.MakeSeed()

// reset empties the index for n spans at most.
func (x *spanIndex) reset(n int) {
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

// add adds s unless a span of the same text was added: it returns the
// index in x.spans of the first span of s's text, and whether that is s.
func (x *spanIndex) add(md *model, s span) (int, bool) {
	text := md.Bytes(s)
	mask := len(x.slots) - 1
	i := int(maphash.Bytes(spanSeed, text)) & mask
	for ; x.slots[i] != 0; i = (i + 1) & mask {
		if k := int(x.slots[i]) - 1; bytes.Equal(md.Bytes(x.spans[k]), text) {
			return k, false
		}
	}
	x.spans = append(x.spans, s)
	x.slots[i] = int32(len(x.spans))
	return len(x.spans) - 1, true
}

// find is the index in x.spans of the span of text, -1 for none.
func (x *spanIndex) find(md *model, text string) int {
	mask := len(x.slots) - 1
	for i := int(maphash.String(spanSeed, text)) & mask; x.slots[i] != 0; i = (i + 1) & mask {
		if k := int(x.slots[i]) - 1; string(md.Bytes(x.spans[k])) == text {
			return k
		}
	}
	return -1
}
