package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/netpolicy"
	"github.com/pagelint/pagelint/internal/testnet"
)

func TestCheckStatuses(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		path      string
		ok        bool
		status    int
		reason    string // prefix
		final     string // path of FinalURL, "" for none
		permanent bool
		attempts  int // 0: not asserted
	}{
		{path: "/ok", ok: true, status: 200, attempts: 1},
		{path: "/404", status: 404, reason: "404 Not Found", attempts: 2}, // HEAD, then GET
		{path: "/410", status: 410, reason: "410 Gone", attempts: 1},
		{path: "/403", status: 403, reason: "403 Forbidden", attempts: 2},
		{path: "/500", status: 500, reason: "500 Internal Server Error", attempts: 3},
		{path: "/500-then-200", ok: true, status: 200, attempts: 2},
		{path: "/429-then-200", ok: true, status: 200, attempts: 2},
		{path: "/chain/0", ok: true, status: 200, final: "/chain/3", attempts: 4},
		{path: "/moved", ok: true, status: 200, final: "/ok", permanent: true},
		{path: "/redirects/10", ok: true, status: 200, final: "/redirects/0"},
		{path: "/loop/a", status: 302, reason: "redirect loop at " + s.URL + "/loop/a", final: "/loop/b"},
		{path: "/endless/0", status: 302, reason: "too many redirects (10)", final: "/endless/10"},
		{path: "/hangup", reason: "connection closed by server", attempts: 6}, // HEAD and GET, three tries
		{path: "/nowhere", status: 404, reason: "404 Not Found"},
	}
	c := newChecker(t, Options{})
	urls := make([]string, len(tests))
	for i, tt := range tests {
		urls[i] = s.URL + tt.path
	}
	results := c.Check(context.Background(), urls)
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := results[s.URL+tt.path]
			if r == nil {
				t.Fatal("no result")
			}
			if r.OK != tt.ok || r.Status != tt.status || !strings.HasPrefix(r.Reason, tt.reason) || (tt.reason == "" && r.Reason != "") {
				t.Errorf("got ok=%v status=%d reason=%q, want ok=%v status=%d reason=%q", r.OK, r.Status, r.Reason, tt.ok, tt.status, tt.reason)
			}
			wantFinal := ""
			if tt.final != "" {
				wantFinal = s.URL + tt.final
			}
			if r.FinalURL != wantFinal || r.Permanent != tt.permanent {
				t.Errorf("got final=%q permanent=%v, want %q %v", r.FinalURL, r.Permanent, wantFinal, tt.permanent)
			}
			if tt.attempts != 0 && r.Attempts != tt.attempts {
				t.Errorf("got %d attempts, want %d", r.Attempts, tt.attempts)
			}
		})
	}
}

func TestCheckHeadNotAllowed(t *testing.T) {
	s := newSite(t)
	c := newChecker(t, Options{PerHost: 1})
	first := c.Check(context.Background(), []string{s.URL + "/head-405"})[s.URL+"/head-405"]
	if !first.OK || first.Attempts != 2 {
		t.Fatalf("got %+v, want OK after HEAD and GET", first)
	}
	// The host said it does not do HEAD: its other URLs go straight to GET.
	second := c.Check(context.Background(), []string{s.URL + "/ok"})[s.URL+"/ok"]
	if !second.OK || second.Attempts != 1 || s.count("GET /ok") != 1 || s.count("HEAD /ok") != 0 {
		t.Fatalf("got %+v, want one GET", second)
	}
}

func TestCheckTimeout(t *testing.T) {
	s := newSite(t)
	c := newChecker(t, Options{Timeout: 50 * time.Millisecond, Retries: 5})
	r := c.Check(context.Background(), []string{s.URL + "/slow"})[s.URL+"/slow"]
	if r.OK || r.Reason != "timeout after 50ms" {
		t.Fatalf("got ok=%v reason=%q, want a timeout", r.OK, r.Reason)
	}
	// A timeout is retried once at most, whatever Retries says.
	if r.Attempts != 2 {
		t.Errorf("got %d attempts, want 2", r.Attempts)
	}
}

func TestCheckDeadline(t *testing.T) {
	s := newSite(t)
	c := newChecker(t, Options{Timeout: 5 * time.Second, Deadline: 50 * time.Millisecond, Retries: -1})
	r := c.Check(context.Background(), []string{s.URL + "/slow"})[s.URL+"/slow"]
	if !r.OK || !r.Skipped || !strings.Contains(r.SkipReason, "deadline") {
		t.Fatalf("got %+v, want skipped for the deadline", r)
	}
}

// A URL whose retry the deadline cuts off is not checked, not broken: the
// 500 it answered first may not be its answer.
func TestCheckDeadlineBeforeRetry(t *testing.T) {
	s := newSite(t)
	c := newChecker(t, Options{Deadline: 300 * time.Millisecond})
	c.backoffBase = 10 * time.Second
	u := s.URL + "/500-then-200"
	r := c.Check(context.Background(), []string{u})[u]
	if !r.OK || !r.Skipped || !r.Unchecked || !strings.Contains(r.SkipReason, "deadline") {
		t.Fatalf("got %+v, want not checked for the deadline", r)
	}
}

func TestCheckConnectionRefused(t *testing.T) {
	u := testnet.RefusedURL(t)
	r := newChecker(t, Options{}).Check(context.Background(), []string{u})[u]
	if r.OK || r.Reason != "connection refused" || r.Attempts != 1 {
		t.Fatalf("got ok=%v reason=%q attempts=%d, want one refused try", r.OK, r.Reason, r.Attempts)
	}
}

func TestCheckUntrustedTLS(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	u := srv.URL + "/"
	r := newChecker(t, Options{}).Check(context.Background(), []string{u})[u]
	if r.OK || !strings.HasPrefix(r.Reason, "TLS certificate error: ") || !strings.Contains(r.Reason, "unknown authority") {
		t.Fatalf("got ok=%v reason=%q, want a TLS certificate error", r.OK, r.Reason)
	}
	// With a transport that trusts the test certificate it works.
	r = newChecker(t, Options{Transport: srv.Client().Transport}).Check(context.Background(), []string{u})[u]
	if !r.OK {
		t.Fatalf("with the server's transport: %q", r.Reason)
	}
}

func TestCheckEndlessBodyNotRead(t *testing.T) {
	var written atomic.Int64
	handlerDone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		defer close(handlerDone)
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>endless</p>", 1024))
		for written.Load() < 1<<30 { // 1 GiB: stop even if the client never goes
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	u := srv.URL + "/endless"
	r := newChecker(t, Options{}).Check(context.Background(), []string{u})[u]
	if !r.OK || r.Status != 200 {
		t.Fatalf("got %+v, want 200", r)
	}
	select {
	case <-handlerDone:
	case <-time.After(30 * time.Second):
		t.Fatal("the server never saw the client go away")
	}
	if n := written.Load(); n >= 1<<30 {
		t.Fatalf("the client read the whole endless body (%d bytes)", n)
	}
}

func TestCheckFragmentsBoundedBody(t *testing.T) {
	var written atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>endless</p>", 1024))
		for written.Load() < 1<<30 {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	u := srv.URL + "/huge#nowhere"
	r := newChecker(t, Options{Fragments: true}).Check(context.Background(), []string{u})[u]
	// The page was cut at the limit, so a missing anchor proves nothing.
	if !r.OK || r.FragmentMissing {
		t.Fatalf("got %+v, want OK: a cut page cannot prove a fragment missing", r)
	}
}

func TestCheckPerHostLimit(t *testing.T) {
	var inFlight, maxInFlight, total atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		total.Add(1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond) // let requests overlap if the limit allows it
	}))
	defer srv.Close()
	var urls []string
	for i := range 40 {
		urls = append(urls, fmt.Sprintf("%s/p/%d", srv.URL, i))
	}
	c := newChecker(t, Options{PerHost: 3, Concurrency: 32})
	results := c.Check(context.Background(), urls)
	for _, u := range urls {
		if !results[u].OK {
			t.Fatalf("%s: %s", u, results[u].Reason)
		}
	}
	if m := maxInFlight.Load(); m > 3 || m < 1 {
		t.Fatalf("max concurrent requests %d, want 1..3", m)
	}
	if total.Load() != 40 {
		t.Fatalf("%d requests, want 40", total.Load())
	}
}

func TestCheckGlobalLimit(t *testing.T) {
	var inFlight, maxInFlight atomic.Int64
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
	})
	var urls []string
	for range 4 {
		srv := httptest.NewServer(handler)
		defer srv.Close()
		for i := range 10 {
			urls = append(urls, fmt.Sprintf("%s/%d", srv.URL, i))
		}
	}
	newChecker(t, Options{PerHost: 4, Concurrency: 2}).Check(context.Background(), urls)
	if m := maxInFlight.Load(); m > 2 {
		t.Fatalf("max concurrent requests %d, want at most 2", m)
	}
}

func TestCheckOncePerURL(t *testing.T) {
	s := newSite(t)
	host := strings.TrimPrefix(s.URL, "http://")
	spellings := []string{
		s.URL + "/ok",
		s.URL + "/ok#a",
		s.URL + "/ok#b",
		"HTTP://" + host + "/ok",
		"http://" + strings.ToUpper(host) + "/ok",
		"  " + s.URL + "/ok  ",
	}
	var urls []string
	for range 50 {
		urls = append(urls, spellings...)
	}
	c := newChecker(t, Options{})
	results := c.Check(context.Background(), urls)
	for _, u := range spellings {
		if r := results[u]; r == nil || !r.OK {
			t.Errorf("%q: %+v", u, r)
		}
	}
	if n := s.total(); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}
	if st := c.Stats(); st.URLs != 1 || st.Requests != 1 {
		t.Fatalf("stats %+v, want 1 URL and 1 request", st)
	}
}

func TestCheckFragments(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		url     string
		ok      bool
		missing bool
	}{
		{s.URL + "/page#intro", true, false},
		{s.URL + "/page#legacy", true, false},
		{s.URL + "/page#caf%C3%A9", true, false},
		{s.URL + "/page#top", true, false},
		{s.URL + "/page#", true, false},
		{s.URL + "/page#missing", false, true},
		{s.URL + "/data.json#x", true, false}, // not HTML: nothing to check
		{s.URL + "/404#x", false, false},
	}
	var urls []string
	for _, tt := range tests {
		urls = append(urls, tt.url)
	}
	results := newChecker(t, Options{Fragments: true}).Check(context.Background(), urls)
	for _, tt := range tests {
		r := results[tt.url]
		if r.OK != tt.ok || r.FragmentMissing != tt.missing {
			t.Errorf("%s: got ok=%v missing=%v reason=%q, want ok=%v missing=%v", tt.url, r.OK, r.FragmentMissing, r.Reason, tt.ok, tt.missing)
		}
	}
	if r := results[s.URL+"/page#missing"]; r.Reason != `fragment "#missing" not found` {
		t.Errorf("reason %q", r.Reason)
	}
	if n := s.count("GET /page"); n != 1 {
		t.Errorf("GET /page %d times, want once for all its fragments", n)
	}
	// Without Fragments, fragments are not looked at.
	results = newChecker(t, Options{}).Check(context.Background(), []string{s.URL + "/page#missing"})
	if r := results[s.URL+"/page#missing"]; !r.OK {
		t.Errorf("fragments off: %+v", r)
	}
}

func TestCheckAccept(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		accept []string
		path   string
		ok     bool
	}{
		{nil, "/403", false},
		{[]string{"200-299", "403"}, "/403", true},
		{[]string{"200-299,403"}, "/403", true},
		{[]string{"400-499"}, "/404", true},
		{[]string{"400-499"}, "/ok", false},
	}
	for _, tt := range tests {
		u := s.URL + tt.path
		r := newChecker(t, Options{Accept: tt.accept}).Check(context.Background(), []string{u})[u]
		if r.OK != tt.ok {
			t.Errorf("accept %v, %s: got ok=%v (%s), want %v", tt.accept, tt.path, r.OK, r.Reason, tt.ok)
		}
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"accept word", Options{Accept: []string{"ok"}}, `invalid accepted status "ok"`},
		{"accept reversed", Options{Accept: []string{"299-200"}}, `invalid accepted status "299-200"`},
		{"accept out of range", Options{Accept: []string{"42"}}, `invalid accepted status "42"`},
		{"negative concurrency", Options{Concurrency: -1}, "concurrency"},
		{"unset env", Options{Headers: []HeaderRule{{Pattern: regexp.MustCompile(`.`), Headers: map[string]string{"X": "${PAGELINT_TEST_UNSET_VAR}"}}}}, `"PAGELINT_TEST_UNSET_VAR"`},
		{"nil pattern", Options{Headers: []HeaderRule{{}}}, "no URL pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
	if _, err := New(Options{Accept: []string{"200-299", " 403 "}}); err != nil {
		t.Fatalf("valid options: %v", err)
	}
}

func TestCheckHeaderRules(t *testing.T) {
	t.Setenv("PAGELINT_TEST_TOKEN", "s3cret")
	s := newSite(t)
	var gotUA string
	var mu sync.Mutex
	ua := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gotUA = r.Header.Get("User-Agent")
		mu.Unlock()
	}))
	defer ua.Close()
	cachePath := t.TempDir() + "/cache.json"
	c := newChecker(t, Options{
		CachePath: cachePath,
		Headers: []HeaderRule{{
			Pattern: regexp.MustCompile(`^` + regexp.QuoteMeta(s.URL) + `/echo-auth`),
			Headers: map[string]string{"authorization": "Bearer ${PAGELINT_TEST_TOKEN}"},
		}},
	})
	results := c.Check(context.Background(), []string{s.URL + "/echo-auth", ua.URL + "/"})
	if r := results[s.URL+"/echo-auth"]; !r.OK {
		t.Fatalf("with the header: %+v", r)
	}
	mu.Lock()
	if !strings.HasPrefix(gotUA, "pagelint/") {
		t.Errorf("User-Agent %q, want pagelint's own", gotUA)
	}
	mu.Unlock()
	if data := readFile(t, cachePath); strings.Contains(data, "s3cret") {
		t.Fatalf("the secret reached the cache file:\n%s", data)
	}
	// Without the rule the same URL is refused: the header made the difference.
	r := newChecker(t, Options{}).Check(context.Background(), []string{s.URL + "/echo-auth"})[s.URL+"/echo-auth"]
	if r.OK || r.Status != 401 {
		t.Fatalf("without the header: %+v", r)
	}
}

func TestCheckSkips(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		name   string
		opt    Options
		url    string
		reason string
	}{
		{"excluded", Options{Exclude: []*regexp.Regexp{regexp.MustCompile(`/ok$`)}}, s.URL + "/ok", `excluded by "/ok$"`},
		{"excluded after normalising", Options{Exclude: []*regexp.Regexp{regexp.MustCompile(`^http://127\.0\.0\.1:\d+/ok$`)}}, strings.Replace(s.URL, "http:", "HTTP:", 1) + "/ok", "excluded by"},
		{"loopback IP", Options{Policy: &netpolicy.Policy{}}, s.URL + "/ok", "not checked: 127.0.0.1 is a loopback address"},
		{"localhost", Options{Policy: &netpolicy.Policy{}}, "http://localhost:1/", "not checked: localhost (127.0.0.1) is a loopback address"},
		{"metadata", Options{Policy: &netpolicy.Policy{AllowLoopback: true, AllowPrivate: true}}, "http://169.254.169.254/latest/meta-data/", "not checked: 169.254.169.254 is a link-local, metadata or unspecified address: never requested"},
		{"ftp", Options{}, "ftp://127.0.0.1/file", `scheme "ftp" is not checked`},
		{"javascript", Options{}, "javascript:void(0)", `scheme "javascript" is not checked`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newChecker(t, tt.opt).Check(context.Background(), []string{tt.url})[tt.url]
			if !r.OK || !r.Skipped || !strings.HasPrefix(r.SkipReason, tt.reason) {
				t.Fatalf("got %+v, want skipped with %q", r, tt.reason)
			}
		})
	}
	if n := s.total(); n != 0 {
		t.Fatalf("%d requests to skipped URLs", n)
	}
}

// The network policy is applied to each hop: a redirect from an allowed
// host to a refused address is not followed, and the URL is not checked
// (never broken); a name is judged by the addresses it resolves to.
func TestCheckPolicy(t *testing.T) {
	s := newSite(t)
	policy := &netpolicy.Policy{AllowLoopback: true, Resolve: func(_ context.Context, host string) ([]netip.Addr, error) {
		if host == "intranet.example" {
			return []netip.Addr{netip.MustParseAddr("10.1.2.3")}, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}}
	tests := []struct{ url, reason string }{
		{s.URL + "/to-metadata", "not checked: redirected to http://169.254.169.254/latest/meta-data/, and 169.254.169.254 is a link-local, metadata or unspecified address: never requested"},
		{s.URL + "/to-private", "not checked: redirected to http://10.0.0.1/admin, and 10.0.0.1 is a private address: not requested"},
		{"http://intranet.example/", "not checked: intranet.example (10.1.2.3) is a private address: not requested"},
	}
	c := newChecker(t, Options{Policy: policy})
	var urls []string
	for _, tt := range tests {
		urls = append(urls, tt.url)
	}
	results := c.Check(context.Background(), urls)
	for _, tt := range tests {
		if r := results[tt.url]; !r.OK || !r.Skipped || r.SkipReason != tt.reason {
			t.Errorf("%s: got %+v, want skipped: %s", tt.url, r, tt.reason)
		}
	}
	if n := s.hits("/to-metadata") + s.hits("/to-private"); n != 2 {
		t.Errorf("%d requests to the redirecting URLs, want 2 (no retries)", n)
	}
	if st := c.Stats(); st.Requests != 2 || st.Skipped != 3 {
		t.Errorf("stats %+v: want the 2 requests that were sent, and 3 URLs skipped", st)
	}
	// Without a policy (the default of the package), loopback is checked.
	u := s.URL + "/ok"
	if r := newChecker(t, Options{}).Check(context.Background(), []string{u})[u]; r.Skipped || !r.OK {
		t.Errorf("loopback host not checked without a policy: %+v", r)
	}
}

func TestCheckBadInput(t *testing.T) {
	tests := []struct {
		url    string
		ok     bool
		reason string
	}{
		{"http://exa mple.com", false, `malformed URL: invalid character " " in host name`},
		{"https://[::1", false, "malformed URL: missing ']' in host"},
		{"http://", false, "malformed URL: no host"},
		{"http://a:port/", false, "malformed URL: "},
		{"/relative/path", false, "malformed URL: "},
		{"", false, "malformed URL: "},
		{"mailto:someone@example.com", true, ""},
		{"mailto:someone", false, `invalid email address "someone"`},
		{"tel:+1-555-0100", true, ""},
		{"tel:call-me", false, `invalid telephone number "call-me"`},
	}
	var urls []string
	for _, tt := range tests {
		urls = append(urls, tt.url)
	}
	results := newChecker(t, Options{}).Check(context.Background(), urls)
	for _, tt := range tests {
		r := results[tt.url]
		if r == nil || r.OK != tt.ok || !strings.HasPrefix(r.Reason, tt.reason) || (tt.reason == "" && r.Reason != "") {
			t.Errorf("%q: got %+v, want ok=%v reason %q", tt.url, r, tt.ok, tt.reason)
		}
	}
}

func TestCheckProgress(t *testing.T) {
	s := newSite(t)
	var out strings.Builder
	c := newChecker(t, Options{Progress: &syncWriter{w: &out}})
	c.Check(context.Background(), []string{s.URL + "/ok", s.URL + "/404"})
	if !strings.Contains(out.String(), "checking links") {
		t.Fatalf("no progress drawn: %q", out.String())
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func TestCheckDeadlineWhileHostSlowed(t *testing.T) {
	s := newSite(t)
	c := newChecker(t, Options{Deadline: time.Second})
	hs := c.host(s.URL)
	hs.limiter.SetLimit(0.001) // one request in 1000s: far beyond the deadline
	hs.limiter.SetBurst(1)
	_ = hs.limiter.Allow() // spend the burst
	urls := []string{s.URL + "/ok", s.URL + "/404"}
	results := c.Check(context.Background(), urls)
	for _, u := range urls {
		if r := results[u]; !r.OK || !r.Skipped || !strings.Contains(r.SkipReason, "deadline") {
			t.Errorf("%s: got %+v, want skipped for the deadline", u, r)
		}
	}
}

func TestCheckSlowsHostAfter429(t *testing.T) {
	s := newSite(t)
	c := newChecker(t, Options{})
	u := s.URL + "/429-then-200"
	if r := c.Check(context.Background(), []string{u})[u]; !r.OK || r.Attempts != 2 {
		t.Fatalf("got %+v, want OK on the retry", r)
	}
	if limit := c.host(s.URL).limiter.Limit(); isInf(float64(limit)) {
		t.Fatal("the host that answered 429 was not slowed down")
	}
}

func TestCheckOddInputsNeverCrash(t *testing.T) {
	odd := []string{
		"http://127.0.0.1:99999/", "http://%zz/", "https:", "//cdn.example.com/x.js",
		"http://\x00/", "http://127.0.0.1:0/", "HTTP", ":", "mailto:%", "tel:%", "data:,hello", "http://[]/",
	}
	results := newChecker(t, Options{Timeout: time.Second, Retries: -1}).Check(context.Background(), odd)
	for _, u := range odd {
		r := results[u]
		if r == nil || (!r.OK && r.Reason == "") {
			t.Errorf("%q: got %+v, want a result with a reason when broken", u, r)
		}
	}
}

func FuzzCheckSyntax(f *testing.F) {
	for _, seed := range []string{"mailto:a@example.com", "tel:+1 555", "http://exa mple.com", "https://[::1", "mailto:?to=%zz"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		_ = CheckSyntax(raw)
	})
}
