package linkcheck

import (
	"context"
	"sync"
	"time"
)

// slots are a host's share of requests in flight, grown and shrunk by what
// the host answers, the way TCP sizes its window (additive increase,
// multiplicative decrease): a host that answers fast gets more requests at
// once, one that answers 429 or 503 or slows down gets half as many. With
// the defaults a host starts at DefaultPerHost and grows up to
// DefaultMaxPerHost; a links.perHost the user sets is the most it gets.
type slots struct {
	mu        sync.Mutex
	limit     float64 // requests the host may have in flight now
	max       float64
	threshold float64 // below it the limit grows by one per answer, above by one per limit answers
	inFlight  int
	waiting   []chan struct{} // requests waiting for a slot, first come first served
	lastCut   time.Time
	// Two moving averages of the host's answer times: a host whose recent
	// answers are much slower than its usual ones is queueing them, the
	// sign of a host at its limit before it says 429.
	recent, usual time.Duration
	answers       int
}

func newSlots(start, max int) *slots {
	return &slots{limit: float64(start), max: float64(max), threshold: float64(max)}
}

// acquire takes a slot, or fails when ctx ends first.
func (s *slots) acquire(ctx context.Context) error {
	s.mu.Lock()
	if s.inFlight < s.allowed() {
		s.inFlight++
		s.mu.Unlock()
		return nil
	}
	ready := make(chan struct{})
	s.waiting = append(s.waiting, ready)
	s.mu.Unlock()
	select {
	case <-ready:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		defer s.mu.Unlock()
		for i, w := range s.waiting {
			if w == ready {
				s.waiting = append(s.waiting[:i], s.waiting[i+1:]...)
				return ctx.Err()
			}
		}
		// The slot was granted as ctx ended: give it back.
		s.inFlight--
		s.grant()
		return ctx.Err()
	}
}

// release gives a slot back.
func (s *slots) release() {
	s.mu.Lock()
	s.inFlight--
	s.grant()
	s.mu.Unlock()
}

func (s *slots) allowed() int { return max(int(s.limit), 1) }

// grant hands free slots to waiting requests, in order.
func (s *slots) grant() {
	for s.inFlight < s.allowed() && len(s.waiting) > 0 {
		close(s.waiting[0])
		s.waiting = s.waiting[1:]
		s.inFlight++
	}
}

// Thresholds of the controller.
const (
	cutFactor     = 0.5 // of the limit, on 429 or 503
	slowCutFactor = 0.8 // of the limit, when answers slow down
	slowdownRatio = 1.5 // recent answers this much slower than usual: the host is queueing
	warmupAnswers = 32  // answers before the usual time is trusted
	recentWeight  = 8   // the recent average follows the last ~8 answers
	usualWeight   = 64  // the usual one the last ~64
)

// recentAnswer is the moving average of the host's last answer times (0
// before its first): how long it usually takes now, from which the rate it
// is served at without a limit follows (slots / recentAnswer).
func (s *slots) recentAnswer() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.recent
}

// answered records an answer of the host that took d, received at now:
// busy says the host pushed back (429, 503), which halves its limit. Of
// the answers to requests sent before a cut only the first counts: they
// are one signal, of a limit already cut. Otherwise the limit grows, by
// one per answer until the host first pushed back, by one per round of
// answers after, but only while the host has requests waiting (an idle
// host proves nothing) and its answers are not slowing down.
func (s *slots) answered(d time.Duration, busy bool, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers++
	if s.recent == 0 {
		s.recent, s.usual = d, d
	} else {
		s.recent += (d - s.recent) / recentWeight
		s.usual += (d - s.usual) / usualWeight
	}
	slowing := s.answers > warmupAnswers && float64(s.recent) > slowdownRatio*float64(s.usual)
	sent := now.Add(-d)
	switch {
	case busy:
		s.cut(cutFactor, sent, now)
	case slowing:
		s.cut(slowCutFactor, sent, now)
	case len(s.waiting) > 0 && s.limit < s.max:
		if s.limit < s.threshold {
			s.limit++
		} else {
			s.limit += 1 / s.limit
		}
		s.limit = min(s.limit, s.max)
		s.grant()
	}
}

func (s *slots) cut(factor float64, sent, now time.Time) {
	if sent.Before(s.lastCut) {
		return
	}
	s.lastCut = now
	s.limit = max(s.limit*factor, 1)
	s.threshold = s.limit
}

// current is the limit now, for freeRate and tests.
func (s *slots) current() float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limit
}

// waitingCount is how many requests wait, for tests.
func (s *slots) waitingCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.waiting)
}
