package lint

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
)

// place is where a page read from a file (or standard input) stands, and so
// how its links resolve (docs/inputs.md, "A single file"):
//
//   - a page of a site on disk: root is the site root, url the page's site
//     path, and its links are looked up below root;
//   - loose, a page whose root is a guess or which stands outside it: its
//     relative links are looked up from its own directory on disk, as a
//     browser opening the file finds them, its "/…" links below root;
//   - saved, a page saved from the web: url is the address it declares, and
//     its links lead to that origin, asked over the network (with no origin,
//     noOrigin, they cannot be asked at all).
type place struct {
	root     string
	url      string
	loose    bool
	saved    bool
	noOrigin bool
}

// address is where a page says it lives: origin ("https://host", "" when
// the page gives a path alone) and path (percent-decoded), from the first
// of its canonical link, its og:url and an absolute <base href>.
type address struct {
	origin, path string
	url          string // origin, escaped path and query: the page's URL
}

// declaredAddress reads the page's address; baseURL (site.baseURL, or
// --base-url) completes a path alone. Only the first canonical link counts,
// as search engines read it.
func declaredAddress(p *page.Page, baseURL string) (address, bool) {
	base := absoluteBase(p.Base)
	for _, raw := range []string{canonicalHref(p), p.OGURL} {
		if a, ok := readAddress(raw, base, baseURL); ok {
			return a, true
		}
	}
	if base != nil {
		return addressOf(base), true
	}
	return address{}, false
}

// canonicalHref is the href of the page's first <link rel="canonical">.
func canonicalHref(p *page.Page) string {
	for _, l := range p.Links {
		if l != nil && l.Tag == page.TagLink && hasToken(l.Rel(), "canonical") {
			return l.Href
		}
	}
	return ""
}

func hasToken(list, token string) bool {
	for t := range strings.FieldsSeq(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

// absoluteBase is the page's <base href> when it is an absolute http(s) URL.
func absoluteBase(href string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || !isWeb(u) {
		return nil
	}
	return u
}

func isWeb(u *url.URL) bool {
	s := strings.ToLower(u.Scheme)
	return (s == "http" || s == "https") && u.Host != ""
}

// readAddress reads one declared address: absolute, protocol-relative
// (read as https), relative to an absolute <base>, or a path alone, which
// baseURL completes when given. Anything else names no address.
func readAddress(raw string, base *url.URL, baseURL string) (address, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return address{}, false
	}
	if strings.HasPrefix(raw, "//") {
		raw = "https:" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return address{}, false
	}
	switch {
	case isWeb(u):
	case base != nil:
		u = base.ResolveReference(u)
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
		if b, err := url.Parse(baseURL); err == nil && isWeb(b) {
			u = b.ResolveReference(u)
			break
		}
		return address{path: u.Path, url: (&url.URL{Path: u.Path, RawPath: u.RawPath, RawQuery: u.RawQuery}).String()}, true
	default:
		return address{}, false
	}
	return addressOf(u), true
}

func addressOf(u *url.URL) address {
	origin := strings.ToLower(u.Scheme) + "://" + u.Host
	p := u.Path
	if p == "" {
		p = "/"
	}
	noFrag := url.URL{Scheme: strings.ToLower(u.Scheme), Host: u.Host, Path: p, RawPath: u.RawPath, RawQuery: u.RawQuery}
	return address{origin: origin, path: p, url: noFrag.String()}
}

// locate finds where a file stands in the site that its address's path
// names: the path, spelt as static servers map it to files ("/about/" →
// about/index.html, "/about" → about.html or about/index.html), must end
// the file's path; the directory above is the site root. The host plays
// no part.
func locate(file, addrPath string) (root, sitePath string, ok bool) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", "", false
	}
	clean := path.Clean("/" + addrPath)
	for _, c := range source.Candidates(clean, strings.HasSuffix(addrPath, "/")) {
		suffix := filepath.FromSlash(c)
		if strings.HasSuffix(abs, suffix) {
			root = abs[:len(abs)-len(suffix)]
			if root == "" {
				root = string(filepath.Separator)
			}
			return root, c, true
		}
	}
	return "", "", false
}

// buildBelow reports whether a root-relative link of the page finds a file
// below dir other than self, the page's own site path there: a page of a
// site build has its "/css/…" there, a page saved from the web has nothing.
func buildBelow(p *page.Page, dir, self string) bool {
	for _, l := range p.Links {
		if l == nil {
			continue
		}
		h := strings.TrimSpace(l.Href)
		if !strings.HasPrefix(h, "/") || strings.HasPrefix(h, "//") {
			continue
		}
		u, err := url.Parse(h)
		if err != nil {
			continue
		}
		if found, ok := source.ResolveOnDisk(dir, u.Path); ok && found != self {
			return true
		}
	}
	return false
}

// placeFile decides where a file that no directory input holds stands,
// from its provisional model p (parsed as a page at the root of its own
// directory). root is site.root ("" when the config sets none).
func placeFile(file string, p *page.Page, root, baseURL string) place {
	addr, declared := declaredAddress(p, baseURL)
	if root != "" {
		// site.root wins: the file is a page of that site, inside it or not.
		rel, err := filepath.Rel(absPath(root), absPath(file))
		switch {
		case err == nil && !climbs(rel):
			return place{root: root, url: "/" + filepath.ToSlash(rel)}
		case declared:
			return place{root: root, url: addr.sitePath()}
		}
		return place{root: root, url: "/" + filepath.ToSlash(rel), loose: true}
	}
	dir := filepath.Dir(file)
	guess := place{root: dir, url: "/" + filepath.Base(file), loose: true}
	if !declared {
		return guess
	}
	r, sitePath, ok := locate(file, addr.path)
	return placeDeclared(p, addr, place{root: relToCwd(r), url: sitePath}, ok, guess, dir)
}

// placeStdin decides where standard input stands: below site.root, else
// the current directory, at the path its address names (at /index.html
// when it names none); or, without site.root, at the address it declares
// on a site that is not on disk.
func placeStdin(p *page.Page, root, baseURL string) place {
	at := place{root: root, url: "/index.html"}
	addr, declared := declaredAddress(p, baseURL)
	switch {
	case !declared:
		return at
	case root != "":
		at.url = addr.sitePath()
		return at
	}
	at.root = "."
	sitePath, ok := source.ResolveOnDisk(at.root, addr.path)
	return placeDeclared(p, addr, place{root: at.root, url: sitePath}, ok, at, "")
}

// placeDeclared places a page by the address it declares: where the address
// locates it on disk (found); else, on the address's origin, as a saved
// page whose neighbours on disk lie in dir; else, for an address that is a
// path alone, where it was guessed to stand when its "/…" links find files
// there, or as a saved page with no origin.
func placeDeclared(p *page.Page, addr address, located place, found bool, guess place, dir string) place {
	// "/" names every index.html, a saved home page's too: only a build's
	// home page finds its "/…" links below it.
	if found && (path.Clean("/"+addr.path) != "/" || buildBelow(p, located.root, located.url)) {
		return located
	}
	if addr.origin != "" {
		return place{root: dir, url: addr.url, saved: true}
	}
	// A build's page whose canonical names another page (a redirect stub)
	// finds its "/…" links next to it; a page saved from the web cannot be
	// checked without an origin.
	if buildBelow(p, guess.root, guess.url) {
		return guess
	}
	return place{root: dir, url: addr.url, saved: true, noOrigin: true}
}

// sitePath is the address as a site path (a path with its query).
func (a address) sitePath() string {
	if a.origin == "" {
		return a.url
	}
	return strings.TrimPrefix(a.url, a.origin)
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// climbs reports whether a relative path leads above where it starts.
func climbs(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// dirExists reports whether a directory exists.
func dirExists(dir string) bool {
	info, err := os.Stat(dir)
	return err == nil && info.IsDir()
}
