package lint

import (
	"net/url"
	"path/filepath"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// onDisk retargets the relative links of a loose page (see place) to where
// they lead on disk from the file's own directory, as a browser opening
// the file follows them: as site paths below root, which climb above it
// ("/../pics/a.gif") when the file stands outside the root or its links
// lead above the directory its root was guessed to be. The page's model
// shares no region with other pages' (it was parsed on its own), so its
// entries may be changed.
func onDisk(p *page.Page, file, root string) {
	if strings.TrimSpace(p.Base) != "" {
		return // the links resolve against <base>, not the file
	}
	dir, top := absPath(filepath.Dir(file)), absPath(root)
	fix := func(href, target string) string {
		if target == "" {
			return "" // no URL a browser would follow (a malformed refresh)
		}
		if t, ok := diskTarget(href, dir, top); ok {
			return t
		}
		return target
	}
	for _, l := range p.Links {
		if l != nil {
			l.Target = fix(l.Href, l.Target)
		}
	}
	for _, e := range p.Controls { // an entry's Link may be one of the links: fix is idempotent
		if e != nil && e.HasHref {
			e.Target = fix(e.Href, e.Target)
		}
	}
}

// diskTarget is the site path below top of a relative reference written
// on a page in dir; ok is false for any other reference (a site path, an
// URL, a fragment or query of the page itself).
func diskTarget(href, dir, top string) (string, bool) {
	h := strings.TrimSpace(href)
	if h == "" || strings.ContainsAny(h[:1], "/#?") {
		return "", false
	}
	u, err := url.Parse(h)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return "", false
	}
	rel, err := filepath.Rel(top, filepath.Join(dir, filepath.FromSlash(u.Path)))
	if err != nil {
		return "", false
	}
	sitePath := "/" + filepath.ToSlash(rel)
	switch {
	case rel == ".":
		sitePath = "/"
	case strings.HasSuffix(u.Path, "/") || strings.HasSuffix(u.Path, "/.") || u.Path == ".":
		sitePath += "/"
	}
	t := url.URL{Path: sitePath, RawQuery: u.RawQuery, Fragment: u.Fragment, RawFragment: u.RawFragment}
	return t.String(), true
}
