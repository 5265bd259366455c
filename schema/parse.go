package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/xeipuuv/gojsonschema"
	yamlv2 "go.yaml.in/yaml/v2"
	"go.yaml.in/yaml/v3"

	"github.com/pagelint/pagelint/internal/fsutil"
)

// maxConfigSize bounds a config file (or a file extends names): configs
// are a few kilobytes, and a file that is not one must not fill memory.
const maxConfigSize = 8 << 20

// readConfigFile reads a config from disk: a regular file only (a FIFO
// would block the run, a device never end), and not a huge one.
func readConfigFile(path string) ([]byte, error) {
	data, err := fsutil.ReadFile(path, maxConfigSize)
	var tooLarge *fsutil.TooLargeError
	if errors.As(err, &tooLarge) {
		return nil, fmt.Errorf("larger than the %d MB a config may have", maxConfigSize>>20)
	}
	return data, err
}

// parseConfig reads a config document and validates it against the config
// schema; file names it in errors.
func parseConfig(file string, data []byte) (map[string]any, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM some Windows editors write
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: file, Msg: "empty config file"}
	}
	jsonData := data
	if isYAML(file) {
		var err error
		if jsonData, err = yamlToJSON(file, data); err != nil {
			return nil, err
		}
	} else if err := checkJSON(file, data); err != nil {
		return nil, err
	}
	sch, err := configSchema()
	if err != nil {
		return nil, err
	}
	res, err := sch.Validate(gojsonschema.NewBytesLoader(jsonData))
	if err != nil {
		return nil, &Error{File: file, Msg: err.Error()}
	}
	if !res.Valid() {
		return nil, schemaError(file, res.Errors())
	}
	dec := json.NewDecoder(bytes.NewReader(jsonData))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, &Error{File: file, Msg: err.Error()}
	}
	return doc, nil
}

// checkJSON reports a JSON syntax error by line, and a key given twice in
// one object by its pointer: encoding/json would keep the last silently,
// while YAML rejects it.
func checkJSON(file string, data []byte) error {
	var raw json.RawMessage // syntax only: 1e400 is a number out of range, not a syntax error
	if err := json.Unmarshal(data, &raw); err != nil {
		return jsonSyntaxError(file, data, err)
	}
	err := jsontext.NewDecoder(bytes.NewReader(data)).SkipValue()
	var se *jsontext.SyntacticError
	if errors.As(err, &se) && errors.Is(se.Err, jsontext.ErrDuplicateName) {
		return &Error{File: file, Line: lineAt(data, se.ByteOffset), Pointer: string(se.JSONPointer),
			Msg: fmt.Sprintf("duplicate key %q", se.JSONPointer.LastToken())}
	}
	return nil
}

// lineAt is the line of a byte offset.
func lineAt(data []byte, offset int64) int {
	return 1 + bytes.Count(data[:min(max(offset, 0), int64(len(data)))], []byte("\n"))
}

// yamlToJSON reads a YAML config as JSON. Keys given twice in one mapping
// are errors (with their pointer), merge keys ("<<: *base") merge with the
// mapping's own keys winning wherever "<<" stands, and the YAML 1.1
// booleans (on, off, yes, no, y, n) stay booleans, as pagelint has always
// read them.
func yamlToJSON(file string, data []byte) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, v2Wording(file, data, yamlSyntaxError(file, err))
	}
	if err := checkYAML(file, &root, nil); err != nil {
		return nil, v2Wording(file, data, err)
	}
	var v any
	if err := root.Decode(&v); err != nil {
		return nil, v2Wording(file, data, yamlSyntaxError(file, err))
	}
	plain, err := jsonValue(v, nil)
	if err != nil {
		return nil, v2Wording(file, data, &Error{File: file, Pointer: err.pointer, Msg: err.msg})
	}
	return json.Marshal(plain)
}

// v2Wording is the error of a YAML config that cannot be read: its syntax
// error as YAML v2 reports it, where v2 finds one (v3 names the line before
// the error for some of them), else err. A config that v3 reads is parsed
// once.
func v2Wording(file string, data []byte, err error) error {
	var syntax any
	if v2err := yamlv2.Unmarshal(data, &syntax); v2err != nil {
		return yamlSyntaxError(file, v2err)
	}
	return err
}

// checkYAML finds keys given twice, and turns plain YAML 1.1 booleans into
// booleans.
func checkYAML(file string, n *yaml.Node, path []string) error {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for i, c := range n.Content {
			sub := path
			if n.Kind == yaml.SequenceNode {
				sub = child(path, strconv.Itoa(i))
			}
			if err := checkYAML(file, c, sub); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" {
				continue // what it merges is checked where it is defined
			}
			sub := child(path, k.Value)
			if seen[k.Value] {
				return &Error{File: file, Line: k.Line, Pointer: pointer(sub), Msg: fmt.Sprintf("duplicate key %q", k.Value)}
			}
			seen[k.Value] = true
			if err := checkYAML(file, v, sub); err != nil {
				return err
			}
		}
	case yaml.ScalarNode:
		if b, ok := yaml11Bools[n.Value]; ok && n.Style == 0 && n.Tag == "!!str" {
			n.Tag, n.Value = "!!bool", strconv.FormatBool(b)
		}
	}
	return nil
}

var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false,
}

type valueError struct{ pointer, msg string }

// jsonValue turns a decoded YAML value into one encoding/json can write:
// keys become strings, and numbers JSON has not (.inf, .nan) are errors.
func jsonValue(v any, path []string) (any, *valueError) {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			var err *valueError
			if out[k], err = jsonValue(x, child(path, k)); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			key := fmt.Sprint(k)
			var err *valueError
			if out[key], err = jsonValue(x, child(path, key)); err != nil {
				return nil, err
			}
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			var err *valueError
			if out[i], err = jsonValue(x, child(path, strconv.Itoa(i))); err != nil {
				return nil, err
			}
		}
		return out, nil
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, &valueError{pointer(path), fmt.Sprintf("%v is not a number JSON can hold", v)}
		}
	}
	return v, nil
}

// child is path with one more token, in a slice of its own.
func child(path []string, token string) []string {
	return append(path[:len(path):len(path)], token)
}
