package source

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

// ServeDir serves the files of root over HTTP on a loopback port, so that a
// local page rendered in Chromium runs its scripts and loads its relative
// and root-relative assets as it would on its web server. baseURL is
// "http://127.0.0.1:PORT/"; stop shuts the server down.
func ServeDir(root string) (baseURL string, stop func(), err error) {
	info, err := os.Stat(root)
	if err != nil {
		return "", nil, unwrapPathError(err)
	}
	if !info.IsDir() {
		return "", nil, fmt.Errorf("%q is not a directory", root)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("starting the local file server: %w", err)
	}
	srv := &http.Server{
		Handler:           noCache(http.FileServer(http.Dir(root))),
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
		})
	}
	return "http://" + ln.Addr().String() + "/", stop, nil
}

// noCache keeps the browser from serving a file it saw in an earlier run of
// the same port from its cache.
func noCache(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}
