//go:build unix

package linkcheck

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A cache on a device or FIFO is written through (never replaced), and a
// FIFO no process reads is a warning, not a hang.
func TestCacheOnDeviceOrFIFO(t *testing.T) {
	s := newSite(t)
	fifo := filepath.Join(t.TempDir(), "cache.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{os.DevNull, fifo} {
		var warnings []string
		c := newChecker(t, Options{CachePath: path, Warn: func(m string) { warnings = append(warnings, m) }})
		u := s.URL + "/ok"
		if r := c.Check(context.Background(), []string{u})[u]; !r.OK {
			t.Fatalf("%s: %+v", path, r)
		}
		want := 0
		if path == fifo {
			want = 1
		}
		if len(warnings) != want {
			t.Errorf("%s: warnings %q", path, warnings)
		}
		info, err := os.Lstat(path)
		if err != nil || info.Mode().IsRegular() {
			t.Fatalf("%s was replaced: %v %v", path, info.Mode(), err)
		}
	}
}
