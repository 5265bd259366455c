package lint

import (
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pagelint/pagelint/internal/memo"
	"github.com/pagelint/pagelint/internal/source"
)

// localSite answers the checks' questions about a site on disk: which files
// exist (from the walk, or asked of the disk when the site was not walked)
// and which anchors its pages carry.
type localSite struct {
	root  string
	files *source.Site // nil: not walked (single files, standard input)
	// lazy answers as the walk would, for a site that was not walked: it
	// lists only the directories the links lead through.
	lazy *source.LazySite
	// readAnchors reads the anchors of a page of the site that was not
	// read as an input (a single file's neighbour, an ignored page), once
	// every input is read: read is then set.
	readAnchors func(file string) (map[string]bool, bool)
	read        atomic.Bool
	extra       sync.Map // file → *lazyAnchors
	// anchors of the pages read so far, by site path: a link to a
	// fragment of a page already read is judged at once, the others once
	// every page is read.
	anchorsMu sync.RWMutex
	anchors   map[string]map[string]bool
	// resolved remembers answers: the pages of a site link to the same
	// targets over and over (menus, footers), from many workers at once.
	// A map behind a read lock is much cheaper here than a sync.Map.
	mu       sync.RWMutex
	resolved map[string]resolution // by site path
}

type resolution struct {
	path string
	ok   bool
}

func (s *localSite) Resolve(sitePath string) (string, bool) {
	if s.isFile(sitePath) {
		return sitePath, true
	}
	s.mu.RLock()
	r, found := s.resolved[sitePath]
	s.mu.RUnlock()
	if found {
		return r.path, r.ok
	}
	path, ok, walked := s.resolve(sitePath)
	if !ok && walked {
		// The walk's "no such file" takes a few lookups to find again;
		// kept, every broken link of a page of many would be kept while
		// its checks run (docs/BENCHMARKS.md).
		return path, ok
	}
	s.mu.Lock()
	if s.resolved == nil {
		s.resolved = map[string]resolution{}
	}
	// The key is cloned: sitePath may share memory with a whole page.
	s.resolved[strings.Clone(sitePath)] = resolution{path, ok}
	s.mu.Unlock()
	return path, ok
}

// isFile: the walk found a file at sitePath as it is written, the target
// of most links, which resolves to itself with no cache to ask.
func (s *localSite) isFile(sitePath string) bool {
	return s.files != nil && s.files.IsFile(sitePath)
}

// resolve asks the walk, or its lazy stand-in for a site that was not
// walked, else the disk: for the paths that climb above the root, which
// only the relative links of a loose page (see place) lead to. walked: the
// walk's rules answered.
func (s *localSite) resolve(sitePath string) (path string, ok, walked bool) {
	if !strings.HasPrefix(sitePath, "/..") {
		switch {
		case s.files != nil:
			path, ok = s.files.Resolve(sitePath)
			return path, ok, true
		case s.lazy != nil:
			path, ok = s.lazy.Resolve(sitePath)
			return path, ok, true
		}
	}
	path, ok = source.ResolveOnDisk(s.root, sitePath)
	return path, ok, false
}

func (s *localSite) Anchors(resolved string) (map[string]bool, bool) {
	s.anchorsMu.RLock()
	a, ok := s.anchors[resolved]
	s.anchorsMu.RUnlock()
	if ok || !s.read.Load() || s.readAnchors == nil || !isPage(resolved) {
		return a, ok
	}
	// A page that no input named: read once, for its anchors alone.
	file := filepath.Join(s.root, filepath.FromSlash(strings.TrimPrefix(resolved, "/")))
	v, _ := s.extra.LoadOrStore(file, &lazyAnchors{})
	la := v.(*lazyAnchors)
	la.once.Do(func() { la.anchors, la.ok = s.readAnchors(file) })
	return la.anchors, la.ok
}

// lazyAnchors are the anchors of a page read on demand.
type lazyAnchors struct {
	once    sync.Once
	anchors map[string]bool
	ok      bool
}

// isPage reports whether a site path names an HTML page.
func isPage(sitePath string) bool {
	ext := strings.ToLower(filepath.Ext(sitePath))
	return ext == ".html" || ext == ".htm"
}

// view returns a view of s for one worker, with caches of its own in
// front of the shared maps: the pages' links ask the same questions over
// and over, and the workers would contend for the shared maps' locks. The
// caches forget all when full (see memo).
func (s *localSite) view() *siteView {
	return &siteView{site: s, resolved: map[string]resolution{}, anchors: map[string]map[string]bool{}}
}

type siteView struct {
	site     *localSite
	resolved map[string]resolution
	anchors  map[string]map[string]bool // of pages read: they never change
}

func (v *siteView) Resolve(sitePath string) (string, bool) {
	if v.site.isFile(sitePath) {
		return sitePath, true
	}
	if r, ok := v.resolved[sitePath]; ok {
		return r.path, r.ok
	}
	path, ok := v.site.Resolve(sitePath)
	memo.Put(v.resolved, strings.Clone(sitePath), resolution{path, ok})
	return path, ok
}

func (v *siteView) Anchors(resolved string) (map[string]bool, bool) {
	if a, ok := v.anchors[resolved]; ok {
		return a, true
	}
	a, ok := v.site.Anchors(resolved)
	if ok {
		// The key is cloned: a path that Resolve answered with itself
		// may share memory with a whole page.
		memo.Put(v.anchors, strings.Clone(resolved), a)
	}
	return a, ok
}

func (s *localSite) addAnchors(sitePath string, anchors map[string]bool) {
	s.anchorsMu.Lock()
	defer s.anchorsMu.Unlock()
	if s.anchors == nil {
		s.anchors = map[string]map[string]bool{}
	}
	s.anchors[sitePath] = anchors
}
