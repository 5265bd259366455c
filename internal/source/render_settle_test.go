package source

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// buildAfterLoad is a page whose nav gets its link when script runs, after
// the load event.
func buildAfterLoad(script string) http.HandlerFunc {
	return html(`<!DOCTYPE html><html><body><nav id="n"></nav><script>
function build() { document.getElementById("n").innerHTML = '<a href="/late">Late</a>'; }
window.addEventListener("load", () => { ` + script + ` });
</script></body></html>`)
}

// TestRenderSettle: a page is taken once its DOM is quiet and no short timer
// is pending, within the cap; what kept it from settling is said.
func TestRenderSettle(t *testing.T) {
	r := sharedRenderer(t)
	srv := newServer(t, map[string]http.HandlerFunc{
		"/timer.html": buildAfterLoad(`setTimeout(build, 800);`),
		"/chain.html": buildAfterLoad(`setTimeout(() => fetch("/data").then(() => setTimeout(build, 600)), 300);`),
		"/data":       withType("text/plain", "ok"),
		// a timer beyond the horizon is no reason to wait
		"/later.html": buildAfterLoad(`setTimeout(build, 5000);`),
		"/clock.html": buildAfterLoad(`build(); setInterval(() => { document.title = Date.now(); }, 100);`),
		"/steps.html": buildAfterLoad(`setTimeout(() => setTimeout(() => setTimeout(build, 400), 400), 400);`),
		// polling for what never comes is no reason to wait either
		"/poll.html": buildAfterLoad(`build(); (function poll() { setTimeout(poll, 200); })();`),
		// nor timers that keep coming while nothing else happens
		"/retry.html": buildAfterLoad(`build(); setInterval(() => setTimeout(() => {}, 1500), 500);`),
		"/busy.html":  buildAfterLoad(`build(); setInterval(() => { setTimeout(() => {}, 1500); document.title = Date.now(); }, 100);`),
	})
	tests := []struct {
		path      string
		built     bool
		unsettled string // what Unsettled says, joined, or its end; "" when it settled
	}{
		{"/timer.html", true, ""},
		{"/chain.html", true, ""},
		{"/steps.html", true, ""},
		{"/later.html", false, ""},
		{"/poll.html", true, ""},
		{"/retry.html", true, ""},
		{"/clock.html", true, "the DOM was still changing"},
		{"/busy.html", true, "timers pending"}, // "the DOM was still changing, 15 timers pending"
	}
	var wg sync.WaitGroup
	for _, tt := range tests {
		wg.Go(func() {
			res, err := r.Render(context.Background(), srv.URL+tt.path)
			if err != nil {
				t.Errorf("%s: %v", tt.path, err)
				return
			}
			if got := strings.Contains(res.HTML, `<nav id="n"><a href="/late">Late</a></nav>`); got != tt.built {
				t.Errorf("%s: menu built = %v, want %v:\n%s", tt.path, got, tt.built, res.HTML)
			}
			if got := strings.Join(res.Unsettled, ", "); got != tt.unsettled && (tt.unsettled == "" || !strings.HasSuffix(got, tt.unsettled)) {
				t.Errorf("%s: Unsettled = %q, want %q", tt.path, got, tt.unsettled)
			}
		})
	}
	wg.Wait()
}

// TestRenderNavigations: a page that leaves by itself is taken as it stood,
// and says where it went; a reload or two is followed, as a visitor sees;
// a page that reloads for ever is an error.
func TestRenderNavigations(t *testing.T) {
	r := sharedRenderer(t)
	srv := newServer(t, map[string]http.HandlerFunc{
		"/script.html": html(`<html><body><p id="stub">moved</p><script>location.href = "/other.html#top"</script></body></html>`),
		"/meta.html":   html(`<html><head><meta http-equiv="refresh" content="0; url=/other.html"></head><body><p id="stub">moved</p></body></html>`),
		"/later.html": html(`<html><body><p id="stub">moved</p><script>
window.addEventListener("load", () => setTimeout(() => { location.assign("/other.html"); }, 300));</script></body></html>`),
		"/other.html": html(`<html><body><p>other</p></body></html>`),
		"/once.html": html(`<html><body><p id="n"></p><script>
if (!sessionStorage.getItem("seen")) { sessionStorage.setItem("seen", "1"); location.reload(); }
else { document.getElementById("n").textContent = "second"; }</script></body></html>`),
		"/loop.html": html(`<html><body><script>location.reload()</script></body></html>`),
	})
	tests := []struct {
		path, left, has, err string
	}{
		{path: "/script.html", left: srv.URL + "/other.html#top", has: `<p id="stub">moved</p>`},
		{path: "/meta.html", left: srv.URL + "/other.html", has: `<p id="stub">moved</p>`},
		{path: "/later.html", left: srv.URL + "/other.html", has: `<p id="stub">moved</p>`},
		{path: "/once.html", has: `<p id="n">second</p>`},
		{path: "/loop.html", err: "the page reloads itself again and again (3 times while it rendered), so no page stays to be linted"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, err := r.Render(context.Background(), srv.URL+tt.path)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Errorf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Left != tt.left || res.URL != srv.URL+tt.path {
				t.Errorf("Left = %q, URL = %q; want %q, %q", res.Left, res.URL, tt.left, srv.URL+tt.path)
			}
			if !strings.Contains(res.HTML, tt.has) {
				t.Errorf("the page lacks %q:\n%s", tt.has, res.HTML)
			}
			if res.Unsettled != nil {
				t.Errorf("Unsettled = %q, want a page that settled", res.Unsettled)
			}
		})
	}
}
