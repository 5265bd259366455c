package source

import (
	"fmt"
	"strconv"
	"strings"
)

// sizeError says that a page is larger than the limit; size < 0 means the
// size is not known, only that it is over.
func sizeError(size, limit int64) error {
	l := formatSize(limit)
	if size < 0 {
		return fmt.Errorf("larger than the %s page size limit", l)
	}
	s := formatSize(size)
	if s == l || limit < 1024 { // 50 MB and a few bytes: say the bytes, else it reads as a contradiction
		s, l = strconv.FormatInt(size, 10)+" bytes", strconv.FormatInt(limit, 10)+" bytes"
	}
	return fmt.Errorf("%s is over the %s page size limit", s, l)
}

// formatSize writes a byte count for people: "512 bytes", "12 KB", "61 MB",
// "1.5 GB" (binary units, as the limits are set in them).
func formatSize(n int64) string {
	units := []string{"KB", "MB", "GB", "TB"}
	if n < 1024 {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	v := float64(n)
	unit := ""
	for _, u := range units {
		v /= 1024
		unit = u
		if v < 1024 {
			break
		}
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return s + " " + unit
}
