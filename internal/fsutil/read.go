package fsutil

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// OpenRegular opens a file to read, refusing anything but a regular file:
// a FIFO would block the run until some process writes to it, and a device
// (/dev/zero, /dev/urandom) never ends. It opens without blocking, so that
// even a FIFO swapped in after a check is refused at once.
func OpenRegular(name string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, nil, unwrapPath(err)
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, unwrapPath(err)
	}
	if err := RegularError(info.Mode()); err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// ErrNotRegular is wrapped by the errors of OpenRegular for a file that is
// not a regular one.
var ErrNotRegular = errors.New("not a regular file")

// RegularError is nil for a regular file and says what else a file is.
func RegularError(mode fs.FileMode) error {
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		return errors.New("is a directory")
	case mode&fs.ModeNamedPipe != 0:
		return fmt.Errorf("is a named pipe (FIFO), %w", ErrNotRegular)
	case mode&fs.ModeSocket != 0:
		return fmt.Errorf("is a socket, %w", ErrNotRegular)
	case mode&fs.ModeDevice != 0:
		return fmt.Errorf("is a device, %w", ErrNotRegular)
	}
	return fmt.Errorf("is %w", ErrNotRegular)
}

// TooLargeError is a file over the limit ReadFile was given; Size is -1
// when the file did not say its size beforehand.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string { return fmt.Sprintf("larger than %d bytes", e.Limit) }

// ReadFile reads a regular file (see OpenRegular) of at most limit bytes;
// limit <= 0 means no limit. A file over the limit is refused before it
// fills memory, with a *TooLargeError.
func ReadFile(name string, limit int64) ([]byte, error) {
	return ReadFileInto(nil, name, limit)
}

// ReadFileInto is ReadFile into the memory of buf when the file fits in
// it (a reader of many files reuses one buffer).
func ReadFileInto(buf []byte, name string, limit int64) ([]byte, error) {
	f, info, err := OpenRegular(name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	if limit > 0 && info.Size() > limit {
		return nil, &TooLargeError{Size: info.Size(), Limit: limit}
	}
	if info.Size() > 0 {
		// One read of the size the file has (a site has many files): a
		// file that changes while it is read is read as far as it was.
		b := buf[:0]
		if int64(cap(b)) < info.Size() {
			b = make([]byte, info.Size())
		}
		b = b[:info.Size()]
		n, err := io.ReadFull(f, b)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, unwrapPath(err)
		}
		return b[:n], nil
	}
	// A file that says it is empty (those of /proc) is read to its end.
	r := io.Reader(f)
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, &TooLargeError{Size: -1, Limit: limit}
	}
	return data, nil
}
