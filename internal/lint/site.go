package lint

import (
	"strings"
	"sync"

	"github.com/pagelint/pagelint/internal/source"
)

// localSite answers the checks' questions about a site on disk: which files
// exist (from the walk) and which anchors its parsed pages carry.
type localSite struct {
	files   *source.Site
	anchors map[string]map[string]bool // by site path of the page
	// resolved remembers answers: the pages of a site link to the same
	// targets over and over (menus, footers), from many workers at once.
	resolved sync.Map // site path → resolution
}

type resolution struct {
	path string
	ok   bool
}

func (s *localSite) Resolve(sitePath string) (string, bool) {
	if r, ok := s.resolved.Load(sitePath); ok {
		res := r.(resolution)
		return res.path, res.ok
	}
	path, ok := s.files.Resolve(sitePath)
	// The key is cloned: sitePath may share memory with a whole page.
	s.resolved.Store(strings.Clone(sitePath), resolution{path, ok})
	return path, ok
}

func (s *localSite) Anchors(resolved string) (map[string]bool, bool) {
	a, ok := s.anchors[resolved]
	return a, ok
}
