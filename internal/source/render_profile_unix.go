//go:build unix

package source

import (
	"errors"
	"os"
	"syscall"
)

// processRunning reports whether process pid exists; one that exists but is
// not ours to signal is running too.
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// ownedByMe reports whether this user owns the file.
func ownedByMe(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
