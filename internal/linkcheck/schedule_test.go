package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A host whose requests hang holds no more than its own slots: the other
// host's URLs are all answered while the hanging ones are still in flight.
func TestCheckHangingHostDoesNotStarveOthers(t *testing.T) {
	const fastURLs = 30
	var fastServed atomic.Int64
	fastDone := make(chan struct{})
	fast := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fastServed.Add(1) == fastURLs {
			close(fastDone)
		}
	}))
	defer fast.Close()
	var slowAsked atomic.Int64
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slowAsked.Add(1)
		// Hang until the other host is done: if the slow host kept the
		// fast one from its slots, this would end in timeouts.
		select {
		case <-fastDone:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()

	var urls []string
	for i := range 6 {
		urls = append(urls, fmt.Sprintf("%s/hang/%d", slow.URL, i))
	}
	for i := range fastURLs {
		urls = append(urls, fmt.Sprintf("%s/ok/%d", fast.URL, i))
	}
	tests := []struct {
		name string
		opt  Options
	}{
		{"one global slot left to the fast host", Options{Concurrency: 3, PerHost: 2, Timeout: 5 * time.Second}},
		{"per-host limit equals the global one", Options{Concurrency: 4, PerHost: 2, Timeout: 5 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fastServed.Store(0)
			slowAsked.Store(0)
			fastDone = make(chan struct{})
			results := newChecker(t, tt.opt).Check(context.Background(), urls)
			for _, u := range urls {
				if r := results[u]; !r.OK || r.Attempts != 1 {
					t.Errorf("%s: got %+v, want OK at the first try", u, r)
				}
			}
			if n := slowAsked.Load(); n != 6 {
				t.Errorf("the hanging host got %d requests, want 6 (one per URL)", n)
			}
		})
	}
}

// A URL waiting out its backoff before a retry leaves its host's only
// slot to the host's other URLs, which are all asked before the retry; so
// does a lone 429. One waiting out a 429 of a host that is rate limiting
// (it answered 429 just before) keeps it, since the host asked for fewer
// requests, and no other URL is asked during the wait.
func TestCheckRetryWaitAndHostSlot(t *testing.T) {
	const others = 8
	tests := []struct {
		name      string
		status    int
		limiting  bool // the host answered 429 just before
		freesSlot bool
	}{
		{"503: the others go during the backoff", http.StatusServiceUnavailable, false, true},
		{"a lone 429: the others go during the wait", http.StatusTooManyRequests, false, true},
		{"429 of a host that is limiting: no request during the wait", http.StatusTooManyRequests, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				mu          sync.Mutex
				flakyAsked  int
				othersAsked int
				atFailure   int // others asked when the failure was sent
				atRetry     int // others asked when the retry came
			)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				if r.URL.Path != "/flaky" {
					othersAsked++
					return
				}
				flakyAsked++
				if flakyAsked == 1 {
					atFailure = othersAsked
					w.Header().Set("Retry-After", "1")
					w.WriteHeader(tt.status)
					return
				}
				atRetry = othersAsked
			}))
			defer srv.Close()
			urls := []string{srv.URL + "/flaky"}
			for i := range others {
				urls = append(urls, fmt.Sprintf("%s/other/%d", srv.URL, i))
			}
			c := newChecker(t, Options{PerHost: 1, MaxRetryAfter: 10 * time.Second})
			c.backoffBase = 2 * time.Second // a wait of 1 to 3s: far more than the other URLs take
			if tt.limiting {
				c.host(srv.URL).limiting(c.now()) // srv.URL is its host key
			}
			results := c.Check(context.Background(), urls)
			for _, u := range urls {
				if !results[u].OK {
					t.Fatalf("%s: got %+v, want OK", u, results[u])
				}
			}
			if r := results[srv.URL+"/flaky"]; r.Attempts != 2 {
				t.Fatalf("got %+v, want OK at the second try", r)
			}
			if tt.freesSlot && atRetry != others {
				t.Errorf("the retry came after %d of the %d other URLs, want after all of them", atRetry, others)
			}
			if !tt.freesSlot && atRetry != atFailure {
				t.Errorf("%d other URLs were asked during the wait, want none", atRetry-atFailure)
			}
		})
	}
}

// A request unanswered after half its timeout, on a host with nothing
// else to do and a free slot, has its one timeout retry sent beside it;
// with no free slot the retry waits for the timeout.
func TestCheckHedgesHangingRequest(t *testing.T) {
	tests := []struct {
		name       string
		perHost    int
		wantHedged bool
	}{
		{"free slot: retry sent early", 2, true},
		{"no free slot: retry after the timeout", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inFlight, calls, maxInFlight atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := inFlight.Add(1)
				defer inFlight.Add(-1)
				for m := maxInFlight.Load(); n > m && !maxInFlight.CompareAndSwap(m, n); m = maxInFlight.Load() {
				}
				if calls.Add(1) == 1 {
					<-r.Context().Done() // the first request hangs
				}
			}))
			defer srv.Close()
			c := newChecker(t, Options{PerHost: tt.perHost, Timeout: 400 * time.Millisecond})
			u := srv.URL + "/flaky"
			r := c.Check(context.Background(), []string{u})[u]
			if !r.OK || r.Attempts != 2 {
				t.Fatalf("got %+v, want OK at the second try", r)
			}
			if hedged := maxInFlight.Load() == 2; hedged != tt.wantHedged {
				t.Errorf("two requests in flight at once: %v, want %v", hedged, tt.wantHedged)
			}
			if calls.Load() != 2 {
				t.Errorf("%d requests, want 2", calls.Load())
			}
		})
	}
}

func TestHedgeAfter(t *testing.T) {
	const timeout = 10 * time.Second
	for _, tt := range []struct {
		usual, want time.Duration
	}{
		{0, timeout / 2}, // nothing known of the host yet
		{20 * time.Millisecond, minHedge},
		{200 * time.Millisecond, 2 * time.Second},
		{2 * time.Second, timeout / 2},
	} {
		h := &hostState{latency: tt.usual}
		if got := h.hedgeAfter(timeout); got != tt.want {
			t.Errorf("usual answer in %v: hedge after %v, want %v", tt.usual, got, tt.want)
		}
	}
}

// On a host known to answer fast, the retry of a hanging request goes out
// long before half the timeout, in the next slot that comes free, ahead of
// the URLs still queued for the host.
func TestCheckHedgesEarlyOnFastHost(t *testing.T) {
	var hangingSince atomic.Int64 // unix nanos of the first /hang request
	var gap atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/queued/") {
			time.Sleep(100 * time.Millisecond)
			return
		}
		if r.URL.Path != "/hang" {
			return
		}
		if hangingSince.CompareAndSwap(0, time.Now().UnixNano()) {
			<-r.Context().Done()
			return
		}
		gap.Store(time.Now().UnixNano() - hangingSince.Load())
	}))
	defer srv.Close()
	const timeout = 4 * time.Second
	c := newChecker(t, Options{PerHost: 2, Timeout: timeout})
	var fast []string
	for i := range 8 {
		fast = append(fast, fmt.Sprintf("%s/fast/%d", srv.URL, i))
	}
	c.Check(context.Background(), fast) // the host's usual answer time
	u := srv.URL + "/hang"
	urls := []string{u}
	for i := range 40 { // four seconds of work for the other slot
		urls = append(urls, fmt.Sprintf("%s/queued/%d", srv.URL, i))
	}
	if r := c.Check(context.Background(), urls)[u]; !r.OK || r.Attempts != 2 {
		t.Fatalf("got %+v, want OK at the second try", r)
	}
	if d := time.Duration(gap.Load()); d >= timeout/2 {
		t.Errorf("the retry went out %v after the first request, want well before %v", d, timeout/2)
	}
}

func TestHostLimiting(t *testing.T) {
	h := newHostState(4)
	t0 := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, step := range []struct {
		at   time.Duration
		want bool
	}{
		{0, false},                         // a lone 429
		{time.Second, true},                // another soon after: limiting
		{time.Second + limitWindow, false}, // then quiet for a while
		{time.Second + limitWindow + 10*time.Millisecond, true},
	} {
		if got := h.limiting(t0.Add(step.at)); got != step.want {
			t.Errorf("429 at +%v: limiting %v, want %v", step.at, got, step.want)
		}
	}
}
