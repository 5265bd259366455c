package htmlpage

import (
	"hash/maphash"
	"strconv"
	"sync"
	"unsafe"

	"github.com/pagelint/pagelint/internal/page"
)

// The pages of a site share their templates: the header, the menus and the
// footer of one page are, byte for byte, those of the next. Building their
// trees and entries is most of the cost of a page, so a Regions cache that
// the pages of one run share keeps the model of each regular region it has
// seen twice, by its markup and everything else its model depends on, and
// the pages after copy it instead of building it again. What differs from
// page to page is recomputed for each copy: the positions (shifted with
// the region's start) and the link targets (resolved against the page).
// A region whose names come from ids elsewhere in the page
// (aria-labelledby) is never kept.

// Regions remembers the models of regions across the pages of one run. It
// is safe for concurrent use; the zero value is not: use NewRegions.
type Regions struct {
	seed maphash.Seed

	mu        sync.RWMutex
	seen      map[uint64]bool // regions seen once
	templates map[regionKey]*regionModel
}

// maxTemplates bounds the cache: a site whose regions differ on every page
// (a menu marking the current page) fills it with models no page reuses.
const maxTemplates = 1024

// NewRegions returns an empty cache.
func NewRegions() *Regions {
	return &Regions{seed: maphash.MakeSeed(), seen: map[uint64]bool{}, templates: map[regionKey]*regionModel{}}
}

// regionKey is a region's markup and its context: the root's selector path,
// whether an ancestor hides it, and its landmark candidates (offsets
// relative to the root) with the part each plays in the page.
type regionKey struct{ context, markup string }

// regionModel is the model of a region, built once: its entries in the
// order they were made with their offsets relative to the root, and the
// header, footer and menus whose root it holds.
type regionModel struct {
	rootPos page.Pos
	entries []memoEntry
	header  *page.Region
	footer  *page.Region
	menus   []*page.Menu
}

type memoEntry struct {
	off int // relative to the region's root
	e   *page.Entry
}

// regionKey makes the key of region seg; markup is the page's own bytes,
// to be cloned before it is stored.
func (b *builder) regionKey(seg int, r *regionCapture) regionKey {
	ctx := b.s.sc.memoKey[:0]
	ctx = append(ctx, r.sel...)
	if r.parentHidden {
		ctx = append(ctx, "\x00hidden"...)
	}
	for i, c := range b.s.cands {
		if c.seg != seg {
			continue
		}
		ctx = append(ctx, 0)
		ctx = strconv.AppendInt(ctx, int64(c.kind), 10)
		ctx = append(ctx, ',')
		ctx = strconv.AppendInt(ctx, int64(c.off-r.rootOff), 10)
		ctx = append(ctx, ',')
		ctx = strconv.AppendInt(ctx, int64(c.end-r.rootOff), 10)
		ctx = append(ctx, ',')
		ctx = strconv.AppendBool(ctx, c.named)
		ctx = strconv.AppendBool(ctx, c.landmark)
		ctx = strconv.AppendBool(ctx, i == b.header)
		ctx = strconv.AppendBool(ctx, i == b.footer)
		ctx = strconv.AppendBool(ctx, c.kind == candMenu && b.isMenu(i))
		ctx = append(ctx, c.name...)
		ctx = append(ctx, 0)
		ctx = append(ctx, c.sel...)
	}
	b.s.sc.memoKey = ctx
	markup := b.s.data[r.rootOff:max(r.rootOff, r.end)]
	return regionKey{context: unsafe.String(unsafe.SliceData(ctx), len(ctx)), markup: unsafe.String(unsafe.SliceData(markup), len(markup))}
}

func (m *Regions) lookup(k regionKey) *regionModel {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.templates[k]
}

// secondSighting records a region without a model, and reports whether it
// was seen before: only then is its model worth keeping.
func (m *Regions) secondSighting(k regionKey) bool {
	var h maphash.Hash
	h.SetSeed(m.seed)
	h.WriteString(k.context)
	h.WriteByte(0)
	h.WriteString(k.markup)
	sum := h.Sum64()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen[sum] {
		return len(m.templates) < maxTemplates
	}
	m.seen[sum] = true
	return false
}

func (m *Regions) store(k regionKey, model *regionModel) {
	k = regionKey{context: string([]byte(k.context)), markup: string([]byte(k.markup))}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.templates) < maxTemplates {
		m.templates[k] = model
	}
}

// entryCopier copies the entries of a region model, each once, with the
// positions shifted from one root position to another.
type entryCopier struct {
	from, to page.Pos
	copies   map[*page.Entry]*page.Entry
	newEntry func() *page.Entry
	target   func(href string) string // nil keeps the target
}

func (c *entryCopier) pos(p page.Pos) page.Pos {
	if p.Line == 0 || c.from.Line == 0 {
		return p
	}
	out := page.Pos{Line: p.Line - c.from.Line + c.to.Line, Column: p.Column}
	if p.Line == c.from.Line {
		out.Column = p.Column - c.from.Column + c.to.Column
	}
	return out
}

func (c *entryCopier) entry(e *page.Entry) *page.Entry {
	if e == nil {
		return nil
	}
	if cp, ok := c.copies[e]; ok {
		return cp
	}
	cp := c.newEntry()
	*cp = *e
	c.copies[e] = cp
	cp.Pos = c.pos(e.Pos)
	if c.target != nil && e.HasHref {
		cp.Target = c.target(e.Href)
	}
	cp.Children = c.entries(e.Children)
	return cp
}

func (c *entryCopier) entries(list []*page.Entry) []*page.Entry {
	if list == nil {
		return nil
	}
	out := make([]*page.Entry, len(list))
	for i, e := range list {
		out[i] = c.entry(e)
	}
	return out
}

func (c *entryCopier) region(r *page.Region) *page.Region {
	if r == nil {
		return nil
	}
	out := &page.Region{Selector: r.Selector, Items: c.entries(r.Items), Pos: c.pos(r.Pos)}
	for _, cr := range r.Copyright {
		out.Copyright = append(out.Copyright, &page.Copyright{Text: cr.Text, Pos: c.pos(cr.Pos)})
	}
	return out
}

func (c *entryCopier) menus(menus []*page.Menu) []*page.Menu {
	var out []*page.Menu
	for _, m := range menus {
		cp := *m
		cp.Pos = c.pos(m.Pos)
		cp.Entries = c.entries(m.Entries)
		out = append(out, &cp)
	}
	return out
}

// copyModel copies a region model whole; with target nil the targets stay.
func copyModel(m *regionModel, to page.Pos, newEntry func() *page.Entry, target func(string) string) *regionModel {
	c := &entryCopier{from: m.rootPos, to: to, copies: make(map[*page.Entry]*page.Entry, len(m.entries)),
		newEntry: newEntry, target: target}
	out := &regionModel{rootPos: to, entries: make([]memoEntry, len(m.entries))}
	for i, me := range m.entries {
		out.entries[i] = memoEntry{off: me.off, e: c.entry(me.e)}
	}
	out.header, out.footer = c.region(m.header), c.region(m.footer)
	out.menus = c.menus(m.menus)
	return out
}

// memoRegion builds region seg through the cache: a copy of its model when
// the cache has one, else built (and kept when seen before).
func (b *builder) memoRegion(seg int, r *regionCapture, cache *Regions) {
	key := b.regionKey(seg, r)
	rootPos := b.pos(r.rootOff)
	if model := cache.lookup(key); model != nil {
		b.apply(copyModel(model, rootPos, b.s.newEntry, b.res.target), r.rootOff)
		return
	}
	keep := cache.secondSighting(key)
	start, lookups := len(b.order), b.idLookups
	header, footer, menus := b.buildRegion(seg, r)
	b.setRegion(header, footer, menus)
	if !keep || b.idLookups != lookups {
		return
	}
	model := &regionModel{rootPos: rootPos, header: header, footer: footer, menus: menus}
	for _, o := range b.order[start:] {
		model.entries = append(model.entries, memoEntry{off: o.off - r.rootOff, e: o.e})
	}
	// A copy of its own: the model this page got is the page's to keep.
	cache.store(key, copyModel(model, rootPos, func() *page.Entry { return new(page.Entry) }, nil))
}

// apply puts a copied region model into the page.
func (b *builder) apply(m *regionModel, rootOff int) {
	for _, me := range m.entries {
		b.order = append(b.order, orderedEntry{off: rootOff + me.off, e: me.e})
	}
	b.setRegion(m.header, m.footer, m.menus)
}

func (b *builder) setRegion(header, footer *page.Region, menus []*page.Menu) {
	if header != nil {
		b.p.Header = header
	}
	if footer != nil {
		b.p.Footer = footer
	}
	b.p.Menus = append(b.p.Menus, menus...)
}
