package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pagelint/pagelint/internal/testnet"
)

// site serves a small site on 127.0.0.1 with a crawl trap, a broken link,
// a broken fragment and a link to another origin, and counts requests.
func site(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	other := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(other.Close)
	page := func(title, body string) string {
		return `<!DOCTYPE html><html lang="en"><head><title>` + title + `</title></head><body>
<nav aria-label="Main"><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
<main>` + body + `</main>
<footer><a href="/privacy">Privacy</a><p>&copy; 2026 Example</p></footer></body></html>`
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, page("Home", `<h1 id="top">Home</h1>
<a href="/about#team">team</a> <a href="/about#nobody">nobody</a> <a href="/gone">gone</a>
<a href="/trap/1">trap</a> <a href="`+other.URL+`/elsewhere">elsewhere</a> <a href="/logo.png">logo</a>`))
		case "/about":
			fmt.Fprint(w, page("About", `<h1 id="team">Team</h1>`))
		case "/sitemap.xml":
			fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://`+r.Host+`/unlinked</loc></url></urlset>`)
		case "/unlinked":
			fmt.Fprint(w, page("Unlinked", `<h1>Only the sitemap knows me</h1><a href="#nowhere">x</a>`))
		case "/privacy":
			fmt.Fprint(w, page("Privacy", `<h1>Privacy</h1>`))
		case "/logo.png":
			w.Header().Set("Content-Type", "image/png")
			fmt.Fprint(w, "\x89PNG")
		default:
			if strings.HasPrefix(r.URL.Path, "/trap/") {
				var n int
				fmt.Sscanf(r.URL.Path, "/trap/%d", &n)
				fmt.Fprint(w, page("Trap", fmt.Sprintf(`<a href="/trap/%d">next</a>`, n+1)))
				return
			}
			http.NotFound(w, r)
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &hits
}

func runJSON(t *testing.T, args ...string) (int, map[string]any, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"pagelint", "check", "--now", "2026-11-26", "--no-cache", "-f", "json"}, args...), nil, &stdout, &stderr)
	var rep map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil && code != 2 {
		t.Fatalf("exit %d, no JSON report: %v\n%s", code, err, stderr.String())
	}
	return code, rep, stderr.String()
}

func findingLines(rep map[string]any) []string {
	var out []string
	fs, _ := rep["findings"].([]any)
	for _, f := range fs {
		m := f.(map[string]any)
		out = append(out, fmt.Sprintf("%s %s %v", m["rule"], m["source"], m["message"]))
	}
	return out
}

func TestCheckURL(t *testing.T) {
	t.Chdir(t.TempDir())
	srv, _ := site(t)
	code, rep, stderr := runJSON(t, srv.URL+"/")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	got := strings.Join(findingLines(rep), "\n")
	for _, want := range []string{
		// A link of the page's own site is the site's, never "external".
		"link-broken " + srv.URL + "/ broken link \"/gone\": " + srv.URL + "/gone answers 404 Not Found",
		"link-broken " + srv.URL + "/ external link \"http://127.0.0.1:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
	// Fragments of other pages are checked only when they are crawled or
	// links.externalFragments is on.
	if strings.Contains(got, "#team") || strings.Contains(got, "#nobody") {
		t.Errorf("fragments of an unfetched page were judged:\n%s", got)
	}
}

func TestCheckURLCrawl(t *testing.T) {
	t.Chdir(t.TempDir())
	srv, _ := site(t)
	code, rep, stderr := runJSON(t, "--crawl", "--max-pages", "6", "--offline", srv.URL+"/")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if pages := rep["summary"].(map[string]any)["pages"].(float64); pages != 6 {
		t.Errorf("crawled %v pages, want 6 (--max-pages bounds the trap)", pages)
	}
	if !strings.Contains(stderr, "crawl skipped") {
		t.Errorf("the crawl does not say what it skipped: %q", stderr)
	}
	got := strings.Join(findingLines(rep), "\n")
	// Pages of the crawl are known: their fragments are judged without
	// network, even offline.
	for _, want := range []string{"link-fragment " + srv.URL + "/", `broken link "/gone": ` + srv.URL + `/gone answers 404 Not Found`} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q (known from the crawl, offline):\n%s", want, got)
		}
	}
	if strings.Contains(got, "#team") || strings.Contains(got, "logo.png") {
		t.Errorf("a valid fragment or an existing image was reported:\n%s", got)
	}
}

func TestCheckURLErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	srv, _ := site(t)
	for _, tt := range []struct{ url, want string }{
		{srv.URL + "/gone", "404 Not Found"},
		{srv.URL + "/logo.png", "not an HTML page (image/png)"},
		{testnet.RefusedURL(t), "refused"},
	} {
		code, _, stderr := runJSON(t, "--offline", tt.url)
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and one line with %q", tt.url, code, stderr, tt.want)
		}
	}
}

func TestCheckURLCrawlSitemap(t *testing.T) {
	t.Chdir(t.TempDir())
	srv, _ := site(t)
	code, rep, stderr := runJSON(t, "--crawl", "--max-depth", "1", "--sitemap", "auto", "--offline", srv.URL+"/")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	got := strings.Join(findingLines(rep), "\n")
	if !strings.Contains(got, "link-fragment "+srv.URL+"/unlinked") {
		t.Errorf("the page only the sitemap names was not crawled:\n%s", got)
	}
}
