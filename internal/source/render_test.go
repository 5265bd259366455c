package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/pagelint/pagelint/internal/chrometest"
	"github.com/pagelint/pagelint/internal/testfs"
	"github.com/pagelint/pagelint/internal/testnet"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		runRenderChild()
	}
	code := m.Run()
	if shared.r != nil {
		shared.r.Close()
	}
	os.Exit(code)
}

// testRenderWait is the cap of the shared renderer: short, since the tests
// of pages that never settle wait for it in full, and long enough for the
// pages that settle on a machine under load.
const testRenderWait = 8 * time.Second

var shared struct {
	once sync.Once
	r    *Renderer
	err  error
}

// requireChrome skips a test when no Chromium is installed (see chrometest).
func requireChrome(t *testing.T) string {
	t.Helper()
	return chrometest.Require(t, FindChrome)
}

// sharedRenderer starts one browser for all render tests: Chromium takes
// about a second to start.
func sharedRenderer(t *testing.T) *Renderer {
	t.Helper()
	requireChrome(t)
	shared.once.Do(func() {
		shared.r, shared.err = NewRenderer(context.Background(), RenderOptions{Wait: testRenderWait, Tabs: 3})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.r
}

const menuPage = `<!DOCTYPE html>
<html><head><title>menu</title></head><body>
<nav id="main" aria-label="Primary"></nav>
<footer>static footer</footer>
<script>
// the menu arrives after the load event, from a second request
window.addEventListener("load", () => {
  setTimeout(() => fetch("/menu.json").then(r => r.json()).then(items => {
    const ul = document.createElement("ul");
    for (const it of items) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = it.href; a.textContent = it.label;
      li.appendChild(a); ul.appendChild(li);
    }
    document.getElementById("main").appendChild(ul);
  }), 100);
});
</script>
</body></html>`

func renderServer(t *testing.T) (*renderSite, string) {
	t.Helper()
	s := &renderSite{release: make(chan struct{}), slowSeen: make(chan struct{}, 1)}
	srv := newServer(t, map[string]http.HandlerFunc{
		"/menu.html": html(menuPage),
		"/menu.json": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `[{"label":"Products","href":"/products/"},{"label":"Contact us","href":"/contact/"}]`)
		},
		"/endless.html": html(`<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><script>
setInterval(() => { fetch("/slow?" + Math.random()).catch(() => {}); }, 100);
</script></body></html>`),
		"/streaming.html": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav>`+strings.Repeat(" ", 2048))
			w.(http.Flusher).Flush()
			select { // the document never ends
			case <-s.release:
			case <-r.Context().Done():
			}
		},
		"/crash.html": html(`<html><body><p>about to crash</p></body></html>`),
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			select {
			case s.slowSeen <- struct{}{}:
			default:
			}
			select { // never answers while the test runs
			case <-s.release:
			case <-r.Context().Done():
			}
		},
		"/page/": func(w http.ResponseWriter, r *http.Request) {
			name := strings.TrimPrefix(r.URL.Path, "/page/")
			html(fmt.Sprintf(`<html><body><h1 id="name"></h1><script>document.getElementById("name").textContent = %q</script></body></html>`, "page "+name))(w, r)
		},
		"/old":      http.RedirectHandler("/menu.html", http.StatusFound).ServeHTTP,
		"/missing":  http.NotFound,
		"/logo.png": withType("image/png", "\x89PNG\r\n\x1a\n"),
		"/alert.html": html(`<html><body><p id="p">before</p><script>
alert("hi"); document.getElementById("p").textContent = "after";</script></body></html>`),
	})
	// runs before the server's own cleanup: its handlers must return first
	t.Cleanup(func() { close(s.release) })
	return s, srv.URL
}

type renderSite struct {
	release  chan struct{}
	slowSeen chan struct{}
}

func TestRender(t *testing.T) {
	r := sharedRenderer(t)
	_, base := renderServer(t)

	t.Run("script-built menu", func(t *testing.T) {
		res, err := r.Render(context.Background(), base+"/old")
		if err != nil {
			t.Fatal(err)
		}
		html := res.HTML
		if res.URL != base+"/menu.html" {
			t.Errorf("final URL = %q", res.URL)
		}
		if res.Unsettled != nil || res.Left != "" {
			t.Errorf("Unsettled = %q, Left = %q; want a page that settled where it was", res.Unsettled, res.Left)
		}
		if !strings.HasPrefix(html, "<!DOCTYPE html>\n<html>") {
			t.Errorf("html starts %.40q, want the doctype", html)
		}
		for _, want := range []string{`<a href="/products/">Products</a>`, `<a href="/contact/">Contact us</a>`, "static footer"} {
			if !strings.Contains(html, want) {
				t.Errorf("rendered html lacks %q:\n%s", want, html)
			}
		}
	})

	t.Run("never settles", func(t *testing.T) {
		var wg sync.WaitGroup
		for _, path := range []string{"/endless.html", "/streaming.html"} {
			wg.Go(func() {
				res, err := r.Render(context.Background(), base+path)
				if err != nil {
					t.Errorf("%s: a page that never settles is no error, got %v", path, err)
				} else if !strings.Contains(res.HTML, `<a href="/">Home</a>`) {
					t.Errorf("%s: rendered html lacks the nav:\n%s", path, res.HTML)
				} else if res.Unsettled == nil {
					t.Errorf("%s: Unsettled = nil, want what was still going on", path)
				}
			})
		}
		wg.Wait()
	})

	t.Run("parallel tabs", func(t *testing.T) {
		const n = 6
		var wg sync.WaitGroup
		results := make([]*Rendered, n)
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() {
				results[i], errs[i] = r.Render(context.Background(), fmt.Sprintf("%s/page/%d", base, i))
			})
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Errorf("page %d: %v", i, errs[i])
			} else if want := fmt.Sprintf(`<h1 id="name">page %d</h1>`, i); !strings.Contains(results[i].HTML, want) {
				t.Errorf("page %d lacks %q:\n%s", i, want, results[i].HTML)
			}
		}
	})

	t.Run("dialog", func(t *testing.T) {
		res, err := r.Render(context.Background(), base+"/alert.html")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.HTML, `<p id="p">after</p>`) {
			t.Errorf("the alert was not dismissed:\n%s", res.HTML)
		}
	})

	t.Run("errors", func(t *testing.T) {
		tests := []struct {
			url, want string
			is        error
		}{
			{base + "/missing", "404 Not Found", nil},
			{base + "/logo.png", "not an HTML page (image/png)", ErrNotHTML},
			{testnet.RefusedURL(t), "net::ERR_CONNECTION_REFUSED", nil},
		}
		for _, tt := range tests {
			_, err := r.Render(context.Background(), tt.url)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Render(%q) error = %v, want one containing %q", tt.url, err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("Render(%q) error = %v, is not %v", tt.url, err, tt.is)
			}
		}
	})

	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := r.Render(ctx, base+"/menu.html"); !errors.Is(err, context.Canceled) {
			t.Errorf("error = %v, want context.Canceled", err)
		}
	})
}

func TestRenderServeDir(t *testing.T) {
	r := sharedRenderer(t)
	root := testfs.Dir(t, map[string]string{
		"index.html":       `<!DOCTYPE html><html><head><script src="js/menu.js"></script></head><body><nav id="n"></nav></body></html>`,
		"js/menu.js":       `document.addEventListener("DOMContentLoaded", () => { document.getElementById("n").innerHTML = '<a href="/about/">About</a>'; });`,
		"about/index.html": `<p>about</p>`,
	})
	baseURL, stop, err := ServeDir(root)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !strings.HasPrefix(baseURL, "http://127.0.0.1:") || !strings.HasSuffix(baseURL, "/") {
		t.Errorf("baseURL = %q", baseURL)
	}
	res, err := r.Render(context.Background(), baseURL+"index.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.HTML, `<a href="/about/">About</a></nav>`) {
		t.Errorf("the relative script did not run:\n%s", res.HTML)
	}
}

func TestServeDirErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f.html")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{filepath.Join(t.TempDir(), "nope"), file} {
		if _, _, err := ServeDir(root); err == nil {
			t.Errorf("ServeDir(%q) = nil error", root)
		}
	}
}

// TestRenderBrowserCrash crashes a browser of its own in the middle of a
// render: that render fails, and later ones say the browser is gone.
func TestRenderBrowserCrash(t *testing.T) {
	requireChrome(t)
	site, base := renderServer(t)
	r, err := NewRenderer(context.Background(), RenderOptions{Wait: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()

	done := make(chan error, 1)
	go func() {
		_, err := r.Render(context.Background(), base+"/endless.html")
		done <- err
	}()
	<-site.slowSeen // the page is loaded and busy
	_, _ = chromedp.CallBrowser(r.browserCtx, browser.Crash, cdp.Empty{})
	if err := <-done; err == nil {
		t.Error("a render the crash interrupted returned no error")
	}
	<-r.browserCtx.Done()
	if _, err := r.Render(context.Background(), base+"/menu.html"); !errors.Is(err, ErrBrowserGone) {
		t.Errorf("error after the crash = %v, want ErrBrowserGone", err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("Close after a crash: %v", err)
	}
}

// TestRenderTabCrash crashes the renderer of one tab while it settles: the
// render of that page fails, and the browser renders the next page.
func TestRenderTabCrash(t *testing.T) {
	r := sharedRenderer(t)
	site, base := renderServer(t)
	tabCtx, cancel := chromedp.NewContext(r.browserCtx)
	defer cancel()
	st, err := r.openTab(tabCtx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.gate.remove(st)
	started := time.Now()
	if err := r.navigate(tabCtx, base+"/endless.html", st, r.proxy.browser); err != nil {
		t.Fatal(err)
	}
	<-site.slowSeen
	go func() { _, _ = chromedp.Call(tabCtx, page.Crash, cdp.Empty{}) }() // answers only if it fails
	if _, err := r.settle(tabCtx, started, st); err == nil || !strings.Contains(err.Error(), "crashed its browser tab") {
		t.Errorf("settle error = %v, want a crashed tab", err)
	}
	if _, err := r.Render(context.Background(), base+"/menu.html"); err != nil {
		t.Errorf("render after a tab crash: %v", err)
	}
}

func TestFindChrome(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "google-chrome")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, env, path, want, wantErr string
	}{
		{"on PATH", "", dir, fake, ""},
		{"variable first", fake, t.TempDir(), fake, ""},
		{"variable wrong", filepath.Join(dir, "nope"), dir, "", "PAGELINT_CHROME names"},
		{"none", "", t.TempDir(), "", "no Chromium found: install it (apt-get install chromium) or set PAGELINT_CHROME"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PAGELINT_CHROME", tt.env)
			t.Setenv("PATH", tt.path)
			got, err := FindChrome()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("FindChrome() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestNewRendererNoChrome(t *testing.T) {
	_, err := NewRenderer(context.Background(), RenderOptions{Chrome: filepath.Join(t.TempDir(), "no-chromium")})
	if err == nil || !strings.Contains(err.Error(), "starting Chromium") {
		t.Errorf("error = %v, want one about starting Chromium", err)
	}
}
