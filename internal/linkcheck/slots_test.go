package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// The controller of a host's slots: more while the host answers fast and
// requests wait, half on a 429 or 503 (once per burst), a fifth off when
// answers slow down, never beyond its most nor under one.
func TestSlotsAdapt(t *testing.T) {
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	fast := 50 * time.Millisecond
	s := newSlots(4, 16)
	s.answered(fast, false, t0)
	if got := s.current(); got != 4 {
		t.Fatalf("an answer with nothing waiting: limit %v, want 4 (an idle host proves nothing)", got)
	}
	// Requests wait for the host, and more are in flight than it will
	// ever allow: nothing is granted to the waiters, as if each slot
	// freed were taken at once.
	s.waiting = []chan struct{}{make(chan struct{})}
	s.inFlight = 100
	for range 4 {
		s.answered(fast, false, t0)
	}
	if got := s.current(); got != 8 {
		t.Fatalf("four fast answers while requests wait: limit %v, want 8 (one more per answer)", got)
	}
	for range 20 {
		s.answered(fast, false, t0)
	}
	if got := s.current(); got != 16 {
		t.Fatalf("many fast answers: limit %v, want the most, 16", got)
	}
	s.answered(fast, true, t0.Add(time.Second))
	s.answered(fast, true, t0.Add(time.Second+fast/2)) // sent before the cut
	if got := s.current(); got != 8 {
		t.Fatalf("a burst of 429s: limit %v, want half of 16, once", got)
	}
	for range 8 {
		s.answered(fast, false, t0.Add(2*time.Second))
	}
	if got := s.current(); got < 8.9 || got > 9.1 {
		t.Fatalf("a round of answers after a 429: limit %v, want 9 (one more per round)", got)
	}
	for i := range 40 {
		s.answered(10*fast, false, t0.Add(time.Duration(3+i)*time.Second))
	}
	if got := s.current(); got >= 9 {
		t.Fatalf("answers ten times slower: limit %v, want fewer than 9", got)
	}
	for i := range 20 {
		s.answered(fast, true, t0.Add(time.Duration(100+2*i)*time.Second))
	}
	if got := s.current(); got != 1 {
		t.Fatalf("429s for a long time: limit %v, want the floor, 1", got)
	}
}

// Slots are granted in order, and a request whose context ends while it
// waits leaves the queue without losing a slot.
func TestSlotsQueue(t *testing.T) {
	s := newSlots(1, 1)
	if err := s.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitFor := func(n int) {
		for s.waitingCount() != n {
			time.Sleep(time.Millisecond)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	gaveUp := make(chan error)
	go func() { gaveUp <- s.acquire(ctx) }()
	waitFor(1)
	cancel()
	if err := <-gaveUp; err == nil {
		t.Fatal("a canceled wait got a slot")
	}
	waitFor(0)
	got := make(chan string, 2)
	for i, name := range []string{"first", "second"} {
		go func() {
			if s.acquire(context.Background()) == nil {
				got <- name
			}
		}()
		waitFor(i + 1)
	}
	s.release()
	if g := <-got; g != "first" {
		t.Fatalf("%s got the slot first", g)
	}
	s.release()
	if g := <-got; g != "second" {
		t.Fatalf("%s got the slot second", g)
	}
	if s.inFlight != 1 {
		t.Fatalf("%d in flight, want 1", s.inFlight)
	}
}

// With its defaults the checker finds how much a host takes: one that
// answers fast gets more requests at once than the four a host starts
// with, and one that answers 429 beyond a rate (as busy hosts do) gets
// fewer, and no false broken link.
func TestCheckAdaptsToHost(t *testing.T) {
	var inFlight, peak, refused atomic.Int64
	limiter := rate.NewLimiter(200, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := peak.Load(); n > m && !peak.CompareAndSwap(m, n); m = peak.Load() {
		}
		if !limiter.Allow() {
			refused.Add(1)
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}))
	defer srv.Close()
	var urls []string
	for i := range 600 {
		urls = append(urls, srv.URL+"/"+strconv.Itoa(i))
	}
	c := newChecker(t, Options{Timeout: 5 * time.Second})
	c.backoffBase = 500 * time.Millisecond // as in a real run
	for u, r := range c.Check(context.Background(), urls) {
		if !r.OK {
			t.Errorf("%s: %+v", u, r)
		}
	}
	if p := peak.Load(); p <= DefaultPerHost {
		t.Errorf("at most %d requests in flight: the host never got more than it started with", p)
	}
	if n := refused.Load(); n > 120 {
		t.Errorf("%d requests answered 429 for 600 URLs: the checker did not back off", n)
	}
	t.Logf("peak %d in flight, %d answered 429", peak.Load(), refused.Load())
}
