package schema

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xeipuuv/gojsonschema"
)

// Defaults of the config, as DESIGN and the docs give them.
const (
	DefaultMaxPageSize     = 50 << 20
	DefaultThreshold       = 0.8
	DefaultTimeout         = 10 * time.Second
	DefaultConcurrency     = 64
	DefaultMaxPerHost      = 16
	DefaultRetries         = 2
	DefaultCachePath       = ".pagelint-cache.json"
	DefaultCacheTTL        = 24 * time.Hour
	DefaultCacheFailureTTL = time.Hour
	DefaultNavSelector     = "nav, [role=navigation]"
	DefaultFooterSelector  = "footer, [role=contentinfo]"
)

// DefaultAccept are the HTTP statuses counted as OK by default.
var DefaultAccept = []string{"200-299"}

var sizePattern = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?) *([kmg]i?b|b)?$`)

// ParseSize reads a size: plain bytes ("1048576") or with a unit B, KB, MB
// or GB (KiB, MiB, GiB are the same: 1 KB = 1024 bytes), case-insensitive.
func ParseSize(s string) (int64, error) {
	m := sizePattern.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, fmt.Errorf("invalid size %q (want e.g. \"512KB\", \"50MB\", \"1GB\")", s)
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	unit := 1.0
	switch strings.TrimSuffix(strings.TrimSuffix(m[2], "b"), "i") {
	case "k":
		unit = 1 << 10
	case "m":
		unit = 1 << 20
	case "g":
		unit = 1 << 30
	}
	v := n * unit
	if v < 1 || v > math.MaxInt64/2 {
		return 0, fmt.Errorf("invalid size %q (want at least 1 byte and at most a few exabytes)", s)
	}
	return int64(v), nil
}

// MaxPageSize is the largest page read, in bytes (default 50 MB).
func (c *Config) MaxPageSize() int64 {
	if c.Site.MaxPageSize != "" {
		if n, err := ParseSize(c.Site.MaxPageSize); err == nil {
			return n
		}
	}
	return DefaultMaxPageSize
}

// Threshold is the share of pages whose menu entries make the site's menu
// for nav-inconsistent (default 0.8).
func (c *Config) Threshold() float64 {
	if c.Site.Threshold > 0 && c.Site.Threshold <= 1 {
		return c.Site.Threshold
	}
	return DefaultThreshold
}

// RuleSeverity is the severity the config's "rules" sets for rule: "error",
// "warning", "info" or "off"; ok is false when it sets none.
func (c *Config) RuleSeverity(rule string) (string, bool) {
	s, ok := c.Rules[rule]
	return s, ok
}

// ResolvePath takes a path written in the config (site.root, the cache
// file) relative to the config's directory.
func (c *Config) ResolvePath(p string) string {
	if p == "" || filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// SiteRoot is site.root relative to the working directory, or "" when the
// config sets none.
func (c *Config) SiteRoot() string {
	if c.Site.Root == "" {
		return ""
	}
	return c.ResolvePath(c.Site.Root)
}

// NavSelector is navigation.selector or its default.
func (c *Config) NavSelector() string {
	if c.Navigation.Selector != "" {
		return c.Navigation.Selector
	}
	return DefaultNavSelector
}

// FooterSelector is footer.selector or its default.
func (c *Config) FooterSelector() string {
	if c.Footer.Selector != "" {
		return c.Footer.Selector
	}
	return DefaultFooterSelector
}

// IsRequired reports whether the footer must carry a copyright notice.
func (c *Copyright) IsRequired() bool {
	return c != nil && c.Required != nil && *c.Required
}

// MaxAge is maxAgeYears; ok is false when the year is not checked.
func (c *Copyright) MaxAge() (years int, ok bool) {
	if c == nil || c.MaxAgeYears == nil {
		return 0, false
	}
	return *c.MaxAgeYears, true
}

// CheckExternal reports whether external URLs are checked (default true).
func (l *Links) CheckExternal() bool { return l.External == nil || *l.External }

// CheckFragments reports whether #fragments are checked (default true).
func (l *Links) CheckFragments() bool { return l.Fragments == nil || *l.Fragments }

// RequestTimeout is the timeout of one request (default 10s).
func (l *Links) RequestTimeout() time.Duration {
	return durationOr(l.Timeout, DefaultTimeout)
}

// RunDeadline is the time limit of all external checks; 0 means none.
func (l *Links) RunDeadline() time.Duration { return durationOr(l.Deadline, 0) }

// MaxConcurrency is the number of requests in flight (default 64).
func (l *Links) MaxConcurrency() int { return intOr(l.Concurrency, DefaultConcurrency) }

// MaxPerHost is the most requests in flight to one host: links.perHost,
// else 16. Without links.perHost a host starts at 4 and gets more while it
// answers fast (docs/links.md).
func (l *Links) MaxPerHost() int { return intOr(l.PerHost, DefaultMaxPerHost) }

// MaxRetries is the number of retries of a failed request (default 2).
func (l *Links) MaxRetries() int {
	if l.Retries != nil && *l.Retries >= 0 {
		return *l.Retries
	}
	return DefaultRetries
}

// AcceptedStatus is links.accept or its default ["200-299"].
func (l *Links) AcceptedStatus() []string {
	if len(l.Accept) > 0 {
		return l.Accept
	}
	return DefaultAccept
}

// Accepts reports whether an HTTP status counts as OK.
func (l *Links) Accepts(status int) bool {
	for _, a := range l.AcceptedStatus() {
		if lo, hi, err := parseStatusRange(a); err == nil && status >= lo && status <= hi {
			return true
		}
	}
	return false
}

// CachePath is the cache file as written (default ".pagelint-cache.json");
// Config.ResolvePath takes it relative to the config.
func (l *Links) CachePath() string {
	if l.Cache != nil && l.Cache.Path != "" {
		return l.Cache.Path
	}
	return DefaultCachePath
}

// CacheTTL is how long a good result is reused (default 24h; 0 disables
// the cache).
func (l *Links) CacheTTL() time.Duration {
	if l.Cache == nil {
		return DefaultCacheTTL
	}
	return durationOr(l.Cache.TTL, DefaultCacheTTL)
}

// CacheFailureTTL is how long a failure is reused (default 1h).
func (l *Links) CacheFailureTTL() time.Duration {
	if l.Cache == nil {
		return DefaultCacheFailureTTL
	}
	return durationOr(l.Cache.FailureTTL, DefaultCacheFailureTTL)
}

// Excluded reports whether url matches one of links.exclude (compiled by
// Load or Compile).
func (l *Links) Excluded(url string) bool {
	for _, re := range l.exclude {
		if re.MatchString(url) {
			return true
		}
	}
	return false
}

// ExcludePatterns are the compiled links.exclude expressions, for the link
// checker's options.
func (l *Links) ExcludePatterns() []*regexp.Regexp { return l.exclude }

// HeaderPatterns are the compiled patterns of links.headers, one for each
// rule of Headers, in order.
func (l *Links) HeaderPatterns() []*regexp.Regexp { return l.headers }

// HeadersFor returns the request headers of the rules whose pattern matches
// url, later rules winning, with ${NAME} replaced by the environment
// variable NAME. Never write the result out: it may hold secrets.
func (l *Links) HeadersFor(url string) map[string]string {
	var out map[string]string
	for i, re := range l.headers {
		if i >= len(l.Headers) || !re.MatchString(url) {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		for k, v := range l.Headers[i].Headers {
			out[k] = expandEnv(v)
		}
	}
	return out
}

// expandEnv replaces ${NAME} only: a "$" elsewhere in a header value (a
// token, a password) stays as written.
var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

func expandEnv(v string) string {
	return envRef.ReplaceAllStringFunc(v, func(m string) string {
		return os.Getenv(m[2 : len(m)-1])
	})
}

// Compiled is the assertion's schema, compiled by Load or Config.Compile;
// nil before.
func (a *Assertion) Compiled() *gojsonschema.Schema { return a.compiled }

// RuleID is the rule of the assertion's findings: "assert/<id>".
func (a *Assertion) RuleID() string { return "assert/" + a.ID }

func durationOr(s string, def time.Duration) time.Duration {
	if s == "" {
		return def
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return def
	}
	return d
}

func intOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
