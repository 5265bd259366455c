package schema

import (
	"encoding/json"
	"regexp"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/xeipuuv/gojsonschema"
)

// Config is a site's contract, after presets are merged and every regular
// expression compiled. Its JSON form is schema/config.schema.json.
type Config struct {
	Schema string `json:"$schema,omitempty"`
	// Description says what the config (or preset) is for.
	Description string                      `json:"description,omitempty"`
	Extends     []string                    `json:"extends,omitempty"`
	Site        Site                        `json:"site,omitzero"`
	Navigation  Navigation                  `json:"navigation,omitzero"`
	Footer      Footer                      `json:"footer,omitzero"`
	Links       Links                       `json:"links,omitzero"`
	Rules       map[string]finding.Severity `json:"rules,omitempty"`
	Assertions  []Assertion                 `json:"assertions,omitempty"`
	Ignore      []string                    `json:"ignore,omitempty"`

	// Path is the config file it was read from ("" when none was found);
	// Dir is the directory relative paths in it are taken from.
	Path string `json:"-"`
	Dir  string `json:"-"`
}

// Site describes the site as a whole.
type Site struct {
	// BaseURL is where the site is published: absolute links to it are
	// internal links.
	BaseURL string `json:"baseURL,omitempty"`
	// Root is the site root for "/"-relative links, relative to the config.
	Root string `json:"root,omitempty"`
	// MaxPageSize is the largest page read (default 50 MB).
	MaxPageSize Size `json:"maxPageSize,omitzero"`
	// Threshold is the share of pages (0..1, default 0.8) whose menu entries
	// make the site's menu for nav-inconsistent.
	Threshold float64 `json:"threshold,omitempty"`
	// TextSnapshots are globs, relative to the config, of the files that
	// are rendered-text snapshots.
	TextSnapshots []string `json:"textSnapshots,omitempty"`
}

// Navigation is the contract of the page's menus.
type Navigation struct {
	Selector string `json:"selector,omitempty"`
	Required []Item `json:"required,omitempty"`
	Menus    []Menu `json:"menus,omitempty"`
}

// Menu names a menu when one page has several that differ: the elements
// Selector matches, or (without one) the page's menus of that name.
type Menu struct {
	Name     string `json:"name"`
	Selector string `json:"selector,omitempty"`
	Required []Item `json:"required,omitempty"`
}

// Footer is the contract of the page's footer.
type Footer struct {
	Selector  string     `json:"selector,omitempty"`
	Required  []Item     `json:"required,omitempty"`
	Copyright *Copyright `json:"copyright,omitempty"`
}

// Copyright says what the copyright notice must be.
type Copyright struct {
	Required *bool `json:"required,omitempty"`
	// MaxAgeYears: how many years the newest year may lag the reference
	// year; unset is 0, the reference year itself.
	MaxAgeYears *int `json:"maxAgeYears,omitempty"`
	// YearOptional accepts a notice without a year ("© Crown copyright").
	// A pointer: a config's false overrides a preset's true, and init
	// writes it either way.
	YearOptional *bool            `json:"yearOptional,omitempty"`
	Severity     finding.Severity `json:"severity,omitempty"`
}

// Item is a required navigation entry or footer item.
type Item struct {
	ID       string           `json:"id,omitempty"`
	Label    Strings          `json:"label,omitempty"`
	Pattern  Strings          `json:"pattern,omitempty"`
	Exclude  string           `json:"exclude,omitempty"`
	Href     string           `json:"href,omitempty"`
	Children []Item           `json:"children,omitempty"`
	Severity finding.Severity `json:"severity,omitempty"`
	Message  string           `json:"message,omitempty"`
	// Scope is "every-page" (default) or "home".
	Scope string `json:"scope,omitempty"`
	// In lists where the item may stand: "header", "footer", "page".
	In []string `json:"in,omitempty"`
	// Icon: an image or inline SVG must stand inside or right before it.
	Icon bool `json:"icon,omitempty"`
	// Legacy labels still satisfy the item, with a warning.
	Legacy *Legacy `json:"legacy,omitempty"`
	// Enabled false switches the item (e.g. a preset's) off.
	Enabled *bool `json:"enabled,omitempty"`
	// Description and Basis document preset items (the legal basis).
	Description string `json:"description,omitempty"`
	Basis       string `json:"basis,omitempty"`
	// AnyOf are alternatives: the item is also satisfied by an entry that
	// matches one of them (each with its own Label, Pattern, Exclude and
	// Icon; an alternative without Exclude uses the item's).
	AnyOf []Item `json:"anyOf,omitempty"`
	// Preset is the preset the item comes from ("" for the config's own).
	Preset string `json:"-"`

	patterns []*regexp.Regexp
	exclude  *regexp.Regexp
}

// Legacy are older wordings that still satisfy an item, with a warning.
type Legacy struct {
	Label   Strings `json:"label,omitempty"`
	Pattern Strings `json:"pattern,omitempty"`
	Message string  `json:"message,omitempty"`

	patterns []*regexp.Regexp
}

// Links configures link checking.
type Links struct {
	External          *bool        `json:"external,omitempty"`
	Fragments         *bool        `json:"fragments,omitempty"`
	ExternalFragments bool         `json:"externalFragments,omitempty"`
	AllowHashHref     *bool        `json:"allowHashHref,omitempty"` // see HashHrefAllowed
	Timeout           Duration     `json:"timeout,omitzero"`
	Deadline          Duration     `json:"deadline,omitzero"`
	Concurrency       int          `json:"concurrency,omitempty"`
	PerHost           int          `json:"perHost,omitempty"`
	Retries           *int         `json:"retries,omitempty"`
	Accept            []string     `json:"accept,omitempty"`
	Exclude           []string     `json:"exclude,omitempty"`
	ExcludePrivate    bool         `json:"excludePrivate,omitempty"`
	AllowPrivate      bool         `json:"allowPrivate,omitempty"`
	UserAgent         string       `json:"userAgent,omitempty"`
	Headers           []HeaderRule `json:"headers,omitempty"`
	Cache             *Cache       `json:"cache,omitempty"`

	exclude []*regexp.Regexp
	headers []*regexp.Regexp // compiled Headers[i].Pattern
}

// HeaderRule adds request headers to the URLs its pattern matches. Values
// may name environment variables as ${NAME}; they are never written out.
type HeaderRule struct {
	Pattern string            `json:"pattern"`
	Headers map[string]string `json:"headers"`
}

// Cache configures the external link cache.
type Cache struct {
	Path       string   `json:"path,omitempty"`
	TTL        Duration `json:"ttl,omitzero"`
	FailureTTL Duration `json:"failureTTL,omitzero"`
}

// Assertion is a custom JSON Schema that each page's model must satisfy.
type Assertion struct {
	ID       string           `json:"id"`
	Severity finding.Severity `json:"severity,omitempty"`
	Message  string           `json:"message,omitempty"`
	Schema   json.RawMessage  `json:"schema"`

	compiled *gojsonschema.Schema
}

// Strings is a string or a list of strings in the config.
type Strings []string

// MarshalJSON writes one string as a string, as people write it.
func (s Strings) MarshalJSON() ([]byte, error) {
	if len(s) == 1 {
		return json.Marshal(s[0])
	}
	return json.Marshal([]string(s))
}

// UnmarshalJSON accepts "a" as well as ["a", "b"].
func (s *Strings) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = Strings{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*s = many
	return nil
}
