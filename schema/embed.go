package schema

import (
	"embed"
	"fmt"
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
