package memo

import "testing"

func TestPut(t *testing.T) {
	m := map[int]bool{}
	for i := range Max {
		Put(m, i, true)
	}
	if len(m) != Max {
		t.Fatalf("%d entries, want %d", len(m), Max)
	}
	Put(m, 0, false) // already held: the cache is full all the same
	if len(m) != 1 || m[0] {
		t.Fatalf("a full cache given an entry holds %v, want only that entry", m)
	}
}
