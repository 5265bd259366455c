package schema

import (
	"path/filepath"
	"regexp"
	"time"

	"github.com/xeipuuv/gojsonschema"
)

// Defaults of the config, as docs/config.md gives them.
const (
	DefaultMaxPageSize     = 50 << 20
	DefaultThreshold       = 0.8
	DefaultTimeout         = 10 * time.Second
	DefaultConcurrency     = 64
	DefaultRetries         = 2
	DefaultCachePath       = ".pagelint-cache.json"
	DefaultCacheTTL        = 24 * time.Hour
	DefaultCacheFailureTTL = time.Hour
	DefaultNavSelector     = "nav, [role=navigation]"
	DefaultFooterSelector  = "footer, [role=contentinfo]"
)

// DefaultAccept are the HTTP statuses counted as OK by default.
var DefaultAccept = []string{"200-299"}

// MaxPageSize is the largest page read, in bytes (default 50 MB).
func (c *Config) MaxPageSize() int64 { return c.Site.MaxPageSize.Or(DefaultMaxPageSize) }

// Threshold is the share of pages whose menu entries make the site's menu
// for nav-inconsistent (default 0.8).
func (c *Config) Threshold() float64 {
	if c.Site.Threshold == 0 {
		return DefaultThreshold
	}
	return c.Site.Threshold
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

// MaxAge is maxAgeYears; ok is false when it is unset, which checks the
// year as 0 does: the newest year must be the reference year.
func (c *Copyright) MaxAge() (years int, ok bool) {
	if c == nil || c.MaxAgeYears == nil {
		return 0, false
	}
	return *c.MaxAgeYears, true
}

// YearIsOptional reports whether a notice without a year is fine.
func (c *Copyright) YearIsOptional() bool {
	return c != nil && c.YearOptional != nil && *c.YearOptional
}

// CheckExternal reports whether external URLs are checked (default true).
func (l *Links) CheckExternal() bool { return l.External == nil || *l.External }

// CheckFragments reports whether #fragments are checked (default true).
func (l *Links) CheckFragments() bool { return l.Fragments == nil || *l.Fragments }

// HashHrefAllowed reports whether href="#" outside menus and the footer
// is fine (default true).
func (l *Links) HashHrefAllowed() bool { return l.AllowHashHref == nil || *l.AllowHashHref }

// RequestTimeout is the timeout of one request (default 10s).
func (l *Links) RequestTimeout() time.Duration { return l.Timeout.Or(DefaultTimeout) }

// RunDeadline is the time limit of all external checks; 0 means none.
func (l *Links) RunDeadline() time.Duration { return l.Deadline.Or(0) }

// MaxConcurrency is the number of requests in flight (default 64).
func (l *Links) MaxConcurrency() int { return intOr(l.Concurrency, DefaultConcurrency) }

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
	return l.Cache.TTL.Or(DefaultCacheTTL)
}

// CacheFailureTTL is how long a failure is reused (default 1h).
func (l *Links) CacheFailureTTL() time.Duration {
	if l.Cache == nil {
		return DefaultCacheFailureTTL
	}
	return l.Cache.FailureTTL.Or(DefaultCacheFailureTTL)
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

// Compiled is the assertion's schema, compiled by Load or Config.Compile;
// nil before.
func (a *Assertion) Compiled() *gojsonschema.Schema { return a.compiled }

// RuleID is the rule of the assertion's findings: "assert/<id>".
func (a *Assertion) RuleID() string { return "assert/" + a.ID }

func intOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
