package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/netpolicy"
	"github.com/pagelint/pagelint/internal/testnet"
)

// newServer starts a test server on 127.0.0.1 with the handlers given by path.
func newServer(t *testing.T, routes map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for p, h := range routes {
		mux.HandleFunc(p, h)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func html(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

func withType(contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = []string{contentType} // nil-able: "" sends none
		if contentType == "" {
			w.Header()["Content-Type"] = nil
		}
		fmt.Fprint(w, body)
	}
}

func TestFetch(t *testing.T) {
	big := strings.Repeat("x", 2000)
	var gotUA string
	srv := newServer(t, map[string]http.HandlerFunc{
		"/page": func(w http.ResponseWriter, r *http.Request) {
			gotUA = r.Header.Get("User-Agent")
			html("<title>page</title>")(w, r)
		},
		"/old":          http.RedirectHandler("/moved", http.StatusMovedPermanently).ServeHTTP,
		"/moved":        http.RedirectHandler("/final/", http.StatusFound).ServeHTTP,
		"/final/":       html("<h1>final</h1>"),
		"/loop":         http.RedirectHandler("/loop", http.StatusFound).ServeHTTP,
		"/missing":      http.NotFound,
		"/broken":       func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) },
		"/logo.png":     withType("image/png", "\x89PNG\r\n\x1a\n"),
		"/doc.pdf":      withType("application/pdf", "%PDF-1.4"),
		"/xhtml":        withType("application/xhtml+xml", `<html xmlns="http://www.w3.org/1999/xhtml"></html>`),
		"/untyped":      withType("", "<!DOCTYPE html><html><body>hi</body></html>"),
		"/untyped-text": withType("", "just some words"),
		"/big":          html(big),
		"/big-chunked": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for range 4 {
				fmt.Fprint(w, big)
				w.(http.Flusher).Flush()
			}
		},
	})

	tests := []struct {
		name     string
		path     string
		opt      FetchOptions
		wantURL  string
		wantBody string
		wantErr  string
		wantIs   error
		wantCode int
	}{
		{name: "plain", path: "/page", wantURL: "/page", wantBody: "<title>page</title>"},
		{name: "redirects", path: "/old", wantURL: "/final/", wantBody: "<h1>final</h1>"},
		{name: "redirect loop", path: "/loop", wantErr: "redirect loop at"},
		{name: "404", path: "/missing", wantErr: "404 Not Found", wantCode: 404},
		{name: "500", path: "/broken", wantErr: "500 Internal Server Error", wantCode: 500},
		{name: "png", path: "/logo.png", wantErr: "not an HTML page (image/png)", wantIs: ErrNotHTML},
		{name: "pdf", path: "/doc.pdf", wantErr: "not an HTML page (application/pdf)", wantIs: ErrNotHTML},
		{name: "xhtml", path: "/xhtml", wantURL: "/xhtml", wantBody: `<html xmlns="http://www.w3.org/1999/xhtml"></html>`},
		{name: "sniffed html", path: "/untyped", wantURL: "/untyped", wantBody: "<!DOCTYPE html><html><body>hi</body></html>"},
		{name: "sniffed text", path: "/untyped-text", wantErr: "not an HTML page (text/plain)", wantIs: ErrNotHTML},
		{name: "size with length", path: "/big", opt: FetchOptions{MaxSize: 1000}, wantErr: "2000 bytes is over the 1000 bytes page size limit"},
		{name: "size chunked", path: "/big-chunked", opt: FetchOptions{MaxSize: 1000}, wantErr: "larger than the 1000 bytes page size limit"},
		{name: "no limit", path: "/big-chunked", opt: FetchOptions{MaxSize: -1}, wantURL: "/big-chunked", wantBody: strings.Repeat(big, 4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Fetch(context.Background(), srv.URL+tt.path, tt.opt)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				if tt.name != "redirect loop" && strings.Contains(err.Error(), srv.URL+tt.path) {
					t.Errorf("error %q names the URL asked for", err)
				}
				if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
					t.Errorf("error %v is not %v", err, tt.wantIs)
				}
				var se *StatusError
				if tt.wantCode != 0 && (!errors.As(err, &se) || se.Code != tt.wantCode) {
					t.Errorf("error %v is no StatusError with code %d", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.URL != srv.URL+tt.wantURL {
				t.Errorf("URL = %q, want %q", doc.URL, srv.URL+tt.wantURL)
			}
			if string(doc.Body) != tt.wantBody {
				t.Errorf("Body = %.80q, want %.80q", doc.Body, tt.wantBody)
			}
			if doc.Status != http.StatusOK {
				t.Errorf("Status = %d", doc.Status)
			}
		})
	}
	if gotUA != DefaultUserAgent {
		t.Errorf("User-Agent = %q, want %q", gotUA, DefaultUserAgent)
	}
}

func TestFetchUserAgentAndClient(t *testing.T) {
	var gotUA string
	srv := newServer(t, map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.Header.Get("User-Agent")
		html("ok")(w, r)
	}})
	client := &http.Client{}
	if _, err := Fetch(context.Background(), srv.URL, FetchOptions{UserAgent: "custom/1", Client: client}); err != nil {
		t.Fatal(err)
	}
	if gotUA != "custom/1" {
		t.Errorf("User-Agent = %q", gotUA)
	}
	if client.CheckRedirect != nil {
		t.Error("Fetch changed the caller's client")
	}
}

func TestFetchBadURLs(t *testing.T) {
	tests := []struct{ url, want string }{
		{testnet.RefusedURL(t), "connection refused"},
		{"ftp://127.0.0.1/x", `unsupported URL scheme "ftp"`},
		{"/relative/page", `invalid URL "/relative/page": not absolute`},
		{"http://", `invalid URL "http://": no host`},
		{"http://127.0.0.1:99999999/", "invalid port"},
	}
	for _, tt := range tests {
		_, err := Fetch(context.Background(), tt.url, FetchOptions{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Fetch(%q) error = %v, want one containing %q", tt.url, err, tt.want)
		}
	}
}

func TestFetchTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := newServer(t, map[string]http.HandlerFunc{"/slow": func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}})
	defer close(release)
	_, err := Fetch(context.Background(), srv.URL+"/slow", FetchOptions{Timeout: 1})
	if err == nil || !strings.Contains(err.Error(), "no complete answer within 1ns") {
		t.Errorf("error = %v, want a timeout", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Fetch(ctx, srv.URL+"/slow", FetchOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

// With a client that keeps to a network policy, a fetch or a crawl that a
// redirect leads to a refused address stops there: the page on loopback
// (allowed, since the input is there) is fetched, the metadata address
// and the private one are never dialled.
func TestFetchAndCrawlKeepToThePolicy(t *testing.T) {
	srv := newServer(t, map[string]http.HandlerFunc{
		"/":   html(`<a href="/to-metadata">m</a> <a href="/to-private">p</a> <a href="/ok">ok</a>`),
		"/ok": html(`<p>ok</p>`),
		"/to-metadata": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		},
		"/to-private": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://10.0.0.1/", http.StatusFound)
		},
	})
	policy := &netpolicy.Policy{}
	policy.AllowInput(context.Background(), srv.URL)
	opt := FetchOptions{Client: &http.Client{Transport: policy.Transport()}}
	_, err := Fetch(context.Background(), srv.URL+"/to-metadata", opt)
	if _, refused := netpolicy.IsRefused(err); !refused {
		t.Fatalf("fetch through a redirect to the metadata address: %v, want refused", err)
	}
	var visited []string
	res, err := Crawl(context.Background(), []string{srv.URL + "/"}, CrawlOptions{FetchOptions: opt,
		Visit: func(doc *Document, _ int) ([]string, error) {
			visited = append(visited, strings.TrimPrefix(doc.URL, srv.URL))
			return []string{"/to-metadata", "/to-private", "/ok"}, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(visited, " ") != "/ /ok" {
		t.Errorf("visited %q", visited)
	}
	var refused []string
	for _, s := range res.Skipped {
		if _, ok := netpolicy.IsRefused(s.Err); ok {
			refused = append(refused, strings.TrimPrefix(s.URL, srv.URL)+": "+s.Reason)
		}
	}
	want := []string{
		"/to-metadata: 169.254.169.254 is a link-local, metadata or unspecified address: never requested",
		"/to-private: 10.0.0.1 is a private address: not requested",
	}
	if strings.Join(refused, "\n") != strings.Join(want, "\n") {
		t.Errorf("refused:\n%s\nwant:\n%s", strings.Join(refused, "\n"), strings.Join(want, "\n"))
	}
}
