package linkcheck

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a test server on 127.0.0.1 with the behaviours the checker must
// handle, counting the requests each path gets.
type site struct {
	*httptest.Server
	mu     sync.Mutex
	counts map[string]int // "METHOD /path" → requests
}

func (s *site) count(methodPath string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[methodPath]
}

// hits counts the requests to path, all methods.
func (s *site) hits(path string) int {
	return s.count("HEAD "+path) + s.count("GET "+path)
}

func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.counts {
		n += v
	}
	return n
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{counts: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/410", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	mux.HandleFunc("/403", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) })
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	mux.HandleFunc("/500-then-200", func(w http.ResponseWriter, r *http.Request) {
		if s.hits("/500-then-200") == 1 {
			w.WriteHeader(http.StatusInternalServerError)
		}
	})
	mux.HandleFunc("/429-then-200", func(w http.ResponseWriter, r *http.Request) {
		if s.hits("/429-then-200") == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	mux.HandleFunc("/head-405", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/chain/"))
		if n >= 3 {
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/admin", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/endless/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/endless/"))
		http.Redirect(w, r, fmt.Sprintf("/endless/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/redirects/", func(w http.ResponseWriter, r *http.Request) {
		// /redirects/N redirects N times, then answers 200.
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/redirects/"))
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/redirects/%d", n-1), http.StatusFound)
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/hangup", func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><h1 id="intro">Intro</h1><a name="legacy">x</a><p id="café">`)
	})
	mux.HandleFunc("/data.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{}`)
	})
	mux.HandleFunc("/echo-auth", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer s3cret" {
			w.WriteHeader(http.StatusUnauthorized)
		}
	})
	counting := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.counts[r.Method+" "+r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	})
	s.Server = httptest.NewServer(counting)
	t.Cleanup(s.Close)
	return s
}

// newChecker is New with fast retries, for tests.
func newChecker(t *testing.T, opt Options) *Checker {
	t.Helper()
	if opt.MaxRetryAfter == 0 {
		opt.MaxRetryAfter = 5 * time.Millisecond
	}
	if opt.Timeout == 0 {
		opt.Timeout = 5 * time.Second
	}
	c, err := New(opt)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	c.backoffBase = time.Millisecond
	return c
}
