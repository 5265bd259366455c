package checks

import (
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// An item of the config (navigation.required[], footer.required[]) is
// matched against an entry's accessible name and visible text, compared
// case-insensitively after collapsing white space: a label must equal one of
// the item's labels, or one of its patterns must match; its exclude
// expression rules a name out.

// alternatives lists the ways an item can be satisfied: the item itself
// (when it has a label or pattern), then each of its anyOf alternatives. An
// entry satisfies the item when it matches one of them and, where the
// alternative asks for an icon, carries one.
func alternatives(it *schema.Item) []*schema.Item {
	alts := make([]*schema.Item, 0, 1+len(it.AnyOf))
	if len(it.Label) > 0 || len(it.Pattern) > 0 {
		alts = append(alts, it)
	}
	for i := range it.AnyOf {
		alts = append(alts, &it.AnyOf[i])
	}
	return alts
}

// MatchesEntry reports whether an entry's accessible name or visible text
// satisfies an item's labels or patterns and is not excluded.
func MatchesEntry(it *schema.Item, e *page.Entry) bool {
	return itemMatches(it, e.Label, e.Text)
}

// itemMatches reports whether any of the names satisfies the item's label
// list or patterns, and is not excluded.
func itemMatches(it *schema.Item, names ...string) bool {
	return matchAny(names, it.Label, it.Regexps(), it.ExcludeRegexp())
}

// matchesLegacy reports whether a name satisfies one of the item's legacy
// wordings (accepted with a warning).
func matchesLegacy(it *schema.Item, names ...string) bool {
	if it.Legacy == nil {
		return false
	}
	return matchAny(names, it.Legacy.Label, it.Legacy.Regexps(), it.ExcludeRegexp())
}

// excludedBy reports whether a name matches the item's labels or patterns
// but is ruled out by its exclude expression ("Manage cookies/Do not sell
// my data" for the opt-out link).
func excludedBy(it *schema.Item, names ...string) bool {
	exclude := it.ExcludeRegexp()
	if exclude == nil {
		return false
	}
	for _, n := range names {
		if n != "" && exclude.MatchString(page.CollapseSpace(n)) &&
			(matchAny([]string{n}, it.Label, it.Regexps(), nil) ||
				(it.Legacy != nil && matchAny([]string{n}, it.Legacy.Label, it.Legacy.Regexps(), nil))) {
			return true
		}
	}
	return false
}

func matchAny(names []string, labels schema.Strings, patterns []*regexp.Regexp, exclude *regexp.Regexp) bool {
	for _, n := range names {
		if n == "" {
			continue
		}
		collapsed := page.CollapseSpace(n)
		if exclude != nil && exclude.MatchString(collapsed) {
			continue
		}
		norm := page.NormalizeLabel(n)
		for _, l := range labels {
			if page.NormalizeLabel(l) == norm {
				return true
			}
		}
		for _, re := range patterns {
			if re.MatchString(collapsed) {
				return true
			}
		}
	}
	return false
}

// wording names what satisfies an item: its first label, else its pattern,
// else (an item of alternatives only) its first alternative's, else its id.
func wording(it *schema.Item) string {
	switch {
	case len(it.Label) == 0 && len(it.Pattern) == 0 && len(it.AnyOf) > 0:
		return wording(&it.AnyOf[0])
	case len(it.Label) > 0:
		return it.Label[0]
	case len(it.Pattern) > 0:
		return "/" + it.Pattern[0] + "/"
	default:
		return it.ID
	}
}

// The pages of a site repeat the same menus and footer, so an item is
// matched against the same few hundred labels thousands of times; presets
// match each label with a dozen regular expressions. Matches are therefore
// remembered, per item, for all pages and goroutines of the process.

type matchKey struct {
	it          *schema.Item
	label, text string
}

var (
	matchCache     sync.Map // matchKey → bool
	matchCacheSize atomic.Int64
)

// matchCacheLimit bounds the memory the cache may take in a long-lived
// process; beyond it, matches are computed each time.
const matchCacheLimit = 200_000

// matches reports whether an entry satisfies an item (itemMatches on its
// accessible name and visible text).
func matches(it *schema.Item, e *page.Entry) bool {
	k := matchKey{it, e.Label, e.Text}
	if v, ok := matchCache.Load(k); ok {
		return v.(bool)
	}
	m := itemMatches(it, e.Label, e.Text)
	if matchCacheSize.Load() < matchCacheLimit {
		if _, loaded := matchCache.LoadOrStore(k, m); !loaded {
			matchCacheSize.Add(1)
		}
	}
	return m
}
