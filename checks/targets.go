package checks

import (
	"net/url"
	"strings"

	"github.com/pagelint/pagelint/internal/urlnorm"
)

// Kinds of link targets.
const (
	targetOther     = iota // data:, javascript:, ftp:, … — not checked
	targetInternal         // a site path: a page or file of the site
	targetExternal         // an http(s) URL off the site
	targetMalformed        // an URL that does not parse
	targetContact          // mailto:, tel: — checked for syntax
)

// target is a link target, classified for checking.
type target struct {
	kind int
	// path is the site path of an internal target, percent-decoded,
	// without query and fragment; "" for a reference to the page itself.
	path string
	// url is an absolute target without its fragment: an external URL,
	// or a URL of the site's own (then path is its site path).
	url         string
	fragment    string
	hasFragment bool
}

// scope is what classifying the links of one page needs to know: the
// page's URL, its own host when it was fetched or saved (its links to that
// host are the site's), and which URLs are the site's own.
type scope struct {
	pageURL string
	host    string
	site    *urlnorm.Site
}

func newScope(pageURL string, site *urlnorm.Site) scope {
	return scope{pageURL: pageURL, host: urlnorm.Host(pageURL), site: site}
}

// onDisk reports whether the page is one of a site on disk (its URL a site
// path) rather than fetched or saved from a server.
func (sc scope) onDisk() bool { return sc.host == "" && strings.HasPrefix(sc.pageURL, "/") }

// written is the target to classify of a link written href: a root-relative
// link of a page on disk is published under the base's path prefix.
func (sc scope) written(href, target string) string {
	if h := strings.TrimSpace(href); sc.onDisk() && strings.HasPrefix(h, "/") && !strings.HasPrefix(h, "//") {
		return sc.site.RootRelative(target)
	}
	return target
}

// classify sorts a link target. raw is the link's Target (its Href when the
// extractor could not resolve it) of a link on the page of sc. A site path
// and an absolute URL written in normal form, most targets, are read
// without url.Parse (plainSitePath, urlnorm.SplitPlain).
func classify(raw string, sc scope) target {
	raw = strings.TrimSpace(raw)
	if t, ok := plainSitePath(raw); ok {
		return t
	}
	if u, ok := urlnorm.SplitPlain(raw); ok {
		t := target{kind: targetExternal, url: u.NoFragment, fragment: u.Fragment, hasFragment: u.Fragment != ""}
		if sp, ok := sc.site.PlainSitePath(u, sc.host); ok {
			t.kind, t.path = targetInternal, sp
		}
		return t
	}
	u, err := url.Parse(raw)
	if err != nil {
		return target{kind: targetMalformed}
	}
	t := target{fragment: u.Fragment, hasFragment: u.Fragment != "" || strings.HasSuffix(raw, "#")}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return target{kind: targetMalformed}
		}
		noFrag := *u
		noFrag.Fragment, noFrag.RawFragment = "", ""
		t.url = noFrag.String()
		t.kind = targetExternal
		if sp, ok := sc.site.SitePath(u, sc.host); ok {
			t.kind, t.path = targetInternal, sp
		}
		return t
	case "":
		if u.Host != "" {
			// A scheme-relative URL the extractor left unresolved.
			t.kind = targetExternal
			noFrag, _, _ := strings.Cut(raw, "#")
			t.url = "https:" + noFrag
			return t
		}
		if u.Path == "" {
			t.kind = targetInternal // "#frag" or "?q": this page
			return t
		}
		if !strings.HasPrefix(u.Path, "/") {
			if ref, ok := resolveAgainst(sc.pageURL, raw); ok {
				return classify(ref, sc)
			}
			return target{kind: targetOther}
		}
		t.kind, t.path = targetInternal, u.Path
		return t
	case "mailto", "tel":
		return target{kind: targetContact}
	default:
		return target{kind: targetOther}
	}
}

// plainSitePath classifies a site path without escapes ("/a/b.html?q#f"),
// which most links of a static site are, in one pass over it; ok is false
// for any other target, which url.Parse must read.
func plainSitePath(raw string) (t target, ok bool) {
	if raw == "" || raw[0] != '/' || strings.HasPrefix(raw, "//") {
		return target{}, false
	}
	query, hash := -1, -1
	for i := 0; i < len(raw); i++ {
		if !pathSpecial[raw[i]] {
			continue
		}
		switch raw[i] {
		case '?':
			if query < 0 && hash < 0 {
				query = i
			}
		case '#':
			if hash < 0 {
				hash = i
			}
		default:
			return target{}, false // an escape or a space: url.Parse reads it
		}
	}
	t = target{kind: targetInternal, path: raw}
	if hash >= 0 {
		t.fragment, t.hasFragment = raw[hash+1:], true
		t.path = raw[:hash]
	}
	if query >= 0 {
		t.path = raw[:query]
	}
	return t, true
}

// pathSpecial marks the bytes plainSitePath looks at: query and fragment
// delimiters, and what only url.Parse reads right.
var pathSpecial = func() (special [256]bool) {
	for _, c := range "?#%\\ " {
		special[c] = true
	}
	return special
}()

// resolveAgainst resolves a relative reference against a page's URL; ok is
// false when the result would still be relative (a page URL that is no
// path), which would loop.
func resolveAgainst(pageURL, ref string) (string, bool) {
	b, err := url.Parse(pageURL)
	if err != nil || (b.Scheme == "" && !strings.HasPrefix(b.Path, "/")) {
		return "", false
	}
	r, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	return b.ResolveReference(r).String(), true
}

// pageTarget classifies the page's own URL, so that links can be told to
// point at the page they stand on.
func (sc scope) pageTarget() target {
	t := classify(sc.pageURL, sc)
	t.fragment, t.hasFragment = "", false
	return t
}

// samePage reports whether t names the page whose own target is self.
func samePage(t, self target) bool {
	switch t.kind {
	case targetInternal:
		if t.path == "" {
			return true
		}
		return self.kind == targetInternal && sameIndexPath(t.path, self.path)
	case targetExternal:
		return self.kind == targetExternal && t.url == self.url
	}
	return false
}

// indexPath spells a directory path as its index page, the way static
// servers serve it: "/a/" → "/a/index.html".
func indexPath(p string) string {
	if strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// sameIndexPath reports whether indexPath(a) == indexPath(b), without
// building either.
func sameIndexPath(a, b string) bool {
	if a == b {
		return true
	}
	if strings.HasSuffix(b, "/") {
		a, b = b, a
	}
	// Only a directory and a page can still be one: "/a/" and "/a/index.html".
	return strings.HasSuffix(a, "/") && !strings.HasSuffix(b, "/") &&
		len(b) == len(a)+len("index.html") && strings.HasPrefix(b, a) && strings.HasSuffix(b, "index.html")
}

// resolveSite maps an internal target's path to the file it names; without
// a Site it can only spell directory paths as index pages, and ok says
// whether the file is known to exist.
func resolveSite(env *Env, sitePath string) (resolved string, checked, ok bool) {
	if env == nil || env.Site == nil {
		return indexPath(sitePath), false, false
	}
	r, ok := env.Site.Resolve(sitePath)
	return r, true, ok
}
