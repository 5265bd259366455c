package htmlpage

import (
	"bytes"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"github.com/pagelint/pagelint/internal/page/selector"
	"github.com/pagelint/pagelint/internal/urlnorm"
	"golang.org/x/net/html/atom"
)

// model reads the page model off the tree the builder made.
type model struct {
	*parser
	opt   Options // a copy: a pointer to Parse's moved it to the heap
	sel   *selector.Set
	p     *page.Page
	lines *page.Lines      // nil for a rendered DOM, which has no source
	res   urlnorm.Resolver // resolves the page's references

	cands          []candidate
	header, footer int // index into cands, -1 for none
	menus          []int
	anchorIDs      htmltree.SpanIndex // see makeAnchors
	anchorSeen     []uint8
	cutBy          map[int32]int32 // see nestedLink
	// root is the menu or region whose entries collect is nesting;
	// regionPass says it is the footer, whose menus are read already.
	root       nodeID
	regionPass bool
	itemNodes  []nodeID      // see itemParts
	itemOwn    []*page.Entry // see itemParts
	itemSub    []*page.Entry // see itemParts
	headNodes  []nodeID      // see headControls
	gathered   []*page.Entry // see gather
	entrySlab  []page.Entry
	linkSlab   []page.Link
	ownLinks   int      // about how many links are no entry's Link (makeLinks)
	texts      []string // see nodeInfo.group; texts[0] is ""
}

// nodeInfo is what the model learns of an element, memoized. It holds no
// pointer (entries and texts are indexes into the model's lists), so the
// collector never scans the memo of a page's every element. Text nodes,
// about half of a page's nodes, have none (infoOf).
type nodeInfo struct {
	entry int32 // 1 + the index of the control's entry in model.entries, 0 for none
	cand  int32 // 1 + the index of the candidate the element is, 0 if none
	// see lastHeading, precedingGroup, groupAbove; group and above index
	// model.texts
	heading      nodeID
	group, above int32
	root         nodeID // see place
	memo         memo
	in           uint8     // see locate
	anchor       page.Kind // see anchorKind; 0 before it is asked
}

type memo uint8

const (
	memoHeading memo = 1 << iota
	memoGroup
	memoAbove
	memoPlace
	memoGroupFound // precedingGroup found a heading
)

// candidate is an element a landmark selector matches.
type candidate struct {
	kind     candKind
	name     string // the config's name of a named menu
	named    bool
	node     nodeID
	landmark bool // not inside a sectioning element
}

type candKind uint8

const (
	candHeader candKind = iota
	candFooter
	candMenu
)

func newModel(b *parser, opt *Options, sel *selector.Set) *model {
	b.info = slices.Grow(b.info[:0], int(b.Elements)+1)[:b.Elements+1]
	clear(b.info)
	md := &b.md
	*md = md.scratch()
	md.parser, md.opt, md.sel, md.header, md.footer = b, *opt, sel, -1, -1
	md.names.Reset(&b.Tree)
	md.paths.Reset(&b.Tree)
	md.texts = append(md.texts, "")
	return md
}

// scratch is an empty model with the space of md's lists, for the next
// page, and nothing of md's page (the texts are the page's): the parser
// keeps it, where a model and its lists made anew for every page were a
// fiftieth of what a run on the GOV.UK build allocated.
func (md *model) scratch() model {
	clear(md.texts[:cap(md.texts)])
	clear(md.gathered[:cap(md.gathered)])
	clear(md.itemOwn[:cap(md.itemOwn)])
	clear(md.itemSub[:cap(md.itemSub)])
	return model{cands: md.cands[:0], menus: md.menus[:0],
		anchorIDs: md.anchorIDs, anchorSeen: md.anchorSeen[:0],
		itemNodes: md.itemNodes[:0], itemOwn: md.itemOwn[:0], itemSub: md.itemSub[:0],
		headNodes: md.headNodes[:0], gathered: md.gathered[:0], texts: md.texts[:0]}
}

// infoOf is the memo of element n, by its number among the elements
// (htmltree.Node.Elem), so that the memo of a page of many megabytes is 28
// bytes an element, not a node (docs/BENCHMARKS.md; the selector paths'
// memo is 12 bytes more). The document and text nodes share 0, which
// nothing memoizes.
func (md *model) infoOf(n nodeID) *nodeInfo { return &md.info[md.Nodes[n].Elem] }

func (md *model) page() *page.Page {
	p := &page.Page{Source: md.opt.Source, URL: md.opt.URL, Format: md.opt.Format,
		Menus: []*page.Menu{}, Links: []*page.Link{}, Anchors: []string{}}
	md.p = p
	if md.opt.Format != page.FormatDOM {
		md.lines = &md.lineTable
		md.lines.Reset(md.Page)
		p.Suppressions = md.suppressions(md.lines)
	}
	if md.title != 0 {
		p.Title = page.CleanLabel(md.names.TextOf(md.title))
	}
	if h := md.Nodes[0].First; md.Is(h, atom.Html) {
		lang, _ := md.Attr(h, atom.Lang)
		p.Lang = string(lang)
	}
	if md.hasBase {
		p.Base = string(md.Bytes(md.base))
	}
	p.Redirect = string(md.refresh)
	p.OGURL = string(md.ogURL)
	md.res = urlnorm.NewResolver(md.opt.URL, p.Base)
	md.scan(0, scanContext{header: -1, footer: -1, menu: -1, named: -1})
	md.chooseLandmarks()
	md.makeControls()
	for i, c := range md.cands {
		switch i {
		case md.header:
			p.Header = md.region(c, false)
		case md.footer:
			p.Footer = md.region(c, true)
		}
		if slices.Contains(md.menus, i) {
			p.Menus = append(p.Menus, md.menu(c))
		}
	}
	if md.footer >= 0 {
		md.nestRegion(md.cands[md.footer].node)
	}
	md.makeLinks()
	md.makeAnchors()
	p.Words = md.names.Words()
	for _, m := range md.maps {
		p.Maps = append(p.Maps, string(md.Bytes(m)))
	}
	return p
}

func (md *model) pos(off int) page.Pos { return md.lines.Pos(off) }

// scanContext is what an element inherits from its ancestors while scan
// looks for landmarks: the innermost candidates around it.
type scanContext struct {
	header, footer, menu, named int
	sectioning, inBody          bool
}

// scan walks the tree in document order: it finds the landmark candidates
// (elements of the body that a landmark selector matches; a candidate
// inside one of its kind is none), the controls, and the elements that
// carry an id (for byID, which needs no walk of its own).
func (md *model) scan(parent nodeID, ctx scanContext) {
	for c := md.Nodes[parent].First; c != 0; c = md.Nodes[c].Next {
		n := &md.Nodes[c]
		if n.Text {
			continue
		}
		inner := ctx
		root := n.IsRoot()
		if ctx.inBody && !root && n.Props&htmltree.Void == 0 {
			if md.sel.MayMatch(n) {
				md.candidates(c, ctx.sectioning, &inner)
			} else if n.Props&htmltree.Sectioning != 0 && n.NS == htmltree.NSHTML {
				inner.sectioning = true
			}
		}
		if n.Is(atom.Body) {
			inner.inBody = true
		}
		md.names.NoteID(c)
		if n.Is(atom.Template) {
			// Its content is no part of the page (place.inert), but
			// ByID finds its ids, as a walk of the tree would.
			md.eachElement(c, md.names.NoteID)
			continue
		}
		if !root && n.Off >= 0 && mayBeControl(n) && md.controlKind(c) != 0 {
			md.controls = append(md.controls, c)
		}
		md.scan(c, inner)
	}
}

func (md *model) candidates(n nodeID, sectioning bool, ctx *scanContext) {
	add := func(kind candKind, name string, named bool) int {
		md.cands = append(md.cands, candidate{kind: kind, name: name, named: named, node: n, landmark: !sectioning})
		md.infoOf(n).cand = int32(len(md.cands))
		return len(md.cands) - 1
	}
	if ctx.header < 0 && md.paths.Matches(md.sel.Header, n) {
		ctx.header = add(candHeader, "", false)
	}
	if ctx.footer < 0 && md.paths.Matches(md.sel.Footer, n) {
		ctx.footer = add(candFooter, "", false)
	}
	isMenu := false
	if ctx.named < 0 {
		for _, m := range md.sel.Menus {
			if md.paths.Matches(m.Matcher, n) {
				ctx.named = add(candMenu, m.Name, true)
				ctx.menu, isMenu = ctx.named, true
				break
			}
		}
	}
	if !isMenu && ctx.menu < 0 && md.paths.Matches(md.sel.Nav, n) {
		ctx.menu = add(candMenu, "", false)
	}
	if md.Has(n, htmltree.Sectioning) {
		ctx.sectioning = true
	}
}

// chooseLandmarks picks the page header (the first that is a landmark, i.e.
// not inside a sectioning element, else the first), the page footer (the
// last landmark, else the last) and the menus: named menus, and the other
// navigation elements that hold no named menu.
func (md *model) chooseLandmarks() {
	for i, c := range md.cands {
		switch c.kind {
		case candHeader:
			if md.header < 0 || c.landmark && !md.cands[md.header].landmark {
				md.header = i
			}
		case candFooter:
			if md.footer < 0 || c.landmark || !md.cands[md.footer].landmark {
				md.footer = i
			}
		}
	}
	for i, c := range md.cands {
		if c.kind == candMenu && (c.named || !md.holdsNamedMenu(c.node)) {
			md.menus = append(md.menus, i)
		}
	}
}

func (md *model) holdsNamedMenu(n nodeID) bool {
	for _, o := range md.cands {
		if o.kind == candMenu && o.named && md.inside(o.node, n) {
			return true
		}
	}
	return false
}

// inside reports whether n is anc or stands inside it.
func (md *model) inside(n, anc nodeID) bool {
	for ; n != 0; n = md.Nodes[n].Parent {
		if n == anc {
			return true
		}
	}
	return false
}

// place is where an element stands: its region, the outermost landmark
// candidate around it (0 if none: groups are found within it), whether it
// or an ancestor is hidden, and whether it stands in a template's content,
// which is no part of the page until a script puts a copy there.
type place struct {
	region  page.Landmark
	root    nodeID
	hidden  bool
	inert   bool
	ignored bool // see ignoredByAttrs
}

// Where a node stands, as memoized in nodeInfo.in.
const (
	inHeader uint8 = 1 << iota
	inFooter
	inMenu
	inHidden
	inTemplate
	inIgnored
)

func (md *model) placeOf(n nodeID) place {
	md.locate(n)
	info := md.infoOf(n)
	pl := place{root: info.root, hidden: info.in&inHidden != 0, inert: info.in&inTemplate != 0,
		ignored: info.in&inIgnored != 0, region: page.RegionMain}
	switch {
	case info.in&inFooter != 0:
		pl.region = page.RegionFooter
	case info.in&inHeader != 0:
		pl.region = page.RegionHeader
	case info.in&inMenu != 0:
		pl.region = page.RegionNav
	}
	return pl
}

// locate memoizes where element n stands, from where its parent stands.
func (md *model) locate(n nodeID) {
	info := md.infoOf(n)
	if info.memo&memoPlace != 0 {
		return
	}
	if p := md.Nodes[n].Parent; md.Element(p) {
		md.locate(p)
		info.in, info.root = md.infoOf(p).in, md.infoOf(p).root
	}
	if md.names.HiddenByAttrs(n) {
		info.in |= inHidden
	}
	if md.Is(n, atom.Template) {
		info.in |= inTemplate
	}
	if md.ignoredByAttrs(n) {
		info.in |= inIgnored
	}
	if c := info.cand; c > 0 {
		if info.root == 0 {
			info.root = n
		}
		for i := int(c) - 1; i >= 0 && md.cands[i].node == n; i-- {
			if i == md.header {
				info.in |= inHeader
			}
			if i == md.footer {
				info.in |= inFooter
			}
			if slices.Contains(md.menus, i) {
				info.in |= inMenu
			}
		}
	}
	info.memo |= memoPlace
}

// landmarkRegion is where a menu stands: header, footer, main (inside the
// main landmark), else nowhere in particular (zero: a menu between the header
// and the main content is not in the main content).
func (md *model) landmarkRegion(n nodeID) page.Landmark {
	if r := md.placeOf(n).region; r != page.RegionNav && r != page.RegionMain {
		return r
	}
	for a := n; a != 0; a = md.Nodes[a].Parent {
		if md.Is(a, atom.Main) || hasRole(md, a, "main") {
			return page.RegionMain
		}
	}
	return 0
}

// entryOf is the entry of control n, nil if n is none or has none yet.
func (md *model) entryOf(n nodeID) *page.Entry {
	if i := md.infoOf(n).entry; i > 0 {
		return md.entries[i-1]
	}
	return nil
}

// keepText keeps s in the model's texts for a memo, by index.
func (md *model) keepText(s string) int32 {
	if s == "" {
		return 0
	}
	md.texts = append(md.texts, s)
	return int32(len(md.texts) - 1)
}

func (md *model) newEntry() *page.Entry {
	if len(md.entrySlab) == cap(md.entrySlab) {
		// One entry a control: a slab of 16 for a page of fewer left the
		// rest unused.
		md.entrySlab = make([]page.Entry, 0, max(1, len(md.controls)))
	}
	md.entrySlab = md.entrySlab[:len(md.entrySlab)+1]
	return &md.entrySlab[len(md.entrySlab)-1]
}

// makeControls makes the entries of every link and button of the page,
// which menus and regions share, in source order.
func (md *model) makeControls() {
	slices.SortStableFunc(md.controls, func(a, b nodeID) int { return int(md.Nodes[a].Off - md.Nodes[b].Off) })
	md.p.Controls = make([]*page.Entry, len(md.controls))
	for i, n := range md.controls {
		md.p.Controls[i] = md.entry(n)
	}
}

// entry returns the entry of control n, made once.
func (md *model) entry(n nodeID) *page.Entry {
	if e := md.entryOf(n); e != nil {
		return e
	}
	e := md.newEntry()
	md.entries = append(md.entries, e)
	md.infoOf(n).entry = int32(len(md.entries))
	e.Kind = md.controlKind(n)
	var rare page.Rare
	e.Label, rare.Text = md.names.Name(n)
	if e.Label == "" {
		rare.NamedBy = md.nameBinding(n)
	}
	e.SetRare(rare)
	if e.Kind == page.KindButton && md.opensSubmenu(n) {
		e.Kind = page.KindToggle
	}
	e.Current = md.current(n)
	if md.Is(n, atom.A) || md.Is(n, atom.Area) {
		var href []byte
		href, e.HasHref = md.Attr(n, atom.Href)
		if e.HasHref {
			e.Href, e.Target = md.res.TargetOf(&md.hrefs, href)
		}
	}
	pl := md.placeOf(n)
	e.Control = md.controlRole(n, e)
	e.Hidden, e.Region, e.Ignored = pl.hidden, pl.region, pl.ignored
	if e.Icon, rare.IconLabel = md.icon(n); rare.IconLabel != "" {
		e.SetRare(rare)
	}
	e.Selector = md.paths.Path(n)
	e.Pos = md.pos(md.Nodes[n].Offset())
	if root := md.groupRoot(n, pl); root != 0 {
		e.Group = md.group(n, root)
	}
	return e
}

// groupRoot is what groups are found within: the footer for its entries
// (its columns are groups, a nav among them too), else the menu the entry
// stands in (a group outside the menu heads no part of it), else the
// outermost landmark.
func (md *model) groupRoot(n nodeID, pl place) nodeID {
	if pl.region == page.RegionFooter || md.infoOf(n).in&inMenu == 0 {
		return pl.root
	}
	for p := md.Nodes[n].Parent; md.Element(p); p = md.Nodes[p].Parent {
		if md.chosenMenu(p) {
			return p
		}
	}
	return pl.root
}

// mayBeControl: element n is of a kind controlKind may take for a control
// (those it names, or any with a role), so that most elements need not be
// asked.
func mayBeControl(n *htmltree.Node) bool {
	switch n.Atom {
	case atom.A, atom.Area, atom.Button, atom.Summary, atom.Input:
		return true
	}
	return n.Flags&htmltree.FlagOf(htmltree.AttrRole) != 0
}

// controlKind says whether element n is a link, a button or a toggle (zero if
// none of them).
func (md *model) controlKind(n nodeID) page.Kind {
	switch md.Nodes[n].Atom {
	case atom.A:
		return md.anchorKind(n)
	case atom.Area:
		return page.KindLink
	case atom.Button:
		return page.KindButton
	case atom.Summary:
		return page.KindToggle
	case atom.Input:
		switch typ, _ := md.Attr(n, atom.Type); strings.ToLower(strings.TrimSpace(string(typ))) {
		case "button", "submit", "reset", "image":
			return page.KindButton
		}
		return 0
	}
	if role, _ := md.Attr(n, htmltree.AttrRole); page.EqualFoldASCII(bytes.TrimSpace(role), "button") {
		return page.KindButton
	}
	return 0
}

// region makes the page header or footer of candidate c: every control in
// document order, and for the footer the copyright notices.
func (md *model) region(c candidate, footer bool) *page.Region {
	r := &page.Region{Selector: md.paths.Path(c.node), Items: []*page.Entry{}, Pos: md.pos(md.Nodes[c.node].Offset())}
	md.eachElement(c.node, func(n nodeID) {
		if e := md.entryOf(n); e != nil {
			r.Items = append(r.Items, e)
		}
	})
	if footer {
		r.Copyright = md.copyright(c.node)
	}
	return r
}

// eachElement calls f for every element inside n, in document order.
func (md *model) eachElement(n nodeID, f func(nodeID)) {
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		if !md.Nodes[c].Text {
			f(c)
			md.eachElement(c, f)
		}
	}
}

// makeAnchors lists the ids and a[name]s, the first of each, and those
// that more than one element carries — apart when the first is a landmark:
// a skip link to "#content" means the main element, whatever else took its
// id, and another link to it the element that took it.
func (md *model) makeAnchors() {
	ids := md.strings(md.anchors)
	md.p.Anchors = ids[:0] // the first of each, over those read: no list grown of its own
	md.anchorIDs.Reset(len(md.anchors))
	seen := md.anchorSeen[:0] // how often each id was met (3: more than twice), by its index in anchorIDs
	for i, s := range md.anchors {
		id := ids[i]
		k, first := md.anchorIDs.Add(&md.Tree, s)
		if first {
			seen = append(seen, 0)
		}
		seen[k] = min(seen[k]+1, 3)
		switch seen[k] {
		case 1:
			md.p.Anchors = append(md.p.Anchors, id)
		case 2:
			if first := md.names.ByID(id); first != 0 && md.landmark(first) {
				md.p.LandmarkAnchors = append(md.p.LandmarkAnchors, id)
			} else {
				md.p.SharedAnchors = append(md.p.SharedAnchors, id)
			}
		}
	}
	md.anchorSeen = seen
}

// strings are the texts of spans, pieces of one string: a page has many
// ids, which are short.
func (md *model) strings(spans []span) []string {
	size := 0
	for _, s := range spans {
		size += int(s.To - s.From)
	}
	var all strings.Builder
	all.Grow(size)
	for _, s := range spans {
		all.Write(md.Bytes(s))
	}
	text, from := all.String(), 0
	out := make([]string, len(spans))
	for i, s := range spans {
		to := from + int(s.To-s.From)
		out[i] = text[from:to]
		from = to
	}
	return out
}
