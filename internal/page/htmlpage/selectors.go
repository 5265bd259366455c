package htmlpage

import (
	"fmt"
	"sync"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// selectors are the compiled landmark selectors of one Parse call.
type selectors struct {
	nav, header, footer cascadia.Matcher
	menus               []namedSel
	// needNodes: some selector is no plain landmark, so the stream's
	// nodes must carry their attributes for cascadia
	needNodes bool
}

type namedSel struct {
	name string
	sel  cascadia.Matcher
}

func compileSelectors(opt *Options) (*selectors, error) {
	if opt.NavSelector == "" {
		opt.NavSelector = DefaultNavSelector
	}
	if opt.HeaderSelector == "" {
		opt.HeaderSelector = DefaultHeaderSelector
	}
	if opt.FooterSelector == "" {
		opt.FooterSelector = DefaultFooterSelector
	}
	var s selectors
	var err error
	if s.nav, err = compile(opt.NavSelector); err != nil {
		return nil, err
	}
	if s.header, err = compile(opt.HeaderSelector); err != nil {
		return nil, err
	}
	if s.footer, err = compile(opt.FooterSelector); err != nil {
		return nil, err
	}
	for _, m := range opt.Menus {
		sel, err := compile(m.Selector)
		if err != nil {
			return nil, err
		}
		s.menus = append(s.menus, namedSel{name: m.Name, sel: sel})
	}
	_, navPlain := s.nav.(landmark)
	_, headerPlain := s.header.(landmark)
	_, footerPlain := s.footer.(landmark)
	s.needNodes = len(s.menus) > 0 || !navPlain || !headerPlain || !footerPlain
	return &s, nil
}

// landmark matches the default selectors — an element, or any element
// with a role — without cascadia: they are tried on every element.
type landmark struct {
	tag  atom.Atom
	role string
}

func (l landmark) Match(n *html.Node) bool {
	return l.matchAttrs(n.DataAtom, n.Namespace != "", n.Attr)
}

func (l landmark) matchAttrs(a atom.Atom, foreign bool, attrs []html.Attribute) bool {
	if a == l.tag && !foreign {
		return true
	}
	for _, at := range attrs {
		if at.Key == "role" && at.Namespace == "" {
			return at.Val == l.role
		}
	}
	return false
}

var landmarks = map[string]landmark{
	DefaultNavSelector:    {atom.Nav, "navigation"},
	DefaultHeaderSelector: {atom.Header, "banner"},
	DefaultFooterSelector: {atom.Footer, "contentinfo"},
}

// compiled caches the selectors of the config: a site's pages all use the
// same few. Compiled selectors are immutable, safe to share.
var compiled sync.Map // string → cascadia.Matcher

func compile(selector string) (cascadia.Matcher, error) {
	if l, ok := landmarks[selector]; ok {
		return l, nil
	}
	if m, ok := compiled.Load(selector); ok {
		return m.(cascadia.Matcher), nil
	}
	group, err := cascadia.ParseGroup(selector)
	if err != nil {
		return nil, fmt.Errorf("invalid selector %q: %w", selector, err)
	}
	compiled.Store(selector, group)
	return group, nil
}
