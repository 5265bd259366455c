// Package urlnorm is the one definition of "the same URL" that the crawler,
// the link checker, the checks and the page builders share, so that a page
// fetched by the crawl, a URL asked by the link checker and a link compared
// by a check are the same thing when they name the same resource.
//
// Two http(s) URLs are the same when their normal forms are equal: scheme
// and host lower-cased, the scheme's default port dropped, user and password
// dropped (they name who asks, not what, and must never reach a cache or a
// report), dot segments removed, an empty path made "/", and the fragment
// taken off. The query stays as written: servers may read its order.
package urlnorm

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// URL is an http(s) URL in normal form, with what callers key by.
type URL struct {
	// Key is the normal form, without fragment: what is requested,
	// cached and compared.
	Key string
	// Fragment is the fragment as written (decoded), "" when none.
	Fragment string
	// Origin is "scheme://host[:port]", the unit of same-origin crawls
	// and per-host limits.
	Origin string
	// Host is the host name or IP address, without port or brackets.
	Host string
}

// Parse reads an absolute http or https URL into its normal form; it fails
// on anything else (another scheme, no host, a port out of range).
func Parse(raw string) (URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return URL{}, err
	}
	if scheme := strings.ToLower(u.Scheme); scheme != "http" && scheme != "https" {
		return URL{}, fmt.Errorf("scheme %q is not http or https", u.Scheme)
	}
	if u.Hostname() == "" {
		return URL{}, errors.New("no host")
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return URL{}, fmt.Errorf("invalid port %q", port)
		}
	}
	return Of(u), nil
}

// Of is the normal form of a parsed absolute http(s) URL; u is not changed.
func Of(u *url.URL) URL {
	n := *u
	n.Scheme = strings.ToLower(n.Scheme)
	n.Host = Authority(u)
	n.User = nil
	n.Fragment, n.RawFragment = "", ""
	// Resolving an absolute reference against nothing removes its dot
	// segments.
	r := (&url.URL{}).ResolveReference(&n)
	if r.Path == "" && r.Opaque == "" {
		r.Path, r.RawPath = "/", ""
	}
	host := strings.ToLower(u.Hostname())
	return URL{Key: r.String(), Fragment: u.Fragment, Origin: r.Scheme + "://" + r.Host, Host: host}
}

// Authority is the URL's host in lower case, with its port unless it is the
// scheme's default ("example.com", "[::1]:8080").
func Authority(u *url.URL) string {
	host, port := strings.ToLower(u.Hostname()), u.Port()
	scheme := strings.ToLower(u.Scheme)
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	return host
}

// Key is the normal form of raw without its fragment, or raw without its
// fragment when it is no absolute http(s) URL: what lookups of URLs key by.
func Key(raw string) string {
	if k, ok := plainKey(raw); ok {
		return k
	}
	return parsedKey(raw)
}

// parsedKey is Key by net/url.
func parsedKey(raw string) string {
	if n, err := Parse(raw); err == nil {
		return n.Key
	}
	if i := strings.IndexByte(raw, '#'); i >= 0 {
		return raw[:i]
	}
	return raw
}

// Same reports whether two URLs name the same resource (fragments apart).
func Same(a, b string) bool { return Key(a) == Key(b) }

// plainKey is Key of an http(s) URL that is written in normal form already
// — scheme and host in lower case, no port, no user, a path of simple
// characters without dot segments, a query of simple characters and
// escapes — as most URLs a site links to are: its key is itself without
// its fragment, which net/url need not parse (whatever the fragment, Key
// drops it). ok is false for any other URL.
func plainKey(raw string) (string, bool) {
	origin, ok := plainOrigin(raw)
	if !ok || origin == "" || strings.IndexByte(origin[len("http://"):], ':') >= 0 {
		return "", false
	}
	key, _, _ := strings.Cut(raw, "#")
	path, query, _ := strings.Cut(key[len(origin):], "?")
	if path == "" || !plainPath(path) || !plainQuery(query) {
		return "", false
	}
	return key, true
}

// Plain is an absolute http(s) URL that net/url gives back as written, in
// its parts: no port, no user, a scheme and host in lower case, a path and
// a fragment of simple characters without dot segments, a query of simple
// characters and escapes. Most URLs a site links to are written so, and
// need no parse.
type Plain struct {
	NoFragment string // the URL without its fragment
	Authority  string // its host (Authority)
	Path       string // its path, escaped and decoded alike
	Fragment   string
}

// SplitPlain splits raw when it is a Plain URL; ok is false for any other.
func SplitPlain(raw string) (u Plain, ok bool) {
	origin, ok := plainOrigin(raw)
	if !ok || origin == "" || shapeOf(raw) != shapeSelf {
		return Plain{}, false
	}
	host := origin[strings.Index(origin, "//")+2:]
	if strings.IndexByte(host, ':') >= 0 {
		return Plain{}, false
	}
	u = Plain{Authority: host}
	u.NoFragment, u.Fragment, _ = strings.Cut(raw, "#")
	u.Path = u.NoFragment[len(origin):]
	if i := strings.IndexByte(u.Path, '?'); i >= 0 {
		u.Path = u.Path[:i]
	}
	return u, true
}
