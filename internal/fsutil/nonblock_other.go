//go:build !unix

package fsutil

const openNonblock = 0

func isNoReader(error) bool { return false }
