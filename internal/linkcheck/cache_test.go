package linkcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestCacheHitMakesNoRequest(t *testing.T) {
	s := newSite(t)
	path := filepath.Join(t.TempDir(), "cache.json")
	urls := []string{s.URL + "/ok", s.URL + "/410"}
	newChecker(t, Options{CachePath: path}).Check(context.Background(), urls)
	before := s.total()
	c := newChecker(t, Options{CachePath: path})
	results := c.Check(context.Background(), urls)
	if s.total() != before {
		t.Fatalf("%d requests with a fresh cache, want none", s.total()-before)
	}
	if r := results[s.URL+"/ok"]; !r.OK || !r.FromCache {
		t.Errorf("/ok: %+v", r)
	}
	if r := results[s.URL+"/410"]; r.OK || !r.FromCache || r.Reason != "410 Gone" {
		t.Errorf("/410: %+v", r)
	}
	if st := c.Stats(); st.CacheHits != 2 || st.Requests != 0 || st.Failures != 1 {
		t.Errorf("stats %+v", st)
	}
}

// writeCache writes a cache file whose entries were checked age ago.
func writeCache(t *testing.T, path string, age time.Duration, entries map[string]bool) {
	t.Helper()
	f := cacheFile{Version: cacheVersion, Entries: map[string]*cacheEntry{}}
	for u, ok := range entries {
		f.Entries[u] = &cacheEntry{Checked: time.Now().Add(-age), OK: ok, Status: 200}
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCacheExpiry(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		name      string
		age       time.Duration
		ok        bool
		wantFetch bool
	}{
		{"fresh success", time.Hour, true, false},
		{"expired success", 25 * time.Hour, true, true},
		{"fresh failure", 30 * time.Minute, false, false},
		{"expired failure", 2 * time.Hour, false, true},
		{"from the future", -time.Hour, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cache.json")
			u := s.URL + "/ok"
			writeCache(t, path, tt.age, map[string]bool{u: tt.ok})
			before := s.total()
			r := newChecker(t, Options{CachePath: path}).Check(context.Background(), []string{u})[u]
			fetched := s.total() > before
			if fetched != tt.wantFetch || r.FromCache == tt.wantFetch {
				t.Fatalf("fetched=%v fromCache=%v, want fetched=%v", fetched, r.FromCache, tt.wantFetch)
			}
		})
	}
}

func TestCacheCorruptOrUnwritable(t *testing.T) {
	s := newSite(t)
	dir := t.TempDir()
	tests := []struct {
		name     string
		path     string
		content  string // written when not ""
		wantWarn string
	}{
		{"corrupt", filepath.Join(dir, "corrupt.json"), "{not json", "not a pagelint link cache, left as it is"},
		{"not a cache", filepath.Join(dir, "index.html"), "<!doctype html><p>a page", "not a pagelint link cache, left as it is"},
		{"another JSON file", filepath.Join(dir, "pagelint.json"), `{"links": {"external": true}}`, "not a pagelint link cache, left as it is"},
		{"other version", filepath.Join(dir, "v9.json"), `{"version":9,"entries":{}}`, "version 9"},
		{"a directory", dir, "", "ignoring link cache"},
		{"missing dir", filepath.Join(dir, "no", "such", "cache.json"), "", "cannot write link cache"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.content != "" {
				if err := os.WriteFile(tt.path, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var warnings []string
			c := newChecker(t, Options{CachePath: tt.path, Warn: func(m string) { warnings = append(warnings, m) }})
			u := s.URL + "/ok"
			if r := c.Check(context.Background(), []string{u})[u]; !r.OK || r.FromCache {
				t.Fatalf("got %+v, want a fresh check", r)
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], tt.wantWarn) || strings.Contains(warnings[0], "\n") {
				t.Fatalf("warnings %q, want one line with %q", warnings, tt.wantWarn)
			}
		})
	}
	// A file that is no link cache is left as it was: links.cache.path may
	// name a page, or a config.
	for _, name := range []string{"corrupt.json", "index.html", "pagelint.json"} {
		if got := readFile(t, filepath.Join(dir, name)); strings.Contains(got, "entries") {
			t.Errorf("%s was overwritten: %s", name, got)
		}
	}
	// A cache of another version is replaced by a good one.
	var f cacheFile
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "v9.json"))), &f); err != nil || f.Version != cacheVersion || len(f.Entries) != 1 {
		t.Fatalf("cache not rewritten: %v %+v", err, f)
	}
}

// Two runs that share one cache file (parallel CI jobs) and save it at the
// same time keep each other's results: each merges what the file holds
// under a lock before it writes.
func TestCacheConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.json")
	const runs, perRun = 4, 300
	start := make(chan struct{})
	errs := make(chan error, runs)
	for r := range runs {
		c := loadCache(path, func(m string) { t.Error(m) })
		for i := range perRun {
			c.put(fmt.Sprintf("https://run%d.test/%d", r, i), &cacheEntry{Checked: time.Now(), OK: true, Status: 200})
		}
		go func() {
			<-start
			errs <- c.save(time.Now(), time.Hour, time.Hour)
		}()
	}
	close(start)
	for range runs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	var f cacheFile
	if err := json.Unmarshal([]byte(readFile(t, path)), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != runs*perRun {
		t.Fatalf("%d entries in the cache, want %d", len(f.Entries), runs*perRun)
	}
}

// Of two entries for one URL, the one checked last wins, whichever run
// saves last.
func TestCacheMergeKeepsNewer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.json")
	now := time.Now()
	older, newer := loadCache(path, nil), loadCache(path, nil)
	newer.put("https://a.test/", &cacheEntry{Checked: now, OK: false, Reason: "404 Not Found"})
	older.put("https://a.test/", &cacheEntry{Checked: now.Add(-time.Minute), OK: true})
	for _, c := range []*cache{newer, older} {
		if err := c.save(now, time.Hour, time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	f, err := readCacheFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if e := f.Entries["https://a.test/"]; e == nil || e.OK {
		t.Fatalf("entry %+v, want the newer failure", e)
	}
}

func TestCacheKeepsAnchors(t *testing.T) {
	s := newSite(t)
	path := filepath.Join(t.TempDir(), "cache.json")
	// A status-only entry does not serve a fragment check...
	newChecker(t, Options{CachePath: path}).Check(context.Background(), []string{s.URL + "/page"})
	opt := Options{CachePath: path, Fragments: true}
	u := s.URL + "/page#missing"
	if r := newChecker(t, opt).Check(context.Background(), []string{u})[u]; !r.FragmentMissing || r.FromCache {
		t.Fatalf("first fragment check: %+v", r)
	}
	// ...but one with anchors does, with no request.
	before := s.total()
	results := newChecker(t, opt).Check(context.Background(), []string{u, s.URL + "/page#intro"})
	if s.total() != before {
		t.Fatal("a request despite cached anchors")
	}
	if r := results[u]; !r.FragmentMissing || !r.FromCache {
		t.Fatalf("cached fragment check: %+v", r)
	}
	if r := results[s.URL+"/page#intro"]; !r.OK {
		t.Fatalf("cached #intro: %+v", r)
	}
}

func TestNoCacheForSkipped(t *testing.T) {
	s := newSite(t)
	path := filepath.Join(t.TempDir(), "cache.json")
	c := newChecker(t, Options{CachePath: path, Deadline: time.Millisecond, Timeout: 5 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c.Check(ctx, []string{s.URL + "/ok"})
	if _, err := os.Stat(path); err == nil && strings.Contains(readFile(t, path), "/ok") {
		t.Fatal("a URL that was never checked reached the cache")
	}
}

func TestCheckConcurrentCallsShareOneChecker(t *testing.T) {
	s := newSite(t)
	c := newChecker(t, Options{CachePath: filepath.Join(t.TempDir(), "cache.json")})
	done := make(chan map[string]*Result)
	for _, path := range []string{"/ok", "/404", "/410"} {
		go func() { done <- c.Check(context.Background(), []string{s.URL + path, s.URL + "/page"}) }()
	}
	for range 3 {
		if r := (<-done)[s.URL+"/page"]; r == nil || !r.OK {
			t.Fatalf("/page: %+v", r)
		}
	}
}

// Each kind of cache file has its own message: no link cache (no version
// or no entries, or not JSON), another version (whatever its entries
// hold), or a corrupt cache of this version, whose message names the field.
func TestDecodeCacheFile(t *testing.T) {
	const (
		notCache = "not a pagelint link cache, left as it is (delete it to start a new one)"
		corrupt  = "corrupt link cache, left as it is (delete it to start a new one): "
		entry    = `{"checked":"2026-12-06T00:00:00Z","ok":true}`
	)
	for _, tt := range []struct {
		data    string
		entries int // -1: no cache file
		err     string
	}{
		{`{"version":1,"entries":{"a":` + entry + `,"b":null}}`, 1, ""},
		{`{"version":1,"entries":null}`, 0, ""},
		{`{"entries":null,"version":1}`, 0, ""},
		{`{"Version":1,"ENTRIES":{}}`, 0, ""},
		{`{"version":1,"entries":{"a":` + entry + `},"entries":{"b":` + entry + `}}`, 2, ""},
		{`{"version":1,"entries":{"a":` + entry + `},"entries":null}`, 0, ""},
		{`{"version":1}`, -1, notCache},
		{`{"entries":{}}`, -1, notCache},
		{`{"entries":{"u":{"checked":"nope"}}}`, -1, notCache},
		{`{"version":"1","entries":{}}`, -1, notCache},
		{`{"version":null,"entries":{}}`, -1, notCache},
		{`{"version":1,"entries":{}} trailing`, -1, notCache},
		{`[1]`, -1, notCache},
		{`null`, -1, notCache},
		{`{"version":2,"entries":[1,2]}`, 0, "version 2, want 1"},
		{`{"entries":{"u":{"checked":"nope"}},"version":2}`, 0, "version 2, want 1"},
		{`{"version":1,"entries":{},"version":2}`, 0, "version 2, want 1"},
		{`{"version":1,"entries":[1,2]}`, -1, corrupt + "json: cannot unmarshal array into Go struct field cacheFile.entries of type map[string]*linkcheck.cacheEntry"},
		{`{"version":1,"entries":{"u":5}}`, -1, corrupt + "json: cannot unmarshal number into Go struct field cacheFile.entries of type linkcheck.cacheEntry"},
		{`{"version":1,"entries":{"u":{"ok":"yes"}}}`, -1, corrupt + "json: cannot unmarshal string into Go struct field cacheEntry.entries.ok of type bool"},
		{`{"version":1,"entries":{"u":{"anchors":[1]}}}`, -1, corrupt + "json: cannot unmarshal number into Go struct field cacheEntry.entries.anchors of type string"},
		{`{"version":1,"entries":{"u":{"checked":"nope"}}}`, -1, corrupt + `parsing time "nope" as "2006-01-02T15:04:05Z07:00": cannot parse "nope" as "2006"`},
		{`{"entries":{"u":{"checked":5}},"version":1}`, -1, corrupt + "Time.UnmarshalJSON: input is not a JSON string"},
		// The first error of a value's type, unless one that ends the
		// decoding comes after it.
		{`{"version":1,"entries":{"a":{"ok":"x"}},"entries":{"b":{"status":"y"}}}`, -1, corrupt + "json: cannot unmarshal string into Go struct field cacheEntry.entries.ok of type bool"},
		{`{"version":1,"entries":{"a":{"ok":"x"}},"entries":{"b":{"checked":"nope"}}}`, -1, corrupt + `parsing time "nope" as "2006-01-02T15:04:05Z07:00": cannot parse "nope" as "2006"`},
		{`{"version":1,"entries":{"a":{"checked":"nope"}},"entries":{"b":{"ok":"x"}}}`, -1, corrupt + `parsing time "nope" as "2006-01-02T15:04:05Z07:00": cannot parse "nope" as "2006"`},
	} {
		f, err := decodeCacheFile([]byte(tt.data))
		entries := -1
		if f != nil {
			entries = len(f.Entries)
		}
		if got := fmt.Sprint(err); entries != tt.entries || err != nil && got != tt.err || err == nil && tt.err != "" {
			t.Errorf("%s: %d entries, error %v; want %d, %q", tt.data, entries, err, tt.entries, tt.err)
		}
	}
}
