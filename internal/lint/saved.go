package lint

import (
	"net/url"
	"path"
	"strings"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
)

// savedSite is what the disk holds of the site of a page saved from the
// web: the files next to it mirror the directory of its address on the
// site ("Save page as… complete" writes story_files/ there, wget mirrors
// the site's tree). A link that finds its file there is found; any other
// link of the site is asked of the site itself (checks.Env.Remote).
type savedSite struct {
	dir     string // the saved file's directory
	addrDir string // the directory of its address, ending in "/"
}

func newSavedSite(dir, address string) *savedSite {
	p := sitePathOf(address)
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	addrDir := path.Dir(p + "x")
	return &savedSite{dir: dir, addrDir: strings.TrimSuffix(addrDir, "/") + "/"}
}

func (s *savedSite) Resolve(sitePath string) (string, bool) {
	rel, ok := strings.CutPrefix(sitePath, strings.TrimSuffix(s.addrDir, "/"))
	if !ok || (rel != "" && rel[0] != '/') {
		return "", false
	}
	if _, found := source.ResolveOnDisk(s.dir, rel); !found {
		return "", false
	}
	return sitePath, true
}

// Anchors of the neighbours are not read: a saved page's files are what
// the browser fetched, not the pages of the site.
func (s *savedSite) Anchors(string) (map[string]bool, bool) { return nil, false }

// readSaved reads a page saved from the web as the page at its address.
func readSaved(file string, pl place, opt *Options) (*group, error) {
	data, err := source.ReadFile(file, opt.Config.MaxPageSize())
	if err != nil {
		return nil, errorf(file, "%v", err)
	}
	src := pathSource(file)
	p, err := parse(data, src, pl.url, formatOf(file, opt), opt)
	if err != nil {
		return nil, &InputError{Source: src, Err: err}
	}
	return savedGroup(p, pl), nil
}

// savedGroup is the group of one saved page: a site of its own, on a
// server.
func savedGroup(p *page.Page, pl place) *group {
	p.Home = true // a page linted on its own is its site's page under test
	g := &group{models: []*page.Page{p}, anchors: map[string]map[string]bool{p.URL: anchorSet(p)}, remote: true, noOrigin: pl.noOrigin}
	// With a <base>, the page's links lead where the base says, not next
	// to the file.
	if pl.root != "" && strings.TrimSpace(p.Base) == "" {
		g.site = newSavedSite(pl.root, pl.url)
	}
	return g
}

// sitePathOf is the path of a URL or site path.
func sitePathOf(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			u = rest[j:]
		} else {
			u = "/"
		}
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u
}

var _ checks.Site = (*savedSite)(nil)
