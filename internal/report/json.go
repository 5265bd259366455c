package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
)

// WriteJSON writes the report as docs/contract.md and
// schema/report.schema.json describe it: two-space indent, findings in
// report order, a final newline. The findings are written one at a time.
func WriteJSON(w io.Writer, r *Report, _ Options) error {
	out := *r
	findings := sortedFindings(r)
	out.Findings = []finding.Finding{} // "findings": [], never null
	if len(r.Rules) > 0 {
		out.RuleLevels = ruleLevels(r.Rules)
	}
	return writeStreamedJSON(w, out, streamedArray{key: "findings", depth: 1, n: len(findings),
		item: func(i int) any { return &findings[i] }})
}

// writeIndentedJSON encodes v with two-space indent, leaving <, > and &
// as they are: these files are read by programs and people, not browsers.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// streamedArray is the one large array of a JSON report (its findings, its
// results), written an item at a time so that the report's bytes are never
// held whole.
type streamedArray struct {
	// key names the array, at depth (1 for a key of the document's top
	// object); the document holds it empty. An array without a key is
	// the document itself, at depth 0.
	key   string
	depth int
	n     int
	item  func(i int) any
}

// writeStreamedJSON writes doc as writeIndentedJSON does, with the items of
// a in the array it holds empty: the same bytes as the whole document
// encoded at once.
func writeStreamedJSON(w io.Writer, doc any, a streamedArray) error {
	var buf bytes.Buffer
	if err := writeIndentedJSON(&buf, doc); err != nil {
		return err
	}
	indent := strings.Repeat("  ", a.depth)
	// A newline and indent start a key only outside strings (encoding/json
	// escapes newlines in them), so the empty array is found by them.
	empty := "\n" + indent + `"` + a.key + `": []`
	if a.key == "" {
		empty = "[]" // the document itself
	}
	at := bytes.Index(buf.Bytes(), []byte(empty))
	if at < 0 {
		return fmt.Errorf("no %q array in the document", a.key)
	}
	if a.n == 0 {
		_, err := w.Write(buf.Bytes())
		return err
	}
	closing := at + len(empty) - 1 // the "]" of the empty array
	if _, err := w.Write(buf.Bytes()[:closing]); err != nil {
		return err
	}
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	enc.SetIndent(indent+"  ", "  ")
	for i := range a.n {
		item.Reset()
		item.WriteString(",\n" + indent + "  ")
		if i == 0 {
			item.Next(1) // no comma before the first
		}
		if err := enc.Encode(a.item(i)); err != nil {
			return err
		}
		if _, err := w.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n"))); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, "\n"+indent+"]"); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes()[closing+1:])
	return err
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
