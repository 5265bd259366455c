// Package fsutil holds the file operations every reader and writer of
// pagelint shares: files are replaced whole or not at all, devices and
// FIFOs are written through, and nothing but a regular file is read.
package fsutil

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteFile writes data to path as a user who names a file means it:
//
//   - a regular file, or a path where nothing is yet, is replaced through
//     a temporary file in its directory and a rename, so that a reader
//     never sees half a file and an interrupted run leaves the old file
//     whole; an existing file keeps its permissions, a new one gets perm;
//   - a symbolic link is followed: its target is written by these rules
//     and the link stays a link;
//   - a device or a FIFO (/dev/null, a named pipe) is written through,
//     never replaced: as root, renaming a file over /dev/null would break
//     the machine. A FIFO that no process reads is an error, not a hang.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return WriteFileFrom(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFileFrom writes to path what write writes, by the rules of
// WriteFile, through a buffer: a report of many megabytes goes to its file
// as it is made, never held whole. An error of write leaves a regular file
// as it was.
func WriteFileFrom(path string, perm fs.FileMode, write func(io.Writer) error) error {
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	if isProcLink(target) {
		return writeThrough(target, write)
	}
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return writeAtomic(target, write, perm)
	case err != nil:
		return unwrapPath(err)
	case info.IsDir():
		return errors.New("is a directory")
	case info.Mode().IsRegular():
		return writeAtomic(target, write, info.Mode().Perm())
	default:
		return writeThrough(target, write)
	}
}

// CheckWritable says, before a run, whether WriteFile could write path: it
// is not a directory, and its directory exists. Permissions are left to the
// write itself.
func CheckWritable(path string) error {
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err == nil {
		if info.IsDir() {
			return errors.New("is a directory")
		}
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return unwrapPath(err)
	}
	dir := filepath.Dir(target)
	info, err = os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("directory %q does not exist", dir)
	case err != nil:
		return unwrapPath(err)
	case !info.IsDir():
		return fmt.Errorf("%q is not a directory", dir)
	}
	return nil
}

// SameFile reports whether two paths name one file as WriteFile writes
// it: the same target once links are followed, or, for files that exist,
// the same file (a hard link).
func SameFile(a, b string) bool {
	ta, errA := target(a)
	tb, errB := target(b)
	if errA != nil || errB != nil {
		return false
	}
	if ta == tb {
		return true
	}
	ia, errA := os.Stat(ta)
	ib, errB := os.Stat(tb)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// target is the absolute, cleaned path WriteFile writes for path.
func target(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	t, err := resolveLinks(abs)
	if err != nil {
		return "", err
	}
	return filepath.Clean(t), nil
}

// maxLinks bounds a chain of symbolic links, as the kernel's ELOOP does.
const maxLinks = 40

// resolveLinks follows the symbolic links of path's last element to the
// path that is written: the final target, which may not exist yet (a
// dangling link is written through to create its target). A link into
// /proc (/dev/stdout → /proc/self/fd/1) ends the walk: what those name is
// an open file of the process, to be opened, never replaced.
func resolveLinks(path string) (string, error) {
	p := path
	for range maxLinks {
		if isProcLink(p) {
			return p, nil
		}
		info, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return p, nil // to be created
		case err != nil:
			return "", unwrapPath(err)
		case info.Mode()&fs.ModeSymlink == 0:
			return p, nil
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return "", unwrapPath(err)
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(p), dest)
		}
		p = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

func isProcLink(p string) bool { return strings.HasPrefix(p, "/proc/") }

// writeAtomic replaces path by a temporary file of the same directory.
func writeAtomic(path string, write func(io.Writer) error, perm fs.FileMode) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return unwrapPath(err)
	}
	name := tmp.Name()
	defer func() { _ = os.Remove(name) }() // a no-op once renamed
	if err := writeBuffered(tmp, write); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return unwrapPath(os.Rename(name, path))
}

// writeThrough writes into a file that is not replaced: a device, a FIFO.
// It opens without blocking, so that a FIFO with no reader fails at once.
func writeThrough(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|openNonblock, 0)
	if err != nil {
		if isNoReader(err) {
			return errors.New("no process reads this FIFO")
		}
		return unwrapPath(err)
	}
	if err := writeBuffered(f, write); err != nil {
		_ = f.Close()
		return err
	}
	return unwrapPath(f.Close())
}

// writeBuffered runs write on a buffer of f, and flushes it.
func writeBuffered(f *os.File, write func(io.Writer) error) error {
	buf := bufio.NewWriterSize(f, 64<<10)
	if err := write(buf); err != nil {
		return unwrapPath(err)
	}
	return unwrapPath(buf.Flush())
}

// unwrapPath drops the operation and path of an *fs.PathError: callers
// name the file themselves.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
