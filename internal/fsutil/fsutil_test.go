//go:build unix

package fsutil

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// WriteFile by what is at the path: nothing, a regular file (its mode
// kept), a chain of links (the links stay, the target is written), a
// dangling link (its target created), a directory (an error).
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	if err := WriteFile(path("new.json"), []byte("new"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path("private.json"), []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path("private.json"), []byte("replaced"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, link := range [][2]string{{"target.json", "a"}, {"a", "b"}, {"missing/../dangling.json", "c"}} {
		if err := os.Symlink(link[0], path(link[1])); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"b", "c"} {
		if err := WriteFile(path(name), []byte("through "+name), 0o644); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	want := map[string]string{"new.json": "new", "private.json": "replaced", "target.json": "through b", "dangling.json": "through c"}
	for name, content := range want {
		if got, err := os.ReadFile(path(name)); err != nil || string(got) != content {
			t.Errorf("%s: %q %v, want %q", name, got, err, content)
		}
	}
	if info, _ := os.Stat(path("private.json")); info.Mode().Perm() != 0o600 {
		t.Errorf("private.json: mode %v, want it kept at 0600", info.Mode().Perm())
	}
	for _, name := range []string{"a", "b", "c"} {
		if info, err := os.Lstat(path(name)); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link", name)
		}
	}
	if err := WriteFile(dir, []byte("x"), 0o644); err == nil || err.Error() != "is a directory" {
		t.Errorf("a directory: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// WriteFileFrom writes what its function writes, in buffered pieces; a
// function that fails part way leaves the file as it was and no temporary
// file behind.
func TestWriteFileFrom(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 100_000) // more than the buffer holds
	failed := errors.New("render failed")
	err := WriteFileFrom(path, 0o644, func(w io.Writer) error {
		if _, err := io.WriteString(w, big); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Errorf("a failing write: %v, want %v", err, failed)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("after a failing write the file holds %d bytes, want the old 3", len(got))
	}
	err = WriteFileFrom(path, 0o644, func(w io.Writer) error {
		for range 3 {
			if _, err := io.WriteString(w, big); err != nil {
				return err
			}
		}
		return nil
	})
	if got, _ := os.ReadFile(path); err != nil || string(got) != big+big+big {
		t.Errorf("written in pieces: %d bytes, %v; want %d", len(got), err, 3*len(big))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

// A FIFO is written through when a process reads it, and refused at once
// when none does; a device is written through.
func TestWriteFileThroughFIFOAndDevice(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(fifo, []byte("x"), 0o644); err == nil || err.Error() != "no process reads this FIFO" {
		t.Errorf("no reader: %v", err)
	}
	r, err := os.OpenFile(fifo, os.O_RDWR, 0) // a reader that does not block
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := WriteFile(fifo, []byte("report"), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	if n, _ := r.Read(buf); string(buf[:n]) != "report" {
		t.Errorf("read %q from the FIFO", buf[:n])
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", err)
	}
	if err := WriteFile(os.DevNull, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a device", os.DevNull)
	}
}

func TestCheckWritableAndSameFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("r.json", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("r.json", "link.json"); err != nil {
		t.Fatal(err)
	}
	if err := os.Link("r.json", "hard.json"); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"r.json": "", "new.json": "", "link.json": "", ".": "is a directory",
		"no/such/r.json": `directory "no/such" does not exist`, "r.json/x": "not a directory",
	} {
		err := CheckWritable(path)
		if got := ""; err != nil {
			got = err.Error()
			if got != want {
				t.Errorf("%s: %q, want %q", path, got, want)
			}
		} else if want != "" {
			t.Errorf("%s: no error, want %q", path, want)
		}
	}
	for _, pair := range [][2]string{{"r.json", "./r.json"}, {"r.json", filepath.Join(dir, "r.json")}, {"link.json", "r.json"}, {"hard.json", "r.json"}, {"new.json", "./new.json"}} {
		if !SameFile(pair[0], pair[1]) {
			t.Errorf("%s and %s: not the same file", pair[0], pair[1])
		}
	}
	if SameFile("r.json", "new.json") {
		t.Error("r.json and new.json: the same file")
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "in.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo: "is a named pipe (FIFO), not a regular file", "/dev/zero": "is a device, not a regular file",
		dir: "is a directory", big: "larger than 99 bytes",
	} {
		_, err := ReadFile(path, 99)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
		if strings.HasPrefix(want, "is a named") || strings.HasPrefix(want, "is a device") {
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: %v does not wrap ErrNotRegular", path, err)
			}
		}
	}
	if data, err := ReadFile(big, 100); err != nil || len(data) != 100 {
		t.Errorf("%d bytes, %v", len(data), err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 100); !errors.Is(err, fs.ErrNotExist) || err.Error() != "no such file or directory" {
		t.Errorf("missing: %v", err)
	}
	// A file that says it is empty but is not, read to its end.
	if runtime.GOOS == "linux" {
		if data, err := ReadFile("/proc/self/status", 0); err != nil || !strings.Contains(string(data), "Name:") {
			t.Errorf("/proc/self/status: %q, %v", data, err)
		}
		if _, err := ReadFile("/proc/self/status", 10); err == nil || err.Error() != "larger than 10 bytes" {
			t.Errorf("/proc/self/status over the limit: %v", err)
		}
	}
}

// ReadFileInto reads into the buffer it is given when the file fits, and
// into a new one when it does not; either way it returns the file's bytes.
func TestReadFileInto(t *testing.T) {
	dir := t.TempDir()
	small, large := filepath.Join(dir, "small"), filepath.Join(dir, "large")
	if err := os.WriteFile(small, []byte("<p>small"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, []byte(strings.Repeat("x", 64)), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 32)
	data, err := ReadFileInto(buf, small, 100)
	if err != nil || string(data) != "<p>small" || &data[0] != &buf[0] {
		t.Errorf("small: %q, %v, or not read into the buffer", data, err)
	}
	data, err = ReadFileInto(buf, large, 100)
	if err != nil || len(data) != 64 || &data[0] == &buf[0] {
		t.Errorf("large: %d bytes, %v, or read into the small buffer", len(data), err)
	}
	if _, err := ReadFileInto(buf, large, 63); err == nil || err.Error() != "larger than 63 bytes" {
		t.Errorf("over the limit: %v", err)
	}
}
