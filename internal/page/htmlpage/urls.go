package htmlpage

import (
	"net/url"
	"strings"

	"github.com/pagelint/pagelint/internal/urlnorm"
)

// resolver resolves hrefs against the page: its <base href> (itself
// resolved against the page URL), else the page URL.
type resolver struct {
	base *url.URL // nil when neither the page URL nor the base parse

	// For the fast path: the base without its fragment, its origin
	// ("https://host" or "" for a site path) and its directory.
	noFrag, origin, dir string
	fast                bool
}

func (r resolver) join(parts ...string) string { return strings.Join(parts, "") }

func newResolver(pageURL, base string) resolver {
	u := urlnorm.Base(pageURL, base)
	r := resolver{base: u}
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

// fastTarget resolves the common hrefs — "#frag", "/path", "rel/path",
// with simple characters and no dot segments — without net/url, with the
// same result. ok is false when href needs the full resolution.
func (r resolver) fastTarget(h string) (string, bool) {
	if !r.fast || h == "" {
		return "", false
	}
	path, rest := h, ""
	if i := strings.IndexAny(h, "?#"); i >= 0 {
		path, rest = h[:i], h[i:]
	}
	if !simple(path) {
		return "", false
	}
	if strings.Contains(path, "./") || strings.HasSuffix(path, ".") || strings.Contains(path, "//") {
		return "", false
	}
	if i := strings.IndexByte(path, ':'); i >= 0 && !strings.Contains(path[:i], "/") {
		return "", false // a scheme
	}
	if rest != "" {
		q, frag := rest, ""
		if i := strings.IndexByte(rest, '#'); i >= 0 {
			q, frag = rest[:i], rest[i+1:]
		}
		if !simple(strings.TrimPrefix(q, "?")) || !simple(frag) || strings.Contains(frag, "#") {
			return "", false
		}
		if strings.HasPrefix(q, "?") && strings.ContainsAny(q[1:], "?") {
			return "", false
		}
	}
	switch {
	case path == "" && strings.HasPrefix(rest, "#") && len(rest) > 1:
		return r.join(r.noFrag, rest), true
	case path == "":
		return "", false
	case path[0] == '/' && r.origin == "":
		return h, true // a site path resolves to itself
	case path[0] == '/':
		return r.join(r.origin, path, rest), true
	default:
		return r.join(r.origin, r.dir, path, rest), true
	}
}

// unresolvedSchemes are targets that name no resource to resolve: they are
// kept as written.
var unresolvedSchemes = []string{"javascript:", "mailto:", "tel:", "data:"}

// target returns href resolved against the page, keeping query and
// fragment; "" when href does not parse.
func (r resolver) target(href string) string {
	h := strings.TrimSpace(href)
	for _, s := range unresolvedSchemes {
		if len(h) >= len(s) && strings.EqualFold(h[:len(s)], s) {
			return href
		}
	}
	if t, ok := r.fastTarget(h); ok {
		return t
	}
	t, ok := urlnorm.Resolve(r.base, h)
	if !ok {
		return ""
	}
	return t
}

// refreshTarget reads a meta refresh content for the link it makes: the
// URL browsers redirect to, or, for a content that names a URL browsers
// do not follow because its time is no number ("3x;url=target.html"),
// malformed. A content that names no URL ("30", "5; url=", "-2") makes no
// link: the page reloads itself, or nothing happens.
func refreshTarget(content string) (url string, malformed bool) {
	if u := refreshURL(content); u != "" {
		return u, false
	}
	i := strings.Index(strings.ToLower(content), "url=")
	return "", i >= 0 && strings.TrimSpace(strings.Trim(strings.TrimSpace(content[i+4:]), `"'`)) != ""
}

// refreshURL returns the URL of a meta refresh content such as
// "0; url=/new/" (quotes allowed), or "" when it names none.
func refreshURL(content string) string {
	s := strings.TrimLeft(content, " \t\n\r\f")
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 {
		return ""
	}
	s = strings.TrimLeft(s[i:], " \t\n\r\f")
	if s == "" || (s[0] != ';' && s[0] != ',') {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\n\r\f")
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		rest := strings.TrimLeft(s[3:], " \t\n\r\f")
		if strings.HasPrefix(rest, "=") {
			s = strings.TrimLeft(rest[1:], " \t\n\r\f")
		}
	}
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		s = s[1:]
		if j := strings.IndexByte(s, q); j >= 0 {
			s = s[:j]
		}
	}
	return strings.TrimSpace(s)
}
