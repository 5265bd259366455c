package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"sync"
	"time"
)

// tracer records when each request of a check went out and came back, to
// show where a run's time goes: per host, how long its slots were busy and
// when its last answer came.
type tracer struct {
	next  http.RoundTripper
	start time.Time
	mu    sync.Mutex
	spans []span
}

type span struct {
	host, method, path string
	from, to           time.Duration
	outcome            string // the status, or the error
}

func newTracer(perHost int) *tracer {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 2 * max(perHost, 4)
	return &tracer{next: t, start: time.Now()}
}

func (t *tracer) RoundTrip(r *http.Request) (*http.Response, error) {
	from := time.Since(t.start)
	resp, err := t.next.RoundTrip(r)
	s := span{host: r.URL.Host, method: r.Method, path: r.URL.Path, from: from, to: time.Since(t.start)}
	if err != nil {
		s.outcome = "error: " + err.Error()
	} else {
		s.outcome = resp.Status
	}
	t.mu.Lock()
	t.spans = append(t.spans, s)
	t.mu.Unlock()
	return resp, err
}

// write writes one line per request (host, method, path, seconds from the
// start when sent and answered, outcome) to path, and a line per host to
// summary: requests, seconds its requests were in flight, last answer.
func (t *tracer) write(path string, summary io.Writer) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	sort.Slice(t.spans, func(i, j int) bool { return t.spans[i].from < t.spans[j].from })
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	type hostSum struct {
		requests   int
		busy, last time.Duration
		unanswered int
	}
	hosts := map[string]*hostSum{}
	for _, s := range t.spans {
		fmt.Fprintf(w, "%s\t%s\t%s\t%.3f\t%.3f\t%s\n", s.host, s.method, s.path, s.from.Seconds(), s.to.Seconds(), s.outcome)
		h := hosts[s.host]
		if h == nil {
			h = &hostSum{}
			hosts[s.host] = h
		}
		h.requests++
		h.busy += s.to - s.from
		h.last = max(h.last, s.to)
		if s.outcome[0] == 'e' {
			h.unanswered++
		}
	}
	if err := w.Flush(); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	names := make([]string, 0, len(hosts))
	for n := range hosts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		h := hosts[n]
		fmt.Fprintf(summary, "%s: %d requests (%d unanswered), in flight %.1f s in all, last answer at %.2f s\n",
			n, h.requests, h.unanswered, h.busy.Seconds(), h.last.Seconds())
	}
	return nil
}
