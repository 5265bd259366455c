package checks

import (
	"sync"
	"sync/atomic"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

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

// matches reports whether an entry satisfies an item (Item.Matches on its
// accessible name and visible text).
func matches(it *schema.Item, e *page.Entry) bool {
	k := matchKey{it, e.Label, e.Text}
	if v, ok := matchCache.Load(k); ok {
		return v.(bool)
	}
	m := it.Matches(e.Label, e.Text)
	if matchCacheSize.Load() < matchCacheLimit {
		if _, loaded := matchCache.LoadOrStore(k, m); !loaded {
			matchCacheSize.Add(1)
		}
	}
	return m
}
