package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"maps"
	"net"
	"net/http"
	"net/http/httputil"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/pagelint/pagelint/internal/netpolicy"
)

// DialFunc opens a connection, as net.Dialer.DialContext does.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// maxFailuresKept bounds the hosts whose failures the proxy remembers for
// the pages: a page could name endless hosts.
const maxFailuresKept = 4096

// renderProxy is the browser's only way out: an HTTP proxy on loopback that
// forwards plain HTTP requests and tunnels CONNECT (https, ws and wss),
// opening every connection with its dial function. Through a policy's
// dialer, the address each connection is made to is checked — every hop of
// a redirect, every WebSocket, whatever the name resolved to when the
// request was intercepted (DNS rebinding).
//
// Each rendering tab has a route of its own: a port of the proxy that only
// its browser context is told to use, so that whatever the proxy refuses is
// known to be that page's — a request of its cross-site frame, of its worker
// or service worker, a WebSocket — though the tab itself never saw the
// request. The first route is the browser's own, for anything outside the
// tabs.
type renderProxy struct {
	dial      DialFunc
	srv       *http.Server
	forward   *httputil.ReverseProxy
	transport *http.Transport
	browser   *proxyRoute

	mu      sync.Mutex
	routes  map[string]*proxyRoute // by listening address
	tunnels map[net.Conn]bool      // both ends of the open tunnels, closed with the proxy
	closed  bool
}

// proxyRoute is a port of the proxy, and what its connections' dials met.
type proxyRoute struct {
	proxy *renderProxy
	ln    net.Listener

	mu      sync.Mutex
	refused map[string]proxyRefusal // host:port → the policy's refusal, the first time
	failed  map[string]string       // host:port → why the last dial failed
}

// proxyRefusal is a host:port the policy refused to dial.
type proxyRefusal struct {
	hostPort string
	url      string // the first request's URL, when the proxy saw it (plain HTTP)
	reason   string
}

// routeKey holds the route of a request's connection, requestURLKey the
// URL of a plain HTTP request, in its context.
type (
	routeKey      struct{}
	requestURLKey struct{}
)

func startProxy(dial DialFunc) (*renderProxy, error) {
	p := &renderProxy{dial: dial, routes: map[string]*proxyRoute{}, tunnels: map[net.Conn]bool{}}
	p.transport = &http.Transport{
		DialContext: p.dialRecorded,
		// The browser's own Accept-Encoding goes through; none is added.
		DisableCompression:    true,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       30 * time.Second,
		ResponseHeaderTimeout: 2 * time.Minute,
	}
	p.forward = &httputil.ReverseProxy{
		// The browser's request is already absolute; Rewrite adds no
		// X-Forwarded headers.
		Rewrite:      func(*httputil.ProxyRequest) {},
		Transport:    p.transport,
		ErrorHandler: p.fail,
		ErrorLog:     log.New(io.Discard, "", 0),
	}
	p.srv = &http.Server{
		Handler:           p,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			p.mu.Lock()
			defer p.mu.Unlock()
			return context.WithValue(ctx, routeKey{}, p.routes[c.LocalAddr().String()])
		},
	}
	browser, err := p.openRoute()
	if err != nil {
		return nil, fmt.Errorf("starting the browser's proxy: %w", err)
	}
	p.browser = browser
	return p, nil
}

// openRoute opens a port of the proxy of its own.
func (p *renderProxy) openRoute() (*proxyRoute, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &proxyRoute{proxy: p, ln: ln, refused: map[string]proxyRefusal{}, failed: map[string]string{}}
	p.mu.Lock()
	p.routes[ln.Addr().String()] = r
	p.mu.Unlock()
	go func() { _ = p.srv.Serve(ln) }()
	return r, nil
}

// URL is the address the browser is told to use as its proxy.
func (r *proxyRoute) URL() string { return "http://" + r.ln.Addr().String() }

// Close stops the route taking connections; the ones it took end with
// the requests on them.
func (r *proxyRoute) Close() {
	_ = r.ln.Close()
	r.proxy.mu.Lock()
	delete(r.proxy.routes, r.ln.Addr().String())
	r.proxy.mu.Unlock()
}

func (p *renderProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodConnect:
		p.tunnel(w, r)
	case r.URL.Scheme == "http" && r.URL.Host != "":
		// The dial, in the transport, names the request it was for.
		p.forward.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestURLKey{}, r.URL.String())))
	default:
		http.Error(w, "pagelint's proxy forwards http:// requests and CONNECT only", http.StatusBadRequest)
	}
}

// tunnel dials the address of a CONNECT request and joins the two
// connections until either side is done.
func (p *renderProxy) tunnel(w http.ResponseWriter, r *http.Request) {
	upstream, err := p.dialRecorded(r.Context(), "tcp", r.Host)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	client, buffered, err := http.NewResponseController(w).Hijack()
	if err != nil {
		_ = upstream.Close()
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if !p.track(client, upstream) {
		return
	}
	defer p.untrack(client, upstream)
	if _, err := io.WriteString(client, "HTTP/1.1 200 Connection established\r\n\r\n"); err != nil {
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = io.Copy(upstream, buffered) // what the client sent, buffered or not
		closeWrite(upstream)
	}()
	_, _ = io.Copy(client, upstream)
	closeWrite(client)
	<-done
}

// closeWrite tells the other end that no more is coming, leaving the
// connection open for its answer.
func closeWrite(c net.Conn) {
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
		return
	}
	_ = c.Close()
}

// track records a tunnel's connections, so that Close ends them; false
// (and both closed) when the proxy is closed already.
func (p *renderProxy) track(conns ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		for _, c := range conns {
			_ = c.Close()
		}
		return false
	}
	for _, c := range conns {
		p.tunnels[c] = true
	}
	return true
}

func (p *renderProxy) untrack(conns ...net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range conns {
		_ = c.Close()
		delete(p.tunnels, c)
	}
}

// dialRecorded dials addr, and records how it went, on the route the
// request came by, for the page notes and errors: a refusal of the policy
// for good, another failure until a dial to addr succeeds.
func (p *renderProxy) dialRecorded(ctx context.Context, network, addr string) (net.Conn, error) {
	conn, err := p.dial(ctx, network, addr)
	if errors.Is(err, context.Canceled) {
		return nil, err // the browser gave up on the request
	}
	r, _ := ctx.Value(routeKey{}).(*proxyRoute)
	if r == nil {
		r = p.browser
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err == nil {
		delete(r.failed, addr)
		return conn, nil
	}
	if _, known := r.refused[addr]; !known && len(r.refused) < maxFailuresKept {
		if _, refused := netpolicy.IsRefused(err); refused {
			u, _ := ctx.Value(requestURLKey{}).(string)
			r.refused[addr] = proxyRefusal{hostPort: addr, url: u, reason: err.Error()}
		}
	}
	if _, known := r.failed[addr]; known || len(r.failed) < maxFailuresKept {
		r.failed[addr] = browserError(err)
	}
	return nil, err
}

// browserError names a failed dial as the browser names its own, so that
// a page that fails to load says what it said before the proxy.
func browserError(err error) string {
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return "net::ERR_NAME_NOT_RESOLVED"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "net::ERR_CONNECTION_REFUSED"
	case errors.Is(err, syscall.ECONNRESET):
		return "net::ERR_CONNECTION_RESET"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "net::ERR_ADDRESS_UNREACHABLE"
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return "net::ERR_CONNECTION_TIMED_OUT"
	}
	return err.Error()
}

// fail answers a request whose connection could not be made.
func (p *renderProxy) fail(w http.ResponseWriter, _ *http.Request, err error) {
	http.Error(w, "pagelint: "+err.Error(), http.StatusBadGateway)
}

// refusal says why the policy refused to connect to a host:port, if it
// ever did on this route.
func (r *proxyRoute) refusal(hostPort string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f, ok := r.refused[hostPort]
	return f.reason, ok
}

// refusals are the host:ports the policy refused on this route, in the
// order of their names.
func (r *proxyRoute) refusals() []proxyRefusal {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Collect(maps.Values(r.refused))
	slices.SortFunc(out, func(a, b proxyRefusal) int { return strings.Compare(a.hostPort, b.hostPort) })
	return out
}

// failure says why the last connection to a host:port on this route
// failed, if it did.
func (r *proxyRoute) failure(hostPort string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	reason, ok := r.failed[hostPort]
	return reason, ok
}

// Close stops the proxy and ends the connections going through it.
func (p *renderProxy) Close() {
	p.mu.Lock()
	p.closed = true
	for c := range p.tunnels {
		_ = c.Close()
	}
	p.mu.Unlock()
	_ = p.srv.Close()
	p.transport.CloseIdleConnections()
}
