package urlnorm

import (
	"net/url"
	"strings"
)

// Base is what a page's references resolve against: its <base href>
// (itself resolved against the page's URL) when it has one that parses,
// else the page's URL; nil when neither parses.
func Base(pageURL, baseHref string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil {
		u = nil
	}
	if baseHref != "" {
		if b, err := url.Parse(strings.TrimSpace(baseHref)); err == nil {
			if u != nil {
				b = u.ResolveReference(b)
			}
			u = b
		}
	}
	return u
}

// Resolve resolves a reference as a browser does, keeping its query and
// fragment; ok is false when it does not parse. Unlike a normal form, the
// result keeps the spelling of the page (it is what the page model shows).
func Resolve(base *url.URL, ref string) (resolved string, ok bool) {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", false
	}
	if base == nil {
		return r.String(), true
	}
	return base.ResolveReference(r).String(), true
}
