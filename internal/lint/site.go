package lint

import (
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
)

// localSite answers the checks' questions about a site on disk: which files
// exist (from the walk) and which anchors its parsed pages carry.
type localSite struct {
	files   *source.Site
	anchors map[string]map[string]bool // by site path of the page
}

func newLocalSite(files *source.Site, pages []*page.Page) *localSite {
	s := &localSite{files: files, anchors: make(map[string]map[string]bool, len(pages))}
	for _, p := range pages {
		set := make(map[string]bool, len(p.Anchors))
		for _, a := range p.Anchors {
			set[a] = true
		}
		s.anchors[p.URL] = set
	}
	return s
}

func (s *localSite) Resolve(sitePath string) (string, bool) { return s.files.Resolve(sitePath) }

func (s *localSite) Anchors(resolved string) (map[string]bool, bool) {
	a, ok := s.anchors[resolved]
	return a, ok
}
