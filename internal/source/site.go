// Package source reads the inputs of pagelint: site directories, single files,
// pages fetched over HTTP, crawls of a live site, and pages rendered by
// headless Chromium.
package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pagelint/pagelint/internal/fsutil"
)

// Site is a local directory of pages.
type Site struct {
	Root  string          // directory, cleaned
	Pages []string        // pages (*.html, *.htm) as slash paths relative to Root, sorted; files matching an ignore glob left out
	Files map[string]bool // every regular file under Root as a site path ("/img/a.png", "/about/index.html"), for internal link targets
}

// vcsDirs are never part of a published site, and can hold many files.
var vcsDirs = map[string]bool{".git": true, ".hg": true, ".svn": true}

// Walk lists the pages and files of the site in root. ignore holds globs
// relative to root (see globSet) that leave pages out of Pages; ignored files
// stay in Files, since a link to them is still a link to a file that exists.
//
// Symbolic links are followed only when they point inside root (a site
// published from root cannot serve what lies outside it). What a link leads
// to is added to Files under the link's path, since a server answers there
// too, but not to Pages: its target is a page of the site already, and would
// be linted twice.
func Walk(root string, ignore []string) (*Site, error) {
	globs, err := compileGlobs(ignore)
	if err != nil {
		return nil, err
	}
	root = filepath.Clean(root)
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("reading site directory: %w", unwrapPathError(err))
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%q is not a directory", root)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("reading site directory: %w", unwrapPathError(err))
	}
	w := &walker{
		globs:    globs,
		realRoot: realRoot,
		active:   map[string]bool{realRoot: true},
		site:     &Site{Root: root, Files: map[string]bool{}},
	}
	if err := w.walk(root, realRoot, "", false); err != nil {
		return nil, err
	}
	sort.Strings(w.site.Pages)
	return w.site, nil
}

// Lists reports whether Walk(root, ignore) would list file among
// the site's pages, whatever links name it: a file that exists, in a real
// directory below root, with a page's name, not ignored. It reads only the
// links of file and root, not the directory.
func Lists(root string, ignore []string, file string) bool {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(file)
	if err != nil || !within(realRoot, real) {
		return false
	}
	if info, err := os.Stat(real); err != nil || !info.Mode().IsRegular() {
		return false
	}
	rel, err := filepath.Rel(realRoot, real)
	if err != nil || rel == "." {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, dir := range strings.Split(rel, "/") {
		if vcsDirs[dir] {
			return false
		}
	}
	globs, err := compileGlobs(ignore)
	return err == nil && isPageName(rel) && !globs.match(rel)
}

type walker struct {
	globs    *globSet
	realRoot string
	active   map[string]bool // real paths of the directories being walked, to stop link cycles
	site     *Site
}

// walk reads dir, whose real path (no symbolic link in it) is realDir
// and whose slash path relative to the root is rel ("" for the root
// itself); alias is true below a symbolic link.
func (w *walker) walk(dir, realDir, rel string, alias bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("reading directory %q: %w", dir, unwrapPathError(err))
	}
	for _, e := range entries {
		seen, ok := see(w.realRoot, dir, realDir, e.Name(), e.Type())
		if !ok {
			continue
		}
		// The entry's site path, "/" and its path relative to the root:
		// one string for both, made once (rel and the name are clean).
		sitePath := "/" + e.Name()
		if rel != "" {
			sitePath = "/" + rel + sitePath
		}
		relPath := sitePath[1:]
		isAlias := alias || seen.link
		switch {
		case seen.mode.IsDir():
			if w.active[seen.real] {
				continue // a link back to a directory being walked
			}
			w.active[seen.real] = true
			err := w.walk(filepath.Join(dir, e.Name()), seen.real, relPath, isAlias)
			delete(w.active, seen.real)
			if err != nil {
				return err
			}
		case seen.mode.IsRegular():
			w.site.Files[sitePath] = true
			if !isAlias && isPageName(e.Name()) && !w.globs.match(relPath) {
				w.site.Pages = append(w.site.Pages, relPath)
			}
		}
	}
	return nil
}

// seenEntry is how the walk sees an entry of a directory.
type seenEntry struct {
	mode fs.FileMode // its type; a link's, its target's
	real string      // a directory's real path (no symbolic link in it)
	link bool        // it is a symbolic link
}

// see is how the walk sees the entry name, of type mode, of directory dir,
// whose real path is realDir; false for what the walk passes over: a link
// that is broken or leads out of realRoot, a version-control directory.
// Walk and LazySite see alike through it.
func see(realRoot, dir, realDir, name string, mode fs.FileMode) (seenEntry, bool) {
	seen := seenEntry{mode: mode}
	if mode&os.ModeSymlink != 0 {
		target, info, ok := followLink(realRoot, filepath.Join(dir, name))
		if !ok {
			return seen, false
		}
		seen = seenEntry{mode: info.Mode().Type(), real: target, link: true}
	}
	if seen.mode.IsDir() {
		if vcsDirs[name] {
			return seen, false
		}
		if !seen.link {
			// No link: the directory is where its parent really is.
			seen.real = filepath.Join(realDir, name)
		}
	}
	return seen, true
}

// followLink resolves a symbolic link, and reports false for a link that is
// broken or points out of the root.
func followLink(realRoot, full string) (string, os.FileInfo, bool) {
	target, err := filepath.EvalSymlinks(full)
	if err != nil {
		return "", nil, false
	}
	if !within(realRoot, target) {
		return "", nil, false
	}
	info, err := os.Stat(target)
	if err != nil {
		return "", nil, false
	}
	return target, info, true
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func isPageName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Resolve maps a site path (percent-decoded, without query or fragment) to the
// site path of the file a static web server would answer with:
// "/a/" → "/a/index.html"; "/about" → "/about", "/about.html",
// "/about/index.html" (the first that exists); "/x.png" → "/x.png". A path
// whose ".." climbs above the root resolves to nothing, as a server refuses
// it. Matching is case-sensitive, as on the servers most sites run on.
// Resolve reads only s.Files, never the disk.
func (s *Site) Resolve(sitePath string) (string, bool) {
	clean, ok := cleanSitePath(sitePath)
	if !ok {
		return "", false
	}
	for _, c := range Candidates(clean, strings.HasSuffix(sitePath, "/")) {
		if s.Files[c] {
			return c, true
		}
	}
	return "", false
}

// IsFile reports whether a site path names a file as it is written, which
// the paths of most links do: Resolve answers it with itself, since the
// paths in Files are clean.
func (s *Site) IsFile(sitePath string) bool { return s.Files[sitePath] }

// Candidates are the site paths a static web server tries, in order, for a
// clean site path (see Resolve); dir says that the link ended in "/".
func Candidates(clean string, dir bool) []string {
	if clean == "/" || dir {
		d := strings.TrimSuffix(clean, "/")
		return []string{d + "/index.html", d + "/index.htm"}
	}
	return []string{clean, clean + ".html", clean + ".htm", clean + "/index.html", clean + "/index.htm"}
}

// ResolveOnDisk is Resolve asked of the disk below root rather than of a
// walk: for a page whose site was not walked (standard input, a saved page's
// neighbours), and for a path that climbs above root ("/../preview/a.html",
// a relative link of a page outside the root, which a browser opening the
// file follows). It returns the site path of the regular file found.
func ResolveOnDisk(root, sitePath string) (string, bool) {
	clean := path.Clean("/" + sitePath)
	if strings.HasPrefix(sitePath, "/..") {
		clean = "/" + path.Clean(strings.TrimPrefix(sitePath, "/"))
	}
	for _, c := range Candidates(clean, strings.HasSuffix(sitePath, "/")) {
		if info, err := os.Stat(filepath.Join(root, filepath.FromSlash(c))); err == nil && info.Mode().IsRegular() {
			return c, true
		}
	}
	return "", false
}

// Path returns the file-system path of a site path that Resolve returned.
func (s *Site) Path(sitePath string) string {
	return filepath.Join(s.Root, filepath.FromSlash(strings.TrimPrefix(sitePath, "/")))
}

// cleanSitePath makes p absolute and removes "." and ".." segments, and
// reports false when ".." would climb above the root.
func cleanSitePath(p string) (string, bool) {
	var out []string
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(out) == 0 {
				return "", false
			}
			out = out[:len(out)-1]
		default:
			out = append(out, seg)
		}
	}
	return "/" + strings.Join(out, "/"), true
}

// ReadFile reads a whole file, but not more than limit bytes (limit <= 0 means
// no limit): an oversized page is refused before it fills memory. The error
// names no path, so that the caller can prefix it.
func ReadFile(name string, limit int64) ([]byte, error) {
	return ReadFileInto(nil, name, limit)
}

// ReadFileInto is ReadFile into the memory of buf when the file fits: a
// worker that reads page after page reads them all into one buffer, which
// nothing keeps once the page is parsed.
func ReadFileInto(buf []byte, name string, limit int64) ([]byte, error) {
	data, err := fsutil.ReadFileInto(buf, name, limit)
	var tooLarge *fsutil.TooLargeError
	if errors.As(err, &tooLarge) {
		return nil, sizeError(tooLarge.Size, tooLarge.Limit)
	}
	return data, err
}

// ReadAll reads r (standard input) to its end, refusing more than limit
// bytes as ReadFile does.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		return io.ReadAll(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, sizeError(-1, limit)
	}
	return b, nil
}
