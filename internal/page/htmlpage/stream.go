package htmlpage

import (
	"bytes"
	"strings"
	"unsafe"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// openElem is one element of the light stack of open elements.
type openElem struct {
	name  string
	atom  atom.Atom
	props props
	node  *html.Node // for selector matching: Parent chain and attributes only
	off   int        // byte offset of the start tag's "<"; -1 when implied
	nth   int        // position among the parent's element children
	kids  int        // element children seen so far
	sel   string     // selector path, built on demand, in the arena
	// keptSel is sel copied for the model
	keptSel string
	id      string

	hidden     bool // hidden attribute, aria-hidden or inline style, here or above
	foreign    bool // inside svg or math
	sectioning bool // inside article, aside, main, nav or section

	// innermost enclosing candidates (index into stream.cands), -1 for none
	header, footer, menu, named int
	candFrom, candTo            int // candidates rooted at this element
	capture                     bool
	idRange                     int // index into stream.ids, -1 for none
	uid                         int // identifies the element in stream.afe

	// The last child element, when it is an icon with no text after it.
	prevIcon      bool
	prevIconLabel string
	svgTitle      []byte // text of an svg's <title>

	tnode *html.Node // the element's node in a region's direct tree
}

// idRange is where the content of an element with an id lies, for
// aria-labelledby.
type idRange struct {
	id         string
	start, end int
}

// candidate is a header, footer or menu element found by the stream.
type candidate struct {
	kind     int
	name     string // the config's name of a named menu
	named    bool
	off, end int
	landmark bool // not inside a sectioning element
	sel      string
	seg      int // the segment whose tree holds it
}

const (
	candHeader = iota
	candFooter
	candMenu
)

// linkInfo is what the stream knows of a Link beyond the model's fields.
type linkInfo struct {
	off    int
	anchor bool // a or area: its label comes from the control's entry
}

// stream is the single tokenizer pass over a page.
type stream struct {
	data  []byte
	opt   *Options
	sel   *selectors
	lines *lines
	z     *lexer
	lex   lexer // z, kept with the stream
	off   int

	stack []openElem
	nodes []*html.Node // one node per depth, reused
	doc   *html.Node
	attrs []html.Attribute
	arena []byte

	haveHTML, haveHead, haveBody bool
	hasCR                        bool // the page has a "\r": tokens may need decoding

	p          *page.Page
	anchorIdx  []int
	anchorDrop []bool
	ids        []idRange
	links      []*page.Link
	linkInfo   []linkInfo
	cands      []candidate
	title      []byte
	inTitle    bool
	titleDone  bool
	haveBase   bool

	caps       captures
	tokOff     int // where the current token starts
	explicit   int // stack index an end tag closes, while it pops; -1
	afe        []afeEntry
	reopening  bool // reconstruct is pushing copies already listed
	uids       int
	open       []*bodyControl // controls outside regions still open
	ctrls      []*bodyControl
	directives page.Directives

	sc      scratch
	lineBuf []int

	// effects counts what a token did beyond the element lists (a comment,
	// the title, base, a refresh), tokPops the elements the current token
	// has popped: see replay.go
	effects, tokPops int

	// owned by the page being built: see keep.go
	strs      []byte
	linkSlab  []page.Link
	entrySlab []page.Entry
	concatBuf []byte
	lowerBuf  []byte
	used      sizes // by this page
	hint      sizes // used by the previous page
}

func newStream(data []byte, opt *Options, sel *selectors) *stream {
	s := new(stream)
	s.reset(data, opt, sel)
	return s
}

// reset readies s for a page, keeping the storage of its last one.
func (s *stream) reset(data []byte, opt *Options, sel *selectors) {
	s.sc.reset()
	doc := s.doc
	if doc == nil {
		doc = &html.Node{Type: html.DocumentNode}
	}
	*s = stream{
		data:       data,
		explicit:   -1,
		opt:        opt,
		sel:        sel,
		doc:        doc,
		anchorIdx:  s.anchorIdx,
		anchorDrop: s.anchorDrop,
		p: &page.Page{
			Source: opt.Source, URL: opt.URL, Format: opt.Format,
			Menus: []*page.Menu{}, Links: []*page.Link{}, Anchors: []string{},
		},
		lex:       lexer{attrs: s.lex.attrs[:0]},
		stack:     s.stack[:0],
		nodes:     s.nodes,
		attrs:     s.attrs[:0],
		arena:     s.arena[:0],
		ids:       s.ids[:0],
		linkInfo:  s.linkInfo[:0],
		cands:     s.cands[:0],
		title:     s.title[:0],
		afe:       s.afe[:0],
		open:      s.open[:0],
		ctrls:     s.ctrls[:0],
		caps:      captures{regions: s.caps.regions[:0]},
		sc:        s.sc,
		lineBuf:   s.lineBuf,
		concatBuf: s.concatBuf[:0],
		hint:      s.used,
	}
	s.hasCR = bytes.IndexByte(data, '\r') >= 0
	if n := s.hint.links; n > 0 {
		s.links = make([]*page.Link, 0, firstChunk(n, 16))
	}
	if opt.Format != page.FormatDOM {
		s.lines = newLines(data, s.lineBuf[:0])
		s.lineBuf = s.lines.starts
	}
	s.stack = append(s.stack, openElem{node: s.doc, off: -1, header: -1, footer: -1, menu: -1,
		named: -1, idRange: -1})
}

func (s *stream) run() {
	s.lex.data = s.data
	s.z = &s.lex
	for {
		tt := s.z.Next()
		raw := s.z.Raw()
		off := s.off
		s.tokOff = off
		s.off += len(raw)
		s.tokPops = 0
		switch tt {
		case html.ErrorToken:
			s.finish()
			return
		case html.TextToken:
			s.text(raw)
		case html.StartTagToken, html.SelfClosingTagToken:
			s.startTag(off, raw, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			s.endTag(off, raw)
		case html.CommentToken:
			s.comment(off)
		case html.DoctypeToken:
			s.caps.doctype = append([]byte(nil), raw...)
			s.effects++
		}
	}
}

func (s *stream) top() *openElem { return &s.stack[len(s.stack)-1] }

func (s *stream) text(raw []byte) {
	inRaw := s.top().props&(pSkipText|pHead) != 0 || s.top().atom == atom.Textarea
	if !isSpace(raw) {
		if !s.haveBody && !s.inTitle && !inRaw {
			s.ensureBody()
		}
		s.top().prevIcon = false
	}
	if s.haveBody && !inRaw {
		s.reconstruct()
	}
	var text []byte // z.Text can be had once
	inData := false
	if len(s.open) > 0 || s.building() {
		text, inData = s.tokenText(raw)
	}
	if len(s.open) > 0 {
		s.controlText(text)
	}
	if s.building() {
		s.directText(text, inData)
	}
	top := s.top()
	inSvgTitle := top.foreign && top.atom == atom.Title && len(s.stack) > 1 && s.stack[len(s.stack)-2].atom == atom.Svg
	inTitle := s.inTitle && top.atom == atom.Title
	if !inTitle && !inSvgTitle {
		return
	}
	if text == nil {
		text, _ = s.tokenText(raw)
	}
	if inSvgTitle {
		parent := &s.stack[len(s.stack)-2]
		parent.svgTitle = append(parent.svgTitle, text...)
	} else {
		s.title = append(s.title, text...)
	}
}

// tokenText is the text of the current text token. Text with nothing to
// decode is the page's own bytes (inData), which outlive the parse; else it
// is the tokenizer's decoded copy, valid until the next token.
func (s *stream) tokenText(raw []byte) (text []byte, inData bool) {
	if bytes.IndexByte(raw, '&') < 0 && (!s.hasCR || bytes.IndexByte(raw, '\r') < 0) {
		return s.data[s.tokOff : s.tokOff+len(raw)], true
	}
	return s.z.Text(), false
}

func isSpace(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

func (s *stream) readTag(raw []byte) (string, atom.Atom, []html.Attribute) {
	if s.z.z == nil { // the lexer has read it
		if name, a, attrs, ok := s.lexedTag(); ok {
			return name, a, attrs
		}
	}
	// A tag the lexer left to the tokenizer (character references it
	// does not decode, a cut-off page): the tokenizer's own reading.
	nameB, more := s.z.TagName()
	a := atom.Lookup(nameB)
	name := a.String()
	if a == 0 {
		name = s.str(nameB)
	}
	attrs := s.attrs[:0]
	for more {
		var k, v []byte
		k, v, more = s.z.TagAttr()
		key := atom.Lookup(k).String()
		if key == "" {
			key = s.str(k)
		}
		attrs = append(attrs, html.Attribute{Key: key, Val: s.str(v)})
	}
	s.attrs = attrs
	return name, a, attrs
}

// str returns b as a string kept in the stream's arena, so that reading a
// tag allocates nothing per attribute. Arena strings live as long as the
// stream: whatever goes into the page model is cloned first.
func (s *stream) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(s.arena)-len(s.arena) < len(b) {
		s.arena = make([]byte, 0, max(32<<10, len(b)))
	}
	start := len(s.arena)
	s.arena = append(s.arena, b...)
	return unsafe.String(&s.arena[start], len(b))
}

func attr(attrs []html.Attribute, key string) (string, bool) {
	for _, a := range attrs {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func (s *stream) startTag(off int, raw []byte, selfClosing bool) {
	name, a, attrs := s.readTag(raw)
	f := factsOf(attrs) // a local: a struct of strings costs write barriers on the heap
	p := propsOf(a)
	if s.building() && (a == atom.Html || a == atom.Head || a == atom.Body) {
		s.irregular()
	}
	switch a {
	case atom.Html:
		if !s.haveHTML {
			s.ensureHTML(attrs)
			lang, _ := attr(attrs, "lang")
			s.p.Lang = strings.Clone(lang)
		}
		return
	case atom.Head:
		if !s.haveHead && !s.haveBody {
			s.ensureHead(attrs)
		}
		return
	case atom.Body:
		if !s.haveBody {
			s.openBody(attrs)
		}
		return
	}
	if s.haveBody {
		s.closeImplied(a, p)
		if !noReconstruct(a, p) {
			s.reconstruct()
		}
	} else if p&pHead != 0 {
		s.ensureHead(nil)
	} else {
		s.ensureBody()
	}
	s.push(off, name, a, p, attrs, &f, selfClosing)
}

// push handles a start tag in the body or head: links, anchors, landmarks,
// captures, and the stack.
func (s *stream) push(off int, name string, a atom.Atom, p props, attrs []html.Attribute, f *tagFacts, selfClosing bool) {
	parent := s.top()
	prevIcon, prevIconLabel := parent.prevIcon, parent.prevIconLabel
	void := p&pVoid != 0 || (selfClosing && (parent.foreign || a == atom.Svg || a == atom.Math))
	s.tagFacts(off, a, attrs)
	if len(s.open) > 0 {
		s.controlContent(a, p, attrs, parent.hidden || f.hidden)
	}

	if void {
		parent.kids++
		e := openElem{name: name, atom: a, props: p, off: off, nth: parent.kids, id: f.id,
			hidden: parent.hidden || f.hidden, header: parent.header,
			footer: parent.footer, menu: parent.menu, named: parent.named, idRange: -1}
		s.addAnchors(&e, a, attrs)
		s.addLinks(off, &e, a, attrs)
		if s.caps.active() {
			if s.building() {
				s.directElement(off, &e, parent, attrs, f)
			}
		} else if kind := controlKindFacts(a, attrs, f); kind != "" {
			c := s.openControl(off, kind, &e, attrs, -1)
			c.icon, c.iconLabel = prevIcon, prevIconLabel
		}
		if a == atom.Img {
			parent.prevIcon = true
			alt, _ := attr(attrs, "alt")
			parent.prevIconLabel = strings.Clone(collapse(alt))
		} else {
			parent.prevIcon = false
		}
		return
	}

	e := s.pushElem(off, name, a, p, attrs, f)
	if e.foreign {
		s.z.NextIsNotRawText()
	}
	if a == atom.Title && !e.foreign && !s.titleDone {
		s.inTitle = true
		s.effects++
	}
	s.addAnchors(e, a, attrs)
	s.addLinks(off, e, a, attrs)
	s.findCandidates(e, f)
	switch {
	case s.caps.active():
		if s.building() {
			s.directElement(off, e, &s.stack[len(s.stack)-2], attrs, f)
		}
	case e.candTo > e.candFrom:
		s.caps.startRegion(s.stack, s.selOf(e))
		e.capture = true
		for i := e.candFrom; i < e.candTo; i++ {
			s.cands[i].seg = len(s.caps.regions) - 1
		}
		s.directElement(off, e, &s.stack[len(s.stack)-2], attrs, f)
		s.startReplay(e)
	default:
		if kind := controlKindFacts(a, attrs, f); kind != "" {
			c := s.openControl(off, kind, e, attrs, len(s.stack)-1)
			c.prevIcon, c.prevIconLabel = prevIcon, prevIconLabel
		}
	}
}

// pushElem puts an element on the stack, its node chained to its parent's.
// f are the facts of attrs, nil when not read yet.
func (s *stream) pushElem(off int, name string, a atom.Atom, p props, attrs []html.Attribute, f *tagFacts) *openElem {
	if f == nil {
		facts := factsOf(attrs)
		f = &facts
	}
	parent := s.top()
	parent.kids++
	parent.prevIcon = false
	depth := len(s.stack)
	for len(s.nodes) <= depth {
		s.nodes = append(s.nodes, &html.Node{Type: html.ElementNode})
	}
	n := s.nodes[depth]
	foreign := parent.foreign || a == atom.Svg || a == atom.Math
	// Only cascadia reads the nodes as a tree; the pointers are left alone
	// otherwise, each write costly while the collector marks.
	if s.sel.needNodes {
		n.Data, n.DataAtom, n.Parent = name, a, parent.node
		n.Namespace = ""
		if foreign {
			n.Namespace = "svg"
		}
	}
	if len(n.Attr) > 0 {
		n.Attr = n.Attr[:0]
	}
	if s.sel.needNodes || a == atom.Svg || p&pFormatting != 0 {
		// cascadia, svg labels and reopened formatting elements read
		// them; an element inside a region is never in the prefix of
		// another, as regions do not nest
		n.Attr = append(n.Attr, attrs...)
	}
	e := openElem{
		name: name, atom: a, props: p, node: n, off: off, nth: parent.kids, id: f.id,
		hidden:     parent.hidden || f.hidden,
		foreign:    foreign,
		sectioning: parent.sectioning,
		header:     parent.header, footer: parent.footer, menu: parent.menu, named: parent.named,
		candFrom: len(s.cands), candTo: len(s.cands), idRange: -1,
	}
	s.uids++
	e.uid = s.uids
	// One write of the new element: append of a zero value and then e
	// would write it twice, each write of pointers costly while the
	// collector marks.
	if len(s.stack) < cap(s.stack) {
		s.stack = s.stack[:len(s.stack)+1]
		s.stack[len(s.stack)-1] = e
	} else {
		s.stack = append(s.stack, e)
	}
	top := &s.stack[len(s.stack)-1]
	s.afePush(top)
	if top.id != "" {
		s.ids = append(s.ids, idRange{id: top.id, start: s.off, end: len(s.data)})
		top.idRange = len(s.ids) - 1
	}
	// Set after the candidates: the element itself is not inside itself.
	return top
}

func (s *stream) endTag(off int, raw []byte) {
	var name string
	var a atom.Atom
	ok := s.z.z == nil // the lexer has read it
	if ok {
		name, a = s.lowerName(s.data[s.z.name.from:s.z.name.to])
	} else {
		name, a, ok = s.readRawEndTag(raw)
	}
	if !ok {
		nameB, _ := s.z.TagName()
		a = atom.Lookup(nameB)
		name = a.String()
		if a == 0 {
			name = s.str(nameB)
		}
	}
	i := -1
	switch a {
	case atom.Html, atom.Body, atom.Head, atom.Br:
	default:
		for j := len(s.stack) - 1; j > 0; j-- {
			if s.stack[j].name == name {
				i = j
				break
			}
			if s.stack[j].atom == atom.Body {
				break
			}
		}
	}
	if s.building() {
		if i < 0 {
			s.irregular() // a stray end tag: the parser may act on it
		}
		for j := len(s.stack) - 1; j > i && i >= 0; j-- {
			if s.stack[j].props&pImpliedEnd == 0 {
				s.irregular()
			}
		}
	}
	if i < 0 {
		if propsOf(a)&pFormatting != 0 {
			s.afeRemove(func(x afeEntry) bool { return x.atom == a })
		}
		return
	}
	if s.stack[i].props&pFormatting != 0 && s.adoptFurthestBlock(i) {
		return
	}
	s.explicit = i
	s.popToAt(i, off)
	s.explicit = -1
}

// popTo pops what the current token closes: it ends where the token starts.
func (s *stream) popTo(i int) { s.popToAt(i, s.tokOff) }

// popToAt pops the stack down to and including index i; at is the offset
// where the popped elements end.
func (s *stream) popToAt(i, at int) {
	for len(s.stack) > i {
		s.pop(at)
	}
}

func (s *stream) pop(at int) {
	n := len(s.stack) - 1
	e := &s.stack[n]
	s.tokPops++
	if e.props&pFormatting != 0 && n != s.explicit && s.building() {
		s.irregular() // the parser reopens it later: adoption agency
	}
	s.afeClosed(e, n == s.explicit)
	if e.idRange >= 0 {
		s.ids[e.idRange].end = at
	}
	for c := e.candFrom; c < e.candTo; c++ {
		s.cands[c].end = at
	}
	if e.atom == atom.Title && s.inTitle {
		s.inTitle = false
		s.titleDone = true
	}
	if e.capture {
		s.endReplay(e, at)
		s.caps.endRegion(at)
	}
	parent := &s.stack[n-1]
	if e.atom == atom.Svg {
		parent.prevIcon = true
		parent.prevIconLabel = svgLabel(e)
	}
	if len(s.open) > 0 {
		s.controlEnd(n, e)
	}
	s.stack = s.stack[:n]
}

func (s *stream) finish() {
	for len(s.stack) > 1 {
		s.pop(len(s.data))
	}
	s.p.Title = collapse(string(s.title))
	s.dedupAnchors()
}
