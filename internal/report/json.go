package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/pagelint/pagelint/internal/finding"
)

// WriteJSON writes the report as docs/contract.md and
// schema/report.schema.json describe it: two-space indent, findings in report order, a final newline.
func WriteJSON(w io.Writer, r *Report, _ Options) error {
	out := *r
	out.Findings = sortedFindings(r)
	if out.Findings == nil {
		out.Findings = []finding.Finding{} // "findings": [], never null
	}
	if len(r.Rules) > 0 {
		out.RuleLevels = ruleLevels(r.Rules)
	}
	return writeIndentedJSON(w, out)
}

// writeIndentedJSON encodes v with two-space indent, leaving <, > and &
// as they are: these files are read by programs and people, not browsers.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// ReadJSON reads a JSON report that pagelint wrote (for merge). name is
// the file name the error messages start with.
func ReadJSON(r io.Reader, name string) (*Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var head struct {
		SchemaVersion *int            `json:"schemaVersion"`
		Tool          *Tool           `json:"tool"`
		Findings      json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) || len(bytes.TrimSpace(data)) == 0 {
			return nil, jsonError(name, data, err, "")
		}
		return nil, fmt.Errorf("%s: not a pagelint report", name)
	}
	if head.SchemaVersion == nil || head.Tool == nil || head.Tool.Name != "pagelint" || head.Findings == nil {
		return nil, fmt.Errorf("%s: not a pagelint report", name)
	}
	if *head.SchemaVersion != SchemaVersion {
		return nil, fmt.Errorf("%s: schemaVersion %d is not supported (want %d)", name, *head.SchemaVersion, SchemaVersion)
	}
	var rep Report
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		return nil, jsonError(name, data, err, "invalid report")
	}
	if rep.Rules, err = rulesOf(rep.RuleLevels); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	rep.RuleLevels = nil
	for i, f := range rep.Findings {
		if f.Rule == "" || f.Source == "" || f.Message == "" || f.Severity < finding.Info || f.Severity > finding.Error {
			return nil, fmt.Errorf("%s: finding %d lacks a rule, severity, message or source", name, i+1)
		}
	}
	return &rep, nil
}

// jsonError turns a decoding error into one line that names the file and,
// where the JSON is broken, the byte offset.
func jsonError(name string, data []byte, err error, notOurs string) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("%s: truncated or invalid JSON at offset %d", name, syntax.Offset)
	case len(bytes.TrimSpace(data)) == 0:
		return fmt.Errorf("%s: truncated or invalid JSON at offset 0", name)
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Errorf("%s: %s", name, notOurs)
	case errors.As(err, &typ):
		return fmt.Errorf("%s: %q must be %s, not %s (offset %d)", name, typ.Field, typ.Type, typ.Value, typ.Offset)
	default:
		return fmt.Errorf("%s: %s: %w", name, notOurs, err)
	}
}
