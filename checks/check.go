// Package checks is the check engine: the Finding type, the Check interface
// and the one list of registered checks. Each rule family lives in a file of
// its own; checks read the page model, never the DOM.
package checks

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// Severity of a finding. The zero value means "the rule's severity".
type Severity int

// Severities, weakest first.
const (
	Unset Severity = iota
	Info
	Warning
	Error
	Off // a rule set to "off"; never on a finding
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Error: "error", Off: "off"}

func (s Severity) String() string { return severityNames[s] }

// ParseSeverity reads "error", "warning", "info" or "off".
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if n == name {
			return s, nil
		}
	}
	return Unset, fmt.Errorf("unknown severity %q (want error, warning, info or off)", name)
}

// MarshalJSON writes the severity's name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads a severity's name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	*s = v
	return err
}

// Finding is one result of a check: something wrong with a page.
type Finding struct {
	Rule     string            `json:"rule"`
	Severity Severity          `json:"severity"`
	Message  string            `json:"message"`
	Source   string            `json:"source"`
	Line     int               `json:"line,omitempty"`
	Column   int               `json:"column,omitempty"`
	Selector string            `json:"selector,omitempty"`
	Context  map[string]string `json:"context,omitempty"`
	// PageNote is the note of the finding's page (page.Page.Note).
	PageNote string `json:"pageNote,omitempty"`
}

// Rule describes one rule id for `pagelint rules` and the report formats.
type Rule struct {
	ID          string
	Severity    Severity
	Description string
	// Off marks rules that are off unless the config switches them on.
	Off bool
}

// Check is one rule family, run on each page's model.
type Check interface {
	Rules() []Rule
	Check(p *page.Page, env *Env) []Finding
}

// SiteCheck is a rule family that needs every page of the run at once.
type SiteCheck interface {
	Rules() []Rule
	CheckSite(pages []*page.Page, env *Env) []Finding
}

// Env is what checks know beyond the page: the config, the reference date,
// the other pages of the site and the results of external link checks.
type Env struct {
	Config *schema.Config
	// Now is the reference date for date rules.
	Now time.Time
	// Site answers questions about local targets; nil when the input is
	// not a site on disk (stdin, a URL without crawl).
	Site Site
	// External holds the outcome of external URL checks, keyed by the
	// link's Target; nil when external links were not checked.
	External map[string]ExternalResult
	// Defer, when set, takes the links whose judgement needs what is not
	// known yet while pages are still being read: a fragment on another
	// page, an external URL. The engine judges them later with RunLinks,
	// so that a page's model need not be kept until every page is read.
	Defer func(p *page.Page, l *page.Link)
	// Settled, when set, remembers the site paths (with their fragments)
	// that links led to without a finding, so that the next links to them
	// on this or later pages are not judged again: whether a site path
	// and its fragment exist is the same from every page. Not safe for
	// concurrent use: one map per goroutine.
	Settled map[string]bool
}

// Site is what a check may ask about the pages and files of the site.
type Site interface {
	// Resolve maps a site path (without query or fragment, percent-decoded)
	// to the page or file it names: "/a/" → "/a/index.html", "/about" →
	// "/about.html" or "/about/index.html". ok is false when nothing exists.
	Resolve(sitePath string) (resolved string, ok bool)
	// Anchors returns the ids and a[name]s of the page at a resolved path,
	// and false when that is no page of the run — or, while pages are
	// still read (Env.Defer set), no page read yet.
	Anchors(resolved string) (map[string]bool, bool)
}

// ExternalResult is what the link checker found for one URL.
type ExternalResult struct {
	OK bool
	// Reason says why it is broken: "404 Not Found", "DNS lookup failed", ….
	Reason string
	// FinalURL is where redirects led, when they did.
	FinalURL string
	// Permanent: the URL answered with a permanent redirect.
	Permanent bool
	// FragmentMissing: the page exists but names no such fragment.
	FragmentMissing bool
}
