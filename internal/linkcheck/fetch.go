package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"time"

	"github.com/pagelint/pagelint/internal/urlnorm"
)

// smallBody is what is read of a GET body when only the status matters:
// enough to let short answers keep their connection, little enough that a
// huge or endless body costs nothing.
const smallBody = 16 << 10

// maxTimeoutRetries bounds retries after timeouts below Options.Retries: a
// host that timed out twice is not answering, and each further try would
// cost a whole timeout.
const maxTimeoutRetries = 1

// maxRateTries bounds the tries of a URL that are not counted among its
// retries because the host's 429 was its answer to the rate (see tryURL).
const maxRateTries = 3

// outcome is what fetch learned of one URL.
type outcome struct {
	res        *Result
	anchors    []string
	hasAnchors bool
	partial    bool
	// hostDown: the URL's own host failed for good (see reach).
	hostDown bool
}

// answer is one HTTP exchange: a status or a failure.
type answer struct {
	status     int
	location   string
	retryAfter string
	fail       *failure
	anchors    []string
	hasAnchors bool
	partial    bool
	// held is the host whose slot the URL keeps for its retry: after a
	// try that gave up early (see hostState.patience), so that the retry
	// goes out at once; and through the wait after a 429 when the host is
	// rate limiting (hostState.limiting), so that it gets one fewer
	// request in flight until then and the retry does not meet the next
	// burst of 429s. A lone 429 leaves the slot to the host's other URLs.
	held *hostState
}

// releaseSlot gives back the slot a 429 kept, if any.
func (a *answer) releaseSlot() {
	if a.held != nil {
		a.held.release()
		a.held = nil
	}
}

// fetch checks one normalised URL, following redirects by hand. haveSlot:
// the caller hands over a slot of hs for the first request.
func (c *Checker) fetch(ctx context.Context, hs *hostState, key string, needAnchors, haveSlot bool) outcome {
	res := &Result{URL: key}
	current := key
	visited := map[string]bool{key: true}
	for hop := 0; ; hop++ {
		a, attempts := c.tryURL(ctx, hs, current, needAnchors, haveSlot)
		haveSlot = false
		res.Attempts += attempts
		if current != key {
			res.FinalURL = current
		}
		if a.fail != nil && a.fail.refused {
			why := "not checked: " + a.fail.reason
			if current != key {
				why = "not checked: redirected to " + current + ", and " + a.fail.reason
			}
			return outcome{res: &Result{URL: key, OK: true, Skipped: true, Refused: true, SkipReason: why, Attempts: res.Attempts}}
		}
		if a.fail != nil {
			if err := ctx.Err(); err != nil || a.fail.aborted {
				if err == nil {
					err = context.DeadlineExceeded
				}
				return outcome{res: notChecked(key, err)}
			}
			res.Reason = a.fail.reason
			if a.fail.host {
				// The host of this hop (the URL's own, or where a
				// redirect led) failed for good, after its retries.
				reachOf(ctx).markDown(current, a.fail)
			}
			return outcome{res: res, hostDown: a.fail.host && current == key}
		}
		if isRedirect(a.status) && a.location != "" {
			if hop == 0 {
				res.Permanent = a.status == http.StatusMovedPermanently || a.status == http.StatusPermanentRedirect
			}
			next, err := resolveRedirect(current, a.location)
			if err != nil {
				res.Status = a.status
				res.Reason = fmt.Sprintf("redirect to malformed URL %q", a.location)
				return outcome{res: res}
			}
			if next == "" { // to another scheme: nothing more to check
				res.OK, res.Status, res.FinalURL = true, a.status, a.location
				return outcome{res: res}
			}
			if visited[next] {
				res.Status = a.status
				res.Reason = "redirect loop at " + next
				return outcome{res: res}
			}
			if hop+1 > maxRedirects {
				res.Status = a.status
				res.Reason = fmt.Sprintf("too many redirects (%d)", maxRedirects)
				return outcome{res: res}
			}
			visited[next] = true
			current = next
			continue
		}
		res.Status = a.status
		res.OK = accepted(c.accept, a.status)
		if !res.OK {
			res.Reason = statusReason(a.status)
		}
		return outcome{res: res, anchors: a.anchors, hasAnchors: a.hasAnchors, partial: a.partial}
	}
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// resolveRedirect resolves a Location against the URL that sent it and
// normalises it; "" means it leads off http(s).
func resolveRedirect(base, location string) (string, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	loc, err := url.Parse(location)
	if err != nil {
		return "", err
	}
	abs := b.ResolveReference(loc)
	if abs.Scheme != "http" && abs.Scheme != "https" {
		return "", nil
	}
	t, err := urlnorm.Parse(abs.String())
	if err != nil {
		return "", err
	}
	return t.Key, nil
}

// tryURL asks for one URL until it answers for good: HEAD (unless the body
// is needed or the host rejects HEAD), GET where HEAD is not to be trusted,
// and retries with backoff on timeouts, resets, 5xx and 429. A 429 that
// the host answered while it served other URLs is its answer to the rate,
// not to the URL: such a try is not one of the URL's retries, up to
// maxRateTries of them, so that a working URL of a busy host is not
// reported broken for the turns it came at. haveSlot: the caller hands
// over a slot of hs for the first try.
func (c *Checker) tryURL(ctx context.Context, hs *hostState, rawURL string, needBody, haveSlot bool) (answer, int) {
	attempts, timeouts := 0, 0
	retry, rateTries := 0, 0
	kept := haveSlot // a slot of hs held for the next try (see answer.held)
	for {
		method := http.MethodHead
		if needBody || hs.preferGET.Load() {
			method = http.MethodGet
		}
		// A timeout would be retried: this try may give up early.
		early := retry < c.opt.Retries && timeouts < maxTimeoutRetries
		served := hs.served.Load()
		a := c.attempt(ctx, hs, method, rawURL, needBody, kept, early, !early)
		attempts++
		if method == http.MethodHead && (a.fail == nil && getOnHead(a.status) || a.fail != nil && a.fail.closed) {
			if a.status == http.StatusMethodNotAllowed || a.status == http.StatusNotImplemented {
				hs.preferGET.Store(true)
			}
			a = c.exchange(ctx, hs, http.MethodGet, rawURL, needBody, !early)
			attempts++
		}
		rateOnly := false
		if a.fail == nil && a.status == http.StatusTooManyRequests {
			hs.slowDown(c.now())
			rateOnly = c.opt.Retries > 0 && rateTries < maxRateTries && hs.served.Load() > served
		} else if a.fail == nil {
			hs.speedUp()
		}
		if !rateOnly && (retry >= c.opt.Retries || a.fail != nil && a.fail.aborted || !c.shouldRetry(a, &timeouts)) {
			a.releaseSlot()
			return a, attempts
		}
		if !c.sleep(ctx, c.retryDelay(a, retry)) {
			// The run ended before a retry that was due: what the
			// URL answered so far may not be its answer, so it was
			// not checked.
			a.releaseSlot()
			return answer{fail: &failure{reason: "the run ended before a retry", aborted: true}}, attempts
		}
		kept, a.held = a.held != nil, nil
		if rateOnly {
			rateTries++
		} else {
			retry++
		}
	}
}

func (c *Checker) shouldRetry(a answer, timeouts *int) bool {
	if a.fail == nil {
		return retryableStatus(a.status)
	}
	if a.fail.timeout {
		*timeouts++
		return *timeouts <= maxTimeoutRetries
	}
	return a.fail.retryable
}

// retryDelay is the server's Retry-After, capped, or exponential backoff
// with jitter so that many URLs of one host do not retry in lockstep; a
// 429 waits at least the backoff, whatever Retry-After says. A timeout is
// retried at once: the time it waited is pause enough, and a hanging URL's
// retry is the last request its host waits for.
func (c *Checker) retryDelay(a answer, retry int) time.Duration {
	if a.fail != nil && a.fail.timeout {
		return 0
	}
	backoff := c.backoffBase << retry
	if backoff > 0 {
		backoff = backoff/2 + rand.N(backoff) // between half and one and a half times
	}
	if d, ok := parseRetryAfter(a.retryAfter, c.now()); ok {
		d = min(d, c.opt.MaxRetryAfter)
		if a.fail == nil && a.status == http.StatusTooManyRequests {
			// "Retry-After: 0" from a host that is overrun is no reason
			// to ask it again at once.
			d = max(d, backoff)
		}
		return d
	}
	return max(backoff, 0)
}

func (c *Checker) sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// exchange sends one request and reads what is needed of the answer. It
// holds a slot of its host and one of the global limit only while the
// request is in flight, and takes the host's first: a request waiting for
// its busy host never sits on a global slot that another host could use.
// last: a timeout of it is not retried (see send).
func (c *Checker) exchange(ctx context.Context, hs *hostState, method, rawURL string, needBody, last bool) answer {
	return c.attempt(ctx, hs, method, rawURL, needBody, false, false, last)
}

// attempt is exchange for a try of tryURL, which may be followed by others.
// haveSlot: the caller hands over a slot of the host it kept, which the
// request takes instead of waiting for one. early: a retry would follow a
// timeout, so the request waits for its answer only as long as the host
// gives reason to (see hostState.patience), and keeps its slot for the
// retry when it gives up.
func (c *Checker) attempt(ctx context.Context, hs *hostState, method, rawURL string, needBody, haveSlot, early, last bool) answer {
	if !haveSlot {
		if err := hs.acquire(ctx); err != nil {
			return answer{fail: &failure{reason: err.Error(), aborted: true}}
		}
	}
	// The rate comes after the slot: a request that passed the rate
	// before a 429 slowed its host must not go out after it, at the old
	// speed, once a slot is free. Wait fails early when the host's slowed
	// rate would overrun the run's deadline.
	if err := hs.wait(ctx); err != nil {
		hs.release()
		return answer{fail: &failure{reason: err.Error(), aborted: true}}
	}
	patience := c.opt.Timeout
	if early {
		patience = hs.patience(c.opt.Timeout)
	}
	a := c.send(ctx, hs, method, rawURL, needBody, patience, last)
	if a.fail != nil && a.fail.gaveUp ||
		a.fail == nil && a.status == http.StatusTooManyRequests && hs.limiting(c.now()) {
		a.held = hs // kept by tryURL for the retry
		return a
	}
	hs.release()
	return a
}

// errGaveUp ends a request that got no answer within its patience.
var errGaveUp = errors.New("no answer yet")

// send is exchange for a caller that holds a slot of the host. The
// request gives up after patience when that is less than the timeout;
// once the answer has begun it gets the whole timeout. last: a timeout of
// this try is not retried, so a host failure it ends in is the URL's
// answer.
func (c *Checker) send(ctx context.Context, hs *hostState, method, rawURL string, needBody bool, patience time.Duration, last bool) answer {
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return answer{fail: &failure{reason: ctx.Err().Error(), aborted: true}}
	}
	defer func() { <-c.sem }()

	reqCtx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	reqCtx, giveUp := context.WithCancelCause(reqCtx)
	defer giveUp(nil)
	var dial dialWatch
	req, err := http.NewRequestWithContext(dial.traced(reqCtx), method, rawURL, http.NoBody)
	if err != nil {
		return answer{fail: &failure{reason: "malformed URL: " + innermost(err).Error()}}
	}
	c.setHeaders(req)
	c.requests.Add(1)
	sent := time.Now()
	stopImpatience := func() bool { return false }
	if patience < c.opt.Timeout {
		stopImpatience = c.afterFunc(patience, func() { giveUp(errGaveUp) })
	}
	resp, err := c.client.Do(req)
	stopImpatience()
	if err != nil {
		if errors.Is(context.Cause(reqCtx), errGaveUp) {
			return answer{fail: &failure{reason: "no answer within " + patience.String(), retryable: true, timeout: true, gaveUp: true}}
		}
		f := classify(err, c.opt.Timeout)
		switch {
		case ctx.Err() != nil:
			// The run's end cut it short: it says nothing of the URL,
			// its host or the network.
			f.aborted = true
		case !f.timeout:
		case dial.unstarted() && reachOf(ctx).stuckAtDNS(req.URL.Hostname()):
			f = failure{reason: dnsFailed + "no answer within " + c.opt.Timeout.String(), retryable: true, timeout: true, host: true, dns: true}
		case dial.stuck():
			f = connectTimedOut()
		}
		if f.refused {
			c.requests.Add(-1) // never sent
		}
		reachOf(ctx).saw(&f)
		if f.host && (!f.retryable || f.timeout && last) {
			// Before the slot is given back: the host's next URL must
			// find it down.
			reachOf(ctx).markDown(rawURL, &f)
		}
		return answer{fail: &f}
	}
	reachOf(ctx).saw(nil)
	busy := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable
	hs.observe(time.Since(sent), busy, c.now())
	defer func() { _ = resp.Body.Close() }()
	a := answer{
		status:     resp.StatusCode,
		location:   resp.Header.Get("Location"),
		retryAfter: resp.Header.Get("Retry-After"),
	}
	if method != http.MethodGet {
		return a
	}
	if needBody && resp.StatusCode/100 == 2 && isHTML(resp.Header.Get("Content-Type")) {
		counted := &countingReader{r: io.LimitReader(resp.Body, maxFragmentBody)}
		anchors, err := collectAnchors(counted)
		a.anchors, a.hasAnchors = anchors, true
		// A page cut short by the limit or by the server may have its
		// anchor further on: such a page proves no fragment missing.
		a.partial = err != nil || counted.n >= maxFragmentBody
		return a
	}
	_, _ = io.CopyN(io.Discard, resp.Body, smallBody)
	return a
}

func (c *Checker) setHeaders(req *http.Request) {
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	u := req.URL.String()
	for _, rule := range c.headers {
		if rule.Pattern.MatchString(u) {
			for name, value := range rule.Headers {
				req.Header.Set(name, value)
			}
		}
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (cr *countingReader) Read(p []byte) (int, error) {
	n, err := cr.r.Read(p)
	cr.n += int64(n)
	return n, err
}
