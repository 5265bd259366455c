package schema

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ConfigFiles are the names Discover looks for, in this order.
var ConfigFiles = []string{"pagelint.json", "pagelint.yaml", "pagelint.yml", ".pagelint.json", ".pagelint.yaml", ".pagelint.yml"}

// Discover returns the first config file in dir or its nearest parent that
// has one, or "" when there is none. A relative dir gives a path relative to
// the working directory.
func Discover(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		for _, name := range ConfigFiles {
			p := filepath.Join(d, name)
			info, err := os.Stat(p)
			if err == nil && info.Mode().IsRegular() {
				return displayPath(dir, p), nil
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
				return "", err
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// displayPath keeps a path found from a relative dir relative, so that
// messages name "pagelint.json" rather than a long absolute path.
func displayPath(dir, found string) string {
	if filepath.IsAbs(dir) {
		return found
	}
	wd, err := os.Getwd()
	if err != nil {
		return found
	}
	if rel, err := filepath.Rel(wd, found); err == nil {
		return rel
	}
	return found
}

// Load reads the config at path (JSON, or YAML by its extension), validates
// it against config.schema.json before anything else, merges the presets it
// extends and those given (from --preset), and compiles it. Errors are
// *Error values naming the file and the JSON pointer of the bad value.
func Load(path string, presets []string) (*Config, error) {
	data, err := readConfigFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read config: " + err.Error()}
	}
	doc, err := parseConfig(path, data)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	root := &layer{name: filepath.Base(path), file: path, key: "file:" + abs, dir: filepath.Dir(path), doc: doc}
	cfg, err := resolve(root, presets)
	if err != nil {
		return nil, err
	}
	cfg.Path = path
	cfg.Dir = filepath.Dir(path)
	return cfg, nil
}

// Default is the config of a run without a config file: as if it were
// {"extends": ["recommended"]}, plus the presets given.
func Default(presets []string) (*Config, error) {
	root := &layer{name: "default config", key: "default", dir: ".", doc: map[string]any{"extends": []any{"recommended"}}}
	cfg, err := resolve(root, presets)
	if err != nil {
		return nil, err
	}
	cfg.Dir = "."
	return cfg, nil
}

func isYAML(file string) bool {
	ext := strings.ToLower(filepath.Ext(file))
	return ext == ".yaml" || ext == ".yml"
}
