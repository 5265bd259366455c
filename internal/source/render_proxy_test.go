package source

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pagelint/pagelint/internal/netpolicy"
)

// countingServer is a server that counts the connections made to it, and
// answers "ok" to what is asked over them.
func countingServer(t *testing.T, tls bool) (*httptest.Server, *atomic.Int32) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "ok")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	if tls {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	return srv, &conns
}

// TestRenderProxy: the browser's proxy forwards plain HTTP and tunnels
// CONNECT through its dial function; what the policy's dialer refuses
// never reaches the server, is answered 502, and is remembered with its
// reason by host:port.
func TestRenderProxy(t *testing.T) {
	plain, plainConns := countingServer(t, false)
	secure, secureConns := countingServer(t, true)
	direct := (&net.Dialer{}).DialContext
	refuseLoopback := (&netpolicy.Policy{}).DialContext(&net.Dialer{})
	tests := []struct {
		name    string
		dial    DialFunc
		srv     *httptest.Server
		conns   *atomic.Int32
		refused string // the reason, "" for a request that goes through
	}{
		{"http allowed", direct, plain, plainConns, ""},
		{"http refused", refuseLoopback, plain, plainConns, "127.0.0.1 is a loopback address: not requested"},
		{"CONNECT allowed", direct, secure, secureConns, ""},
		{"CONNECT refused", refuseLoopback, secure, secureConns, "127.0.0.1 is a loopback address: not requested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := startProxy(tt.dial)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			proxyURL, _ := url.Parse(p.browser.URL())
			transport := tt.srv.Client().Transport.(*http.Transport).Clone()
			transport.Proxy = http.ProxyURL(proxyURL)
			defer transport.CloseIdleConnections()
			before := tt.conns.Load()
			resp, err := (&http.Client{Transport: transport}).Get(tt.srv.URL + "/x")
			var body []byte
			if err == nil {
				body, _ = io.ReadAll(resp.Body)
				resp.Body.Close()
			}
			key := strings.TrimPrefix(strings.TrimPrefix(tt.srv.URL, "https://"), "http://")
			reason, refused := p.browser.refusal(key)
			if tt.refused == "" {
				if err != nil || resp.StatusCode != 200 || string(body) != "ok" || refused {
					t.Errorf("got %v, %q, refusal %q; want 200 ok", err, body, reason)
				}
				return
			}
			// Through a tunnel, the client sees only that CONNECT failed.
			if err == nil && resp.StatusCode != http.StatusBadGateway {
				t.Errorf("status %d, want 502", resp.StatusCode)
			}
			if got := tt.conns.Load() - before; got != 0 {
				t.Errorf("%d connections reached the server", got)
			}
			if reason != tt.refused {
				t.Errorf("refusal(%q) = %q, want %q", key, reason, tt.refused)
			}
		})
	}
}

// rebindingResolver answers a name with a public address the first time it
// is asked and with loopback after, as a DNS server that rebinds does;
// names it does not know are loopback from the start.
type rebindingResolver struct {
	mu    sync.Mutex
	asked map[string]int
	names map[string]bool // the names that rebind
}

func (r *rebindingResolver) resolve(_ context.Context, host string) ([]netip.Addr, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.asked[host]++
	if r.names[host] && r.asked[host] == 1 {
		return []netip.Addr{netip.MustParseAddr("203.0.113.5")}, nil // public (TEST-NET-3)
	}
	return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
}

func (r *rebindingResolver) times(host string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.asked[host]
}

// TestRenderChecksTheDialledAddress: a name that the policy's resolver
// answers with a public address when the request is intercepted, and with
// a loopback one when the proxy dials it (DNS rebinding), never reaches
// the loopback server; nor does a WebSocket to a name on loopback, which
// the interception does not see. Both are the page's blocked requests, and
// a page whose own address rebinds is refused as a page the interception
// refuses is.
func TestRenderChecksTheDialledAddress(t *testing.T) {
	requireChrome(t)
	secret, conns := countingServer(t, false)
	_, port, _ := net.SplitHostPort(secret.Listener.Addr().String())
	fetchURL := "http://rebind.test:" + port + "/latest/meta-data/"
	socketURL := "ws://socket.test:" + port + "/socket"
	srv := newServer(t, map[string]http.HandlerFunc{
		"/page.html": html(`<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><script>
fetch("` + fetchURL + `").catch(() => {});
new WebSocket("` + socketURL + `");
</script></body></html>`),
	})
	pageHost := srv.Listener.Addr().String()
	resolver := &rebindingResolver{asked: map[string]int{}, names: map[string]bool{"rebind.test": true, "page.test": true}}
	policy := &netpolicy.Policy{Resolve: resolver.resolve}
	dial := policy.DialContext(&net.Dialer{})
	r, err := NewRenderer(context.Background(), RenderOptions{
		Wait: testRenderWait,
		// Were the browser to connect by itself, it would find the server.
		hostRules: "MAP rebind.test 127.0.0.1, MAP socket.test 127.0.0.1, MAP page.test 127.0.0.1",
		Policy: func(u *url.URL) error {
			if u.Host == pageHost {
				return nil
			}
			return policy.CheckURL(u)
		},
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if addr == pageHost {
				return (&net.Dialer{}).DialContext(ctx, network, addr)
			}
			return dial(ctx, network, addr)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })

	res, err := r.Render(context.Background(), srv.URL+"/page.html")
	if err != nil {
		t.Fatal(err)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("%d connections reached the loopback server", n)
	}
	if n := resolver.times("rebind.test"); n < 2 {
		t.Errorf("rebind.test was resolved %d times, want at interception and at dial time", n)
	}
	want := map[string]string{
		fetchURL:  "rebind.test (127.0.0.1) is a loopback address: not requested",
		socketURL: "socket.test (127.0.0.1) is a loopback address: not requested",
	}
	got := map[string]string{}
	for _, b := range res.Blocked {
		got[b.URL] = b.Reason
	}
	if res.BlockedCount != 2 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Blocked = %+v (%d), want %v", res.Blocked, res.BlockedCount, want)
	}

	_, err = r.Render(context.Background(), "http://page.test:"+port+"/page.html")
	if want := "the request policy refused the page's address: page.test (127.0.0.1) is a loopback address: not requested"; err == nil || err.Error() != want {
		t.Errorf("rendering a page whose address rebinds: error = %v, want %q", err, want)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("%d connections reached the loopback server", n)
	}
}
