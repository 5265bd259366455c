package linkcheck

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// hostState is what the checker learns about one host during a run.
type hostState struct {
	// limiter is unlimited until the host answers 429. Then the host gets
	// half the rate it was served at, halved again on each later 429 (once
	// per cutWindow: the 429s of requests already in flight are one signal),
	// and 2% more with each success, until it runs unlimited again: a host
	// that sent one 429 is back to full speed after some seventy answers,
	// one that keeps sending them stays near the rate it takes.
	limiter *rate.Limiter
	mu      sync.Mutex
	lastCut time.Time
	// freeAtCut is freeRate when the limit was last set from unlimited:
	// the limit is lifted at twice it, so after a count of successes that
	// no later answer time changes.
	freeAtCut rate.Limit
	// last429 is when the host last answered 429: see limiting.
	last429 time.Time
	// preferGET: the host answered HEAD with 405 or 501, so its other URLs
	// skip the HEAD that would fail the same way.
	preferGET atomic.Bool
	// served counts the host's answers that were not pushing back (429,
	// 503): a 429 answered while it grew was the host's answer to the
	// rate, not to the URL (see Checker.tryURL).
	served atomic.Int64
	// slots are the host's share of requests in flight, which adapts to
	// its answers (see slots). A request holds one only while it is on
	// the wire, so a URL waiting out a backoff leaves its slot to the
	// host's other URLs; only a try that gave up early and a 429 of a
	// host that is rate limiting keep it for their retry (see
	// answer.held).
	slots *slots
}

const (
	cutWindow   = time.Second
	minSlowRate = rate.Limit(1) // requests per second
	rateGrowth  = 1.02          // per success
)

func newHostState(start, max int) *hostState {
	return &hostState{limiter: rate.NewLimiter(rate.Inf, 1), slots: newSlots(start, max)}
}

// acquire takes one of the host's slots, or fails when ctx ends first.
func (h *hostState) acquire(ctx context.Context) error { return h.slots.acquire(ctx) }

// release gives a slot back.
func (h *hostState) release() { h.slots.release() }

func (h *hostState) wait(ctx context.Context) error { return h.limiter.Wait(ctx) }

// observe records how long an answer took, and whether it was the host
// pushing back (429, 503).
func (h *hostState) observe(d time.Duration, busy bool, now time.Time) {
	if !busy {
		h.served.Add(1)
	}
	h.slots.answered(d, busy, now)
}

// patience is how long a try that would be retried after a timeout waits
// for the host's answer before it gives up and the retry goes out, in its
// slot, with the whole timeout: many times the host's usual answer time (a
// request that slow is most likely hanging), at least minPatience, at most
// half the timeout. A hanging URL then holds its slot for about one
// timeout, not two; a slow one that answers is asked twice and answers
// the second time, since the last try always waits the whole timeout.
func (h *hostState) patience(timeout time.Duration) time.Duration {
	usual := h.slots.recentAnswer()
	if usual <= 0 {
		return timeout / 2
	}
	return min(max(patienceFactor*usual, minPatience), timeout/2)
}

const (
	patienceFactor = 10
	minPatience    = 500 * time.Millisecond
)

// freeRate is the rate the host is asked at without a limit.
func (h *hostState) freeRate() rate.Limit {
	slots, latency := h.slots.current(), h.slots.recentAnswer()
	if latency <= 0 {
		return rate.Limit(10 * slots)
	}
	return rate.Limit(slots / latency.Seconds())
}

// limiting records a 429 at now and reports whether the host is rate
// limiting: it answered 429 before, within limitWindow. One 429 may be a
// URL's own; several in a row are the host's answer to how many requests
// it gets.
func (h *hostState) limiting(now time.Time) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	recent := !h.last429.IsZero() && now.Sub(h.last429) < limitWindow
	h.last429 = now
	return recent
}

const limitWindow = 2 * time.Second

func (h *hostState) slowDown(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if now.Sub(h.lastCut) < cutWindow {
		return
	}
	h.lastCut = now
	limit := h.limiter.Limit()
	if limit == rate.Inf {
		limit = h.freeRate()
		h.freeAtCut = limit
	}
	h.limiter.SetLimit(max(limit/2, minSlowRate))
}

func (h *hostState) speedUp() {
	h.mu.Lock()
	defer h.mu.Unlock()
	limit := h.limiter.Limit()
	if limit == rate.Inf {
		return
	}
	limit *= rateGrowth
	if limit > 2*h.freeAtCut {
		limit = rate.Inf
	}
	h.limiter.SetLimit(limit)
}
