package htmlpage

import "golang.org/x/net/html/atom"

// The element classes below follow the HTML tree-construction algorithm
// closely enough for the light stack of the streaming pass to agree with a
// browser's DOM on well-formed and commonly malformed pages.

var voidElements = atomSet(atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr,
	atom.Img, atom.Input, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr,
	atom.Keygen, atom.Basefont, atom.Bgsound, atom.Frame)

// headElements stay in <head> when they come before any body content.
var headElements = atomSet(atom.Title, atom.Meta, atom.Link, atom.Script, atom.Style, atom.Base,
	atom.Noscript, atom.Template, atom.Basefont, atom.Bgsound)

// closesP are start tags that close an open <p> in button scope.
var closesP = atomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center,
	atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption,
	atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol,
	atom.P, atom.Search, atom.Section, atom.Summary, atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4,
	atom.H5, atom.H6, atom.Pre, atom.Listing, atom.Form, atom.Plaintext, atom.Table, atom.Hr,
	atom.Xmp, atom.Li, atom.Dd, atom.Dt)

// scopeBoundaries end the "in scope" searches of the tree construction.
var scopeBoundaries = atomSet(atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td,
	atom.Th, atom.Marquee, atom.Object, atom.Template, atom.Body)

// special elements stop the search for an open <li>, <dd> or <dt>.
var special = atomSet(atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base,
	atom.Blockquote, atom.Body, atom.Br, atom.Button, atom.Caption, atom.Center, atom.Col,
	atom.Colgroup, atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Embed,
	atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Frame,
	atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Header,
	atom.Hgroup, atom.Hr, atom.Html, atom.Iframe, atom.Img, atom.Input, atom.Li, atom.Link,
	atom.Listing, atom.Main, atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed,
	atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param, atom.Plaintext,
	atom.Pre, atom.Script, atom.Search, atom.Section, atom.Select, atom.Source, atom.Style,
	atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot,
	atom.Th, atom.Thead, atom.Title, atom.Tr, atom.Track, atom.Ul, atom.Wbr, atom.Xmp)

// sectioning elements make a header or footer inside them no page landmark.
var sectioning = atomSet(atom.Article, atom.Aside, atom.Main, atom.Nav, atom.Section)

var headings = atomSet(atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)

var lists = atomSet(atom.Ul, atom.Ol, atom.Menu)

// skipText elements hold no text a reader sees.
var skipText = atomSet(atom.Script, atom.Style, atom.Template, atom.Noscript)

type set map[atom.Atom]bool

func atomSet(atoms ...atom.Atom) set {
	s := make(set, len(atoms))
	for _, a := range atoms {
		s[a] = true
	}
	return s
}

// props are the classes of an element, looked up once per start tag and
// kept on the stack, so that scans of the stack need no lookups.
type props uint32

const (
	pVoid props = 1 << iota
	pHead
	pClosesP
	pScope
	pSpecial
	pSectioning
	pHeading
	pSkipText
	pFormatting
	pImpliedEnd
	pIrregular
	pBreakout
	pBlockish
	pRef
	pMarker
	pList
)

var atomProps = map[atom.Atom]props{}

func init() {
	for _, c := range []struct {
		s set
		p props
	}{
		{voidElements, pVoid}, {headElements, pHead}, {closesP, pClosesP},
		{scopeBoundaries, pScope}, {special, pSpecial}, {sectioning, pSectioning},
		{headings, pHeading}, {skipText, pSkipText}, {formatting, pFormatting},
		{impliedEnd, pImpliedEnd}, {irregularStart, pIrregular}, {foreignBreakout, pBreakout},
		{blockish, pBlockish}, {markers, pMarker}, {lists, pList},
	} {
		for a := range c.s {
			atomProps[a] |= c.p
		}
	}
	for a := range refAttrs {
		atomProps[a] |= pRef
	}
}

func propsOf(a atom.Atom) props {
	if a == 0 {
		return 0
	}
	for i := propSlot(a); ; i = (i + 1) & (propSlots - 1) {
		switch propKeys[i] {
		case a:
			return propVals[i]
		case 0:
			return 0
		}
	}
}

// isIn: a is of class p, as the sets above say.
func isIn(a atom.Atom, p props) bool { return propsOf(a)&p != 0 }

// propKeys and propVals are atomProps as an open-addressing table: props
// are looked up for every tag, and a map costs several times as much.
const propSlots = 1024

var (
	propKeys [propSlots]atom.Atom
	propVals [propSlots]props
)

func propSlot(a atom.Atom) uint32 { return (uint32(a) * 0x9E3779B1) >> 22 }

func init() {
	for a, p := range atomProps {
		i := propSlot(a)
		for propKeys[i] != 0 {
			i = (i + 1) & (propSlots - 1)
		}
		propKeys[i], propVals[i] = a, p
	}
}
