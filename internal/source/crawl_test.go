package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/testnet"
)

// hitCounter counts the requests a test server gets, by path and query.
type hitCounter struct {
	mu   sync.Mutex
	hits map[string]int
}

func (c *hitCounter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		if c.hits == nil {
			c.hits = map[string]int{}
		}
		c.hits[r.URL.RequestURI()]++
		c.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

func (c *hitCounter) total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, v := range c.hits {
		n += v
	}
	return n
}

// site serves pages whose bodies are lists of links, by path.
func siteServer(t *testing.T, pages map[string][]string, extra map[string]http.HandlerFunc) (*httptest.Server, *hitCounter) {
	t.Helper()
	mux := http.NewServeMux()
	for p, links := range pages {
		var b strings.Builder
		for _, l := range links {
			fmt.Fprintf(&b, "<a href=%q>%s</a>\n", l, l)
		}
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != p {
				http.NotFound(w, r)
				return
			}
			html(b.String())(w, r)
		})
	}
	for p, h := range extra {
		mux.HandleFunc(p, h)
	}
	counter := &hitCounter{}
	srv := httptest.NewServer(counter.wrap(mux))
	t.Cleanup(srv.Close)
	return srv, counter
}

var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

// visit records the pages visited (path and depth) and returns their links.
type visitLog struct {
	base   string
	visits []string
}

func (v *visitLog) visit(doc *Document, depth int) ([]string, error) {
	v.visits = append(v.visits, fmt.Sprintf("%s@%d", strings.TrimPrefix(doc.URL, v.base), depth))
	var links []string
	for _, m := range hrefRE.FindAllStringSubmatch(string(doc.Body), -1) {
		links = append(links, m[1])
	}
	return links, nil
}

func skipsOf(res *CrawlResult, base string) []string {
	var out []string
	for _, s := range res.Skipped {
		out = append(out, strings.TrimPrefix(s.URL, base)+": "+s.Reason)
	}
	return out
}

func TestCrawlBreadthFirst(t *testing.T) {
	pages := map[string][]string{
		"/":      {"/a", "/b", "/c.pdf", "https://other.example/x", "mailto:x@example.com", "/a#team", "/missing"},
		"/a":     {"/a/1", "/b", "b", "/"},
		"/b":     {"/b/1", "/a?q=1", "/"},
		"/a/1":   {"/"},
		"/b/1":   {"/a/1"},
		"/a?q=1": nil,
	}
	srv, counter := siteServer(t, pages, map[string]http.HandlerFunc{
		"/c.pdf":   withType("application/pdf", "%PDF"),
		"/missing": http.NotFound,
	})
	for _, conc := range []int{1, 4} {
		t.Run(strconv.Itoa(conc), func(t *testing.T) {
			counter.hits = nil
			v := &visitLog{base: srv.URL}
			// the upper-case scheme and host and the fragment are spellings of "/"
			start := "HTTP://" + strings.ToUpper(strings.TrimPrefix(srv.URL, "http://")) + "/#top"
			res, err := Crawl(context.Background(), []string{start}, CrawlOptions{Visit: v.visit, Concurrency: conc})
			if err != nil {
				t.Fatal(err)
			}
			wantVisits := []string{"/@0", "/a@1", "/b@1", "/a/1@2", "/b/1@2", "/a?q=1@2"}
			if !reflect.DeepEqual(v.visits, wantVisits) {
				t.Errorf("visits = %q, want %q", v.visits, wantVisits)
			}
			wantSkips := []string{
				"https://other.example/x: other origin",
				"/c.pdf: not an HTML page (application/pdf)",
				"/missing: 404 Not Found",
			}
			if got := skipsOf(res, srv.URL); !reflect.DeepEqual(got, wantSkips) {
				t.Errorf("skips = %q, want %q", got, wantSkips)
			}
			if res.Fetched != len(wantVisits) {
				t.Errorf("Fetched = %d, want %d", res.Fetched, len(wantVisits))
			}
			for uri, n := range counter.hits {
				if n > 1 {
					t.Errorf("%s fetched %d times", uri, n)
				}
			}
		})
	}
}

func TestCrawlDeterministicUnderConcurrency(t *testing.T) {
	// Pages answer in the reverse order of their number, so fetches finish
	// out of order; visits must still come in breadth-first order.
	pages := map[string][]string{"/": nil}
	for i := range 12 {
		pages["/"] = append(pages["/"], fmt.Sprintf("/p/%d", i))
		pages[fmt.Sprintf("/p/%d", i)] = []string{fmt.Sprintf("/q/%d", 11-i)}
	}
	slow := map[string]http.HandlerFunc{"/q/": func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/q/"))
		time.Sleep(time.Duration(12-n) * time.Millisecond)
		html("leaf")(w, r)
	}}
	srv, _ := siteServer(t, pages, slow)
	var first []string
	for _, conc := range []int{1, 8} {
		v := &visitLog{base: srv.URL}
		if _, err := Crawl(context.Background(), []string{srv.URL}, CrawlOptions{Visit: v.visit, Concurrency: conc}); err != nil {
			t.Fatal(err)
		}
		if len(v.visits) != 25 {
			t.Fatalf("visited %d pages, want 25", len(v.visits))
		}
		if first == nil {
			first = v.visits
		} else if !reflect.DeepEqual(first, v.visits) {
			t.Errorf("order with concurrency %d:\n%q\ndiffers from concurrency 1:\n%q", conc, v.visits, first)
		}
	}
}

func TestCrawlTrapBoundedByMaxPages(t *testing.T) {
	// every page links to two new generated pages, for ever
	trap := func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/gen/"))
		html(fmt.Sprintf(`<a href="/gen/%d">a</a><a href="/gen/%d?x=%d">b</a>`, n+1, n+1, n))(w, r)
	}
	srv, counter := siteServer(t, nil, map[string]http.HandlerFunc{"/gen/": trap})
	v := &visitLog{base: srv.URL}
	res, err := Crawl(context.Background(), []string{srv.URL + "/gen/0"}, CrawlOptions{Visit: v.visit, MaxPages: 10, Concurrency: 4})
	if err != nil {
		t.Fatal(err)
	}
	if res.Fetched != 10 || len(v.visits) != 10 {
		t.Errorf("Fetched = %d, visits = %d, want 10", res.Fetched, len(v.visits))
	}
	if n := counter.total(); n != 10 {
		t.Errorf("server got %d requests, want 10: %v", n, counter.hits)
	}
	if len(res.Skipped) == 0 {
		t.Fatal("no skips reported")
	}
	for _, s := range res.Skipped {
		if s.Reason != "max pages reached" {
			t.Errorf("skip %v, want max pages reached", s)
		}
	}
}

func TestCrawlMaxDepth(t *testing.T) {
	srv, counter := siteServer(t, map[string][]string{
		"/":      {"/one"},
		"/one":   {"/two", "/"},
		"/two":   {"/three"},
		"/three": nil,
	}, nil)
	v := &visitLog{base: srv.URL}
	res, err := Crawl(context.Background(), []string{srv.URL}, CrawlOptions{Visit: v.visit, MaxDepth: 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/@0", "/one@1"}; !reflect.DeepEqual(v.visits, want) {
		t.Errorf("visits = %q, want %q", v.visits, want)
	}
	if got, want := skipsOf(res, srv.URL), []string{"/two: max depth"}; !reflect.DeepEqual(got, want) {
		t.Errorf("skips = %q, want %q", got, want)
	}
	if counter.hits["/two"] != 0 {
		t.Error("/two was fetched")
	}
}

func TestCrawlRedirects(t *testing.T) {
	other, _ := siteServer(t, map[string][]string{"/": {"/elsewhere"}, "/elsewhere": nil}, nil)
	srv, counter := siteServer(t, map[string][]string{
		"/home/": {"/to-home", "/out", "/home/"},
	}, map[string]http.HandlerFunc{
		"/":        http.RedirectHandler("/home/", http.StatusMovedPermanently).ServeHTTP,
		"/to-home": http.RedirectHandler("/home/", http.StatusFound).ServeHTTP,
		"/out":     http.RedirectHandler(other.URL+"/", http.StatusFound).ServeHTTP,
	})
	v := &visitLog{base: srv.URL}
	res, err := Crawl(context.Background(), []string{srv.URL}, CrawlOptions{Visit: v.visit})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/home/@0"}; !reflect.DeepEqual(v.visits, want) {
		t.Errorf("visits = %q, want %q", v.visits, want)
	}
	want := []string{"/out: redirected to another origin (" + other.URL + "/)"}
	if got := skipsOf(res, srv.URL); !reflect.DeepEqual(got, want) {
		t.Errorf("skips = %q, want %q", got, want)
	}
	if counter.hits["/home/"] != 2 { // once from "/", once from "/to-home": a redirect's target is known only after it
		t.Errorf("/home/ fetched %d times, want 2", counter.hits["/home/"])
	}
}

func TestCrawlStartRedirectToOtherOrigin(t *testing.T) {
	// http://staging → https://staging: the start's final origin joins the crawl
	target, _ := siteServer(t, map[string][]string{"/": {"/next"}, "/next": nil}, nil)
	srv, _ := siteServer(t, nil, map[string]http.HandlerFunc{"/": http.RedirectHandler(target.URL+"/", http.StatusFound).ServeHTTP})
	v := &visitLog{base: target.URL}
	if _, err := Crawl(context.Background(), []string{srv.URL}, CrawlOptions{Visit: v.visit}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"/@0", "/next@1"}; !reflect.DeepEqual(v.visits, want) {
		t.Errorf("visits = %q, want %q", v.visits, want)
	}
}

func TestCrawlSitemaps(t *testing.T) {
	var srv *httptest.Server
	sitemap := func(paths ...string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			for _, p := range paths {
				fmt.Fprintf(w, "<url><loc>\n  %s%s\n</loc><lastmod>2026-01-01</lastmod></url>", srv.URL, p)
			}
			fmt.Fprint(w, `</urlset>`)
		}
	}
	srv, _ = siteServer(t, map[string][]string{
		"/":        {"/linked"},
		"/linked":  nil,
		"/orphan1": nil,
		"/orphan2": {"/deep"},
		"/deep":    nil,
	}, map[string]http.HandlerFunc{
		"/sitemap.xml":   sitemap("/orphan1", "/linked"),
		"/sitemap-2.xml": sitemap("/orphan2", "/orphan1"),
		"/sitemap-index.xml": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap.xml</loc></sitemap><sitemap><loc>%[1]s/sitemap-2.xml</loc></sitemap>
<sitemap><loc>%[1]s/sitemap-index.xml</loc></sitemap></sitemapindex>`, srv.URL)
		},
		"/broken.xml": http.NotFound,
		"/sitemap.xml.gz": func(w http.ResponseWriter, r *http.Request) {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			fmt.Fprint(zw, `<urlset><url><loc>/orphan2</loc></url><url><loc>deep</loc></url></urlset>`)
			zw.Close()
			w.Header().Set("Content-Type", "application/gzip")
			w.Write(b.Bytes())
		},
	})

	t.Run("urls", func(t *testing.T) {
		tests := []struct {
			sitemap string
			want    []string
			wantErr string
		}{
			{"/sitemap.xml", []string{"/orphan1", "/linked"}, ""},
			{"/sitemap-index.xml", []string{"/orphan1", "/linked", "/orphan2"}, ""},
			{"/sitemap.xml.gz", []string{"/orphan2", "/deep"}, ""}, // relative locations tolerated
			{"/broken.xml", nil, "404 Not Found"},
			{"/", nil, "not a sitemap"},
		}
		for _, tt := range tests {
			urls, err := SitemapURLs(context.Background(), srv.URL+tt.sitemap, FetchOptions{})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("%s: error = %v, want %q", tt.sitemap, err, tt.wantErr)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range urls {
				got = append(got, strings.TrimPrefix(u, srv.URL))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: urls = %q, want %q", tt.sitemap, got, tt.want)
			}
		}
	})

	t.Run("crawl", func(t *testing.T) {
		v := &visitLog{base: srv.URL}
		res, err := Crawl(context.Background(), []string{srv.URL}, CrawlOptions{
			Visit:    v.visit,
			Sitemaps: []string{srv.URL + "/sitemap-index.xml", srv.URL + "/broken.xml"},
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"/@0", "/orphan1@0", "/linked@0", "/orphan2@0", "/deep@1"}
		if !reflect.DeepEqual(v.visits, want) {
			t.Errorf("visits = %q, want %q", v.visits, want)
		}
		if got, want := skipsOf(res, srv.URL), []string{"/broken.xml: sitemap: 404 Not Found"}; !reflect.DeepEqual(got, want) {
			t.Errorf("skips = %q, want %q", got, want)
		}
	})

	t.Run("sitemap only", func(t *testing.T) {
		v := &visitLog{base: srv.URL}
		if _, err := Crawl(context.Background(), nil, CrawlOptions{Visit: v.visit, Sitemaps: []string{srv.URL + "/sitemap.xml"}, MaxDepth: 1}); err != nil {
			t.Fatal(err)
		}
		if want := []string{"/orphan1@0", "/linked@0"}; !reflect.DeepEqual(v.visits, want) {
			t.Errorf("visits = %q, want %q", v.visits, want)
		}
	})
}

func TestCrawlNothingFound(t *testing.T) {
	srv, _ := siteServer(t, nil, map[string]http.HandlerFunc{
		"/img.png": withType("image/png", "\x89PNG"),
		"/gone":    http.NotFound,
	})
	closed := testnet.RefusedURL(t)
	tests := []struct {
		name     string
		starts   []string
		sitemaps []string
		want     string
	}{
		{"unreachable", []string{closed}, nil, fmt.Sprintf("crawl found no HTML page at %q: ", closed)},
		{"not html", []string{srv.URL + "/img.png"}, nil, fmt.Sprintf("crawl found no HTML page at %q: not an HTML page (image/png)", srv.URL+"/img.png")},
		{"404", []string{srv.URL + "/gone"}, nil, "404 Not Found"},
		{"two starts", []string{srv.URL + "/gone", closed}, nil, fmt.Sprintf("crawl found no HTML page at %q, %q", srv.URL+"/gone", closed)},
		{"bad sitemap", nil, []string{srv.URL + "/gone"}, "sitemap: 404 Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Crawl(context.Background(), tt.starts, CrawlOptions{Sitemaps: tt.sitemaps})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
			if res == nil || res.Fetched != 0 {
				t.Errorf("result = %+v, want one with nothing fetched", res)
			}
		})
	}
}

func TestCrawlBadInput(t *testing.T) {
	tests := []struct {
		name   string
		starts []string
		want   string
	}{
		{"none", nil, "nothing to crawl"},
		{"relative", []string{"/about"}, "not absolute"},
		{"scheme", []string{"file:///tmp/x.html"}, `unsupported URL scheme "file"`},
	}
	for _, tt := range tests {
		if _, err := Crawl(context.Background(), tt.starts, CrawlOptions{}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestCrawlVisitErrorStops(t *testing.T) {
	srv, counter := siteServer(t, map[string][]string{"/": {"/a"}, "/a": nil}, nil)
	boom := errors.New("boom")
	_, err := Crawl(context.Background(), []string{srv.URL}, CrawlOptions{
		Visit: func(*Document, int) ([]string, error) { return []string{srv.URL + "/a"}, boom },
	})
	if !errors.Is(err, boom) {
		t.Errorf("error = %v, want boom", err)
	}
	if counter.hits["/a"] != 0 {
		t.Error("crawl went on after Visit failed")
	}
}

func TestCrawlCanceled(t *testing.T) {
	srv, _ := siteServer(t, map[string][]string{"/": {"/a"}, "/a": nil}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Crawl(ctx, []string{srv.URL}, CrawlOptions{Visit: func(*Document, int) ([]string, error) {
		cancel()
		return []string{srv.URL + "/a"}, nil
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}
