package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// decodeConfig turns a validated config document into a Config. The
// schema has checked every type, so what can still fail is a number too
// large for its Go field; the error names it by its JSON pointer.
func decodeConfig(file string, doc map[string]any) (*Config, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, &Error{File: file, Msg: err.Error()}
	}
	cfg := &Config{}
	err = json.Unmarshal(b, cfg)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && strings.HasPrefix(te.Value, "number") {
		if where, n := numberOutOfRange(doc, strings.Split(te.Field, "."), nil); where != nil {
			return nil, &Error{File: file, Pointer: pointer(where), Msg: fmt.Sprintf("%s is out of range", n)}
		}
	}
	if err != nil {
		return nil, &Error{File: file, Msg: err.Error()}
	}
	return cfg, nil
}

// numberOutOfRange finds the value an unmarshal error's dotted field path
// names, looking into every element of the lists on the way (the path
// names no index), and returns its reference tokens when it is an integer
// that does not fit an int.
func numberOutOfRange(v any, fields, at []string) ([]string, json.Number) {
	switch v := v.(type) {
	case map[string]any:
		if len(fields) == 0 {
			return nil, ""
		}
		return numberOutOfRange(v[fields[0]], fields[1:], child(at, fields[0]))
	case []any:
		for i, x := range v {
			if where, n := numberOutOfRange(x, fields, child(at, strconv.Itoa(i))); where != nil {
				return where, n
			}
		}
	case json.Number:
		if _, err := strconv.ParseInt(string(v), 10, strconv.IntSize); len(fields) == 0 && err != nil {
			return at, v
		}
	}
	return nil, ""
}
