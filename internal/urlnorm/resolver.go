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

// Target returns href resolved against the page, keeping query and
// fragment (javascript:, mailto:, tel: and data: references as written);
// "" when href does not parse.
func (r Resolver) Target(href string) string {
	h := strings.TrimSpace(href)
	for _, s := range unresolvedSchemes {
		if len(h) >= len(s) && strings.EqualFold(h[:len(s)], s) {
			return href
		}
	}
	if t, ok := r.fastTarget(h); ok {
		return t
	}
	t, ok := Resolve(r.base, h)
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
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case !simpleByte[c]:
			return false
		case c == '/' && i+1 < len(p) && p[i+1] == '/', c == '.' && (i+1 == len(p) || p[i+1] == '/'):
			return false
		}
	}
	return true
}

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

// queryOrFragment and hostEnd are sets for indexIn: what ends a path, and
// what ends the host of an absolute URL.
var queryOrFragment, hostEnd = byteSet("?#"), byteSet("/?#")

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
func (r Resolver) fastTarget(h string) (string, bool) {
	if !r.fast || h == "" {
		return "", false
	}
	origin, ok := plainOrigin(h)
	if !ok {
		return "", false
	}
	path, rest := h[len(origin):], ""
	if i := indexIn(path, &queryOrFragment); i >= 0 {
		path, rest = path[:i], path[i:]
	}
	switch {
	case !plainPath(path):
		return "", false
	case origin == "" && strings.IndexByte(path, ':') >= 0 && !strings.Contains(path[:strings.IndexByte(path, ':')], "/"):
		return "", false // a scheme
	case origin != "" && path != "" && path[0] != '/':
		return "", false
	}
	if rest != "" {
		q, frag := rest, ""
		if i := strings.IndexByte(rest, '#'); i >= 0 {
			q, frag = rest[:i], rest[i+1:]
		}
		if !plainQuery(strings.TrimPrefix(q, "?")) || !simple(frag) || strings.Contains(frag, "#") || strings.HasSuffix(rest, "#") {
			return "", false
		}
	}
	switch {
	case origin != "":
		return h, true // an absolute URL resolves to itself
	case path == "" && strings.HasPrefix(rest, "#") && len(rest) > 1:
		return r.noFrag + rest, true
	case path == "":
		return "", false
	case path[0] == '/' && r.origin == "":
		return h, true // a site path resolves to itself
	case path[0] == '/':
		return r.origin + h, true
	default:
		return r.origin + r.dir + h, true
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
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return "", false
		}
		host = name
	}
	if host == "" || strings.Trim(host, "abcdefghijklmnopqrstuvwxyz0123456789.-") != "" {
		return "", false
	}
	return h[:len(h)-len(rest)+end], true
}
