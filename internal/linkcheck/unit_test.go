package linkcheck

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestCheckSyntax(t *testing.T) {
	tests := []struct {
		in  string
		err string // "" = valid
	}{
		{"mailto:a@example.com", ""},
		{"MAILTO:a@example.com", ""},
		{"mailto:a@example.com,b@example.org?subject=Hi%20there", ""},
		{"mailto:?to=a@example.com", ""},
		{"mailto:first.last+tag@sub.example.co.uk", ""},
		{"mailto:a%40example.com", ""},
		{"mailto:", "mailto link has no address"},
		{"mailto:?subject=Feedback", "mailto link has no address"},
		{"mailto:?subject=Look&body=https%3A%2F%2Fexample.com%2F", ""}, // a share link (RFC 6068)
		{"mailto:?to=&body=Read%20this", ""},
		{"mailto:?body=", "mailto link has no address"},
		{"mailto:%74%65%ZZ@example.com", `invalid %-escape "%ZZ"`},
		{"mailto:a@example.com%2", `invalid %-escape "%2"`},
		{"mailto:nobody", `invalid email address "nobody"`},
		{"mailto:a@b", `bad domain "b"`},
		{"mailto:a@@example.com", "invalid email address"},
		{"mailto:a@exa mple.com", "invalid email address"},
		{"tel:+14255550100", ""},
		{"tel:+1 (425) 555-0100", ""},
		{"tel:+1-425-555-0100;ext=12", ""},
		{"tel:555.0100", ""},
		{"tel:", "invalid telephone number"},
		{"tel:12", "invalid telephone number"},
		{"tel:+1-CALL-NOW", "invalid telephone number"},
		{"http://example.com/", ""},
		{"http://exa mple.com", "malformed URL: "},
		{"ftp://example.com/", ""},
		{"javascript:void(0)", ""},
	}
	for _, tt := range tests {
		err := CheckSyntax(tt.in)
		if (tt.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("CheckSyntax(%q) = %v, want %q", tt.in, err, tt.err)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"3", 3 * time.Second, true},
		{"0", 0, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"Thu, 26 Nov 2026 12:00:30 GMT", 30 * time.Second, true},
		{"Thu, 26 Nov 2026 11:00:00 GMT", 0, true},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%q: got %v %v, want %v %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRetryDelayCapsRetryAfter(t *testing.T) {
	c := newChecker(t, Options{MaxRetryAfter: 2 * time.Second})
	if d := c.retryDelay(answer{retryAfter: "3600"}, 0); d != 2*time.Second {
		t.Errorf("got %v, want the 2s cap", d)
	}
	c.backoffBase = 100 * time.Millisecond
	if d := c.retryDelay(answer{status: http.StatusTooManyRequests, retryAfter: "0"}, 0); d < 50*time.Millisecond {
		t.Errorf("429 with Retry-After: 0: %v, want at least the backoff", d)
	}
	if d := c.retryDelay(answer{status: http.StatusServiceUnavailable, retryAfter: "0"}, 0); d != 0 {
		t.Errorf("503 with Retry-After: 0: %v, want none", d)
	}
	for retry := range 3 {
		base := c.backoffBase << retry
		if d := c.retryDelay(answer{}, retry); d < base/2 || d > base*3/2 {
			t.Errorf("retry %d: %v outside [%v, %v]", retry, d, base/2, base*3/2)
		}
	}
}

func TestClassify(t *testing.T) {
	wrap := func(err error) error { return &url.Error{Op: "Head", URL: "https://x.example/", Err: err} }
	tests := []struct {
		err       error
		reason    string
		retryable bool
	}{
		{wrap(&net.DNSError{Err: "no such host", Name: "x.example", IsNotFound: true}), "DNS lookup failed: no such host", false},
		{wrap(&net.DNSError{Err: "i/o timeout", Name: "x.example", IsTimeout: true}), "DNS lookup failed: i/o timeout", true},
		{wrap(x509.UnknownAuthorityError{}), "TLS certificate error: x509: certificate signed by unknown authority", false},
		{wrap(&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}), "connection refused", false},
		{wrap(&net.OpError{Op: "read", Err: syscall.ECONNRESET}), "connection reset by server", true},
		{wrap(context.DeadlineExceeded), "timeout after 10s", true},
		{wrap(io.EOF), "connection closed by server", true},
		{wrap(fmt.Errorf("read: %w", io.ErrUnexpectedEOF)), "connection closed by server", true},
		{wrap(errors.New("something odd")), "something odd", false},
	}
	for _, tt := range tests {
		f := classify(tt.err, 10*time.Second)
		if f.reason != tt.reason || f.retryable != tt.retryable {
			t.Errorf("%v: got %q retryable=%v, want %q %v", tt.err, f.reason, f.retryable, tt.reason, tt.retryable)
		}
	}
}

// The failures that are the host's, not the URL's (see reach): its name
// did not resolve, or no route led to it.
func TestClassifyHostFailures(t *testing.T) {
	wrap := func(err error) error { return &url.Error{Op: "Head", URL: "https://x.example/", Err: err} }
	tests := []struct {
		err       error
		reason    string
		host, dns bool
	}{
		{wrap(&net.DNSError{Err: "no such host", Name: "x.example", IsNotFound: true}), "DNS lookup failed: no such host", true, true},
		{wrap(&net.DNSError{Err: "server misbehaving", Name: "x.example", IsTemporary: true}), "DNS lookup failed: server misbehaving", true, true},
		{wrap(&net.OpError{Op: "dial", Err: os.NewSyscallError("connect", syscall.ENETUNREACH)}), "network unreachable", true, false},
		{wrap(&net.OpError{Op: "dial", Err: os.NewSyscallError("connect", syscall.EHOSTUNREACH)}), "host unreachable", true, false},
		{wrap(&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}), "connection refused", false, false},
		{wrap(context.DeadlineExceeded), "timeout after 10s", false, false},
		{wrap(x509.UnknownAuthorityError{}), "TLS certificate error: x509: certificate signed by unknown authority", false, false},
	}
	for _, tt := range tests {
		f := classify(tt.err, 10*time.Second)
		if f.reason != tt.reason || f.host != tt.host || f.dns != tt.dns {
			t.Errorf("%v: got %q host=%v dns=%v, want %q %v %v", tt.err, f.reason, f.host, f.dns, tt.reason, tt.host, tt.dns)
		}
	}
}

func TestHostSlowsDownAfter429(t *testing.T) {
	h := newHostState(4, 4)
	h.observe(100*time.Millisecond, false, time.Now()) // 4 at a time, 100ms each: 40 a second
	now := time.Now()
	h.slowDown(now)
	if got := h.limiter.Limit(); got != 20 {
		t.Fatalf("after one 429: %v, want half of 40 a second", got)
	}
	h.slowDown(now.Add(cutWindow / 2)) // the same burst of 429s
	if got := h.limiter.Limit(); got != 20 {
		t.Fatalf("after a second 429 at once: %v, want no further cut", got)
	}
	for i := range 10 {
		h.slowDown(now.Add(time.Duration(i+1) * cutWindow))
	}
	if got := h.limiter.Limit(); got != minSlowRate {
		t.Fatalf("after many 429s: %v, want the floor %v", got, minSlowRate)
	}
	for range 1000 {
		h.speedUp()
	}
	if got := h.limiter.Limit(); !isInf(float64(got)) {
		t.Fatalf("after many successes: %v, want unlimited again", got)
	}
}

func isInf(f float64) bool { return f > 1e300 }

func TestCollectAnchors(t *testing.T) {
	got, err := collectAnchors(strings.NewReader(`<div id="a"><a name="b"></a><span name="c"></span><img id="d"/><a id=""></a>`))
	if err != nil || strings.Join(got, ",") != "a,b,d" {
		t.Fatalf("got %q %v, want a,b,d", got, err)
	}
}
