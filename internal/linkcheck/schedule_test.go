package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"
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

// A try that would be retried after a timeout gives up when its host has
// given no answer for its patience (half the timeout while nothing is
// known of the host) and its retry goes out at once, in the same slot,
// with the whole timeout: never two requests of one URL in flight. With
// no retries, the one try waits the whole timeout.
func TestCheckGivesUpEarlyOnHangingRequest(t *testing.T) {
	const timeout = 2 * time.Second
	tests := []struct {
		name         string
		opt          Options
		hangs        int // tries that hang before one answers
		wantOK       bool
		wantAttempts int
		wantReason   string
		wantFirstFor time.Duration // at least this long the first request was waited for
	}{
		{"the retry answers", Options{PerHost: 2, Timeout: timeout}, 1, true, 2, "", timeout / 2},
		{"one slot per host", Options{PerHost: 1, Timeout: timeout}, 1, true, 2, "", timeout / 2},
		{"both hang: the retry waited the whole timeout", Options{PerHost: 2, Timeout: timeout}, 2, false, 2, "timeout after 2s", timeout / 2},
		{"no retries: the whole timeout", Options{PerHost: 2, Timeout: timeout, Retries: -1}, 2, false, 1, "timeout after 2s", timeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				// By the try, not by the order requests arrive in: a
				// try given up may reach the server after its retry.
				if try(r) <= tt.hangs {
					<-r.Context().Done()
				}
			}))
			defer srv.Close()
			// Counted where the checker sends them: the server learns of
			// a request given up only some time after.
			rt := &watchedTransport{next: srv.Client().Transport, timeout: timeout}
			tt.opt.Transport = rt
			u := srv.URL + "/flaky"
			r := newChecker(t, tt.opt).Check(context.Background(), []string{u})[u]
			if r.OK != tt.wantOK || r.Attempts != tt.wantAttempts || r.Reason != tt.wantReason {
				t.Fatalf("got %+v, want ok=%v after %d tries, reason %q", r, tt.wantOK, tt.wantAttempts, tt.wantReason)
			}
			rt.mu.Lock()
			defer rt.mu.Unlock()
			if rt.maxInFlight != 1 {
				t.Errorf("%d requests of the URL in flight at once, want 1", rt.maxInFlight)
			}
			waited := rt.waited[u]
			if len(waited) == 0 || waited[0] < tt.wantFirstFor {
				t.Errorf("the first request was waited for %v, want at least %v", waited, tt.wantFirstFor)
			}
			if tt.hangs == 2 && tt.wantAttempts == 2 && (len(waited) < 2 || waited[1] < timeout) {
				t.Errorf("the retry was waited for %v, want the whole timeout %v", waited, timeout)
			}
		})
	}
}

// watchedTransport records how many requests are in flight at most and how
// long each one was waited for: from when its deadline was set, the
// checker's timeout before it, to its end. Measured so, a wait is never
// shorter than the checker's own, however late the request reached the
// transport. It numbers the tries of each URL in a header (see try).
type watchedTransport struct {
	next        http.RoundTripper
	timeout     time.Duration
	mu          sync.Mutex
	tries       map[string]int
	started     []string // "URL try N", in the order sent
	inFlight    int
	maxInFlight int
	waited      map[string][]time.Duration // by URL, in the order they ended
}

func (w *watchedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	w.mu.Lock()
	w.inFlight++
	w.maxInFlight = max(w.maxInFlight, w.inFlight)
	if w.tries == nil {
		w.tries, w.waited = map[string]int{}, map[string][]time.Duration{}
	}
	u := r.URL.String()
	w.tries[u]++
	w.started = append(w.started, u+" try "+strconv.Itoa(w.tries[u]))
	r = r.Clone(r.Context())
	r.Header.Set(tryHeader, strconv.Itoa(w.tries[u]))
	w.mu.Unlock()
	deadline, _ := r.Context().Deadline()
	resp, err := w.next.RoundTrip(r)
	w.mu.Lock()
	w.inFlight--
	w.waited[u] = append(w.waited[u], w.timeout-time.Until(deadline))
	w.mu.Unlock()
	return resp, err
}

const tryHeader = "Pagelint-Test-Try"

// try is which try of its URL r is, 1 for the first, as watchedTransport
// numbered it.
func try(r *http.Request) int {
	n, _ := strconv.Atoi(r.Header.Get(tryHeader))
	return n
}

func TestPatience(t *testing.T) {
	const timeout = 10 * time.Second
	for _, tt := range []struct {
		usual, want time.Duration
	}{
		{0, timeout / 2}, // nothing known of the host yet
		{20 * time.Millisecond, minPatience},
		{200 * time.Millisecond, 2 * time.Second},
		{2 * time.Second, timeout / 2},
	} {
		h := &hostState{slots: newSlots(4, 16)}
		h.slots.recent = tt.usual
		if got := h.patience(timeout); got != tt.want {
			t.Errorf("usual answer in %v: patience %v, want %v", tt.usual, got, tt.want)
		}
	}
}

// On a host known to answer fast, a hanging request gives up long before
// half the timeout and its retry takes its slot at once, ahead of the
// URLs still queued for the host.
func TestCheckGivesUpEarlyOnFastHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/queued/"):
			time.Sleep(20 * time.Millisecond)
		case r.URL.Path == "/hang" && try(r) == 1:
			<-r.Context().Done()
		}
	}))
	defer srv.Close()
	// Long, so that half of it is far from the patience of a fast host
	// (minPatience) however slow the machine: the retry answers at once.
	const timeout = 20 * time.Second
	rt := &watchedTransport{next: srv.Client().Transport, timeout: timeout}
	c := newChecker(t, Options{PerHost: 1, Timeout: timeout, Transport: rt})
	var fast []string
	for i := range 8 {
		fast = append(fast, fmt.Sprintf("%s/fast/%d", srv.URL, i))
	}
	c.Check(context.Background(), fast) // the host's usual answer time
	u := srv.URL + "/hang"
	urls := []string{u}
	for i := range 40 {
		urls = append(urls, fmt.Sprintf("%s/queued/%d", srv.URL, i))
	}
	if r := c.Check(context.Background(), urls)[u]; !r.OK || r.Attempts != 2 {
		t.Fatalf("got %+v, want OK at the second try", r)
	}
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if w := rt.waited[u]; len(w) == 0 || w[0] >= timeout/2 {
		t.Errorf("the first request was waited for %v, want well under %v", w, timeout/2)
	}
	// As the checker sent them: the server may learn of a request given
	// up only after its retry.
	first, retry := slices.Index(rt.started, u+" try 1"), slices.Index(rt.started, u+" try 2")
	if first < 0 || retry < first {
		t.Fatalf("requests sent: %q", rt.started)
	}
	if between := retry - first - 1; between != 0 {
		t.Errorf("%d queued URLs were asked between the first request and its retry, want none", between)
	}
}

// A URL slower than its host's usual answers but within the timeout is
// asked again once the first try gives up, and the second try, which
// waits the whole timeout, gets the answer: slow is not broken. A page
// whose answer has begun is not given up: it gets the whole timeout for
// its body. The test gives up a try itself (manualTimers), so neither half
// depends on how fast the machine delivers an answer.
func TestCheckSlowButWorkingURL(t *testing.T) {
	timers := &manualTimers{}
	var slowAsked atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow":
			if slowAsked.Add(1) == 1 {
				// No answer before the checker's patience ends.
				timers.last().fire()
				<-r.Context().Done()
			}
		case "/trickle":
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			// The body comes only once the checker, having the
			// answer's head, stopped its patience; a checker that
			// kept it would wait here until its timeout.
			select {
			case <-timers.last().stopped:
			case <-r.Context().Done():
				return
			}
			_, _ = fmt.Fprint(w, `<!doctype html><h1 id="end">end</h1>`)
		}
	}))
	defer srv.Close()
	c := newChecker(t, Options{Timeout: 5 * time.Second, Fragments: true})
	c.afterFunc = timers.afterFunc
	slow := srv.URL + "/slow"
	if r := c.Check(context.Background(), []string{slow})[slow]; !r.OK || r.Attempts != 2 {
		t.Errorf("slow: got %+v, want OK at the second try", r)
	}
	if n := timers.count(); n != 1 {
		t.Errorf("%d tries of the slow URL had a patience, want 1: the retry waits the whole timeout", n)
	}
	// A fragment missing is proof that the whole body was read: of a page
	// cut short it would prove nothing.
	found, missing := srv.URL+"/trickle#end", srv.URL+"/trickle#elsewhere"
	results := c.Check(context.Background(), []string{found, missing})
	if r := results[found]; !r.OK || r.FragmentMissing || r.Attempts != 1 {
		t.Errorf("trickle: got %+v, want OK with its fragment at the first try", r)
	}
	if r := results[missing]; !r.FragmentMissing {
		t.Errorf("trickle: got %+v, want the other fragment missing, from the whole body", r)
	}
}

// manualTimers stand in for the timers that end a try's patience
// (Checker.afterFunc): each fires when the test says, never by itself.
type manualTimers struct {
	mu     sync.Mutex
	timers []*manualTimer
}

type manualTimer struct {
	giveUp  func()
	stopped chan struct{} // closed when the checker stops the timer
	mu      sync.Mutex
	done    bool // fired or stopped
}

func (m *manualTimers) afterFunc(_ time.Duration, f func()) func() bool {
	t := &manualTimer{giveUp: f, stopped: make(chan struct{})}
	m.mu.Lock()
	m.timers = append(m.timers, t)
	m.mu.Unlock()
	return t.stop
}

// last is the timer started last: the one of the request a handler serves
// when the checker sends one request at a time.
func (m *manualTimers) last() *manualTimer {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.timers[len(m.timers)-1]
}

func (m *manualTimers) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.timers)
}

func (t *manualTimer) stop() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return false
	}
	t.done = true
	close(t.stopped)
	return true
}

func (t *manualTimer) fire() {
	t.mu.Lock()
	fire := !t.done
	t.done = true
	t.mu.Unlock()
	if fire {
		t.giveUp()
	}
}

func TestHostLimiting(t *testing.T) {
	h := newHostState(4, 4)
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

// A host that answered 429 is asked at half the rate it was served at,
// and runs unlimited again after seventy-one successes, as many whatever
// its answer times do meanwhile.
func TestHostSlowDownLifted(t *testing.T) {
	for _, later := range []time.Duration{20 * time.Millisecond, 2 * time.Second, time.Millisecond} {
		h := newHostState(4, 16)
		h.slots.recent = 20 * time.Millisecond // 4 slots: 200 requests a second
		h.slowDown(time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC))
		if got := h.limiter.Limit(); got != 100 {
			t.Fatalf("after a 429: %v requests a second, want 100", got)
		}
		h.slots.recent = later
		n := 0
		for ; h.limiter.Limit() != rate.Inf && n < 1000; n++ {
			h.speedUp()
		}
		if n != 71 {
			t.Errorf("answers taking %v after the 429: unlimited after %d successes, want 71", later, n)
		}
	}
}

// A host's URLs are asked in the order they were first given, the same on
// every run, however its workers are scheduled: with one slot, exactly
// that order.
func TestCheckAsksInGivenOrder(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.Path)
		mu.Unlock()
	}))
	defer srv.Close()
	var urls, want []string
	for i := range 30 {
		p := fmt.Sprintf("/u/%d", (i*7)%30) // not sorted
		urls = append(urls, srv.URL+p, srv.URL+p+"#again")
		want = append(want, p)
	}
	newChecker(t, Options{PerHost: 1}).Check(context.Background(), urls)
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(asked, want) {
		t.Fatalf("asked %q, want the order given, %q", asked, want)
	}
}

// A 429 that the host answers while it serves other URLs is its answer to
// the rate, not to the URL: up to maxRateTries such tries are not counted
// among the URL's retries, so a working URL of a busy host is not reported
// broken. A host that answers nothing but 429 has its URL broken after its
// retries, and without retries one try is all.
func TestCheckRateLimitedTriesNotCounted(t *testing.T) {
	const retries = DefaultRetries
	tests := []struct {
		name         string
		retries      int
		servesOthers bool // while it answers the URL 429
		refusals     int  // 429s before the URL is answered
		wantOK       bool
		wantAttempts int
	}{
		{"the host serves others", 0, true, retries + maxRateTries, true, retries + maxRateTries + 1},
		{"more 429s than the uncounted tries", 0, true, retries + maxRateTries + 1, false, retries + maxRateTries + 1},
		{"the host serves no one", 0, false, 99, false, retries + 1},
		{"no retries", -1, true, 99, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c *Checker
			var asked atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if asked.Add(1) > int64(tt.refusals) {
					return
				}
				if tt.servesOthers {
					c.host("http://" + r.Host).served.Add(1) // another URL of the host answered meanwhile
				}
				w.WriteHeader(http.StatusTooManyRequests)
			}))
			defer srv.Close()
			c = newChecker(t, Options{Retries: tt.retries})
			u := srv.URL + "/busy"
			r := c.Check(context.Background(), []string{u})[u]
			if r.OK != tt.wantOK || r.Attempts != tt.wantAttempts || !r.OK && r.Reason != "429 Too Many Requests" {
				t.Fatalf("got %+v, want ok=%v after %d tries", r, tt.wantOK, tt.wantAttempts)
			}
		})
	}
}
