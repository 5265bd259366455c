package page

import (
	"unicode"
	"unicode/utf8"
)

// Copies of entries (Entry.Copy): a list drawn twice for other
// screens, side by side in one menu, and the entries a "More" overflow
// toggle repeats from the bar. A reader sees one of them at a time.

// CopyFinder finds, among the blocks under one element, those that repeat
// an earlier block: the same entries, by label and target, nested alike,
// in the same order. Blocks are told apart first by what costs nothing to
// read — how many entries a reader sees in them, and the target of the
// first — and hashed only when that is alike: most elements hold one block,
// and most blocks differ in it. A parser keeps one for each element whose
// blocks it gathers, and adds them in order; the zero value has seen none.
type CopyFinder struct {
	first block   // the first block with minCopy entries or more
	more  []block // the later ones that repeat no earlier one
}

// block is one block of entries: its key, and its signature once asked.
type block struct {
	entries []*Entry
	key     blockKey
	sig     blockSig
	signed  bool
}

// blockKey is what two blocks that repeat each other share: the count of
// entries a signature hashes, and the target of the first of them.
type blockKey struct {
	count int
	first string
}

type blockSig struct {
	hash  uint64
	count int
}

// minCopy: one entry twice is a duplicate, not a copy of a list.
const minCopy = 2

// Add notes the entries of one block, and marks them as copies when an
// earlier block held the same.
func (f *CopyFinder) Add(entries []*Entry) {
	b := block{entries: entries, key: keyOf(entries)}
	if b.key.count < minCopy {
		return
	}
	if f.first.entries == nil {
		f.first = b
		return
	}
	if f.repeats(&b) {
		markCopies(entries)
		return
	}
	f.more = append(f.more, b)
}

// repeats: an earlier block holds what b holds.
func (f *CopyFinder) repeats(b *block) bool {
	if f.first.alike(b) {
		return true
	}
	for i := range f.more {
		if f.more[i].alike(b) {
			return true
		}
	}
	return false
}

// alike: a and b have one key and one signature.
func (a *block) alike(b *block) bool {
	return a.key == b.key && a.signature() == b.signature()
}

func (a *block) signature() blockSig {
	if !a.signed {
		a.sig, a.signed = signature(a.entries), true
	}
	return a.sig
}

// keyOf is the key of a block: the entries that sign hashes, counted, and
// the target of the first.
func keyOf(entries []*Entry) blockKey {
	var k blockKey
	for _, e := range entries {
		if e.Hidden || e.Control != 0 {
			continue
		}
		if k.count == 0 {
			k.first = e.Target
		}
		k.count += 1 + keyOf(e.Children()).count
	}
	return k
}

func signature(entries []*Entry) blockSig {
	sig := blockSig{hash: fnvOffset}
	sig.sign(entries, 0)
	return sig
}

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

// sign hashes the entries a reader sees, by label (case and spacing aside)
// and target, with their depth.
func (s *blockSig) sign(entries []*Entry, depth byte) {
	for _, e := range entries {
		if e.Hidden || e.Control != 0 {
			continue
		}
		s.count++
		s.byte(depth)
		space := false
		for _, r := range e.Label {
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space {
				s.byte(' ')
				space = false
			}
			var buf [utf8.UTFMax]byte
			for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
				s.byte(b)
			}
		}
		s.byte(0)
		for i := 0; i < len(e.Target); i++ {
			s.byte(e.Target[i])
		}
		s.byte(1)
		s.sign(e.Children(), depth+1)
	}
}

func (s *blockSig) byte(b byte) { s.hash = (s.hash ^ uint64(b)) * fnvPrime }

func markCopies(entries []*Entry) {
	for _, e := range entries {
		e.Copy = true
		markCopies(e.Children())
	}
}

// minTail: a panel that starts with the last two entries of its bar repeats
// them for narrow screens; one alike may be a cross-listing.
const minTail = 2

// MarkOverflow marks, under an overflow toggle among siblings, the entries
// that repeat one of the siblings, label and target: the bar's entries
// that the toggle shows where the bar has no room. A toggle is one by its
// name ("More", "Mehr", "…") or by a panel that starts with the last
// entries before it.
func MarkOverflow(siblings []*Entry) {
	for i, o := range siblings {
		if len(o.Children()) == 0 || o.Control != 0 {
			continue
		}
		if !isOverflowName(o.Name()) && !repeatsTail(o.Children(), siblings[:i]) {
			continue
		}
		markRepeats(o.Children(), siblings, o)
	}
}

// repeatsTail: the first entries of children (hidden ones and controls
// aside) are the last ones of before.
func repeatsTail(children, before []*Entry) bool {
	for k := min(countSeen(children), countSeen(before)); k >= minTail; k-- {
		if sameRun(children, before, k) {
			return true
		}
	}
	return false
}

// sameRun: the first k seen entries of a are, label and target, the last k
// seen entries of b.
func sameRun(a, b []*Entry, k int) bool {
	j := len(b)
	for n := 0; n < k; {
		if j--; b[j].Seen() {
			n++
		}
	}
	i := 0
	for range k {
		for !a[i].Seen() {
			i++
		}
		for !b[j].Seen() {
			j++
		}
		if a[i].Target != b[j].Target || NormalizeLabel(a[i].Label) != NormalizeLabel(b[j].Label) {
			return false
		}
		i, j = i+1, j+1
	}
	return true
}

func countSeen(entries []*Entry) int {
	n := 0
	for _, e := range entries {
		if e.Seen() {
			n++
		}
	}
	return n
}

// markRepeats marks the entries under an overflow toggle that repeat a
// sibling of the toggle.
func markRepeats(entries, siblings []*Entry, toggle *Entry) {
	for _, e := range entries {
		if e.Target != "" && e.Control == 0 {
			for _, s := range siblings {
				if s != toggle && s.Control == 0 && s.Target == e.Target && NormalizeLabel(s.Label) == NormalizeLabel(e.Label) {
					e.Copy = true
					break
				}
			}
		}
		markRepeats(e.Children(), siblings, toggle)
	}
}
