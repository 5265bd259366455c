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

// parsed is a value of the config as written and as parsed.
type parsed[T any] struct {
	text  string
	value T
	err   error // why text does not parse; Compile reports it
}

// IsZero reports whether the config sets no value.
func (p parsed[T]) IsZero() bool { return p.text == "" }

// Or is the value, or def when the config sets none.
func (p parsed[T]) Or(def T) T {
	if p.IsZero() {
		return def
	}
	return p.value
}

func (p parsed[T]) String() string { return p.text }

// MarshalJSON writes the value as the config wrote it.
func (p parsed[T]) MarshalJSON() ([]byte, error) { return json.Marshal(p.text) }

// decode reads a JSON string and parses it.
func (p *parsed[T]) decode(b []byte, parse func(string) (T, error)) error {
	if err := json.Unmarshal(b, &p.text); err != nil {
		return err
	}
	p.value, p.err = parse(p.text)
	return nil
}

// check reports a value that does not parse, at pointer.
func (p parsed[T]) check(pointer string) error {
	if p.err != nil {
		return fmt.Errorf("%s: %w", pointer, p.err)
	}
	return nil
}

// Duration is a length of time written as a Go duration ("500ms", "10s",
// "24h").
type Duration struct{ parsed[time.Duration] }

// UnmarshalJSON reads and parses a duration.
func (d *Duration) UnmarshalJSON(b []byte) error { return d.decode(b, parseDuration) }

func parseDuration(s string) (time.Duration, error) {
	v, err := time.ParseDuration(s)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("invalid duration %q (want e.g. \"10s\", \"2m\", \"24h\")", s)
	}
	return v, nil
}

// checkPositive is check, and a duration of zero is an error too.
func (d Duration) checkPositive(pointer string) error {
	if !d.IsZero() && d.err == nil && d.value == 0 {
		return fmt.Errorf("%s: duration %q must be more than zero", pointer, d.text)
	}
	return d.check(pointer)
}

// Size is a number of bytes written plain ("1048576") or with a unit B,
// KB, MB or GB (KiB, MiB, GiB are the same: 1 KB = 1024 bytes),
// case-insensitive.
type Size struct{ parsed[int64] }

// UnmarshalJSON reads and parses a size.
func (s *Size) UnmarshalJSON(b []byte) error { return s.decode(b, parseSize) }

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
