package urlnorm

import (
	"net/url"
	"strings"
)

// Site says which URLs are the site's own. It is where the site is published
// (site.baseURL or --base-url: an origin and a path prefix) and the origins a
// run reads it from instead (the start URLs of a crawl of a staging copy).
// A URL on either, under the prefix, is a page or file of the site, named by
// its site path: its path without the prefix. A page's links to its own
// origin are the site's too (a fetched or saved page's "/news/").
//
// The zero of *Site (nil) knows no base and no other origin.
type Site struct {
	origin  string // the base's "scheme://authority"; "" without base
	host    string // the base's authority
	prefix  string // the base's path, ending in "/"; "/" without base
	aliases map[string]bool
}

// NewSite is the site published at baseURL ("" for none; an URL without a
// host is none), also read from the origins of the URLs in aliases.
func NewSite(baseURL string, aliases []string) *Site {
	s := &Site{prefix: "/", aliases: map[string]bool{}}
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" && baseURL != "" {
		s.host = Authority(u)
		s.origin = strings.ToLower(u.Scheme) + "://" + s.host
		s.prefix = u.Path
		if !strings.HasSuffix(s.prefix, "/") {
			s.prefix += "/"
		}
	}
	for _, a := range aliases {
		if u, err := url.Parse(a); err == nil && u.Host != "" {
			if h := Authority(u); h != s.host {
				s.aliases[h] = true
			}
		}
	}
	return s
}

// HasBase reports whether the site knows where it is published.
func (s *Site) HasBase() bool { return s != nil && s.host != "" }

// SitePath returns the site path of an absolute URL that names a page or
// file of the site, for a page whose own authority is pageHost ("" for a
// page of a site on disk). The base's path prefix is taken off URLs on the
// base and on the run's other origins; a page's own origin, when it is
// neither (a saved page of another site), has none.
func (s *Site) SitePath(u *url.URL, pageHost string) (string, bool) {
	return s.sitePath(Authority(u), u.Path, pageHost)
}

// PlainSitePath is SitePath of a plain URL.
func (s *Site) PlainSitePath(u Plain, pageHost string) (string, bool) {
	return s.sitePath(u.Authority, u.Path, pageHost)
}

// sitePath is SitePath of a URL on authority auth with path p.
func (s *Site) sitePath(auth, p, pageHost string) (string, bool) {
	prefix := "/"
	switch {
	case s != nil && s.host != "" && auth == s.host, s != nil && s.aliases[auth]:
		prefix = s.prefix
	case pageHost == "" || auth != pageHost:
		return "", false
	}
	if p == "" {
		p = "/"
	}
	if p+"/" == prefix {
		return "/", true
	}
	if !strings.HasPrefix(p, prefix) {
		return "", false
	}
	return "/" + strings.TrimPrefix(p, prefix), true
}

// Ask is the URL to request for a same-site target of the page at pageURL:
// a link of a page read from one of the run's other origins (a staging
// server) to the published site is asked of the origin the page was read
// from, never of production; any other target is asked as it is.
func (s *Site) Ask(target, pageURL string) string {
	if s == nil || s.host == "" || len(s.aliases) == 0 {
		return target
	}
	pu, err := url.Parse(pageURL)
	if err != nil || !s.aliases[Authority(pu)] {
		return target
	}
	u, err := url.Parse(target)
	if err != nil || Authority(u) != s.host {
		return target
	}
	u.Scheme, u.Host = pu.Scheme, pu.Host
	return u.String()
}

// RootRelative maps the target of a root-relative link of a page on disk
// ("/project/guide.html") into the site when the base has a path prefix
// (https://user.github.io/project/): under the prefix it is the site path
// without it ("/guide.html"); elsewhere it leads off the site, to another
// part of the base's host, and is returned as that absolute URL. Without a
// prefix the target is the site path already.
func (s *Site) RootRelative(target string) string {
	if s == nil || s.prefix == "/" {
		return target
	}
	p, rest := target, ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		p, rest = target[:i], target[i:]
	}
	if p+"/" == s.prefix {
		return "/" + rest
	}
	if strings.HasPrefix(p, s.prefix) {
		return "/" + strings.TrimPrefix(p, s.prefix) + rest
	}
	return s.origin + target
}

// Host is the authority of an absolute URL, "" for anything else (a site
// path): what SitePath calls a page's own host.
func Host(pageURL string) string {
	if pageURL == "" || pageURL[0] == '/' {
		return ""
	}
	u, err := url.Parse(pageURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return Authority(u)
}
