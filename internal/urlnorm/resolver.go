package urlnorm

import (
	"net/url"
	"strings"
)

// Resolver resolves the references of one page as Resolve does, against
// the page's Base, with a fast path for the common references — "#frag",
// "/path", "rel/path", "https://host/path", with simple characters and no
// dot segments — that gives the same result without net/url: a page has
// hundreds of references, a site millions.
type Resolver struct {
	base *url.URL // nil when neither the page URL nor the base parse

	// For the fast path: the base without its fragment, its origin
	// ("https://host" or "" for a site path) and its directory.
	noFrag, origin, dir string
	fast                bool
}

// NewResolver returns the resolver of a page at pageURL with a <base href>
// of base ("" for none).
func NewResolver(pageURL, base string) Resolver {
	u := Base(pageURL, base)
	r := Resolver{base: u}
	if u != nil && u.Opaque == "" && u.User == nil && simple(u.EscapedPath()) && simple(u.RawQuery) {
		r.fast = true
		noFrag := *u
		noFrag.Fragment, noFrag.RawFragment = "", ""
		r.noFrag = noFrag.String()
		if u.Scheme != "" || u.Host != "" {
			r.origin = u.Scheme + "://" + u.Host
			if u.Scheme == "" {
				r.origin = "//" + u.Host
			}
		}
		p := u.EscapedPath()
		if p == "" && r.origin != "" {
			p = "/"
		}
		r.dir = p[:strings.LastIndexByte(p, '/')+1]
		if r.dir == "" && r.origin == "" && p != "" {
			r.fast = false // a relative page URL: let net/url decide
		}
	}
	return r
}

// unresolvedSchemes are targets that name no resource to resolve: they are
// kept as written.
var unresolvedSchemes = []string{"javascript:", "mailto:", "tel:", "data:"}

// unresolvedFirst is the first bytes of unresolvedSchemes, in either case:
// most hrefs begin with none of them.
var unresolvedFirst = byteSet("jmtdJMTD")

// Target returns href resolved against the page, keeping query and
// fragment (javascript:, mailto:, tel: and data: references as written);
// "" when href does not parse.
func (r Resolver) Target(href string) string { return r.target(newHrefShape(href)) }

// TargetOf is href as a string and its Target, both from hrefs when it
// holds href: a site's menus and footer repeat their hrefs on every page,
// and each distinct one is made a string and scanned for its shape once.
func (r Resolver) TargetOf(hrefs *Hrefs, href []byte) (string, string) {
	hs, ok := hrefs.m[string(href)]
	if !ok {
		hs = newHrefShape(string(href))
		if hrefs.m == nil {
			hrefs.m = make(map[string]hrefShape)
		}
		if len(hrefs.m) < maxHrefs {
			hrefs.m[hs.href] = hs
		}
	}
	return hs.href, r.target(hs)
}

// Hrefs remembers, for the pages one reader resolves one after the other,
// the hrefs met and their shapes, which hold whatever the page. Its zero
// value is ready; it keeps the first maxHrefs hrefs met, so that a site
// of distinct links costs a bounded memory, while the hrefs every page
// repeats are met first.
type Hrefs struct{ m map[string]hrefShape }

const maxHrefs = 1 << 13

// hrefShape is an href (and h, the href without surrounding white space)
// with its shape.
type hrefShape struct {
	href, h string
	shape   shape
}

// shape is how an href resolves, whatever the page.
type shape uint8

const (
	shapeSlow       shape = iota // net/url decides
	shapeUnresolved              // kept as written (unresolvedSchemes)
	shapeSelf                    // an absolute URL: itself
	shapeFragment                // "#frag": the page's URL without its fragment, and h
	shapeRooted                  // "/path": the page's origin, and h
	shapeRelative                // "path": the page's origin and directory, and h
)

func newHrefShape(href string) hrefShape {
	hs := hrefShape{href: href, h: strings.TrimSpace(href)}
	if hs.h == "" || !unresolvedFirst[hs.h[0]] {
		hs.shape = shapeOf(hs.h)
		return hs
	}
	for _, s := range unresolvedSchemes {
		if len(hs.h) >= len(s) && strings.EqualFold(hs.h[:len(s)], s) {
			hs.shape = shapeUnresolved
			return hs
		}
	}
	hs.shape = shapeOf(hs.h)
	return hs
}

func (r Resolver) target(hs hrefShape) string {
	if hs.shape == shapeUnresolved {
		return hs.href
	}
	if t, ok := r.fastShaped(hs.h, hs.shape); ok {
		return t
	}
	t, ok := Resolve(r.base, hs.h)
	if !ok {
		return ""
	}
	return t
}

// simple: only characters that net/url leaves as they are in a path,
// query or fragment.
func simple(s string) bool {
	for i := 0; i < len(s); i++ {
		if !simpleByte[s[i]] {
			return false
		}
	}
	return true
}

// plainPath: a path of simple characters without dot segments or empty
// ones ("./", "//", a last "."), which net/url gives back as written. One
// pass: it runs over every href.
func plainPath(p string) bool {
	end, plain := plainPathEnd(p)
	return plain && end == len(p) // "?" and "#" are no simple characters
}

// plainPathEnd is where the path that s begins with ends (at its query or
// fragment, else at the end of s), and plainPath of it: one pass over
// an href, whose paths are most of its bytes.
func plainPathEnd(s string) (end int, plain bool) {
	for i := 0; i < len(s); i++ {
		switch pathClass[s[i]] {
		case pathPlain:
		case pathEnd:
			return i, true
		case pathDot:
			if i+1 == len(s) || s[i+1] == '/' || pathClass[s[i+1]] == pathEnd {
				return i, false
			}
		case pathSlash:
			if i+1 < len(s) && s[i+1] == '/' {
				return i, false
			}
		default:
			return i, false
		}
	}
	return len(s), true
}

// pathClass is what plainPathEnd makes of each byte.
var pathClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == '?' || c == '#':
			t[c] = pathEnd
		case c == '.':
			t[c] = pathDot
		case c == '/':
			t[c] = pathSlash
		case !simpleByte[c]:
			t[c] = pathOther
		}
	}
	return t
}()

const (
	pathPlain uint8 = iota
	pathEnd
	pathDot
	pathSlash
	pathOther
)

// plainQuery: a query (without its "?") of simple characters, escapes and
// question marks, which net/url keeps as written.
func plainQuery(q string) bool {
	for i := 0; i < len(q); i++ {
		if c := q[i]; !simpleByte[c] && c != '%' && c != '?' {
			return false
		}
	}
	return true
}

// indexIn is the index of the first byte of s in set, -1 if none: one
// pass over a short href, where strings.IndexAny tries each of its bytes
// against the set.
func indexIn(s string, set *[256]bool) int {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return i
		}
	}
	return -1
}

// hostEnd is a set for indexIn: what ends the host of an absolute URL.
var hostEnd = byteSet("/?#")

// allIn: every byte of s is in set (a table, where strings.Trim would
// build one from its cutset at every call).
func allIn(s string, set *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		if !set[s[i]] {
			return false
		}
	}
	return true
}

// hostByte and digit are sets for allIn: what a plain host and a port are
// made of.
var hostByte, digit = byteSet("abcdefghijklmnopqrstuvwxyz0123456789.-"), byteSet("0123456789")

func byteSet(bytes string) (set [256]bool) {
	for i := 0; i < len(bytes); i++ {
		set[bytes[i]] = true
	}
	return set
}

// simpleByte is the table of simple: it runs over every href.
var simpleByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			t[c] = true
		case strings.IndexByte("-._~/!$&'()*+,;=:@", byte(c)) >= 0:
			t[c] = true
		}
	}
	return t
}()

// fastTarget is the fast path of Target; ok is false when h needs the full
// resolution.
func (r Resolver) fastTarget(h string) (string, bool) { return r.fastShaped(h, shapeOf(h)) }

// fastShaped is fastTarget of h, whose shape is s.
func (r Resolver) fastShaped(h string, s shape) (string, bool) {
	if !r.fast {
		return "", false
	}
	switch s {
	case shapeSelf:
		return h, true
	case shapeFragment:
		return r.noFrag + h, true
	case shapeRooted:
		if r.origin == "" {
			return h, true // a site path resolves to itself
		}
		return r.origin + h, true
	case shapeRelative:
		return r.origin + r.dir + h, true
	}
	return "", false
}

// shapeOf is the shape of h for the fast path: shapeSlow unless it has
// simple characters, no dot segments, and a lower-case scheme and host.
func shapeOf(h string) shape {
	if h == "" {
		return shapeSlow
	}
	origin, ok := plainOrigin(h)
	if !ok {
		return shapeSlow
	}
	after := h[len(origin):]
	end, plain := plainPathEnd(after)
	if !plain {
		return shapeSlow
	}
	path, rest := after[:end], after[end:]
	switch {
	case origin == "" && strings.IndexByte(path, ':') >= 0 && !strings.Contains(path[:strings.IndexByte(path, ':')], "/"):
		return shapeSlow // a scheme
	case origin != "" && path != "" && path[0] != '/':
		return shapeSlow
	}
	if rest != "" {
		q, frag := rest, ""
		if i := strings.IndexByte(rest, '#'); i >= 0 {
			q, frag = rest[:i], rest[i+1:]
		}
		if !plainQuery(strings.TrimPrefix(q, "?")) || !simple(frag) || strings.Contains(frag, "#") || strings.HasSuffix(rest, "#") {
			return shapeSlow
		}
	}
	switch {
	case origin != "":
		return shapeSelf // an absolute URL resolves to itself
	case path == "" && strings.HasPrefix(rest, "#") && len(rest) > 1:
		return shapeFragment // rest is h
	case path == "":
		return shapeSlow
	case path[0] == '/':
		return shapeRooted
	default:
		return shapeRelative
	}
}

// plainOrigin is the "http://host" or "https://host" that h starts with,
// when the scheme is in lower case and the host of lower-case letters,
// digits, dots and hyphens with an optional port; "" when h has no scheme
// and no host. ok is false for any other scheme or host.
func plainOrigin(h string) (origin string, ok bool) {
	rest, found := strings.CutPrefix(h, "https://")
	if !found {
		if rest, found = strings.CutPrefix(h, "http://"); !found {
			return "", !strings.HasPrefix(h, "//")
		}
	}
	end := indexIn(rest, &hostEnd)
	if end < 0 {
		end = len(rest)
	}
	host := rest[:end]
	if name, port, hasPort := strings.Cut(host, ":"); hasPort {
		if port == "" || !allIn(port, &digit) {
			return "", false
		}
		host = name
	}
	if host == "" || !allIn(host, &hostByte) {
		return "", false
	}
	return h[:len(h)-len(rest)+end], true
}
