package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

// maxServedPage bounds the HTML file the server reads whole to annotate: a
// page larger than the page size limit is refused by the run anyway.
const maxServedPage = 64 << 20

// ServeDir serves the files of root over HTTP on a loopback port, so that a
// local page rendered in Chromium runs its scripts and loads its relative
// and root-relative assets as it would on its web server. baseURL is
// "http://127.0.0.1:PORT/"; stop shuts the server down.
//
// The pages are untrusted: their scripts can ask the server for any path.
// So it answers only with regular files inside root — a symbolic link counts
// when its target is inside root too — and never with a file or directory
// whose name starts with a dot (.git, .env); everything else, directories
// without an index page included, is 404 Not Found. HTML files are served
// with the source position of each start tag (see annotatePositions).
func ServeDir(root string) (baseURL string, stop func(), err error) {
	info, err := os.Stat(root)
	if err != nil {
		return "", nil, unwrapPathError(err)
	}
	if !info.IsDir() {
		return "", nil, fmt.Errorf("%q is not a directory", root)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", nil, unwrapPathError(err)
	}
	dir, err := os.OpenRoot(realRoot)
	if err != nil {
		return "", nil, unwrapPathError(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = dir.Close()
		return "", nil, fmt.Errorf("starting the local file server: %w", err)
	}
	srv := &http.Server{
		Handler:           &rootServer{realRoot: realRoot, dir: dir},
		ReadHeaderTimeout: 10 * time.Second,
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return // the listener failed; the pages will fail to load and say so
		}
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			// Close, not Shutdown: the browser keeps idle and preconnected
			// sockets open, and a graceful shutdown would wait them out.
			_ = srv.Close()
			<-done
			_ = dir.Close()
		})
	}
	return "http://" + ln.Addr().String() + "/", stop, nil
}

// rootServer answers GET and HEAD requests with the files of a site root.
type rootServer struct {
	realRoot string
	// dir opens files without leaving the root, whatever a link changes
	// between the check of a path and its opening.
	dir *os.Root
}

func (s *rootServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The browser must not keep a file it saw in an earlier run of the same
	// port.
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.NotFound(w, r)
		return
	}
	urlPath := r.URL.Path
	rel, isDir, ok := s.resolve(urlPath)
	if ok && isDir && !strings.HasSuffix(urlPath, "/") {
		// As web servers do, so that the index page's relative links
		// resolve inside its directory.
		target := path.Base(urlPath) + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	if ok && isDir {
		rel, ok = s.index(urlPath)
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.serveFile(w, r, rel)
}

// resolve maps a URL path to the path of what it names relative to the real
// root, following symbolic links; ok is false for what is not to be served.
func (s *rootServer) resolve(urlPath string) (rel string, isDir, ok bool) {
	if strings.ContainsRune(urlPath, 0) || hasDotName(urlPath) {
		return "", false, false
	}
	clean := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	real, err := filepath.EvalSymlinks(filepath.Join(s.realRoot, filepath.FromSlash(clean)))
	if err != nil || !within(s.realRoot, real) {
		return "", false, false
	}
	rel, err = filepath.Rel(s.realRoot, real)
	if err != nil || hasDotName(filepath.ToSlash(rel)) {
		return "", false, false // a link to .git/config is .git/config
	}
	info, err := os.Stat(real)
	if err != nil {
		return "", false, false
	}
	return rel, info.IsDir(), info.IsDir() || info.Mode().IsRegular()
}

// index finds the index page of the directory at urlPath ("/docs/").
func (s *rootServer) index(urlPath string) (string, bool) {
	for _, name := range []string{"index.html", "index.htm"} {
		if rel, isDir, ok := s.resolve(urlPath + name); ok && !isDir {
			return rel, true
		}
	}
	return "", false
}

// hasDotName reports whether a slash path has a segment that starts with a
// dot: hidden files and directories, and "..".
func hasDotName(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(seg, ".") && seg != "." {
			return true
		}
	}
	return false
}

// serveFile sends the regular file at rel. It is opened without blocking,
// so that a FIFO swapped in after resolve cannot hold the server, and
// checked again once open.
func (s *rootServer) serveFile(w http.ResponseWriter, r *http.Request, rel string) {
	f, err := s.dir.OpenFile(rel, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	if !isPageName(rel) || info.Size() > maxServedPage {
		http.ServeContent(w, r, rel, info.ModTime(), f)
		return
	}
	data, err := io.ReadAll(f)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	// Pages are read as UTF-8 without --render (see htmlpage), so the
	// browser reads them so too; other bytes are left to its own sniffing,
	// and not annotated.
	w.Header().Set("Content-Type", "text/html")
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		data = annotatePositions(data)
	}
	http.ServeContent(w, r, rel, info.ModTime(), bytes.NewReader(data))
}
