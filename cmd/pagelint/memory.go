package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The collector's policy for a run. What lives through a run is small (each
// page is reduced once checked) and most of what a run allocates is the
// garbage of the page being read, so the heap may grow to three times what
// is live (GOGC=200) and be collected half as often as by default — but the
// process stays within memoryFloor while what is live is small, and within
// twice what is live once that is larger (a page of many megabytes, a site
// of many thousand pages): docs/BENCHMARKS.md. The floor is what the Go
// runtime holds; the binary's own pages come on top (about 15 MB). GOGC and
// GOMEMLIMIT, when set, are the user's.
const (
	gcPercent   = 200
	memoryFloor = 48 << 20
)

var governOnce sync.Once

func governMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	governOnce.Do(func() {
		debug.SetMemoryLimit(memoryFloor)
		watchCollections()
	})
}

// settleMemory is called once the run's pages are checked and their models
// dropped, before the reports are written. The limit was last set while a
// large page's model was live beside its findings, and would let the
// reports' garbage grow the heap to twice that: the peak of a run on a
// page of many megabytes came there (docs/BENCHMARKS.md). When the limit
// stands above the floor, a collection now sets it from what the reports
// are written from; it marks only that, once a run.
func settleMemory() {
	if os.Getenv("GOMEMLIMIT") != "" || debug.SetMemoryLimit(-1) <= memoryFloor {
		return
	}
	runtime.GC()
	limitFromLive()
}

func limitFromLive() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 {
		debug.SetMemoryLimit(max(memoryFloor, 2*int64(live[0].Value.Uint64())))
	}
}

// gcSentinel is collected by every collection: its finalizer sets the
// memory limit from what the collection found live, and arms the next.
type gcSentinel struct{ _ *byte }

func watchCollections() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		limitFromLive()
		watchCollections()
	})
}
