// Package htmlpage builds the page model of an HTML page.
//
// The page's tree is built the way browsers build it by htmltree, which
// tells a parser (notes.go) on the way what single tags and comments say:
// links, anchors, the base, the refresh, suppressions. The model is then
// read off the tree (model.go): the landmarks, each link and button with
// its accessible name (package accname) and what kind of control an a is
// (controls.go), the menus with their nesting and groups (menus.go,
// nesting.go), the footer's copyright notices (copyright.go), each
// element's selector path (package selector) and position (page.Lines).
// The tree never outlives the parse.
package htmlpage

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"runtime/metrics"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/selector"
	"golang.org/x/text/encoding/unicode"
)

// Errors for input that is no HTML page at all. Parse wraps them with the
// reason, so callers test with errors.Is.
var (
	ErrNotHTML = errors.New("not an HTML page")
	ErrEmpty   = errors.New("empty page")
)

// Default landmark selectors, as browsers map roles to elements.
const (
	DefaultNavSelector    = selector.Nav
	DefaultHeaderSelector = selector.Header
	DefaultFooterSelector = selector.Footer
)

// NamedSelector is a menu the config names: the elements Selector matches
// are menus called Name.
type NamedSelector = selector.Named

// Options say what page is parsed and where its landmarks are.
type Options struct {
	Source string // the page's name as given by the user
	URL    string // a site path like "/about/index.html", or an absolute URL
	Format string // page.FormatHTML (default) or page.FormatDOM (no positions)

	NavSelector    string          // default DefaultNavSelector
	Menus          []NamedSelector // menus the config names
	HeaderSelector string          // default DefaultHeaderSelector
	FooterSelector string          // default DefaultFooterSelector
}

// parsers are kept for the next pages, as many as parse at once: unlike
// a sync.Pool, which the collector empties, so that their arenas would
// grow again from nothing after every collection.
var parsers = make(chan *parser, 16)

// maxPooledNodes: the arena of a page larger than this is not kept for
// the next page, which gets the one the parser had before it. A site's
// pages mostly have a few thousand nodes; an arena sized for its largest
// page would be kept, by every worker, through the whole run (about 80
// bytes a node with the model's memo, which only elements have: 2.6 MB a
// worker at most). At half that, the largest pages of the GOV.UK build,
// of 16,000 to 25,000 nodes, each grew an arena anew.
const maxPooledNodes = 1 << 15

// Parse builds the model of one HTML page. It fails only when data is no
// HTML page (binary, invalid UTF-8, empty) or a selector does not compile;
// malformed markup is modelled the way browsers parse it.
func Parse(data []byte, opt Options) (*page.Page, error) {
	data, err := decode(data)
	if err != nil {
		return nil, err
	}
	sel, err := compileSelectors(&opt)
	if err != nil {
		return nil, err
	}
	if opt.Format == "" {
		opt.Format = page.FormatHTML
	}
	var ps *parser
	select {
	case ps = <-parsers:
	default:
		ps = new(parser)
	}
	// The arena before the page grows it, or reset sizes it for a page of
	// megabytes: kept in the stead of an arena too large to keep, so that
	// the next pages need not grow one from nothing.
	pooled := *ps
	ps.reset(data)
	ps.Build(ps)
	p := newModel(ps, &opt, sel).page()
	if len(ps.Nodes) > maxPooledNodes {
		ps.release()
		*ps = pooled
	}
	ps.reset(nil)
	select {
	case parsers <- ps:
	default:
	}
	return p, nil
}

// compileSelectors compiles opt's landmark selectors, the defaults for
// those it leaves empty.
func compileSelectors(opt *Options) (*selector.Set, error) {
	opt.NavSelector = cmp.Or(opt.NavSelector, DefaultNavSelector)
	opt.HeaderSelector = cmp.Or(opt.HeaderSelector, DefaultHeaderSelector)
	opt.FooterSelector = cmp.Or(opt.FooterSelector, DefaultFooterSelector)
	return selector.Compile(opt.NavSelector, opt.HeaderSelector, opt.FooterSelector, opt.Menus)
}

// collectArenaFrom is the size from which the arena of a page too large to
// keep is collected as soon as it is dropped (release).
const collectArenaFrom = 16 << 20

var infoSize = int(reflect.TypeFor[nodeInfo]().Size())

// release drops the arena of a page too large to keep. The collector's
// limit was last set while the arena was filling, and would let the heap
// grow by as much again before the arena is freed: the peak of a run on a
// page of many megabytes came there (docs/BENCHMARKS.md). An arena of 16
// MiB or more that is at least a quarter of what the last collection found
// live is therefore collected at once: a collection marks what is live, at
// most four times the arena's bytes, which the parse wrote, so the time
// stays linear in the page's bytes.
func (ps *parser) release() {
	size := ps.ArenaBytes() + cap(ps.info)*infoSize + ps.paths.Size()
	*ps = parser{}
	if size < collectArenaFrom {
		return
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 && 4*uint64(size) >= live[0].Value.Uint64() {
		runtime.GC()
	}
}

// decode returns the page as UTF-8 text: a UTF-16 page with a byte order
// mark is decoded, as browsers do; NUL bytes, invalid UTF-8 and nothing
// but white space are refused.
func decode(data []byte) ([]byte, error) {
	if len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		utf8Data, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%w: invalid UTF-16", ErrNotHTML)
		}
		data = utf8Data
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: empty file", ErrEmpty)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("%w: binary data", ErrNotHTML)
	}
	if len(data) > math.MaxInt32 {
		return nil, fmt.Errorf("%w: larger than 2 GiB", ErrNotHTML)
	}
	if !utf8.Valid(data) {
		bad := firstInvalidUTF8(data)
		line := 1 + bytes.Count(data[:bad], []byte{'\n'})
		return nil, fmt.Errorf("%w: invalid UTF-8 at line %d", ErrNotHTML, line)
	}
	return data, nil
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
