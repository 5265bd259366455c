package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// The collector's policy for a run. What lives through a run is small (each
// page is reduced once checked) and most of what a run allocates is the
// garbage of the page being read, so the heap may grow to three times what
// is live (GOGC=200) and be collected half as often as by default — but the
// process stays within a floor while what is live is small, and within twice
// what is live once that is larger (a page of many megabytes, a site of many
// thousand pages): docs/BENCHMARKS.md. The floor grows with what the run
// has read: from startFloor by floorPerByte bytes for each byte of the pages
// read, up to maxFloor, so that a run of one page of a megabyte keeps within
// ten times the page beside what the process and its findings hold, while a
// site's run has the whole floor after its first 8 MB of pages. The floor is
// what the Go runtime holds; the binary's own pages come on top (about 15
// MB). GOGC and GOMEMLIMIT, when set, are the user's.
const (
	gcPercent    = 200
	startFloor   = 16 << 20
	maxFloor     = 48 << 20
	floorPerByte = 4
	// floorStep: the limit is set again when the floor has grown by so
	// much (setting it stops the world).
	floorStep = 1 << 20
)

// memoryLimit is the collector's limit for the run: its floor and what
// the last collection found live.
var memoryLimit struct {
	sync.Mutex
	governed  bool
	bytesRead int64
	floor     int64
	live      int64
}

var governOnce sync.Once

func governMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	governOnce.Do(func() {
		memoryLimit.Lock()
		memoryLimit.governed, memoryLimit.floor = true, startFloor
		setLimit()
		memoryLimit.Unlock()
		watchCollections()
	})
}

// floorDone: the floor has stopped growing at maxFloor, so that the
// workers reading a site's pages take no lock once its first megabytes are
// read.
var floorDone atomic.Bool

// pageRead is told the size of each page the run reads (lint.Options.Read).
func pageRead(bytes int) {
	if floorDone.Load() {
		return
	}
	memoryLimit.Lock()
	defer memoryLimit.Unlock()
	if !memoryLimit.governed {
		return
	}
	if memoryLimit.floor == maxFloor {
		floorDone.Store(true)
		return
	}
	memoryLimit.bytesRead += int64(bytes)
	floor := floorAfter(memoryLimit.bytesRead)
	if floor-memoryLimit.floor >= floorStep || floor == maxFloor {
		memoryLimit.floor = floor
		setLimit()
	}
}

// floorAfter is the floor of a run that has read so many bytes of pages.
func floorAfter(bytesRead int64) int64 {
	return min(maxFloor, startFloor+floorPerByte*bytesRead)
}

// setLimit sets the collector's limit from the floor and what is live;
// memoryLimit is locked.
func setLimit() {
	debug.SetMemoryLimit(max(memoryLimit.floor, 2*memoryLimit.live))
}

// settleMemory is called once the run's pages are checked and their models
// dropped, before the reports are written. The limit was last set while a
// large page's model was live beside its findings, and would let the
// reports' garbage grow the heap to twice that: the peak of a run on a
// page of many megabytes came there (docs/BENCHMARKS.md). When the limit
// stands above the floor, a collection now sets it from what the reports
// are written from; it marks only that, once a run.
func settleMemory() {
	memoryLimit.Lock()
	above := memoryLimit.governed && 2*memoryLimit.live > memoryLimit.floor
	memoryLimit.Unlock()
	if above {
		runtime.GC()
		limitFromLive()
	}
}

func limitFromLive() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	memoryLimit.Lock()
	memoryLimit.live = int64(live[0].Value.Uint64())
	setLimit()
	memoryLimit.Unlock()
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
