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
	dir, entered := l.root, []string{l.realRoot}
	for i, name := range names {
		mode, found := l.list(dir)[name]
		if !found {
			return false
		}
		full := filepath.Join(dir, name)
		real := ""
		if mode&os.ModeSymlink != 0 {
			target, info, ok := followLink(l.realRoot, full)
			if !ok {
				return false
			}
			real, mode = target, info.Mode().Type()
		}
		if i == len(names)-1 {
			return mode.IsRegular()
		}
		if !mode.IsDir() || vcsDirs[name] {
			return false
		}
		if real == "" {
			var err error
			if real, err = filepath.EvalSymlinks(full); err != nil {
				return false
			}
		}
		if slices.Contains(entered, real) {
			return false // a link back to a directory the walk is in
		}
		dir, entered = full, append(entered, real)
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
