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
	r, err := url.Parse(Clean(ref))
	if err != nil {
		return "", false
	}
	if base == nil {
		return r.String(), true
	}
	return base.ResolveReference(r).String(), true
}

// Clean reads a reference the way browsers do before they parse it (the
// WHATWG URL standard): leading and trailing spaces and control characters
// go, tabs and line breaks anywhere are dropped, and in the path of an
// http(s) or relative reference a backslash is a slash. A link typed with
// a stray line break, or "\" for "/", works in every browser.
func Clean(ref string) string {
	ref = strings.TrimFunc(ref, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(ref, "\t\n\r") {
		ref = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(ref)
	}
	if !strings.Contains(ref, "\\") || !special(ref) {
		return ref
	}
	end := len(ref)
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		end = i
	}
	return strings.ReplaceAll(ref[:end], "\\", "/") + ref[end:]
}

// special reports whether a reference is relative or has a scheme whose
// URLs browsers read with "\" as "/".
func special(ref string) bool {
	i := strings.IndexByte(ref, ':')
	if i < 0 || strings.ContainsAny(ref[:i], "/\\?#") {
		return true // no scheme: relative
	}
	switch strings.ToLower(ref[:i]) {
	case "http", "https", "ftp", "ws", "wss", "file":
		return true
	}
	return false
}
