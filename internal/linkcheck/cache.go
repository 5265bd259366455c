package linkcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/pagelint/pagelint/internal/fsutil"
)

// cacheVersion is bumped when the file's meaning changes; a file of another
// version is ignored like a corrupt one.
const cacheVersion = 1

// cacheFile is the JSON layout of Options.CachePath. It holds outcomes only:
// request headers, and so any secret in them, are never part of it.
type cacheFile struct {
	Version int                    `json:"version"`
	Entries map[string]*cacheEntry `json:"entries"`
}

type cacheEntry struct {
	Checked   time.Time `json:"checked"`
	OK        bool      `json:"ok"`
	Status    int       `json:"status,omitempty"`
	Reason    string    `json:"reason,omitempty"`
	FinalURL  string    `json:"finalURL,omitempty"`
	Permanent bool      `json:"permanent,omitempty"`
	// Anchors are the page's ids and a[name]s, kept when fragments were
	// checked; HasAnchors tells an empty list from one never collected.
	Anchors    []string `json:"anchors,omitempty"`
	HasAnchors bool     `json:"hasAnchors,omitempty"`
	// Partial: the body was cut before its end, so a missing anchor is
	// not proof of absence.
	Partial bool `json:"partial,omitempty"`
}

// cache is the in-memory copy of the cache file.
type cache struct {
	mu      sync.Mutex
	path    string
	entries map[string]*cacheEntry
	dirty   bool
	// readOnly: the file exists but could not be read, so writing it
	// would fail too (or clobber what another user keeps there).
	readOnly bool
}

// loadCache reads path. A missing file is an empty cache; an unreadable or
// corrupt one is an empty cache and a warning, never an error.
func loadCache(path string, warn func(string)) *cache {
	c := &cache{path: path, entries: map[string]*cacheEntry{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c
	}
	if err != nil {
		warn(fmt.Sprintf("ignoring link cache %q: %v", path, err))
		c.readOnly = true
		return c
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil {
		warn(fmt.Sprintf("ignoring corrupt link cache %q: %v", path, err))
		return c
	}
	if f.Version != cacheVersion {
		warn(fmt.Sprintf("ignoring link cache %q: version %d, want %d", path, f.Version, cacheVersion))
		return c
	}
	for k, e := range f.Entries {
		if e != nil {
			c.entries[k] = e
		}
	}
	return c
}

// get returns the entry for key while it is fresh.
func (c *cache) get(key string, now time.Time, ttl, failureTTL time.Duration) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[key]
	if e == nil || !fresh(e, now, ttl, failureTTL) {
		return nil
	}
	return e
}

func fresh(e *cacheEntry, now time.Time, ttl, failureTTL time.Duration) bool {
	keep := ttl
	if !e.OK {
		keep = failureTTL
	}
	age := now.Sub(e.Checked)
	return age >= 0 && age < keep
}

func (c *cache) put(key string, e *cacheEntry) {
	c.mu.Lock()
	c.entries[key] = e
	c.dirty = true
	c.mu.Unlock()
}

// save writes the fresh entries atomically when anything changed; expired
// ones are dropped so the file does not grow forever.
func (c *cache) save(now time.Time, ttl, failureTTL time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.readOnly || !c.dirty {
		return nil
	}
	f := cacheFile{Version: cacheVersion, Entries: make(map[string]*cacheEntry, len(c.entries))}
	for k, e := range c.entries {
		if fresh(e, now, ttl, failureTTL) {
			f.Entries[k] = e
		}
	}
	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	if err := fsutil.WriteFileAtomic(c.path, append(data, '\n'), 0o644); err != nil {
		return err
	}
	c.dirty = false
	return nil
}
