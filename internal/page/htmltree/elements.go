package htmltree

import "golang.org/x/net/html/atom"

// Props are the classes of an HTML element that the tree construction and
// its readers ask about, looked up once when the element is made.
type Props uint32

const (
	// the classes a reader of the tree asks about
	Void       Props = 1 << iota // no content and no end tag
	Sectioning                   // a header or footer inside is no page landmark
	Heading                      // h1–h6
	List                         // a list of items
	SkipText                     // holds no text a reader sees
	Blockish                     // separates words in rendered text
	Refs                         // has attributes that hold URLs: href, src …

	// the classes of the tree construction
	pSpecial     // "special" in the tree construction
	pFormatting  // kept in the list of active formatting elements
	pImpliedEnd  // closed by "generate implied end tags"
	pScope       // ends the search for an element in scope
	pClosesP     // its start tag closes an open p
	pBreakout    // its start tag ends foreign content
	pHeadish     // its start tag in the body is read by the "in head" rules
	pTableCtx    // a table part, cell, caption or template: see Builder.ctx
	pRawText     // the tokenizer reads its content as text
	pIntegration // foreign content that takes HTML content
)

var propSets = []struct {
	p     Props
	atoms []atom.Atom
}{
	{Void, []atom.Atom{atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Keygen,
		atom.Basefont, atom.Bgsound, atom.Frame}},
	{pSpecial, []atom.Atom{atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base,
		atom.Basefont, atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button, atom.Caption,
		atom.Center, atom.Col, atom.Colgroup, atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Frame,
		atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Header,
		atom.Hgroup, atom.Hr, atom.Html, atom.Iframe, atom.Img, atom.Input, atom.Keygen, atom.Li,
		atom.Link, atom.Listing, atom.Main, atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed,
		atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param, atom.Plaintext, atom.Pre,
		atom.Script, atom.Section, atom.Select, atom.Source, atom.Style, atom.Summary, atom.Table,
		atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot, atom.Th, atom.Thead, atom.Title,
		atom.Tr, atom.Track, atom.Ul, atom.Wbr, atom.Xmp}},
	{pFormatting, []atom.Atom{atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I,
		atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U}},
	{pImpliedEnd, []atom.Atom{atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P,
		atom.Rb, atom.Rp, atom.Rt, atom.Rtc}},
	{pScope, []atom.Atom{atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th,
		atom.Marquee, atom.Object, atom.Template, atom.Select}},
	{pClosesP, []atom.Atom{atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol,
		atom.P, atom.Search, atom.Section, atom.Summary, atom.Ul}},
	{pBreakout, []atom.Atom{atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center,
		atom.Code, atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Head, atom.Hr, atom.I, atom.Img, atom.Li, atom.Listing,
		atom.Menu, atom.Meta, atom.Nobr, atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S, atom.Small,
		atom.Span, atom.Strong, atom.Strike, atom.Sub, atom.Sup, atom.Table, atom.Tt, atom.U, atom.Ul,
		atom.Var}},
	{pHeadish, []atom.Atom{atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta,
		atom.Noframes, atom.Script, atom.Style, atom.Template, atom.Title}},
	{Sectioning, []atom.Atom{atom.Article, atom.Aside, atom.Main, atom.Nav, atom.Section}},
	{Heading, []atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}},
	{List, []atom.Atom{atom.Ul, atom.Ol, atom.Menu}},
	{SkipText, []atom.Atom{atom.Script, atom.Style, atom.Template, atom.Noscript}},
	{Blockish, []atom.Atom{atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Br,
		atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Figcaption, atom.Figure, atom.Footer, atom.H1,
		atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hr, atom.Li, atom.Main,
		atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Table, atom.Td, atom.Th, atom.Tr,
		atom.Ul}},
	{pTableCtx, []atom.Atom{atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th,
		atom.Caption, atom.Colgroup, atom.Template}},
	{Refs, []atom.Atom{atom.A, atom.Area, atom.Img, atom.Source, atom.Script, atom.Link, atom.Iframe,
		atom.Video, atom.Audio}},
	{pRawText, []atom.Atom{atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp, atom.Iframe,
		atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext}},
}

// propSlots is the size of PropsOf's table: open addressing whose hash
// has no collisions among the atoms of a class.
const propSlots = 1024

var (
	propKeys [propSlots]atom.Atom
	propVals [propSlots]Props
	// propMul is the first odd multiplier from 0x9E3779B1 on that puts the
	// atoms of the classes in slots of their own; init looks on from it
	// when a change to propSets makes two share one.
	propMul uint32 = 0x9E379D89
)

func propSlot(a atom.Atom) uint32 { return (uint32(a) * propMul) >> 22 }

func init() {
	all := map[atom.Atom]Props{}
	for _, s := range propSets {
		for _, a := range s.atoms {
			all[a] |= s.p
		}
	}
	for collides(all) {
		propMul += 2
	}
	for a, p := range all {
		propKeys[propSlot(a)], propVals[propSlot(a)] = a, p
	}
}

// collides: two atoms of all share a slot.
func collides(all map[atom.Atom]Props) bool {
	var used [propSlots / 64]uint64
	for a := range all {
		i := propSlot(a)
		if used[i/64]&(1<<(i%64)) != 0 {
			return true
		}
		used[i/64] |= 1 << (i % 64)
	}
	return false
}

// PropsOf is the classes of an HTML element of atom a, found in one probe
// of its table, as for the atoms of no class (span, svg …): Props are
// looked up for every tag, and a Go map costs several times as much.
func PropsOf(a atom.Atom) Props {
	if i := propSlot(a); propKeys[i] == a { // or a is 0 and the slot empty
		return propVals[i]
	}
	return 0
}
