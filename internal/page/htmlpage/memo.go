package htmlpage

import (
	"hash/maphash"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
// Pages that have the region at the very same position, with targets that
// are site paths, share one copy (see sharedRegion). A region whose names
// come from ids elsewhere in the page (aria-labelledby) is never kept.

// Regions remembers the models of regions across the pages of one run. It
// is safe for concurrent use; the zero value is not: use NewRegions.
type Regions struct {
	seed maphash.Seed

	mu          sync.RWMutex
	seen        map[uint64]bool // regions seen once
	templates   map[regionKey]*regionModel
	streams     map[string]*streamSet // by context, see replay.go
	streamCount int
	// kept is the markup the cache holds, in bytes, models and recordings
	// together: see maxKept.
	kept int

	// copies and replays count the models copied and the regions not read
	copies, replays atomic.Int64
}

// maxTemplates and maxSeen bound the cache: a site whose regions differ
// on every page (a link of each page's own in its header) would fill it
// with models no page reuses.
const (
	maxTemplates = 1024
	maxSeen      = 1 << 16
	maxKept      = 32 << 20
)

// NewRegions returns an empty cache.
func NewRegions() *Regions {
	return &Regions{seed: maphash.MakeSeed(), seen: map[uint64]bool{}, templates: map[regionKey]*regionModel{},
		streams: map[string]*streamSet{}}
}

// regionKey is a region's markup and its context: the root's selector path,
// whether an ancestor hides it, and its landmark candidates (offsets
// relative to the root) with the part each plays in the page.
type regionKey struct{ context, markup string }

// regionModel is the model of a region, built once and kept flat so that
// a copy costs little: its entries in the order they were made, with
// their offsets relative to the root and their children by index, and the
// header, footer and menus whose root it holds, their entries by index.
type regionModel struct {
	rootPos  page.Pos
	entries  []page.Entry // Children nil: see children
	offs     []int
	children [][]int
	header   *regionShape
	footer   *regionShape
	menus    []menuShape
	// fixedTargets: every href is root-relative and was resolved on a
	// page whose targets do not depend on it (see pageIndependent)
	fixedTargets bool
	shared       sharedRegion
}

type regionShape struct {
	region page.Region // Items nil: see items
	items  []int
}

type menuShape struct {
	menu    page.Menu // Entries nil: see entries
	entries []int
}

// regionKey makes the key of region seg; markup is the page's own bytes,
// to be cloned before it is stored.
func (b *builder) regionKey(seg int, r *regionCapture) regionKey {
	ctx := appendSelectors(b.s.sc.memoKey[:0], b.s.opt)
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
	return m.sighted(sum) && len(m.templates) < maxTemplates
}

// sighted records a region by its hash, and reports whether it was seen
// before; m.mu is held.
func (m *Regions) sighted(sum uint64) bool {
	if m.seen[sum] {
		return true
	}
	if len(m.seen) < maxSeen {
		m.seen[sum] = true
	}
	return false
}

func (m *Regions) store(k regionKey, model *regionModel) {
	k = regionKey{context: string([]byte(k.context)), markup: string([]byte(k.markup))}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.templates) < maxTemplates && m.kept+len(k.markup) <= maxKept && m.templates[k] == nil {
		m.templates[k] = model
		m.kept += len(k.markup)
	}
}

// flatten makes the model of a region from what its build made: the
// entries it appended to the order from start on, and its header, footer
// and menus. The strings are the page's, which never change.
func (b *builder) flatten(start, rootOff int, rootPos page.Pos, header, footer *page.Region, menus []*page.Menu) *regionModel {
	made := b.order[start:]
	m := &regionModel{rootPos: rootPos, entries: make([]page.Entry, len(made)), offs: make([]int, len(made)),
		children: make([][]int, len(made))}
	index := make(map[*page.Entry]int, len(made))
	for i, o := range made {
		index[o.e] = i
	}
	indexes := func(list []*page.Entry) []int {
		if list == nil {
			return nil
		}
		out := make([]int, len(list))
		for i, e := range list {
			out[i] = index[e]
		}
		return out
	}
	m.fixedTargets = b.res.pageIndependent()
	for i, o := range made {
		if o.e.HasHref && !rootRelative(o.e.Href) {
			m.fixedTargets = false
		}
		m.entries[i] = *o.e
		m.entries[i].Children = nil
		m.offs[i] = o.off - rootOff
		m.children[i] = indexes(o.e.Children)
	}
	shape := func(r *page.Region) *regionShape {
		if r == nil {
			return nil
		}
		sh := &regionShape{region: *r, items: indexes(r.Items)}
		sh.region.Items = nil
		sh.region.Copyright = nil
		for _, c := range r.Copyright {
			sh.region.Copyright = append(sh.region.Copyright, &page.Copyright{Text: c.Text, Pos: c.Pos})
		}
		return sh
	}
	m.header, m.footer = shape(header), shape(footer)
	for _, menu := range menus {
		sh := menuShape{menu: *menu, entries: indexes(menu.Entries)}
		sh.menu.Entries = nil
		m.menus = append(m.menus, sh)
	}
	return m
}

// sharedRegion is a region model made into a page model once, for every
// page that has the region at the very same position: such pages share
// its entries, which no one changes once a page is built.
type sharedRegion struct {
	once    sync.Once
	entries []*page.Entry
	header  *page.Region
	footer  *page.Region
	menus   []*page.Menu
}

// pageIndependent: the targets of root-relative hrefs are the hrefs
// themselves on every page read from a site's files (no origin, no base),
// so a model made on one such page holds for another.
func (r resolver) pageIndependent() bool { return r.fast && r.origin == "" }

func rootRelative(href string) bool {
	h := strings.TrimSpace(href)
	return strings.HasPrefix(h, "/") && !strings.HasPrefix(h, "//")
}

// apply puts region model m into the page, its root at rootOff: the shared
// model when the region stands where the model's did and no target
// depends on the page, else a copy with positions shifted from the
// model's root to this one and targets resolved against this page.
func (b *builder) apply(m *regionModel, rootOff int) {
	to := b.pos(rootOff)
	fixed := m.fixedTargets && b.res.pageIndependent()
	var entries []*page.Entry
	var header, footer *page.Region
	var menus []*page.Menu
	if fixed && to == m.rootPos {
		sh := &m.shared
		sh.once.Do(func() {
			sh.entries, sh.header, sh.footer, sh.menus = m.materialize(m.rootPos, func() *page.Entry { return new(page.Entry) }, nil, nil)
		})
		entries, header, footer, menus = sh.entries, sh.header, sh.footer, sh.menus
	} else {
		target := b.res.target
		if fixed {
			target = nil
		}
		entries, header, footer, menus = m.materialize(to, b.s.newEntry, target, b.s.sc.memoEntries[:0])
		b.s.sc.memoEntries = entries[:0]
		defer clear(entries)
	}
	for i, e := range entries {
		b.order = append(b.order, orderedEntry{off: rootOff + m.offs[i], e: e})
	}
	b.setRegion(header, footer, menus)
}

// materialize makes page model parts of m with its root at position to:
// entries (appended to buf, by index), header, footer and menus; target,
// when set, resolves every href again.
func (m *regionModel) materialize(to page.Pos, newEntry func() *page.Entry, target func(string) string, buf []*page.Entry) (
	entries []*page.Entry, header, footer *page.Region, menus []*page.Menu) {
	shift := func(p page.Pos) page.Pos {
		if p.Line == 0 || m.rootPos.Line == 0 {
			return p
		}
		out := page.Pos{Line: p.Line - m.rootPos.Line + to.Line, Column: p.Column}
		if p.Line == m.rootPos.Line {
			out.Column = p.Column - m.rootPos.Column + to.Column
		}
		return out
	}
	entries = buf
	for i := range m.entries {
		e := newEntry()
		*e = m.entries[i]
		e.Pos = shift(e.Pos)
		if target != nil && e.HasHref {
			e.Target = target(e.Href)
		}
		entries = append(entries, e)
	}
	pick := func(indexes []int) []*page.Entry {
		if indexes == nil {
			return nil
		}
		out := make([]*page.Entry, len(indexes))
		for i, x := range indexes {
			out[i] = entries[x]
		}
		return out
	}
	for i, kids := range m.children {
		entries[i].Children = pick(kids)
	}
	region := func(sh *regionShape) *page.Region {
		if sh == nil {
			return nil
		}
		r := sh.region
		r.Pos = shift(r.Pos)
		r.Items = pick(sh.items)
		r.Copyright = nil
		for _, c := range sh.region.Copyright {
			r.Copyright = append(r.Copyright, &page.Copyright{Text: c.Text, Pos: shift(c.Pos)})
		}
		return &r
	}
	for _, sh := range m.menus {
		menu := sh.menu
		menu.Pos = shift(menu.Pos)
		menu.Entries = pick(sh.entries)
		menus = append(menus, &menu)
	}
	return entries, region(m.header), region(m.footer), menus
}

// memoRegion builds region seg through the cache: a copy of its model when
// the cache has one, else built (and kept when seen before).
func (b *builder) memoRegion(seg int, r *regionCapture, cache *Regions) {
	key := b.regionKey(seg, r)
	rootPos := b.pos(r.rootOff)
	if model := cache.lookup(key); model != nil {
		cache.copies.Add(1)
		b.apply(model, r.rootOff)
		return
	}
	keep := cache.secondSighting(key)
	start, lookups := len(b.order), b.idLookups
	header, footer, menus := b.buildRegion(seg, r)
	b.setRegion(header, footer, menus)
	if !keep || b.idLookups != lookups {
		return
	}
	cache.store(key, b.flatten(start, r.rootOff, rootPos, header, footer, menus))
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
