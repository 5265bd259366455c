package linkcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"

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
	// readOnly: the file exists but could not be read, or is no link
	// cache (a page, a config a hostile links.cache.path names): writing
	// it would fail, or destroy what it holds.
	readOnly bool
}

// loadCache reads path. A missing file is an empty cache; an unreadable or
// corrupt one is an empty cache and a warning, never an error.
func loadCache(path string, warn func(string)) *cache {
	if warn == nil {
		warn = func(string) {}
	}
	c := &cache{path: path, entries: map[string]*cacheEntry{}}
	f, err := readCacheFile(path)
	var other *otherVersionError
	switch {
	case errors.As(err, &other):
		warn(fmt.Sprintf("ignoring link cache %q: %v", path, err))
	case err != nil:
		warn(fmt.Sprintf("ignoring link cache %q: %v", path, err))
		c.readOnly = true
	default:
		c.entries = f.Entries
	}
	return c
}

// otherVersionError is a link cache of another version of pagelint: not
// read, but replaced.
type otherVersionError struct{ version int }

func (e *otherVersionError) Error() string {
	return fmt.Sprintf("version %d, want %d", e.version, cacheVersion)
}

// readCacheFile reads the cache file as it is now. A missing, empty or
// non-regular file (/dev/null) is an empty cache; a file that is no link
// cache is an error, and must not be overwritten.
func readCacheFile(path string) (*cacheFile, error) {
	data, err := fsutil.ReadFile(path, 0)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fsutil.ErrNotRegular) {
		return emptyCacheFile(), nil //nolint:nilerr // nothing to read: an empty cache, written through on save
	}
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return emptyCacheFile(), nil
	}
	return decodeCacheFile(data)
}

// decodeCacheFile decodes a cache file. The file is no link cache without a
// version and entries; a cache of another version is replaced whatever its
// entries hold, so the entries are decoded only once the version is this
// one; a cache of this version whose entries cannot be read is corrupt.
func decodeCacheFile(data []byte) (*cacheFile, error) {
	var probe struct {
		Version *int            `json:"version"`
		Entries json.RawMessage `json:"entries"`
	}
	if json.Unmarshal(data, &probe) != nil || probe.Version == nil || probe.Entries == nil {
		return nil, errors.New("not a pagelint link cache, left as it is (delete it to start a new one)")
	}
	if *probe.Version != cacheVersion {
		return emptyCacheFile(), &otherVersionError{*probe.Version}
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("corrupt link cache, left as it is (delete it to start a new one): %w", err)
	}
	maps.DeleteFunc(f.Entries, func(_ string, e *cacheEntry) bool { return e == nil })
	if f.Entries == nil {
		f.Entries = map[string]*cacheEntry{}
	}
	return &f, nil
}

func emptyCacheFile() *cacheFile {
	return &cacheFile{Version: cacheVersion, Entries: map[string]*cacheEntry{}}
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

// save writes the fresh entries when anything changed, merged with what
// the file holds by then: concurrent runs sharing one cache (parallel CI
// jobs) keep each other's results. The merge happens under an exclusive
// lock of the cache's directory, and the newer of two entries for a URL
// wins; expired ones are dropped so that the file does not grow forever.
func (c *cache) save(now time.Time, ttl, failureTTL time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.readOnly || !c.dirty {
		return nil
	}
	unlock, err := lockDir(filepath.Dir(c.path))
	if err != nil {
		return err
	}
	defer unlock()
	onDisk, err := readCacheFile(c.path)
	var other *otherVersionError
	if err != nil && !errors.As(err, &other) {
		return err
	}
	f := cacheFile{Version: cacheVersion, Entries: make(map[string]*cacheEntry, len(c.entries)+len(onDisk.Entries))}
	for _, entries := range []map[string]*cacheEntry{onDisk.Entries, c.entries} {
		for k, e := range entries {
			if old := f.Entries[k]; fresh(e, now, ttl, failureTTL) && (old == nil || e.Checked.After(old.Checked)) {
				f.Entries[k] = e
			}
		}
	}
	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	if err := fsutil.WriteFile(c.path, append(data, '\n'), 0o644); err != nil {
		return err
	}
	c.dirty = false
	return nil
}

// lockWait bounds the wait for another run's save of the same cache.
const lockWait = 30 * time.Second

// lockDir takes an exclusive lock on a directory: a lock on the cache file
// itself would not do, since each save replaces that file by another. The
// directory is only opened, never written.
func lockDir(dir string) (unlock func(), err error) {
	l := flock.New(dir, flock.SetFlag(os.O_RDONLY))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 20*time.Millisecond)
	if err != nil && !ok {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("another run kept the lock of %q for %s", dir, lockWait)
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return nil, fmt.Errorf("cannot lock %q: %w", dir, err)
		}
		// A system that cannot lock a directory (Windows) still gets its
		// cache saved, merged but not guarded against a concurrent save.
		return func() {}, nil
	}
	return func() { _ = l.Unlock() }, nil
}
