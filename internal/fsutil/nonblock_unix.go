//go:build unix

package fsutil

import (
	"errors"
	"syscall"
)

// openNonblock opens a FIFO without waiting for the other end.
const openNonblock = syscall.O_NONBLOCK

// isNoReader: a FIFO opened for writing has no reader (ENXIO).
func isNoReader(err error) bool { return errors.Is(err, syscall.ENXIO) }
