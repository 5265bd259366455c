package lint

import (
	"hash/maphash"
	"strings"
	"unique"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/memo"
	"github.com/pagelint/pagelint/internal/page"
)

// checked is what is left of a page once it has been checked alone: the
// engine's index of it for the site checks and Finalize, the links to judge
// once every page is read, what its own checks found, and its anchors for
// the links of other pages. So a site of tens of thousands of pages is
// never held in memory whole.
type checked struct {
	index    *checks.SitePage
	deferred *deferredLinks // nil if none
	findings []finding.Finding
	anchors  map[string]bool
	// unasked are the URLs of the page's links that wait for the network
	// in a run that will have no answer (checks.Env.Unanswered), in the
	// page's memory: the worker keeps them in a urlSet.
	unasked []string
}

// checkPage runs the page checks on p through env (when mine: a page of
// this shard) and keeps what the rest of the run asks of it; anchors is the
// worker's table of anchor sets.
func checkPage(engine *checks.Engine, env *checks.Env, p *page.Page, mine bool, anchors *anchorSets) checked {
	out := checked{anchors: anchors.of(p), index: engine.Index(p)}
	if mine {
		r := env.CheckPage(p)
		out.findings = r.Findings
		out.unasked = r.Unasked
		if len(r.Pending) > 0 {
			out.deferred = newDeferredLinks(p, r.Pending)
		}
	}
	return out
}

// anchorSets holds the anchor sets one worker has kept, by a hash of the
// anchors in page order: the pages of a template whose ids are the
// template's (sections, a skip link's target) share one set, so that what
// a run keeps of them grows with the site's distinct sets, not its pages.
// On a collision a set is simply not shared.
type anchorSets struct {
	hash  maphash.Hash
	sets  map[uint64]map[string]bool
	check map[string]bool // scratch: the anchors of the page being compared
	// names are the anchors the worker's sets hold, each kept once: a
	// template's ids recur on its pages, and each page's headings are
	// its own (forgotten when full, see memo).
	names map[string]string
}

func newAnchorSets() *anchorSets {
	return &anchorSets{sets: map[uint64]map[string]bool{}, check: map[string]bool{}, names: map[string]string{}}
}

// of is the set of p's anchors, in strings of their own (the model's share
// memory with the rest of the page), the one kept before when equal.
func (t *anchorSets) of(p *page.Page) map[string]bool {
	t.hash.Reset()
	for _, a := range p.Anchors {
		_, _ = t.hash.WriteString(a)
		_ = t.hash.WriteByte(0)
	}
	h := t.hash.Sum64()
	kept, found := t.sets[h]
	if found && t.equal(kept, p.Anchors) {
		return kept
	}
	set := make(map[string]bool, len(p.Anchors))
	for _, a := range p.Anchors {
		name, ok := t.names[a]
		if !ok {
			name = strings.Clone(a)
			memo.Put(t.names, name, name)
		}
		set[name] = true
	}
	if !found {
		t.sets[h] = set
	}
	return set
}

// equal reports whether set holds anchors and no more.
func (t *anchorSets) equal(set map[string]bool, anchors []string) bool {
	defer clear(t.check)
	for _, a := range anchors {
		if !set[a] {
			return false
		}
		t.check[a] = true
	}
	return len(t.check) == len(set)
}

// anchorSet is the set of a page's anchors, in strings of its own.
func anchorSet(p *page.Page) map[string]bool {
	set := make(map[string]bool, len(p.Anchors))
	for _, a := range p.Anchors {
		set[intern(a)] = true
	}
	return set
}

// intern returns s in memory of its own, shared with every equal string:
// the model's strings share chunks with the rest of their page, which a
// kept string would keep alive.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

// urlSet is a set of URLs in strings of their own.
type urlSet map[string]bool

// add adds the URLs, each copied once (they share memory with a page).
func (s urlSet) add(urls []string) {
	for _, u := range urls {
		if !s[u] {
			s[strings.Clone(u)] = true
		}
	}
}
