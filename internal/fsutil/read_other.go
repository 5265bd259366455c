//go:build !linux

package fsutil

import "io"

// openToRead opens a regular file to read (see OpenRegular) and says its
// size.
func openToRead(name string) (io.ReadCloser, int64, error) {
	f, info, err := OpenRegular(name)
	if err != nil {
		return nil, 0, err
	}
	return f, info.Size(), nil
}
