// Package page holds the page model: what pagelint knows of one page once it
// has been read. Checks see only this model, never the DOM, so that a site of
// tens of thousands of pages can be kept in memory after parsing.
package page

// Format says what a page was read from.
const (
	FormatHTML = "html" // HTML source, with line and column positions
	FormatDOM  = "dom"  // the DOM a browser rendered: selectors, no positions
	FormatText = "text" // a rendered-text snapshot: line numbers only
)

// Pos is a 1-based position in the source. Zero means unknown.
type Pos struct {
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

// Page is the model of one page.
type Page struct {
	// Source is the page's name as the user gave it (a path relative to the
	// working directory, or a URL).
	Source string `json:"source"`
	// URL is where the page lives: a site path such as "/about/index.html"
	// for local files, or an absolute URL for fetched pages. Links resolve
	// against it (or against Base).
	URL    string `json:"url"`
	Format string `json:"format"`
	Title  string `json:"title,omitempty"`
	Lang   string `json:"lang,omitempty"`
	// Base is the href of <base>, as written.
	Base string `json:"base,omitempty"`
	// Redirect is the target of <meta http-equiv="refresh">, when the page
	// is a redirect stub.
	Redirect string `json:"redirect,omitempty"`
	// OGURL is the content of <meta property="og:url">, as written: with
	// the canonical link, where a page saved from the web says it lives.
	OGURL string `json:"ogURL,omitempty"`
	// Home is set by the reader on the site's home page (the root's
	// index page, the first URL given, or the one page of a run or
	// directory).
	Home bool `json:"home,omitempty"`
	// Words counts the words of text the page shows of its own, up to
	// 100: the body's text outside links and buttons, and outside title,
	// script, style, template and noscript elements (docs/page-model.md
	// says what a word is). It tells a redirect stub's "Redirecting…" from
	// an article (docs/rules.md, "Pages without content of their own").
	// Zero when the reader does not count (rendered-text snapshots).
	Words int `json:"words,omitempty"`
	// Note is what a person should know of how the page was read to trust
	// its findings: a rendered page still busy when the wait ran out, or one
	// that left for another address by itself.
	Note string `json:"note,omitempty"`

	Menus   []*Menu  `json:"menus"`
	Header  *Region  `json:"header,omitempty"`
	Footer  *Region  `json:"footer,omitempty"`
	Links   []*Link  `json:"links"`
	Anchors []string `json:"anchors"`
	// SharedAnchors are the anchors that more than one element carries
	// (once each), but for LandmarkAnchors: a #fragment naming one leads to
	// the first of them.
	SharedAnchors []string `json:"sharedAnchors,omitempty"`
	// LandmarkAnchors are the anchors that more than one element carries
	// and whose first element is a landmark (main, header, footer): the
	// page's first link to one is its skip link, which means the landmark;
	// the later links mean a later element, and lead to the landmark.
	LandmarkAnchors []string `json:"landmarkAnchors,omitempty"`
	// Maps are the names (and ids) of the page's map elements, which an
	// img's usemap names.
	Maps []string `json:"maps,omitempty"`
	// Controls are all links and buttons of the page in document order,
	// wherever they stand (for items that may stand anywhere).
	Controls []*Entry `json:"-"`

	Suppressions Suppressions `json:"-"`
}

// Menu is one navigation menu: a nav element (or what the config's selector
// names), its entries nested as its lists nest them.
type Menu struct {
	Name     string `json:"name,omitempty"`
	Selector string `json:"selector,omitempty"`
	// Region is where the menu stands: header, footer or main.
	Region  Landmark `json:"region,omitempty"`
	Entries []*Entry `json:"entries"`
	Pos
}

// Region is the page header or footer: its links and buttons in document
// order, each with the heading of its group, and (for the footer) the
// copyright notices found in its text.
type Region struct {
	Selector  string       `json:"selector,omitempty"`
	Items     []*Entry     `json:"items"`
	Copyright []*Copyright `json:"copyright,omitempty"`
	Pos
}

// Entry is a link or a button: a menu entry, a footer item, or any control.
// The fields it has in common with a link (label, href, target, selector,
// position, region, hidden, ignored, namedBy) are those of its Link: the
// link of an a or area element with an href is its entry's Link, one
// record for both (a page may hold a hundred thousand). The JSON model
// writes an entry's fields in the order of entryJSON (json.go).
type Entry struct {
	// Link holds, for an entry, Label: its accessible name —
	// aria-labelledby, aria-label, else the content with each descendant's
	// name (image alt, SVG titles, input values, aria-labels), else title;
	// clean (CleanLabel); Href, the attribute as written (HasHref tells ""
	// from absent); Target, Href resolved against the page: a site path
	// ("/a/b.html#x") or an absolute URL; Region: header, nav, main or
	// footer; Hidden: the hidden attribute, aria-hidden="true" or an inline
	// display:none / visibility:hidden on the entry or an ancestor;
	// Ignored: the entry or an ancestor carries data-pagelint-ignore or
	// data-proofer-ignore, and no rule reports on its link; NamedBy: when
	// the entry has no name in the source, the attribute by which a
	// framework's script gives it one (data-bind, v-text, :aria-label,
	// data-label-…), its name waiting for the script; Selector and Pos.
	// Its Tag, Attr, Rel, Missing and NestedLink are the link's alone. Its
	// Text, IconLabel and Children, which few entries have, are kept in the
	// link's Rare.
	Link
	// Group is the heading of the list or column the entry stands in.
	Group string
	Kind  Kind
	// Control says what a control that is no entry of its menu or footer
	// does (ControlToggle, …); zero for an entry.
	Control Control
	HasHref bool
	// Current: aria-current marks the entry as the page (or step, or
	// place) the reader is at, as breadcrumbs and menus mark it.
	Current bool
	// Icon: an image or inline SVG stands inside the entry or right before it.
	Icon bool
	// Copy: the entry repeats, with its label and target, an entry shown
	// before it in the same menu or footer — it stands in a copy of a list
	// (a mobile or placeholder copy beside the first) or under a "More"
	// overflow toggle. A menu's entries are counted once: copies are not
	// compared with what they copy.
	Copy bool
}

// Seen reports whether the entry counts among its menu's or footer's
// entries as a reader sees them: not hidden, not a control (Control), not
// a copy of an entry shown before it (Copy). The rules that compare
// entries with each other look at these alone.
func (e *Entry) Seen() bool { return !e.Hidden && e.Control == 0 && !e.Copy }

// Name is what an entry is matched and reported by: its visible text when it
// has any, else its accessible name.
func (e *Entry) Name() string {
	if t := e.Text(); t != "" {
		return t
	}
	return e.Label
}

// Text is the visible text alone (without icon names), when it differs
// from Label: "Your Privacy Choices" beside its opt-out icon.
func (e *Entry) Text() string { return e.RareFields().Text }

// IconLabel is the alt text or SVG title of the entry's icon (Icon).
func (e *Entry) IconLabel() string { return e.RareFields().IconLabel }

// Children are the entries nested under the entry (a submenu's), nil for
// a leaf, as most entries are.
func (e *Entry) Children() []*Entry { return e.RareFields().Children }

// SetChildren sets the entries nested under the entry.
func (e *Entry) SetChildren(children []*Entry) {
	r := e.RareFields()
	r.Children = children
	e.SetRare(r)
}

// Copyright is one copyright notice, as read: the sentence or part that
// holds the mark (and the year), at most 80 characters.
type Copyright struct {
	Text string `json:"text"`
	Pos
}

// Link is one reference from the page to another resource: a link, an image,
// a script, a stylesheet, a frame. Its fields are ordered for size; the JSON
// model writes them in the order of linkJSON (json.go).
type Link struct {
	Href string
	// Target is Href resolved against the page (see Entry.Target).
	Target string
	// Label is the accessible name of a or area links.
	Label    string
	Selector string
	// Rare holds the fields few links and entries have (Rel, NamedBy,
	// NestedLink, an entry's Text, IconLabel and Children); nil when all
	// are empty. A page may hold a hundred thousand entries: out of line,
	// they cost each entry one pointer, not 96 bytes (docs/BENCHMARKS.md).
	Rare *Rare
	Pos
	Region Landmark
	// Missing: the element lacks the attribute it needs (a link element
	// without href, an img without src or srcset); Href is then "".
	Missing bool
	// Ignored: the element or an ancestor carries data-pagelint-ignore or
	// data-proofer-ignore (or the class data-proofer-ignore); no rule
	// reports on the link, and no request is made for it.
	Ignored bool
	// Hidden: the element or an ancestor is hidden, as for entries
	// (Entry.Hidden): from sight, or from assistive technology.
	Hidden bool
	// Tag and Attr say where the reference was written: a/href, img/src,
	// img/srcset, link/href, script/src, source/srcset, iframe/src, ….
	Tag  Tag
	Attr Attr
}

// Rare is the part of a link or entry that few have. Read it by the
// methods of Link and Entry, which answer "" when Rare is nil; set it by
// Link.SetRare.
type Rare struct {
	// Rel of a link element ("stylesheet", "canonical", …).
	Rel string
	// NamedBy of an a or area link: as for entries (Entry.NamedBy).
	NamedBy string
	// Text, IconLabel and Children of an entry: Entry.Text,
	// Entry.IconLabel, Entry.Children.
	Text      string
	IconLabel string
	Children  []*Entry
	// NestedLink is where the start tag of a link written inside this one
	// stands: browsers end a link where another begins, so this one ends
	// there, often empty.
	NestedLink *Pos
}

// Rel of a link element ("stylesheet", "canonical", …).
func (l *Link) Rel() string { return l.RareFields().Rel }

// NamedBy is, when a link or entry has no name in the source, the
// attribute by which a framework's script gives it one (Entry).
func (l *Link) NamedBy() string { return l.RareFields().NamedBy }

// NestedLink is where the start tag of a link written inside this one
// stands (Rare.NestedLink); nil for none.
func (l *Link) NestedLink() *Pos { return l.RareFields().NestedLink }

// RareFields is a copy of the rare fields of l, zero when it has none.
func (l *Link) RareFields() Rare {
	if l.Rare == nil {
		return Rare{}
	}
	return *l.Rare
}

// SetRare sets the rare fields of l to r, leaving Rare nil when r is empty.
// It never writes through Rare, which a copy of l may share.
func (l *Link) SetRare(r Rare) {
	if r.Rel == "" && r.NamedBy == "" && r.Text == "" && r.IconLabel == "" && r.Children == nil && r.NestedLink == nil {
		l.Rare = nil
		return
	}
	// A copy made here, not r itself: were r's address taken, every call
	// would move r to the heap, the empty ones too (most entries').
	kept := r
	l.Rare = &kept
}

// Suppression silences rules on lines From..To (inclusive) of the source.
// An empty Rules list silences every rule.
type Suppression struct {
	Rules []string
	From  int
	To    int
	// At is the line of the comment, Directive its name
	// ("pagelint-disable-next-line"), for messages about it.
	At        int
	Directive string
	// Used records which of Rules (or, for all rules, index 0) silenced a
	// finding, for --report-unused-disable.
	Used []bool
}

// Suppressions are the suppressions of one page.
type Suppressions []Suppression

// Silence reports whether rule is silenced on line, and records which
// suppression silenced it (for --report-unused-disable).
func (ss Suppressions) Silence(rule string, line int) bool {
	i, j := ss.find(rule, line)
	if i < 0 {
		return false
	}
	s := &ss[i]
	if s.Used == nil {
		s.Used = make([]bool, max(len(s.Rules), 1))
	}
	s.Used[j] = true
	return true
}

// find returns the suppression that silences rule on line: its index and
// the index of the rule in its Rules (0 when it silences every rule); -1
// when none does.
func (ss Suppressions) find(rule string, line int) (int, int) {
	if line == 0 {
		return -1, -1
	}
	for i, s := range ss {
		if line < s.From || line > s.To {
			continue
		}
		if len(s.Rules) == 0 {
			return i, 0
		}
		for j, r := range s.Rules {
			if r == rule {
				return i, j
			}
		}
	}
	return -1, -1
}

// Suppressed reports whether rule is silenced on line of the page.
func (p *Page) Suppressed(rule string, line int) bool {
	i, _ := p.Suppressions.find(rule, line)
	return i >= 0
}
