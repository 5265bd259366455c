package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/time/rate"
)

// behaviour is what one linked URL does; the share of each is fixed by the
// URL's number, so every run and every tool meets the same site.
type behaviour int

const (
	works       behaviour = iota
	notFound              // 404: broken
	tooMany               // 429 with Retry-After: 1 on the first request, then 200: not broken
	hangs                 // never answers: broken (timeout)
	headRefused           // HEAD 405, GET 200: not broken
	movedPerm             // 301 to a page that works: not broken
	serverError           // 503 on the first request, then 200: not broken
)

// Besides, each link server answers 429 with Retry-After: 1 to any request
// beyond its rate limit (-rate), as busy real hosts do.

func behaviourOf(n int) behaviour {
	// A hash, not n itself, picks the behaviour: n also picks the host
	// (n % hosts), and failures must spread over all hosts alike.
	h := fnv.New32a()
	_, _ = h.Write([]byte(strconv.Itoa(n)))
	switch r := h.Sum32() % 1000; {
	case r < 50:
		return notFound // 5%
	case r < 55:
		return tooMany // 0.5%
	case r < 57:
		return hangs // 0.2%
	case r < 75:
		return headRefused // 1.8%
	case r < 95:
		return movedPerm // 2%
	case r < 105:
		return serverError // 1%
	}
	return works
}

func broken(b behaviour) bool { return b == notFound || b == hangs }

type siteSpec struct {
	dir                 string
	rate                float64
	pages, urls, hosts  int
	linksPerPage, port  int
	minLatency, latency time.Duration
}

func (s siteSpec) linkURL(n int) string {
	return fmt.Sprintf("http://127.0.0.1:%d/l/%d", s.port+1+n%s.hosts, n)
}

func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var spec siteSpec
	fs.StringVar(&spec.dir, "dir", "", "where to write the site (required)")
	fs.IntVar(&spec.pages, "pages", 2000, "pages to generate")
	fs.IntVar(&spec.urls, "urls", 5000, "distinct external URLs")
	fs.IntVar(&spec.hosts, "hosts", 8, "link servers (ports port+1 … port+hosts)")
	fs.IntVar(&spec.linksPerPage, "links-per-page", 25, "external links on each page")
	fs.Float64Var(&spec.rate, "rate", 150, "requests a second each link server takes before it answers 429")
	fs.IntVar(&spec.port, "port", 18100, "port of the site server; link servers follow it")
	fs.DurationVar(&spec.minLatency, "min-latency", 20*time.Millisecond, "least added latency")
	fs.DurationVar(&spec.latency, "max-latency", 100*time.Millisecond, "most added latency")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if spec.dir == "" {
		return errors.New("serve needs -dir")
	}
	if err := generate(spec); err != nil {
		return err
	}
	ln := &linkServer{spec: spec, asked: map[string]bool{}}
	var servers []*http.Server
	start := func(port int, h http.Handler) error {
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
		servers = append(servers, srv)
		go func() { _ = srv.Serve(l) }()
		return nil
	}
	site := http.NewServeMux()
	site.Handle("/", http.FileServer(http.Dir(spec.dir)))
	site.HandleFunc("/__reset", func(w http.ResponseWriter, r *http.Request) { ln.reset() })
	if err := start(spec.port, site); err != nil {
		return err
	}
	for h := range spec.hosts {
		limited := &rateLimited{limiter: rate.NewLimiter(rate.Limit(spec.rate), int(spec.rate/4)+1), next: ln}
		if err := start(spec.port+1+h, limited); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(spec.dir, "ready"), []byte("ready\n"), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench-links: site on http://127.0.0.1:%d/, %d pages, %d URLs on %d servers\n",
		spec.port, spec.pages, spec.urls, spec.hosts)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	for _, s := range servers {
		_ = s.Shutdown(ctx)
	}
	return nil
}

// rateLimited answers 429 to requests beyond its limiter's rate.
type rateLimited struct {
	limiter *rate.Limiter
	next    http.Handler
}

func (rl *rateLimited) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !rl.limiter.Allow() {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	rl.next.ServeHTTP(w, r)
}

// linkServer answers /l/N as behaviourOf(N) says, after a latency of its own.
type linkServer struct {
	spec  siteSpec
	mu    sync.Mutex
	asked map[string]bool
}

func (l *linkServer) reset() {
	l.mu.Lock()
	l.asked = map[string]bool{}
	l.mu.Unlock()
}

// first reports whether this is the first request for path since a reset.
func (l *linkServer) first(path string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.asked[path] {
		return false
	}
	l.asked[path] = true
	return true
}

func (l *linkServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/l/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	numStr, final := strings.CutSuffix(rest, "/final")
	n, err := strconv.Atoi(numStr)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(r.URL.Path + r.Method))
	spread := l.spec.latency - l.spec.minLatency
	delay := l.spec.minLatency
	if spread > 0 {
		delay += time.Duration(h.Sum32()) % spread
	}
	select {
	case <-time.After(delay):
	case <-r.Context().Done():
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if final {
		_, _ = fmt.Fprint(w, "<!doctype html><title>moved here</title>")
		return
	}
	switch behaviourOf(n) {
	case notFound:
		http.NotFound(w, r)
		return
	case tooMany:
		if l.first(r.URL.Path) {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
	case serverError:
		if l.first(r.URL.Path) {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
	case hangs:
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Minute):
		}
		return
	case headRefused:
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
	case movedPerm:
		http.Redirect(w, r, r.URL.Path+"/final", http.StatusMovedPermanently)
		return
	}
	_, _ = fmt.Fprintf(w, "<!doctype html><title>link %d</title><h1 id=\"top\">link %d</h1>", n, n)
}

func reset(args []string) error {
	fs := flag.NewFlagSet("reset", flag.ContinueOnError)
	port := fs.Int("port", 18100, "port of the site server")
	if err := fs.Parse(args); err != nil {
		return err
	}
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/__reset", *port))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
