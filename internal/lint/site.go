package lint

import (
	"github.com/pagelint/pagelint/internal/source"
)

// localSite answers the checks' questions about a site on disk: which files
// exist (from the walk) and which anchors its parsed pages carry.
type localSite struct {
	files   *source.Site
	anchors map[string]map[string]bool // by site path of the page
}

func (s *localSite) Resolve(sitePath string) (string, bool) { return s.files.Resolve(sitePath) }

func (s *localSite) Anchors(resolved string) (map[string]bool, bool) {
	a, ok := s.anchors[resolved]
	return a, ok
}
