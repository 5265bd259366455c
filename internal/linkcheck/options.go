// Package linkcheck checks external URLs: each distinct URL once, with a
// global and a per-host concurrency limit, HEAD then GET, retries with
// backoff, redirects, optional #fragment checks and a result cache.
package linkcheck

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pagelint/pagelint/internal/netpolicy"
)

// Version is pagelint's version as the default User-Agent names it; the
// command sets it at start-up.
var Version = "dev"

// Defaults of Options, applied where a field is left at its zero value.
const (
	DefaultConcurrency   = 64
	DefaultPerHost       = 4  // requests in flight a host starts with
	DefaultMaxPerHost    = 16 // the most a host that answers fast grows to
	DefaultTimeout       = 10 * time.Second
	DefaultRetries       = 2
	DefaultCacheTTL      = 24 * time.Hour
	DefaultFailureTTL    = time.Hour
	DefaultMaxRetryAfter = 30 * time.Second
	maxRedirects         = 10
)

// DefaultUserAgent is the User-Agent sent when Options.UserAgent is empty.
func DefaultUserAgent() string { return UserAgent(Version) }

// UserAgent is pagelint's User-Agent for a version: every request pagelint
// makes (fetches, crawls, link checks) names itself the same way.
func UserAgent(version string) string {
	return "pagelint/" + version + " (+https://github.com/pagelint/pagelint)"
}

// HeaderRule adds request headers to every URL that Pattern matches. A value
// may name environment variables as "${NAME}"; New expands them, so a
// secret lives in the environment and never in the config, and it is never
// written to the cache.
type HeaderRule struct {
	Pattern *regexp.Regexp
	Headers map[string]string
}

// Options configure a Checker. A zero field takes the default named in its
// comment; a negative count or duration switches the feature off where the
// comment says so.
type Options struct {
	Concurrency int           // requests in flight at once, all hosts; default 64
	PerHost     int           // most requests in flight at once to one host; default: from 4, adapting up to 16
	Timeout     time.Duration // one request; default 10s
	Deadline    time.Duration // the whole Check; 0 = none. URLs not checked by then are Skipped
	Retries     int           // extra tries after a retryable failure; default 2, negative = none
	Accept      []string      // statuses that count as working: "200-299" (default), "403", …

	Exclude []*regexp.Regexp // URLs matching any of these are Skipped
	// Policy says which addresses may be dialled, on every request and
	// redirect hop; a URL it refuses is Skipped. nil: any address (tests).
	Policy *netpolicy.Policy

	UserAgent string       // default DefaultUserAgent()
	Headers   []HeaderRule // extra headers per URL pattern; later rules win

	Fragments bool // check #fragments of external HTML pages (fetches the body with GET)

	CachePath  string        // JSON cache file; "" = no cache
	CacheTTL   time.Duration // how long a working result is kept; default 24h
	FailureTTL time.Duration // how long a failure is kept; default 1h

	Progress io.Writer        // non-nil: draw a progress bar there
	Warn     func(msg string) // one-line warnings (corrupt or unwritable cache); nil = discard

	Transport     http.RoundTripper // default: a tuned *http.Transport shared by all requests
	MaxRetryAfter time.Duration     // cap on a server's Retry-After; default 30s
}

// statusRange is one entry of Options.Accept.
type statusRange struct{ lo, hi int }

// parseAccept reads "200-299", "403" and comma lists of them.
func parseAccept(specs []string) ([]statusRange, error) {
	if len(specs) == 0 {
		return []statusRange{{200, 299}}, nil
	}
	var out []statusRange
	for _, spec := range specs {
		for _, part := range strings.Split(spec, ",") {
			part = strings.TrimSpace(part)
			lo, hi, isRange := strings.Cut(part, "-")
			a, errA := parseStatus(lo)
			b, errB := a, errA
			if isRange {
				b, errB = parseStatus(hi)
			}
			if errA != nil || errB != nil || a > b {
				return nil, fmt.Errorf("invalid accepted status %q (want a code like \"403\" or a range like \"200-299\")", part)
			}
			out = append(out, statusRange{a, b})
		}
	}
	return out, nil
}

func parseStatus(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 100 || n > 999 {
		return 0, fmt.Errorf("bad status %q", s)
	}
	return n, nil
}

func accepted(ranges []statusRange, status int) bool {
	for _, r := range ranges {
		if status >= r.lo && status <= r.hi {
			return true
		}
	}
	return false
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandHeaders replaces each "${NAME}" by the environment variable NAME. An
// unset variable is an error: sending an empty token would turn every
// protected URL into a false 401.
func expandHeaders(rules []HeaderRule) ([]HeaderRule, error) {
	out := make([]HeaderRule, 0, len(rules))
	for _, r := range rules {
		if r.Pattern == nil {
			return nil, fmt.Errorf("header rule has no URL pattern")
		}
		h := make(map[string]string, len(r.Headers))
		for name, value := range r.Headers {
			var missing string
			expanded := envRef.ReplaceAllStringFunc(value, func(ref string) string {
				name := envRef.FindStringSubmatch(ref)[1]
				v, ok := os.LookupEnv(name)
				if !ok && missing == "" {
					missing = name
				}
				return v
			})
			if missing != "" {
				return nil, fmt.Errorf("header %q for URLs matching %q needs environment variable %q, which is not set", name, r.Pattern, missing)
			}
			h[http.CanonicalHeaderKey(name)] = expanded
		}
		out = append(out, HeaderRule{Pattern: r.Pattern, Headers: h})
	}
	return out, nil
}
