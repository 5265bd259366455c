package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
)

// requestLog serves a handler and counts the paths it is asked for.
type requestLog struct {
	mu    sync.Mutex
	asked map[string]int
}

func (l *requestLog) count(path string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.asked[path]
}

func serveLogged(t *testing.T, h http.Handler) (*httptest.Server, *requestLog) {
	t.Helper()
	log := &requestLog{asked: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.mu.Lock()
		log.asked[r.URL.Path]++
		log.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, log
}

// pageFindings are a report's findings by the path of their page (a site
// path, "/about/index.html" and "/about/" alike), with what must be the
// same however the page was read: rule, severity, line, column and href.
func pageFindings(rep map[string]any, pagePath func(source string) string) []string {
	var out []string
	fs, _ := rep["findings"].([]any)
	for _, f := range fs {
		m := f.(map[string]any)
		ctx, _ := m["context"].(map[string]any)
		p := strings.TrimSuffix(pagePath(m["source"].(string)), "index.html")
		out = append(out, fmt.Sprintf("%s %s %s %v:%v %v", p, m["rule"], m["severity"], m["line"], m["column"], ctx["href"]))
	}
	slices.Sort(out)
	return out
}

func messages(rep map[string]any) []string {
	var out []string
	fs, _ := rep["findings"].([]any)
	for _, f := range fs {
		out = append(out, f.(map[string]any)["message"].(string))
	}
	return out
}

// stagingServer serves the files of fixtures/staging-site/site as a
// staging server would, with the fixture as the working directory.
func stagingServer(t *testing.T) (*httptest.Server, *requestLog) {
	t.Helper()
	fixture, err := filepath.Abs("../../fixtures/staging-site")
	if err != nil {
		t.Fatal(err)
	}
	srv, log := serveLogged(t, http.FileServer(http.Dir(filepath.Join(fixture, "site"))))
	t.Chdir(fixture)
	return srv, log
}

// A staging copy of a site, crawled with --base-url against the production
// config, gives the findings of its files: the links to production are the
// site's, asked of staging, and no message calls them external.
func TestStagingCrawl(t *testing.T) {
	srv, log := stagingServer(t)

	code, files, stderr := runJSON(t, "--offline", "site")
	if code != 1 {
		t.Fatalf("files: exit %d, want 1\n%s", code, stderr)
	}
	code, crawl, stderr := runJSON(t, "--offline", "--crawl", "--base-url", "https://www.contoso.example/", srv.URL+"/")
	if code != 1 {
		t.Fatalf("crawl: exit %d, want 1\n%s", code, stderr)
	}
	want := pageFindings(files, func(s string) string { return strings.TrimPrefix(s, "site") })
	got := pageFindings(crawl, func(s string) string { return strings.TrimPrefix(s, srv.URL) })
	if !slices.Equal(got, want) {
		t.Errorf("the crawl's findings differ from the files':\n got %q\nwant %q", got, want)
	}
	if pages := crawl["summary"].(map[string]any)["pages"].(float64); pages != 4 {
		t.Errorf("crawled %v pages, want 4", pages)
	}
	// /about/ is reached only through a production URL.
	if log.count("/about/") != 1 {
		t.Errorf("/about/ fetched %d times, want once", log.count("/about/"))
	}
	for _, m := range messages(crawl) {
		if strings.Contains(m, "external") {
			t.Errorf("a link of the site is called external: %s", m)
		}
	}
}

// Without a crawl, the links of a staging page to its own site are asked of
// staging, production URLs too, and reported as the site's.
func TestStagingPage(t *testing.T) {
	srv, log := stagingServer(t)
	code, rep, stderr := runJSON(t, "--base-url", "https://www.contoso.example/", srv.URL+"/")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, p := range []string{"/support/", "/about/", "/products/", "/privacy.html"} {
		if log.count(p) == 0 {
			t.Errorf("%s was not asked of the staging server", p)
		}
	}
	want := []string{`broken link "/products/": ` + srv.URL + `/products/ answers 404 Not Found`}
	if got := messages(rep); !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

// A saved page's links to its own origin are asked of that origin, each
// once, and named by their href and the URL asked.
func TestSavedPageOnline(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/world/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!DOCTYPE html><title>World</title><h1 id="latest">World</h1>`)
	})
	srv, log := serveLogged(t, mux)
	dir := t.TempDir()
	t.Chdir(dir)
	// The test server is on loopback, which only an input URL on it, or
	// links.allowPrivate, opens to the link checks (docs/SECURITY.md).
	testfs.WriteFile(t, filepath.Join(dir, "pagelint.json"), `{"links": {"allowPrivate": true, "timeout": "1s"}}`)
	testfs.WriteFile(t, filepath.Join(dir, "story.html"), `<!DOCTYPE html><html lang="en"><head><title>Story</title>
<link rel="canonical" href="`+srv.URL+`/world/story"></head><body><main>
<a href="/world/">World</a> <a href="/world/#latest">latest</a> <a href="/gone">gone</a>
<a href="other-story">another story</a> <img src="story_files/chart.gif" alt="chart">
</main></body></html>`)
	testfs.WriteFile(t, filepath.Join(dir, "story_files", "chart.gif"), "GIF89a")
	code, rep, stderr := runJSON(t, "story.html")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	want := []string{
		`broken link "/gone": ` + srv.URL + `/gone answers 404 Not Found`,
		`broken link "other-story": ` + srv.URL + `/world/other-story answers 404 Not Found`,
	}
	if got := messages(rep); !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	for path, n := range map[string]int{"/world/": 1, "/world/story": 0, "/world/story_files/chart.gif": 0} {
		// A 404 is asked again with GET; a page that works, once.
		if got := log.count(path); got != n {
			t.Errorf("%s asked %d times, want %d", path, got, n)
		}
	}
}

// A meta refresh to an URL that answers 404 is a broken link; one to a
// page that works is none. A link inside data-proofer-ignore is never
// asked.
func TestRefreshAndIgnoredOnline(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/new/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!DOCTYPE html><title>New</title>`)
	})
	srv, log := serveLogged(t, mux)
	dir := t.TempDir()
	t.Chdir(dir)
	// The test server is on loopback, which only an input URL on it, or
	// links.allowPrivate, opens to the link checks (docs/SECURITY.md).
	testfs.WriteFile(t, filepath.Join(dir, "pagelint.json"), `{"links": {"allowPrivate": true, "timeout": "1s"}}`)
	stub := func(to string) string {
		return `<!DOCTYPE html><html lang="en"><head><title>Moved</title><meta http-equiv="refresh" content="0; url=` + to + `"></head>
<body><main><p data-proofer-ignore><a href="` + srv.URL + `/ignored">ignored</a></p></main></body></html>`
	}
	testfs.WriteFile(t, filepath.Join(dir, "site", "gone.html"), stub(srv.URL+"/gone/"))
	testfs.WriteFile(t, filepath.Join(dir, "site", "moved.html"), stub(srv.URL+"/new/"))
	code, rep, stderr := runJSON(t, "site")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	want := []string{`external refresh target "` + srv.URL + `/gone/" is broken: 404 Not Found`}
	if got := messages(rep); !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if n := log.count("/ignored"); n != 0 {
		t.Errorf("an ignored link was asked %d times", n)
	}
	if log.count("/new/") != 1 {
		t.Errorf("/new/ asked %d times, want once", log.count("/new/"))
	}
}
