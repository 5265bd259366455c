package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
)

// linkLog is what the link server of TestExternalLinksFromTheCommandLine
// was asked, and with which headers.
type linkLog struct {
	mu         sync.Mutex
	asked      map[string]int
	userAgents []string
	auth       []string
}

func (l *linkLog) count(path string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.asked[path]
}

func (l *linkLog) total() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, c := range l.asked {
		n += c
	}
	return n
}

// linkServer answers /ok, /gone (404), /flaky (500, then 200), /limited
// (429 with Retry-After, then 200), /moved (301 to /ok), /moved-gone (302
// to /gone), /doc (a page with an id "usage") and /hang (no answer).
func linkServer(t *testing.T) (*httptest.Server, *linkLog) {
	t.Helper()
	log := &linkLog{asked: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.mu.Lock()
		log.asked[r.URL.Path]++
		n := log.asked[r.URL.Path]
		log.userAgents = append(log.userAgents, r.UserAgent())
		log.auth = append(log.auth, r.Header.Get("Authorization"))
		log.mu.Unlock()
		switch r.URL.Path {
		case "/ok":
		case "/gone":
			http.NotFound(w, r)
		case "/flaky":
			if n == 1 {
				w.WriteHeader(http.StatusInternalServerError)
			}
		case "/limited":
			if n == 1 {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusTooManyRequests)
			}
		case "/moved":
			http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
		case "/moved-gone":
			http.Redirect(w, r, "/gone", http.StatusFound)
		case "/doc":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!DOCTYPE html><title>Doc</title><h2 id="usage">Usage</h2>`)
		case "/hang":
			<-r.Context().Done()
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, log
}

// The external link checking of issue 3 as a user runs it: the findings,
// the exit code, the cache file, the request headers, and the flags and
// config keys that change what is asked.
func TestExternalLinksFromTheCommandLine(t *testing.T) {
	srv, log := linkServer(t)
	schema := loadReportSchema(t) // before the test leaves the package directory
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("CI", "") // the progress bar is left out because stderr is no terminal
	t.Setenv("PAGELINT_TEST_TOKEN", "secret-token")
	page := `<!DOCTYPE html><html lang="en"><head><title>Links</title></head><body><main>
<a href="%[1]s/ok">ok</a>
<a href="%[1]s/gone">gone</a>
<a href="%[1]s/flaky">flaky</a>
<a href="%[1]s/limited">limited</a>
<a href="%[1]s/moved">moved</a>
<a href="%[1]s/hang">hang</a>
<a href="%[1]s/ok#anywhere">ok again</a>
<a href="mailto:jobs">jobs</a>
<a href="%[1]s/moved-gone">moved, gone</a>
</main><footer><a href="index.html">Home</a> © 2026</footer></body></html>`
	testfs.WriteFile(t, filepath.Join(dir, "site", "index.html"), fmt.Sprintf(page, srv.URL))
	config := func(links string) string {
		path := filepath.Join(dir, "pagelint.json")
		// A timeout of 1s gives every try that may be retried 0.5s of
		// patience: loopback answers come far sooner, even under -race.
		if !strings.Contains(links, `"cache"`) {
			links = `, "cache": {"path": "links-cache.json"}` + links
		}
		// The servers of the test are on loopback, as the site's input is
		// not: links.allowPrivate lets the links to them be checked.
		testfs.WriteFile(t, path, `{"links": {"external": true, "allowPrivate": true, "timeout": "1s"`+links+`}}`)
		return path
	}
	good := config(`, "headers": [{"pattern": "^http://127\\.0\\.0\\.1:", "headers": {"Authorization": "Bearer ${PAGELINT_TEST_TOKEN}"}}]`)
	wantFindings := []string{
		"link-broken 3 external link \"" + srv.URL + "/gone\" is broken: 404 Not Found",
		"link-broken 7 external link \"" + srv.URL + "/hang\" is broken: timeout after 1s",
		"link-broken 9 broken link \"mailto:jobs\": invalid email address \"jobs\"",
		"link-broken 10 external link \"" + srv.URL + "/moved-gone\" is broken: 404 Not Found (redirected to \"" + srv.URL + "/gone\")",
	}
	check := func(t *testing.T, wantCode int, args ...string) (map[string]any, string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args = append([]string{"pagelint", "check", "--now", "2026-11-26", "-f", "json"}, args...)
		code := run(append(args, "site"), nil, &stdout, &stderr)
		if code != wantCode {
			t.Fatalf("exit %d, want %d\n%s", code, wantCode, stderr.String())
		}
		if strings.Contains(stdout.String(), "secret-token") {
			t.Error("the report holds the request header's value")
		}
		var rep map[string]any
		if code != 2 {
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
				t.Fatalf("no JSON report: %v", err)
			}
			checkReport(t, stdout.Bytes(), schema)
		}
		return rep, stderr.String()
	}
	findings := func(rep map[string]any) []string {
		var out []string
		for _, f := range rep["findings"].([]any) {
			m := f.(map[string]any)
			if m["rule"] == "link-broken" {
				out = append(out, fmt.Sprintf("%s %v %v", m["rule"], m["line"], m["message"]))
			}
		}
		return out
	}

	t.Run("first run", func(t *testing.T) {
		rep, stderr := check(t, 1, "-c", good)
		sameLines(t, findings(rep), wantFindings)
		if stderr != "" {
			t.Errorf("standard error: %q, want nothing (no progress bar off a terminal)", stderr)
		}
		// /ok is asked once for itself (twice in the page) and once as
		// where /moved leads, /gone likewise for /moved-gone; a 404 to
		// HEAD is asked again with GET.
		for path, want := range map[string]int{"/ok": 2, "/gone": 4, "/flaky": 2, "/limited": 2, "/moved": 1, "/moved-gone": 1, "/hang": 2} {
			if got := log.count(path); got != want {
				t.Errorf("%s asked %d times, want %d", path, got, want)
			}
		}
		log.mu.Lock()
		for i, ua := range log.userAgents {
			if !strings.HasPrefix(ua, "pagelint/") || log.auth[i] != "Bearer secret-token" {
				t.Errorf("request %d: User-Agent %q, Authorization %q", i, ua, log.auth[i])
			}
		}
		log.mu.Unlock()
		cache, err := os.ReadFile(filepath.Join(dir, "links-cache.json"))
		if err != nil || !strings.Contains(string(cache), srv.URL+"/gone") || strings.Contains(string(cache), "secret-token") {
			t.Errorf("the cache file: %v\n%s", err, cache)
		}
	})
	t.Run("second run: all from the cache", func(t *testing.T) {
		before := log.total()
		rep, _ := check(t, 1, "-c", good)
		sameLines(t, findings(rep), wantFindings)
		if n := log.total() - before; n != 0 {
			t.Errorf("%d requests, want none", n)
		}
	})
	t.Run("--no-cache asks again", func(t *testing.T) {
		before := log.count("/gone")
		cache, _ := os.ReadFile(filepath.Join(dir, "links-cache.json"))
		check(t, 1, "-c", good, "--no-cache")
		if log.count("/gone") == before {
			t.Error("/gone was not asked again")
		}
		if after, _ := os.ReadFile(filepath.Join(dir, "links-cache.json")); !bytes.Equal(after, cache) {
			t.Error("--no-cache wrote the cache")
		}
	})
	t.Run("a corrupt cache is one warning", func(t *testing.T) {
		testfs.WriteFile(t, filepath.Join(dir, "links-cache.json"), "{not json")
		rep, stderr := check(t, 1, "-c", good)
		sameLines(t, findings(rep), wantFindings)
		if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "links-cache.json") {
			t.Errorf("standard error: %q, want one warning naming the cache", stderr)
		}
	})
	t.Run("an unreadable cache path is one warning", func(t *testing.T) {
		rep, stderr := check(t, 1, "-c", config(`, "cache": {"path": "site"}`))
		sameLines(t, findings(rep), wantFindings)
		if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "site") {
			t.Errorf("standard error: %q, want one warning naming the cache", stderr)
		}
	})
	t.Run("--exclude-private and --offline ask nothing", func(t *testing.T) {
		for _, flag := range []string{"--exclude-private", "--offline"} {
			before := log.total()
			rep, _ := check(t, 1, "-c", good, "--no-cache", flag)
			if got := findings(rep); !slices.Equal(got, wantFindings[2:3]) {
				t.Errorf("%s: findings %q, want only the mailto link's", flag, got)
			}
			if n := log.total() - before; n != 0 {
				t.Errorf("%s: %d requests, want none", flag, n)
			}
			if offline := rep["summary"].(map[string]any)["offline"]; (flag == "--offline") != (offline == true) {
				t.Errorf("%s: summary.offline = %v", flag, offline)
			}
		}
	})
	t.Run("accept, exclude, external fragments, permanent redirects", func(t *testing.T) {
		testfs.WriteFile(t, filepath.Join(dir, "site", "doc.html"), fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><title>Doc</title></head><body><main>
<a href="%[1]s/gone">gone</a> <a href="%[1]s/hang">hang</a> <a href="%[1]s/moved">moved</a>
<a href="%[1]s/doc#usage">usage</a> <a href="%[1]s/doc#nowhere">nowhere</a>
</main><footer>© 2026</footer></body></html>`, srv.URL))
		t.Cleanup(func() { _ = os.Remove(filepath.Join(dir, "site", "doc.html")) })
		before := log.count("/hang")
		rep, _ := check(t, 1, "--no-cache", "-c", config(`, "accept": ["200-299", "404"], "exclude": ["/hang$"], "externalFragments": true},
			"rules": {"link-redirect": "info"`))
		var got []string
		for _, f := range rep["findings"].([]any) {
			if m := f.(map[string]any); m["source"] == "site/doc.html" && strings.HasPrefix(m["rule"].(string), "link-") {
				got = append(got, fmt.Sprintf("%s %v %v", m["rule"], m["line"], m["message"]))
			}
		}
		want := []string{
			"link-redirect 2 external link \"" + srv.URL + "/moved\" permanently redirects to \"" + srv.URL + "/ok\"",
			"link-fragment 3 fragment \"#nowhere\" of external link \"" + srv.URL + "/doc#nowhere\" names no id or a[name] on that page",
		}
		sameLines(t, got, want)
		if log.count("/hang") != before {
			t.Error("an excluded URL was asked")
		}
	})
	t.Run("links.deadline: what it cuts off is not checked, and the summary says so", func(t *testing.T) {
		rep, _ := check(t, 1, "--no-cache", "-c", config(`, "deadline": "200ms"`))
		got := findings(rep)
		if !slices.Contains(got, wantFindings[2]) || slices.Contains(got, wantFindings[1]) {
			t.Errorf("findings %q: want the mailto link's, and no timeout of /hang, which the deadline cut off", got)
		}
		// At least /hang: its first try waits longer than the deadline.
		if n, _ := rep["summary"].(map[string]any)["linksUnchecked"].(float64); n < 1 {
			t.Errorf("summary %v: want linksUnchecked", rep["summary"])
		}
		var stdout, stderr bytes.Buffer
		run([]string{"pagelint", "check", "--now", "2026-11-26", "--no-cache", "-c", config(`, "deadline": "200ms"`), "site"}, nil, &stdout, &stderr)
		if !strings.Contains(stdout.String(), " not checked (links.deadline passed)") {
			t.Errorf("the text summary does not say the deadline passed:\n%s", stdout.String())
		}
	})
	t.Run("bad config is exit 2 and one line", func(t *testing.T) {
		for _, links := range []string{
			`, "exclude": ["(unclosed"]`,
			`, "headers": [{"pattern": ".", "headers": {"X-Token": "${PAGELINT_UNSET_VARIABLE}"}}]`,
		} {
			_, stderr := check(t, 2, "-c", config(links), "--no-cache")
			if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 1 {
				t.Errorf("%s: standard error %q, want one line", links, stderr)
			}
		}
	})
}

func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
