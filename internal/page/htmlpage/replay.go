package htmlpage

import (
	"bytes"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// A region the Regions cache knows (memo.go) need not even be read: what
// reading its markup does to the stream — the links, ids, anchors and
// landmark candidates it adds — is the same on every page that has the
// same bytes in the same context. So the stream records those effects of
// a region it has seen twice, and a later page whose bytes at a region's
// start tag are the recorded markup replays them and goes on reading
// after it. The builder then copies the region's model from the cache (or,
// should the region on this page go on past the recorded markup, parses
// its bytes alone as for any irregular region).
//
// Only a region read in a plain state is recorded or replayed: in the
// body, no formatting element or control open around it, nothing but
// elements inside it (no comment, title, base or refresh), and its root
// on top of the stack when the token that closes it comes.

// streamTemplate is what reading a region's markup did, offsets relative
// to the region's root.
type streamTemplate struct {
	markup   []byte
	links    []page.Link // Tag, Attr, Href, Rel, Selector
	linkInfo []linkInfo
	ids      []idRange
	anchors  []string
	cands    []candidate
	// the root's children when the markup ends, for the nth-child of any
	// that follow on a page whose region goes on
	kids int
}

// effectMarks are the lengths of the stream's lists when a region starts.
type effectMarks struct{ links, ids, anchors, cands, effects int }

// streamSet is the templates recorded in one context: the menus of a
// site's sections differ in the entry they mark current, so one context
// has a template for each. They are found by the hash of the page's bytes
// over each length a template has.
type streamSet struct {
	lengths []int
	byHash  map[uint64]*streamTemplate // hash of the markup, see markupHash
}

// maxPerContext and maxLengths bound a context's templates and the hashes
// tried at one region start.
const (
	maxPerContext = 256
	maxLengths    = 16
)

func (m *Regions) markupHash(markup []byte) uint64 { return maphash.Bytes(m.seed, markup) }

// startReplay is called when the stream opens region root e: it readies
// the region's recording and replays a known template when the page's
// bytes match one.
func (s *stream) startReplay(e *openElem) {
	cache, r := s.opt.Regions, s.caps.region
	// No formatting element open around it (which the parser could reopen
	// inside) and no foreign root: conservative, as is recording only
	// regular regions.
	if cache == nil || r == nil || len(s.afe) > 0 || len(s.open) > 0 || e.foreign {
		return
	}
	r.context = s.replayContext(e)
	r.from = effectMarks{links: len(s.links), ids: len(s.ids), anchors: len(s.p.Anchors), cands: len(s.cands), effects: s.effects}
	if t := cache.predict(r.context, s.data[e.off:]); t != nil {
		s.replay(t, e)
	}
}

// replayContext is what, besides its bytes, decides what reading region
// root e does: the landmark selectors, the root's selector path, and what
// it inherits from its ancestors.
func (s *stream) replayContext(e *openElem) string {
	b := appendSelectors(s.sc.memoKey[:0], s.opt)
	b = append(b, s.caps.region.sel...)
	for _, flag := range []bool{e.hidden, e.sectioning, e.header >= 0, e.footer >= 0, e.menu >= 0, e.named >= 0, s.hasCR} {
		b = strconv.AppendBool(b, flag)
	}
	s.sc.memoKey = b
	return string(b)
}

// appendSelectors appends the landmark selectors of opt to a cache key: a
// cache shared by parses with other selectors must not mix their regions.
func appendSelectors(b []byte, opt *Options) []byte {
	for _, sel := range []string{opt.NavSelector, opt.HeaderSelector, opt.FooterSelector} {
		b = append(b, sel...)
		b = append(b, 0)
	}
	for _, m := range opt.Menus {
		b = append(b, m.Name...)
		b = append(b, 0)
		b = append(b, m.Selector...)
		b = append(b, 0)
	}
	return b
}

// replay applies template t at region root e and moves the stream past its
// markup.
func (s *stream) replay(t *streamTemplate, e *openElem) {
	base := e.off
	for i := range t.links {
		l := s.newLink()
		*l = t.links[i]
		s.links = append(s.links, l)
		info := t.linkInfo[i]
		info.off += base
		s.linkInfo = append(s.linkInfo, info)
	}
	for _, id := range t.ids {
		s.ids = append(s.ids, idRange{id: id.id, start: base + id.start, end: base + id.end})
	}
	s.p.Anchors = append(s.p.Anchors, t.anchors...)
	seg := len(s.caps.regions) - 1
	for _, c := range t.cands {
		c.off, c.end, c.seg = base+c.off, base+c.end, seg
		s.cands = append(s.cands, c)
	}
	e.kids = t.kids
	r := s.caps.region
	r.replayed = true
	s.opt.Regions.replays.Add(1)
	r.direct.ok = false // no tree was built: the model comes from the cache
	s.off = base + len(t.markup)
	s.lex.pos = s.off
}

// endReplay is called when region root e is popped at offset at: it
// records the region when it was read in a plain state and seen before.
func (s *stream) endReplay(e *openElem, at int) {
	r := s.caps.region
	// At the end of the page the markup may end inside a construct the
	// end cut off: only a token that starts at "at" is a clean boundary.
	if r.context == "" || r.replayed || !r.direct.ok || s.tokPops != 1 || at >= len(s.data) ||
		len(s.afe) > 0 || s.effects != r.from.effects {
		return
	}
	cache := s.opt.Regions
	markup := s.data[e.off:at]
	if !cache.secondStreamSighting(r.context, markup) {
		return
	}
	t := &streamTemplate{markup: bytes.Clone(markup), kids: e.kids}
	for i, l := range s.links[r.from.links:] {
		t.links = append(t.links, page.Link{Tag: l.Tag, Attr: l.Attr, Href: l.Href, Rel: l.Rel, Selector: l.Selector})
		info := s.linkInfo[r.from.links+i]
		info.off -= e.off
		t.linkInfo = append(t.linkInfo, info)
	}
	for _, id := range s.ids[r.from.ids:] {
		// The id may be in the stream's arena, which the next page reuses.
		t.ids = append(t.ids, idRange{id: strings.Clone(id.id), start: id.start - e.off, end: id.end - e.off})
	}
	t.anchors = append(t.anchors, s.p.Anchors[r.from.anchors:]...)
	for _, c := range s.cands[r.from.cands:] {
		c.off, c.end, c.seg = c.off-e.off, c.end-e.off, 0
		t.cands = append(t.cands, c)
	}
	cache.recordStream(r.context, t)
}

// predict returns the template of context whose markup data starts with.
func (m *Regions) predict(context string, data []byte) *streamTemplate {
	m.mu.RLock()
	defer m.mu.RUnlock()
	set := m.streams[context]
	if set == nil {
		return nil
	}
	for _, n := range set.lengths {
		if n > len(data) {
			continue
		}
		if t := set.byHash[m.markupHash(data[:n])]; t != nil && bytes.Equal(t.markup, data[:n]) {
			return t
		}
	}
	return nil
}

// room reports whether context may record a template of length n; m.mu
// is held.
func (m *Regions) room(context string, n int) bool {
	if m.streamCount >= maxTemplates || m.kept+n > maxKept {
		return false
	}
	set := m.streams[context]
	if set == nil {
		return true
	}
	return len(set.byHash) < maxPerContext && (slices.Contains(set.lengths, n) || len(set.lengths) < maxLengths)
}

func (m *Regions) secondStreamSighting(context string, markup []byte) bool {
	var h maphash.Hash
	h.SetSeed(m.seed)
	h.WriteString(context)
	h.WriteByte(1) // not a model's key
	h.Write(markup)
	sum := h.Sum64()
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sighted(sum) && m.room(context, len(markup))
}

func (m *Regions) recordStream(context string, t *streamTemplate) {
	sum := m.markupHash(t.markup)
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.room(context, len(t.markup)) {
		return
	}
	set := m.streams[context]
	if set == nil {
		set = &streamSet{byHash: map[uint64]*streamTemplate{}}
		m.streams[context] = set
	}
	if set.byHash[sum] != nil {
		return // recorded by another page at the same time, or a collision
	}
	set.byHash[sum] = t
	if !slices.Contains(set.lengths, len(t.markup)) {
		set.lengths = append(set.lengths, len(t.markup))
	}
	m.streamCount++
	m.kept += len(t.markup)
}
