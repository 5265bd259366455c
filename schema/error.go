package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xeipuuv/gojsonschema"
)

// Error is what is wrong with a config: the file, where in it (a JSON
// pointer, or a line for a syntax error) and what.
type Error struct {
	File    string
	Pointer string
	// Line is set for syntax errors, where the file gives one, and for
	// duplicate keys.
	Line int
	Msg  string
	// Syntax: the file is no JSON or YAML at all (Msg quotes it).
	Syntax bool
}

// Error reads "pagelint.json: /navigation/menu: unknown key "menu""
// or "pagelint.yaml:3: syntax error: …".
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			b.WriteString(":" + strconv.Itoa(e.Line))
		}
		b.WriteString(": ")
	}
	if e.Pointer != "" {
		b.WriteString(e.Pointer + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// errorAt turns an error of the form "/pointer: message" (as Item.compile
// returns them) into an *Error of file.
func errorAt(file string, err error) *Error {
	var ce *Error
	if errors.As(err, &ce) {
		if ce.File == "" {
			ce.File = file
		}
		return ce
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "/") {
		if ptr, rest, ok := strings.Cut(msg, ": "); ok {
			return &Error{File: file, Pointer: ptr, Msg: rest}
		}
	}
	return &Error{File: file, Msg: msg}
}

// jsonSyntaxError names the line of a JSON syntax error.
func jsonSyntaxError(file string, data []byte, err error) *Error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + strings.Count(string(data[:min(int(se.Offset), len(data))]), "\n")
		msg := strings.TrimPrefix(se.Error(), "json: ")
		if msg == "unexpected end of JSON input" {
			msg = "unexpected end of input"
		}
		return &Error{File: file, Line: line, Msg: "syntax error: " + msg, Syntax: true}
	}
	msg := err.Error()
	if msg == "unexpected end of JSON input" {
		msg = "unexpected end of input"
	}
	return &Error{File: file, Line: 1 + strings.Count(strings.TrimRight(string(data), "\n"), "\n"), Msg: "syntax error: " + msg, Syntax: true}
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// yamlSyntaxError names the line of a YAML syntax error, which the YAML
// library only gives inside its message.
func yamlSyntaxError(file string, err error) *Error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: file, Line: line, Msg: "syntax error: " + m[2], Syntax: true}
	}
	msg = strings.TrimPrefix(msg, "error converting YAML to JSON: ")
	msg = strings.TrimPrefix(msg, "yaml: ")
	return &Error{File: file, Msg: "syntax error: " + msg, Syntax: true}
}

// schemaError turns gojsonschema's findings into one *Error: the first by
// pointer, so that the same file always gives the same message.
func schemaError(file string, errs []gojsonschema.ResultError) *Error {
	out := make([]*Error, 0, len(errs))
	for _, re := range errs {
		switch re.Type() {
		case "number_any_of", "number_one_of", "number_all_of", "condition_then", "condition_else":
			continue // their sub-errors say what is wrong
		}
		out = append(out, convertResultError(file, re))
	}
	if len(out) == 0 {
		if len(errs) == 0 {
			return &Error{File: file, Msg: "invalid config"}
		}
		return convertResultError(file, errs[0])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pointer < out[j].Pointer })
	return out[0]
}

func convertResultError(file string, re gojsonschema.ResultError) *Error {
	tokens := contextTokens(re.Context())
	details := re.Details()
	value := re.Value()
	e := &Error{File: file}
	switch re.Type() {
	case "additional_property_not_allowed":
		key := fmt.Sprint(details["property"])
		e.Pointer = pointer(append(tokens, key))
		if len(tokens) == 1 && tokens[0] == "rules" {
			e.Msg = fmt.Sprintf("unknown rule %q", key)
		} else {
			e.Msg = fmt.Sprintf("unknown key %q", key)
		}
		return e
	case "required":
		e.Pointer = pointer(tokens)
		e.Msg = fmt.Sprintf("missing key %q", fmt.Sprint(details["property"]))
		return e
	}
	e.Pointer = pointer(tokens)
	last := ""
	if len(tokens) > 0 {
		last = tokens[len(tokens)-1]
	}
	switch re.Type() {
	case "invalid_type":
		expected := fmt.Sprint(details["expected"])
		e.Msg = fmt.Sprintf("expected %s, got %s", typeList(expected), jsonType(value))
		if _, isBool := value.(bool); isBool && isYAML(file) && strings.Contains(expected, "string") {
			e.Msg += " (YAML reads off, on, yes and no as booleans: quote them)"
		}
	case "enum":
		e.Msg = enumMessage(tokens, value, fmt.Sprint(details["allowed"]))
	case "pattern":
		e.Msg = patternMessage(tokens, last, value)
	case "array_min_items":
		e.Msg = fmt.Sprintf("needs at least %v item(s)", details["min"])
	case "string_gte":
		e.Msg = "must not be empty"
	case "unique":
		e.Msg = fmt.Sprintf("%s is listed twice", quote(value))
	default:
		desc := re.Description()
		if desc != "" {
			desc = strings.ToLower(desc[:1]) + desc[1:]
		}
		e.Msg = strings.TrimSuffix(desc, ".")
		if value != nil {
			e.Msg += fmt.Sprintf(" (got %s)", quote(value))
		}
	}
	return e
}

// contextTokens splits gojsonschema's context ("(root).a.b") into its
// reference tokens; a NUL delimiter keeps keys with dots or slashes whole.
func contextTokens(ctx *gojsonschema.JsonContext) []string {
	if ctx == nil {
		return nil
	}
	parts := strings.Split(ctx.String("\x00"), "\x00")
	if len(parts) > 0 && parts[0] == gojsonschema.STRING_CONTEXT_ROOT {
		parts = parts[1:]
	}
	return parts
}

// pointer builds a JSON pointer (RFC 6901) from reference tokens.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapeToken(t))
	}
	return b.String()
}

// escapeToken escapes one reference token of a JSON pointer.
func escapeToken(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
}

func enumMessage(tokens []string, value any, allowed string) string {
	v := quote(value)
	want := strings.Trim(allowed, "[]")
	if len(tokens) > 0 {
		switch parent := tokens[0]; {
		case parent == "rules" && len(tokens) == 2:
			return fmt.Sprintf("invalid severity %s (want error, warning, info or off)", v)
		case tokens[len(tokens)-1] == "severity":
			return fmt.Sprintf("invalid severity %s (want error, warning or info)", v)
		}
	}
	return fmt.Sprintf("invalid value %s (want one of %s)", v, strings.ReplaceAll(want, `" "`, `", "`))
}

func patternMessage(tokens []string, last string, value any) string {
	v := quote(value)
	switch last {
	case "timeout", "deadline", "ttl", "failureTTL":
		return fmt.Sprintf("invalid duration %s (want e.g. \"10s\", \"2m\", \"24h\")", v)
	case "maxPageSize":
		return fmt.Sprintf("invalid size %s (want e.g. \"512KB\", \"50MB\", \"1GB\")", v)
	case "baseURL":
		return fmt.Sprintf("invalid base URL %s (want an http:// or https:// URL)", v)
	case "id":
		return fmt.Sprintf("invalid id %s (want letters, digits, \".\", \"_\" and \"-\")", v)
	}
	if len(tokens) >= 2 && tokens[len(tokens)-2] == "accept" {
		return fmt.Sprintf("invalid status %s (want a code like \"404\" or a range like \"200-299\")", v)
	}
	return fmt.Sprintf("invalid value %s", v)
}

func quote(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// typeList reads gojsonschema's "string,array" as "string or array".
func typeList(s string) string {
	parts := strings.FieldsFunc(strings.Trim(s, "[]"), func(r rune) bool { return r == ',' || r == ' ' })
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case json.Number, float64, int, int64:
		return "number"
	}
	return fmt.Sprintf("%T", v)
}
