package main

import "testing"

// The collector's floor grows with the pages read, from 16 MiB to 48 MiB
// (docs/BENCHMARKS.md, "The collector's floor grows with what a run reads").
func TestFloorAfter(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		read, floor int64
	}{
		{0, 16 * mib},
		{40 << 10, 16*mib + 160<<10}, // a page of 40 KiB
		{1 * mib, 20 * mib},          // the 1 MB page of scripts/bench-limits.sh
		{8 * mib, 48 * mib},          // a site's first 8 MiB of pages
		{60 * mib, 48 * mib},
	} {
		if got := floorAfter(tc.read); got != tc.floor {
			t.Errorf("floorAfter(%d) = %d, want %d", tc.read, got, tc.floor)
		}
	}
}
