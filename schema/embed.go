package schema

import (
	"embed"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/xeipuuv/gojsonschema"
)

// The JSON Schemas ship inside the binary so that `pagelint schema` and the
// config validation need no file beside it.
//
//go:embed *.schema.json
var schemaFiles embed.FS

//go:embed presets/*.json
var presetFiles embed.FS

// JSONSchema returns the embedded JSON Schema "config", "report" or "page".
func JSONSchema(name string) ([]byte, error) {
	switch name {
	case "config", "report", "page":
	default:
		return nil, fmt.Errorf("unknown schema %q (want config, report or page)", name)
	}
	b, err := schemaFiles.ReadFile(name + ".schema.json")
	if err != nil {
		return nil, fmt.Errorf("schema %q is not built in", name)
	}
	return b, nil
}

// configSchema is compiled once: every Load validates against it.
var configSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	b, err := JSONSchema("config")
	if err != nil {
		return nil, err
	}
	return compileSchema(b)
})

// compileSchema compiles a draft-07 JSON Schema (the config's, or an
// assertion's), checking it against the draft's meta-schema first.
func compileSchema(doc []byte) (*gojsonschema.Schema, error) {
	loader := gojsonschema.NewSchemaLoader()
	loader.Draft = gojsonschema.Draft7
	loader.AutoDetect = true
	loader.Validate = true
	return loader.Compile(gojsonschema.NewBytesLoader(doc))
}

// RuleIDs are the rule ids the config's "rules" accepts besides
// "assert/<id>", sorted: the keys config.schema.json lists, which a test of
// the checks holds equal to the rules they register.
var RuleIDs = sync.OnceValue(func() []string {
	b, err := JSONSchema("config")
	if err != nil {
		return nil
	}
	var doc struct {
		Definitions struct {
			Rules struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"rules"`
		} `json:"definitions"`
	}
	if json.Unmarshal(b, &doc) != nil {
		return nil
	}
	ids := slices.Collect(maps.Keys(doc.Definitions.Rules.Properties))
	slices.Sort(ids)
	return ids
})
