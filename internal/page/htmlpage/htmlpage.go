// Package htmlpage builds the page model of an HTML page.
//
// A page is read in one streaming pass over the tokens of the x/net/html
// tokenizer (stream.go), split by a lexer that finds the very same tokens
// in place and leaves the rare hard ones to the tokenizer (lexer.go):
// links, anchors, title, base, suppressions, source positions, the
// landmarks and the controls of the body are all found there, with a
// light stack of open elements that follows the HTML tree construction
// (treecons.go, afe.go) standing in for the DOM. Only the regions that need
// a tree — the menus, the header, the footer — get one: built by the stream
// itself while their markup is regular (direct.go), or, at the first
// irregularity, by html.Parse of their own bytes with every start tag
// carrying its source offset (capture.go), so that malformed regions come
// out exactly as browsers build them. No DOM outlives a parse, and what a
// parse needs only while it runs is pooled (pool.go).
package htmlpage

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
)

// Errors for input that is no HTML page at all. Parse wraps them with the
// reason, so callers test with errors.Is.
var (
	ErrNotHTML = errors.New("not an HTML page")
	ErrEmpty   = errors.New("empty page")
)

// Default landmark selectors, as browsers map roles to elements.
const (
	DefaultNavSelector    = "nav, [role=navigation]"
	DefaultHeaderSelector = "header, [role=banner]"
	DefaultFooterSelector = "footer, [role=contentinfo]"
)

// NamedSelector is a menu the config names: the elements Selector matches
// are menus called Name.
type NamedSelector struct{ Name, Selector string }

// Options say what page is parsed and where its landmarks are.
type Options struct {
	Source string // the page's name as given by the user
	URL    string // a site path like "/about/index.html", or an absolute URL
	Format string // page.FormatHTML (default) or page.FormatDOM (no positions)

	NavSelector    string          // default DefaultNavSelector
	Menus          []NamedSelector // menus the config names
	HeaderSelector string          // default DefaultHeaderSelector
	FooterSelector string          // default DefaultFooterSelector

	// Regions, when set, shares the models of the regions the pages of a
	// run have in common (see NewRegions).
	Regions *Regions
}

// Parse builds the model of one HTML page. It fails only when data is no
// HTML page (binary, invalid UTF-8, empty) or a selector does not compile;
// malformed markup is modelled the way browsers parse it.
func Parse(data []byte, opt Options) (*page.Page, error) {
	if err := validate(data); err != nil {
		return nil, err
	}
	sel, err := compileSelectors(&opt)
	if err != nil {
		return nil, err
	}
	if opt.Format == "" {
		opt.Format = page.FormatHTML
	}
	s := getStream(data, &opt, sel)
	s.run()
	p := s.build()
	s.release()
	return p, nil
}

// validate rejects what is not text: NUL bytes, invalid UTF-8, nothing but
// white space.
func validate(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("%w: empty file", ErrEmpty)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return fmt.Errorf("%w: binary data", ErrNotHTML)
	}
	if !utf8.Valid(data) {
		bad := firstInvalidUTF8(data)
		line := 1 + bytes.Count(data[:bad], []byte{'\n'})
		return fmt.Errorf("%w: invalid UTF-8 at line %d", ErrNotHTML, line)
	}
	return nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
