package fsutil

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
)

// openToRead opens a regular file to read, as OpenRegular does, and says
// its size, in the two system calls that takes: an *os.File would also
// ask the runtime's poller to watch the file, a third call, which a
// regular file refuses — once for every page of a site.
func openToRead(name string) (io.ReadCloser, int64, error) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	var st syscall.Stat_t
	if err := retryEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		_ = syscall.Close(fd)
		return nil, 0, err
	}
	if err := RegularError(modeType(st.Mode)); err != nil {
		_ = syscall.Close(fd)
		return nil, 0, err
	}
	return rawFile(fd), st.Size, nil
}

// modeType is the type bits of a file mode as fs.FileMode spells them.
func modeType(mode uint32) fs.FileMode {
	switch mode & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	}
	return fs.ModeIrregular
}

// rawFile is an open file descriptor of a regular file.
type rawFile int

func (f rawFile) Read(p []byte) (int, error) {
	var n int
	err := retryEINTR(func() (err error) {
		n, err = syscall.Read(int(f), p)
		return err
	})
	switch {
	case err != nil:
		return 0, err
	case n == 0 && len(p) > 0:
		return 0, io.EOF
	}
	return n, nil
}

func (f rawFile) Close() error { return syscall.Close(int(f)) }

// retryEINTR calls call again while a signal interrupts it.
func retryEINTR(call func() error) error {
	for {
		if err := call(); !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
