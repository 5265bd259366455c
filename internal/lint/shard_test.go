package lint

import (
	"fmt"
	"slices"
	"testing"
)

func TestParseShard(t *testing.T) {
	tests := []struct {
		in      string
		want    Shard
		wantErr string
	}{
		{"1/1", Shard{1, 1}, ""},
		{"2/4", Shard{2, 4}, ""},
		{"4/4", Shard{4, 4}, ""},
		{"3/2", Shard{}, `invalid shard "3/2" (want I/N with 1 ≤ I ≤ N)`},
		{"0/0", Shard{}, `invalid shard "0/0" (want I/N with 1 ≤ I ≤ N)`},
		{"0/3", Shard{}, `invalid shard "0/3" (want I/N with 1 ≤ I ≤ N)`},
		{"-1/3", Shard{}, `invalid shard "-1/3" (want I/N with 1 ≤ I ≤ N)`},
		{"2", Shard{}, `invalid shard "2" (want I/N, e.g. 2/4)`},
		{"a/b", Shard{}, `invalid shard "a/b" (want I/N, e.g. 2/4)`},
		{"", Shard{}, `invalid shard "" (want I/N, e.g. 2/4)`},
	}
	for _, tt := range tests {
		got, err := ParseShard(tt.in)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tt.want || gotErr != tt.wantErr {
			t.Errorf("ParseShard(%q) = %v, %q; want %v, %q", tt.in, got, gotErr, tt.want, tt.wantErr)
		}
	}
}

func TestShardSelectPartitionsEvenly(t *testing.T) {
	var pages []string
	for i := range 1001 {
		pages = append(pages, fmt.Sprintf("docs/section-%d/page-%d.html", i%13, i))
	}
	reversed := slices.Clone(pages)
	slices.Reverse(reversed)
	for _, n := range []int{1, 2, 3, 8} {
		seen := map[string]int{}
		for i := 1; i <= n; i++ {
			s := Shard{Index: i, Count: n}
			share := s.Select(pages)
			if size := len(share); size < len(pages)/n || size > len(pages)/n+1 {
				t.Errorf("shard %s has %d of %d pages", s, size, len(pages))
			}
			// The input order does not change the share.
			other := s.Select(reversed)
			slices.Sort(other)
			mine := slices.Clone(share)
			slices.Sort(mine)
			if !slices.Equal(mine, other) {
				t.Errorf("shard %s depends on the order of the pages", s)
			}
			for _, p := range share {
				seen[p]++
			}
		}
		for _, p := range pages {
			if seen[p] != 1 {
				t.Fatalf("%d shards: page %s is in %d shards", n, p, seen[p])
			}
		}
	}
}
