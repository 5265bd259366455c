package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Sizes and durations are strings in the config ("50MB", "10s") and typed
// values in the program: each is parsed once, when the config is decoded,
// and a value that does not parse is an error of Compile, which knows where
// it stands. Nothing reads the string again, and nothing falls back to a
// default in silence: Or gives the default only where the config sets none.

// Duration is a length of time written as a Go duration ("500ms", "10s",
// "24h").
type Duration struct {
	text  string
	value time.Duration
	err   error
}

// IsZero reports whether the config sets no duration.
func (d Duration) IsZero() bool { return d.text == "" }

// Or is the duration, or def when the config sets none.
func (d Duration) Or(def time.Duration) time.Duration {
	if d.IsZero() {
		return def
	}
	return d.value
}

func (d Duration) String() string { return d.text }

// MarshalJSON writes the duration as the config wrote it.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.text) }

// UnmarshalJSON reads and parses a duration; Compile reports one that does
// not parse.
func (d *Duration) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &d.text); err != nil {
		return err
	}
	v, err := time.ParseDuration(d.text)
	if err != nil || v < 0 {
		d.err = fmt.Errorf("invalid duration %q (want e.g. \"10s\", \"2m\", \"24h\")", d.text)
	}
	d.value = v
	return nil
}

// check reports a duration that does not parse, or that is zero where
// positive says it must not be.
func (d Duration) check(pointer string, positive bool) error {
	switch {
	case d.err != nil:
		return fmt.Errorf("%s: %w", pointer, d.err)
	case positive && !d.IsZero() && d.value == 0:
		return fmt.Errorf("%s: duration %q must be more than zero", pointer, d.text)
	}
	return nil
}

// Size is a number of bytes written plain ("1048576") or with a unit B,
// KB, MB or GB (KiB, MiB, GiB are the same: 1 KB = 1024 bytes),
// case-insensitive.
type Size struct {
	text  string
	bytes int64
	err   error
}

// IsZero reports whether the config sets no size.
func (s Size) IsZero() bool { return s.text == "" }

// Or is the size in bytes, or def when the config sets none.
func (s Size) Or(def int64) int64 {
	if s.IsZero() {
		return def
	}
	return s.bytes
}

func (s Size) String() string { return s.text }

// MarshalJSON writes the size as the config wrote it.
func (s Size) MarshalJSON() ([]byte, error) { return json.Marshal(s.text) }

// UnmarshalJSON reads and parses a size; Compile reports one that does not
// parse.
func (s *Size) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &s.text); err != nil {
		return err
	}
	s.bytes, s.err = parseSize(s.text)
	return nil
}

func (s Size) check(pointer string) error {
	if s.err != nil {
		return fmt.Errorf("%s: %w", pointer, s.err)
	}
	return nil
}

var sizePattern = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?) *([kmg]i?b|b)?$`)

// parseSize reads a size as Size describes it.
func parseSize(s string) (int64, error) {
	m := sizePattern.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, fmt.Errorf("invalid size %q (want e.g. \"512KB\", \"50MB\", \"1GB\")", s)
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	unit := 1.0
	switch strings.TrimSuffix(strings.TrimSuffix(m[2], "b"), "i") {
	case "k":
		unit = 1 << 10
	case "m":
		unit = 1 << 20
	case "g":
		unit = 1 << 30
	}
	v := n * unit
	if v < 1 || v > math.MaxInt64/2 {
		return 0, fmt.Errorf("invalid size %q (want at least 1 byte and at most a few exabytes)", s)
	}
	return int64(v), nil
}
