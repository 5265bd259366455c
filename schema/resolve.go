package schema

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// layer is one config document of a merge: a preset, an extended config
// file, or the user's config.
type layer struct {
	name   string // as extends names it (a preset name, a file path)
	file   string // for messages: the file, or presets/NAME.json
	key    string // identity, for cycles and for applying a layer once
	dir    string // relative extends paths are taken from here
	preset bool
	doc    map[string]any
}

// resolver orders the layers of one config: each layer after the layers it
// extends (depth first, in extends order), every layer once.
type resolver struct {
	layers []*layer
	seen   map[string]bool
}

// resolve merges the presets and files root extends, then the presets
// given, then root itself, and compiles the result.
func resolve(root *layer, presets []string) (*Config, error) {
	r := &resolver{seen: map[string]bool{}}
	stack := []*layer{root}
	for i, ref := range stringList(root.doc["extends"]) {
		if err := r.add(ref, root, fmt.Sprintf("/extends/%d", i), stack); err != nil {
			return nil, err
		}
	}
	for _, ref := range presets {
		if err := r.add(ref, nil, "", stack); err != nil {
			return nil, err
		}
	}
	r.layers = append(r.layers, root)

	merged := map[string]any{}
	known := map[string]itemOrigin{}
	var applied []string
	for _, l := range r.layers {
		if err := checkLayer(l, known); err != nil {
			return nil, err
		}
		doc := l.doc
		if l != root {
			applied = append(applied, l.name)
			doc = without(doc, "$schema", "description")
		}
		mergeObject(merged, without(doc, "extends"), "")
	}

	cfg, err := decodeConfig(root.file, merged)
	if err != nil {
		return nil, err
	}
	cfg.Extends = applied
	cfg.forEachItemList(func(list string, items []Item, _ string) {
		for i := range items {
			if o, ok := known[list+"\x00"+items[i].ID]; ok && items[i].ID != "" {
				items[i].Preset = o.preset
			}
		}
	})
	if err := cfg.Compile(); err != nil {
		return nil, errorAt(root.file, err)
	}
	return cfg, nil
}

// add appends the layer ref names and, before it, the layers it extends.
// from is the layer whose extends (at pointer) names ref; nil for --preset.
func (r *resolver) add(ref string, from *layer, pointer string, stack []*layer) error {
	l, err := r.open(ref, from, pointer)
	if err != nil {
		return err
	}
	for i, s := range stack {
		if s.key == l.key {
			names := make([]string, 0, len(stack)-i+1)
			for _, s := range stack[i:] {
				names = append(names, s.name)
			}
			names = append(names, l.name)
			if from == nil {
				return &Error{Msg: "extends cycle: " + strings.Join(names, " -> ") + " (from --preset)"}
			}
			return &Error{File: from.file, Pointer: pointer, Msg: "extends cycle: " + strings.Join(names, " -> ")}
		}
	}
	if r.seen[l.key] {
		return nil
	}
	stack = append(stack, l)
	for i, sub := range stringList(l.doc["extends"]) {
		if err := r.add(sub, l, fmt.Sprintf("/extends/%d", i), stack); err != nil {
			return err
		}
	}
	if !r.seen[l.key] {
		r.seen[l.key] = true
		r.layers = append(r.layers, l)
	}
	return nil
}

// open reads the layer ref names: a built-in preset, or a config file when
// ref looks like a path.
func (r *resolver) open(ref string, from *layer, pointer string) (*layer, error) {
	fail := func(msg string) error {
		if from == nil {
			return &Error{Msg: msg + " (from --preset)"}
		}
		return &Error{File: from.file, Pointer: pointer, Msg: msg}
	}
	if !isFileRef(ref) {
		data, err := presetFiles.ReadFile("presets/" + ref + ".json")
		if err != nil {
			msg := fmt.Sprintf("unknown preset %q (known: %s)", ref, strings.Join(PresetNames(), ", "))
			if s := suggest(ref, PresetNames()); s != "" {
				msg = fmt.Sprintf("unknown preset %q (did you mean %q?)", ref, s)
			}
			return nil, fail(msg)
		}
		file := "presets/" + ref + ".json"
		doc, err := parseConfig(file, data)
		if err != nil {
			return nil, err
		}
		return &layer{name: ref, file: file, key: "preset:" + ref, preset: true, doc: doc}, nil
	}
	path := ref
	if !filepath.IsAbs(path) && from != nil {
		path = filepath.Join(from.dir, path)
	}
	data, err := readConfigFile(path)
	if err != nil {
		return nil, fail(fmt.Sprintf("cannot read extended config %q: %v", ref, err))
	}
	doc, err := parseConfig(path, data)
	var ce *Error
	if errors.As(err, &ce) && ce.Syntax {
		// Not a config at all (extends: ["/etc/shadow"]): a syntax error
		// would quote the file, so only its line is said.
		return nil, fail(fmt.Sprintf("extended config %q is not JSON or YAML (syntax error on line %d)", ref, max(ce.Line, 1)))
	}
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fail(err.Error())
	}
	return &layer{name: ref, file: path, key: "file:" + abs, dir: filepath.Dir(path), doc: doc}, nil
}

// isFileRef tells a config file ("./base.json", "shared/pagelint.yaml") from
// a preset name in extends.
func isFileRef(ref string) bool {
	if strings.ContainsAny(ref, `/\`) {
		return true
	}
	switch strings.ToLower(filepath.Ext(ref)) {
	case ".json", ".yaml", ".yml":
		return true
	}
	return false
}

// itemOrigin records where an item id was first defined.
type itemOrigin struct {
	preset string // the preset's name; "" for a config file
}

// checkLayer checks what needs the layers before it: an item that carries
// no label, pattern or anyOf must override an item of an earlier layer by
// its id. It records the layer's item ids in known.
func checkLayer(l *layer, known map[string]itemOrigin) error {
	cfg, err := decodeConfig(l.file, l.doc)
	if err != nil {
		return err
	}
	if err := cfg.compile(false); err != nil {
		return errorAt(l.file, err)
	}
	var firstErr error
	cfg.forEachItemList(func(list string, items []Item, ptr string) {
		for i := range items {
			it := &items[i]
			hasMatcher := len(it.Label) > 0 || len(it.Pattern) > 0 || len(it.AnyOf) > 0
			if it.ID == "" {
				if !hasMatcher && firstErr == nil {
					firstErr = &Error{File: l.file, Pointer: fmt.Sprintf("%s/%d", ptr, i), Msg: "item needs a label, a pattern or anyOf"}
				}
				continue
			}
			key := list + "\x00" + it.ID
			if _, ok := known[key]; ok {
				continue
			}
			if !hasMatcher && firstErr == nil {
				firstErr = unknownItemError(l.file, fmt.Sprintf("%s/%d/id", ptr, i), it.ID, list, known)
				continue
			}
			origin := itemOrigin{}
			if l.preset {
				origin.preset = l.name
			}
			known[key] = origin
		}
	})
	return firstErr
}

func unknownItemError(file, pointer, id, list string, known map[string]itemOrigin) error {
	var ids []string
	for k := range known {
		if l, kid, _ := strings.Cut(k, "\x00"); l == list {
			ids = append(ids, kid)
		}
	}
	sort.Strings(ids)
	msg := fmt.Sprintf("no preset has an item %q to override, and the item has no label or pattern", id)
	if s := suggest(id, ids); s != "" {
		msg = fmt.Sprintf("no preset has an item %q (did you mean %q?)", id, s)
	}
	return &Error{File: file, Pointer: pointer, Msg: msg}
}

// forEachItemList calls fn with each list of required items, a name that
// identifies the list across layers, and its JSON pointer.
func (c *Config) forEachItemList(fn func(list string, items []Item, pointer string)) {
	fn("navigation", c.Navigation.Required, "/navigation/required")
	for i := range c.Navigation.Menus {
		m := &c.Navigation.Menus[i]
		fn("menu:"+m.Name, m.Required, fmt.Sprintf("/navigation/menus/%d/required", i))
	}
	fn("footer", c.Footer.Required, "/footer/required")
}

func stringList(v any) []string {
	list, _ := v.([]any) // the schema made sure it is a list of strings
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func without(doc map[string]any, keys ...string) map[string]any {
	out := make(map[string]any, len(doc))
	for k, v := range doc {
		out[k] = v
	}
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

// suggest returns the candidate closest to s when it is close enough to be
// a typo of it.
func suggest(s string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
