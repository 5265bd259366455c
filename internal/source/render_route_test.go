package source

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/netpolicy"
)

// TestRenderNamesWhatTheProxyRefused: what the proxy refuses to dial for a
// page's cross-site frame, its worker or its service worker — a fetch, a
// WebSocket — is that page's blocked request, though the page's tab never
// saw the request:
// each host:port once, by the URL when one was seen, with the policy's
// reason. Pages rendered at once keep to their own, and settle.
func TestRenderNamesWhatTheProxyRefused(t *testing.T) {
	requireChrome(t)
	secret, conns := countingServer(t, false)
	_, port, _ := net.SplitHostPort(secret.Listener.Addr().String())
	secretAt := func(name string) string { return name + ".test:" + port }
	// Each page holds itself (a pending timer, re-armed) until the part of
	// it that asks has heard its requests fail: the tab does not see them.
	const hold = `<script>let done = false;
const finish = () => { done = true; document.body.append("done"); };
(function hold() { if (!done) setTimeout(hold, 1000); })();</script>`
	// askBoth fetches and opens a WebSocket, and calls then when both failed.
	askBoth := func(fetchURL, socketURL, then string) string {
		return `let left = 2; const one = () => { if (--left === 0) ` + then + `; };
fetch("` + fetchURL + `").then(one, one);
new WebSocket("` + socketURL + `").onclose = one;`
	}
	frameSrv := newServer(t, map[string]http.HandlerFunc{
		"/frame.html": html(`<!DOCTYPE html><script>` +
			askBoth("http://"+secretAt("frame-fetch")+"/frame", "ws://"+secretAt("frame-socket")+"/frame", `parent.postMessage("done", "*")`) +
			`</script>`),
	})
	_, framePort, _ := net.SplitHostPort(frameSrv.Listener.Addr().String())
	frameHost := "frame.test:" + framePort // another site than the page's
	srv := newServer(t, map[string]http.HandlerFunc{
		"/frame-page.html": html(`<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav>` + hold + `
<script>addEventListener("message", finish);</script>
<iframe src="http://` + frameHost + `/frame.html"></iframe></body></html>`),
		"/worker-page.html": html(`<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav>` + hold + `
<script>new Worker("/worker.js").onmessage = finish;</script></body></html>`),
		"/worker.js": withType("text/javascript",
			askBoth("http://"+secretAt("worker-fetch")+"/worker", "ws://"+secretAt("worker-socket")+"/worker", `postMessage("done")`)),
		"/sw-page.html": html(`<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav>` + hold + `
<script>navigator.serviceWorker.register("/sw.js"); navigator.serviceWorker.ready.then(finish);</script></body></html>`),
		"/sw.js": withType("text/javascript", `self.addEventListener("install", e => e.waitUntil(
  fetch("http://`+secretAt("sw-fetch")+`/sw").catch(() => {})));`),
	})
	pageHost := srv.Listener.Addr().String()
	// Every name is on loopback, which the policy refuses; the page's and
	// the frame's servers are let through by their exact addresses.
	policy := &netpolicy.Policy{Resolve: func(context.Context, string) ([]netip.Addr, error) {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}}
	dial := policy.DialContext(&net.Dialer{})
	r, err := NewRenderer(context.Background(), RenderOptions{
		Wait: testRenderWait, Tabs: 3,
		// Interception lets everything go on: the proxy alone refuses.
		Policy: func(*url.URL) error { return nil },
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			switch addr {
			case pageHost:
				return (&net.Dialer{}).DialContext(ctx, network, addr)
			case frameHost:
				return (&net.Dialer{}).DialContext(ctx, network, frameSrv.Listener.Addr().String())
			}
			return dial(ctx, network, addr)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })

	refused := func(name string) string {
		return name + ".test (127.0.0.1) is a loopback address: not requested"
	}
	tests := []struct {
		page string
		want map[string]string // URL → reason
	}{
		{"/frame-page.html", map[string]string{
			"http://" + secretAt("frame-fetch") + "/frame": refused("frame-fetch"),
			// The proxy sees only the host:port of a WebSocket's tunnel.
			secretAt("frame-socket"): refused("frame-socket"),
		}},
		{"/worker-page.html", map[string]string{
			"http://" + secretAt("worker-fetch") + "/worker": refused("worker-fetch"),
			secretAt("worker-socket"):                        refused("worker-socket"),
		}},
		{"/sw-page.html", map[string]string{
			"http://" + secretAt("sw-fetch") + "/sw": refused("sw-fetch"),
		}},
	}
	results := make([]chan string, len(tests))
	for i, tt := range tests {
		results[i] = make(chan string, 1)
		go func() {
			res, err := r.Render(context.Background(), srv.URL+tt.page)
			if err != nil {
				results[i] <- err.Error()
				return
			}
			got := map[string]string{}
			for _, b := range res.Blocked {
				got[b.URL] = b.Reason
			}
			switch {
			case res.BlockedCount != len(tt.want) || fmt.Sprint(got) != fmt.Sprint(tt.want):
				results[i] <- fmt.Sprintf("Blocked = %v (%d), want %v", got, res.BlockedCount, tt.want)
				return
			case res.Unsettled != nil:
				// A worker's script ends in the worker, not in the tab.
				results[i] <- fmt.Sprintf("the page did not settle: %q", res.Unsettled)
				return
			}
			results[i] <- ""
		}()
	}
	for i, tt := range tests {
		if msg := <-results[i]; msg != "" {
			t.Errorf("%s: %s", tt.page, msg)
		}
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("%d connections reached the loopback server", n)
	}
}

// TestRefusedByProxy: the proxy's refusals on a page's route join the
// page's blocked requests — counted by the requests the tab saw fail, or
// once for a host:port it never saw — and are named by the best URL known.
func TestRefusedByProxy(t *testing.T) {
	const reason = "a test address"
	tests := []struct {
		name    string
		failed  []string          // URLs whose requests the tab saw fail
		asked   map[string]string // host:port → URL the gate let go on
		refused []proxyRefusal
		want    []BlockedRequest
		count   int
	}{
		{name: "nothing refused", failed: []string{"http://a.test/x"}},
		{name: "seen by the tab, counted by request",
			failed:  []string{"http://a.test/x", "http://a.test/y", "http://b.test/z"},
			refused: []proxyRefusal{{hostPort: "a.test:80", reason: reason}},
			want:    []BlockedRequest{{"http://a.test/x", reason}}, count: 2},
		{name: "unseen, named by the proxy's URL",
			refused: []proxyRefusal{{hostPort: "a.test:80", url: "http://a.test/p", reason: reason}},
			asked:   map[string]string{"a.test:80": "http://a.test/g"},
			want:    []BlockedRequest{{"http://a.test/p", reason}}, count: 1},
		{name: "unseen tunnel, named by the gate's URL",
			refused: []proxyRefusal{{hostPort: "a.test:443", reason: reason}},
			asked:   map[string]string{"a.test:443": "https://a.test/g"},
			want:    []BlockedRequest{{"https://a.test/g", reason}}, count: 1},
		{name: "unseen tunnel, unnamed: its host:port",
			refused: []proxyRefusal{{hostPort: "a.test:443", reason: reason}},
			want:    []BlockedRequest{{"a.test:443", reason}}, count: 1},
		{name: "seen first, then unseen, each host once",
			failed: []string{"ws://b.test/s"},
			refused: []proxyRefusal{
				{hostPort: "a.test:443", reason: "a"},
				{hostPort: "b.test:80", reason: "b"},
				{hostPort: "c.test:80", url: "http://c.test/", reason: "c"},
			},
			want: []BlockedRequest{{"ws://b.test/s", "b"}, {"a.test:443", "a"}, {"http://c.test/", "c"}}, count: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTabState()
			for _, u := range tt.failed {
				s.fail(u)
			}
			for k, v := range tt.asked {
				s.asked[k] = v
			}
			var res Rendered
			s.result(&res, tt.refused)
			if fmt.Sprint(res.Blocked) != fmt.Sprint(tt.want) || res.BlockedCount != tt.count {
				t.Errorf("Blocked = %v (%d), want %v (%d)", res.Blocked, res.BlockedCount, tt.want, tt.count)
			}
		})
	}
}

// TestProxyRoutes: each route of the proxy keeps what was refused on it;
// the others, the browser's own among them, know nothing of it.
func TestProxyRoutes(t *testing.T) {
	plain, _ := countingServer(t, false)
	p, err := startProxy((&netpolicy.Policy{}).DialContext(&net.Dialer{}))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	a, err := p.openRoute()
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := p.openRoute()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	proxyURL, _ := url.Parse(a.URL())
	transport := &http.Transport{Proxy: http.ProxyURL(proxyURL)}
	defer transport.CloseIdleConnections()
	resp, err := (&http.Client{Transport: transport}).Get(plain.URL + "/x")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	key := strings.TrimPrefix(plain.URL, "http://")
	want := fmt.Sprint([]proxyRefusal{{hostPort: key, url: plain.URL + "/x", reason: "127.0.0.1 is a loopback address: not requested"}})
	if got := fmt.Sprint(a.refusals()); got != want {
		t.Errorf("route a: refusals %s, want %s", got, want)
	}
	for name, r := range map[string]*proxyRoute{"b": b, "the browser's": p.browser} {
		if got := r.refusals(); len(got) != 0 {
			t.Errorf("route %s: refusals %v, want none", name, got)
		}
	}
}

// TestRenderPagesApart: each page renders as a first visit: the cookies
// and storage that one page set are not there for the next.
func TestRenderPagesApart(t *testing.T) {
	r := sharedRenderer(t)
	srv := newServer(t, map[string]http.HandlerFunc{
		"/set.html": html(`<!DOCTYPE html><script>document.cookie = "seen=1"; localStorage.setItem("seen", "1");</script>`),
		"/get.html": html(`<!DOCTYPE html><p id="state"></p><script>
document.getElementById("state").textContent = "cookie=" + document.cookie + " storage=" + localStorage.getItem("seen");
</script>`),
	})
	for _, page := range []string{"/set.html", "/get.html"} {
		res, err := r.Render(context.Background(), srv.URL+page)
		if err != nil {
			t.Fatal(err)
		}
		if page == "/get.html" && !strings.Contains(res.HTML, `<p id="state">cookie= storage=null</p>`) {
			t.Errorf("the second page saw the first one's state:\n%s", res.HTML)
		}
	}
}
