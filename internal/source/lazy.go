package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// LazySite answers what Walk's Site answers of the files below root —
// Resolve, by the walk's rules: exact names, symbolic links followed only
// inside root, no version-control directory, no way back round a link to a
// directory above — while listing only the directories that the paths asked
// lead through, each once. A single page's links reach a few of them; the
// walk would read every directory below the page's own, a home directory or
// /tmp for a page saved there. It is safe for concurrent use.
type LazySite struct {
	root, realRoot string

	mu   sync.Mutex
	dirs map[string]map[string]fs.FileMode // entries' types by name, by directory; nil: unreadable
}

// NewLazySite is the LazySite of root.
func NewLazySite(root string) *LazySite {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = ""
	}
	return &LazySite{root: filepath.Clean(root), realRoot: realRoot, dirs: map[string]map[string]fs.FileMode{}}
}

// Resolve is Site.Resolve of the site that Walk would list.
func (l *LazySite) Resolve(sitePath string) (string, bool) {
	clean, ok := cleanSitePath(sitePath)
	if !ok || l.realRoot == "" {
		return "", false
	}
	for _, c := range Candidates(clean, strings.HasSuffix(sitePath, "/")) {
		if l.has(c) {
			return c, true
		}
	}
	return "", false
}

// has reports whether the walk would list the clean site path p among
// the site's files, going down its directories as the walk does.
func (l *LazySite) has(p string) bool {
	names := strings.Split(strings.TrimPrefix(p, "/"), "/")
	dir, realDir, entered := l.root, l.realRoot, []string{l.realRoot}
	for i, name := range names {
		mode, found := l.list(dir)[name]
		if !found {
			return false
		}
		seen, ok := see(l.realRoot, dir, realDir, name, mode)
		switch {
		case !ok:
			return false
		case i == len(names)-1:
			return seen.mode.IsRegular()
		case !seen.mode.IsDir() || slices.Contains(entered, seen.real):
			return false // no directory, or a link back to one the walk is in
		}
		dir, realDir, entered = filepath.Join(dir, name), seen.real, append(entered, seen.real)
	}
	return false
}

// list is the types of dir's entries by name, read once.
func (l *LazySite) list(dir string) map[string]fs.FileMode {
	l.mu.Lock()
	entries, done := l.dirs[dir]
	l.mu.Unlock()
	if done {
		return entries
	}
	if read, err := os.ReadDir(dir); err == nil {
		entries = make(map[string]fs.FileMode, len(read))
		for _, e := range read {
			entries[e.Name()] = e.Type()
		}
	}
	l.mu.Lock()
	l.dirs[dir] = entries
	l.mu.Unlock()
	return entries
}
