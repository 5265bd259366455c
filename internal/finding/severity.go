package finding

import (
	"encoding/json"
	"fmt"
)

// Severity of a finding or a rule. The zero value means "not set": a
// finding without one takes its rule's.
type Severity int

// Severities, weakest first.
const (
	Unset Severity = iota
	Info
	Warning
	Error
	Off // a rule set to "off"; never on a finding
)

var severityNames = [...]string{Unset: "", Info: "info", Warning: "warning", Error: "error", Off: "off"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return ""
	}
	return severityNames[s]
}

// ParseSeverity reads "error", "warning", "info" or "off".
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if n != "" && n == name {
			return Severity(s), nil
		}
	}
	return Unset, fmt.Errorf("unknown severity %q (want error, warning, info or off)", name)
}

// MarshalJSON writes the severity's name.
func (s Severity) MarshalJSON() ([]byte, error) { return appendJSONString(nil, s.String()), nil }

// UnmarshalJSON reads a severity's name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	*s = v
	return err
}
