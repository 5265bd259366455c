package checks

import (
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// An item of the config (navigation.required[], footer.required[]) is
// matched against an entry's accessible name and visible text as read: a
// label must equal one of the item's labels (both page.NormalizeLabel'd:
// case, white space, soft hyphens and icon glyphs aside), or one of its
// patterns must match the cleaned name (page.CleanLabel); its exclude
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
	return itemMatches(it, e.Label, e.Text())
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
		if n != "" && exclude.MatchString(page.CleanLabel(n)) &&
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
		clean := page.CleanLabel(n)
		if exclude != nil && exclude.MatchString(clean) {
			continue
		}
		norm := page.NormalizeLabel(n)
		for _, l := range labels {
			if page.NormalizeLabel(l) == norm {
				return true
			}
		}
		for _, re := range patterns {
			if re.MatchString(clean) {
				return true
			}
		}
	}
	return false
}

// describe names a required item in messages: its first label, else its
// id (the handle users override it by), else its wording.
func describe(it *schema.Item) string {
	if len(it.Label) == 0 && it.ID != "" {
		return it.ID
	}
	return wording(it)
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

// matchCache remembers, for one run, what an entry's names say of an item
// (whether they satisfy it; whether its exclusion rules them out): the
// pages of a site repeat the same menus and footer, so an item is matched
// against the same few hundred labels thousands of times, and presets
// match each label with a dozen regular expressions. The Engine owns one
// per question; the items it is keyed by are the run's config's.
type matchCache struct {
	m    sync.Map // matchKey → bool
	size atomic.Int64
}

type matchKey struct {
	it          *schema.Item
	label, text string
}

// matchCacheLimit bounds the memory the cache may take on a site of many
// distinct labels; beyond it, answers are computed each time.
const matchCacheLimit = 200_000

// answer is f(it, e), remembered by the item and the entry's names: f
// reads nothing else of e.
func (c *matchCache) answer(it *schema.Item, e *page.Entry, f func(*schema.Item, *page.Entry) bool) bool {
	k := matchKey{it, e.Label, e.Text()}
	if v, ok := c.m.Load(k); ok {
		return v.(bool)
	}
	m := f(it, e)
	if c.size.Load() < matchCacheLimit {
		if _, loaded := c.m.LoadOrStore(k, m); !loaded {
			c.size.Add(1)
		}
	}
	return m
}

// matches reports whether an entry satisfies an item, through the run's
// cache.
func (env *Env) matches(it *schema.Item, e *page.Entry) bool {
	return env.engine.matches.answer(it, e, func(it *schema.Item, e *page.Entry) bool { return itemMatches(it, e.Label, e.Text()) })
}

// ruledOut reports whether an item's exclusion rules an entry out that
// would otherwise (nearly) satisfy it, through the run's cache.
func (env *Env) ruledOut(it *schema.Item, e *page.Entry) bool {
	return env.engine.ruledOut.answer(it, e, func(it *schema.Item, e *page.Entry) bool {
		return excludedBy(it, e.Label, e.Text()) || nearMiss(it, e)
	})
}
