package lint

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Shard is one share of a run split across CI jobs: Index of Count, both
// 1-based as on the command line (--shard 2/4).
type Shard struct {
	Index, Count int
}

// ParseShard reads "I/N" with 1 ≤ I ≤ N.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("invalid shard %q (want I/N, e.g. 2/4)", s)
	}
	if count < 1 || index < 1 || index > count {
		return Shard{}, fmt.Errorf("invalid shard %q (want I/N with 1 ≤ I ≤ N)", s)
	}
	return Shard{Index: index, Count: count}, nil
}

func (s Shard) String() string { return strconv.Itoa(s.Index) + "/" + strconv.Itoa(s.Count) }

// Select returns this shard's share of the pages, given every page of the
// run (site paths or sources, the same on every machine). The pages are
// ordered by a hash of their name, which spreads each directory over all
// shards, then dealt out in turn: the shares differ by one page at most,
// and the same pages give the same shares everywhere. The order of the
// input does not matter; the result keeps it.
func (s Shard) Select(pages []string) []string {
	if s.Count <= 1 {
		return slices.Clone(pages)
	}
	type ranked struct {
		hash uint64
		name string
	}
	order := make([]ranked, len(pages))
	for i, p := range pages {
		h := fnv.New64a()
		h.Write([]byte(p))
		order[i] = ranked{h.Sum64(), p}
	}
	slices.SortFunc(order, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.name, b.name))
	})
	mine := map[string]bool{}
	for i, r := range order {
		if i%s.Count == s.Index-1 {
			mine[r.name] = true
		}
	}
	var out []string
	for _, p := range pages {
		if mine[p] {
			out = append(out, p)
		}
	}
	return out
}

// mineOf tells the pages of this run's shard from the others, given the
// sources of every page.
func mineOf(sources []string, sh Shard) func(string) bool {
	if sh.Count <= 1 {
		return func(string) bool { return true }
	}
	set := map[string]bool{}
	for _, s := range sh.Select(sources) {
		set[s] = true
	}
	return func(s string) bool { return set[s] }
}
