package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// secretServer stands for an address the policy refuses (cloud metadata, a
// private service): it records the paths asked of it.
type secretServer struct {
	*httptest.Server
	host string // the server's host:port as the pages name it
	mu   sync.Mutex
	hits []string
}

func newSecretServer(t *testing.T) *secretServer {
	s := &secretServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits = append(s.hits, r.URL.Path)
		s.mu.Unlock()
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if r.URL.Path == "/frame.html" {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<script>fetch("/frame-fetch").catch(() => {})</script>`)
			return
		}
		fmt.Fprint(w, "secret")
	}))
	t.Cleanup(s.Close)
	// Another site than the page's 127.0.0.1, so that its frame runs in a
	// process of its own.
	s.host = strings.Replace(s.Listener.Addr().String(), "127.0.0.1", "localhost", 1)
	return s
}

func (s *secretServer) seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.hits)
	slices.Sort(out)
	return slices.Compact(out)
}

// gatePage asks the secret server in each way a page can: fetch, an image, a
// cross-site frame that fetches, a worker and a service worker.
func gatePage(t *testing.T, secret *secretServer) string {
	s := "http://" + secret.host
	srv := newServer(t, map[string]http.HandlerFunc{
		"/page.html": html(`<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><script>
const s = "` + s + `";
fetch(s + "/fetch").catch(() => {});
new Image().src = s + "/img";
const f = document.createElement("iframe"); f.src = s + "/frame.html"; document.body.appendChild(f);
new Worker("/worker.js");
navigator.serviceWorker.register("/sw.js").catch(() => {});
</script></body></html>`),
		"/worker.js": withType("text/javascript", `fetch("`+s+`/worker").catch(() => {});`),
		"/sw.js":     withType("text/javascript", `fetch("`+s+`/sw").catch(() => {});`),
	})
	return srv.URL + "/page.html"
}

// renderUnder renders pageURL in a browser of its own under policy.
func renderUnder(t *testing.T, policy func(*url.URL) error, pageURL string) (*Renderer, *Rendered) {
	t.Helper()
	r, err := NewRenderer(context.Background(), RenderOptions{Wait: testRenderWait, Policy: policy})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	res, err := r.Render(context.Background(), pageURL)
	if err != nil {
		t.Fatal(err)
	}
	return r, res
}

var allAsks = []string{"/fetch", "/frame-fetch", "/frame.html", "/img", "/sw", "/worker"}

// TestRenderPolicy: every request of a rendered page — its own, its
// cross-site frame's, its worker's and service worker's — passes the
// policy; what it refuses never reaches the server, and the page says so.
func TestRenderPolicy(t *testing.T) {
	requireChrome(t)

	t.Run("permissive", func(t *testing.T) {
		secret := newSecretServer(t)
		_, res := renderUnder(t, func(*url.URL) error { return nil }, gatePage(t, secret))
		if res.BlockedCount != 0 {
			t.Errorf("BlockedCount = %d, want 0", res.BlockedCount)
		}
		// The service worker starts when it likes.
		for deadline := time.Now().Add(20 * time.Second); len(secret.seen()) < len(allAsks) && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		if got := secret.seen(); !slices.Equal(got, allAsks) {
			t.Errorf("the secret server saw %q, want %q", got, allAsks)
		}
	})

	t.Run("refusing", func(t *testing.T) {
		secret := newSecretServer(t)
		refuse := func(u *url.URL) error {
			if u.Host == secret.host && u.Path != "/frame.html" {
				return errors.New("a test address")
			}
			return nil
		}
		r, res := renderUnder(t, refuse, gatePage(t, secret))
		if !strings.Contains(res.HTML, `<a href="/">Home</a>`) {
			t.Errorf("the page itself did not render:\n%s", res.HTML)
		}
		time.Sleep(2 * time.Second) // time for a service worker to try
		if got := secret.seen(); !slices.Equal(got, []string{"/frame.html"}) {
			t.Errorf("the secret server saw %q, want only the frame the policy allows", got)
		}
		// The page's own, its frame's and its worker's refused requests
		// are the page's; the service worker's belong to no page.
		if res.BlockedCount < 3 || len(res.Blocked) == 0 || res.Blocked[0].Reason != "a test address" ||
			!strings.HasPrefix(res.Blocked[0].URL, "http://"+secret.host+"/") {
			t.Errorf("Blocked = %+v (%d), want the refused requests with the policy's reason", res.Blocked, res.BlockedCount)
		}

		_, err := r.Render(context.Background(), "http://"+secret.host+"/page.html")
		if want := "the request policy refused the page's address: a test address"; err == nil || err.Error() != want {
			t.Errorf("rendering a refused address: error = %v, want %q", err, want)
		}
	})
}
