package linkcheck

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// exchangeOrHedge is exchangeThen, except that a request still unanswered
// long after its host usually answers (see hostState.hedgeAfter) gets its
// retry sent beside it, in the next slot of its host that comes free,
// rather than after its timeout: a hanging URL then costs about one
// timeout of wall time instead of two, while its host's slots, the global
// limit and the number of tries stay what they are. The first answer that
// is not a timeout wins and ends the other request; hedged says whether
// the second request was sent.
func (c *Checker) exchangeOrHedge(ctx context.Context, hs *hostState, method, rawURL string, needBody, haveSlot, mayHedge bool) (a answer, hedged bool) {
	if !mayHedge {
		return c.exchangeThen(ctx, hs, method, rawURL, needBody, haveSlot, nil), false
	}
	firstCtx, stopFirst := context.WithCancel(ctx)
	defer stopFirst()
	h := &hedge{stopFirst: stopFirst, done: make(chan struct{})}
	var timer *time.Timer
	// The delay counts from the moment the request goes out, not from the
	// wait for a slot before it; most requests end long before it, so the
	// common path costs one stopped timer.
	first := c.exchangeThen(firstCtx, hs, method, rawURL, needBody, haveSlot, func() {
		timer = time.AfterFunc(hs.hedgeAfter(c.opt.Timeout), func() { c.runHedge(ctx, hs, h, method, rawURL, needBody) })
	})
	if timer != nil {
		timer.Stop()
	}
	launched := h.finish()
	if !launched {
		return first, false
	}
	if !h.won.Load() && (first.fail == nil || !first.fail.timeout) {
		h.cancel() // the retry is not needed any more
		return first, true
	}
	if second := <-h.answer; second.fail == nil || !second.fail.timeout {
		if first.held != nil {
			first.held.release() // a 429 that came as the retry won
		}
		return second, true
	}
	return first, true
}

// hedge is the early retry of one request.
type hedge struct {
	mu       sync.Mutex
	finished bool // the first request has answered: no retry may start now
	done     chan struct{}
	launched bool
	cancel   context.CancelFunc // set with launched
	answer   chan answer        // set with launched
	// stopFirst ends the first request once the retry has its answer
	// (won): a hanging first request need not be waited out.
	stopFirst context.CancelFunc
	won       atomic.Bool
}

// finish marks the first request answered and says whether the retry was
// sent.
func (h *hedge) finish() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.finished {
		h.finished = true
		close(h.done)
	}
	return h.launched
}

// runHedge waits for the next slot of the host that comes free and sends
// the retry there, unless the first request answers before.
func (c *Checker) runHedge(ctx context.Context, hs *hostState, h *hedge, method, rawURL string, needBody bool) {
	if !hs.acquireForHedge(ctx, h.done) {
		return
	}
	defer hs.release()
	// The host's rate, slowed after a 429, holds for the retry too.
	if err := hs.wait(ctx); err != nil {
		return
	}
	h.mu.Lock()
	if h.finished {
		h.mu.Unlock()
		return
	}
	var hedgeCtx context.Context
	hedgeCtx, h.cancel = context.WithCancel(ctx)
	h.answer = make(chan answer, 1)
	h.launched = true
	h.mu.Unlock()
	defer h.cancel()
	a := c.send(hedgeCtx, hs, method, rawURL, needBody, nil)
	if a.fail == nil || (!a.fail.timeout && !a.fail.aborted) {
		h.won.Store(true)
		h.stopFirst()
	}
	h.answer <- a
}
