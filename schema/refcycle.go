package schema

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// refCycle finds a "$ref" of an assertion schema that leads back to where
// it stands without the validation looking one level into the page model:
// {"$ref": "#"}, two definitions that name each other, an allOf that
// names its own schema. gojsonschema would follow such a loop until the Go
// stack overflows, a crash no recover catches, so such a schema is refused
// at load. A loop that goes through properties, items and the like is
// fine: each turn looks one level deeper into a finite model.
//
// It returns the pointer of the "$ref" that closes a loop, as reference
// tokens from the schema's root, and what it names; nil when there is none.
func refCycle(doc any) ([]string, string) {
	g := &refGraph{doc: doc, edges: map[string][]refEdge{}, anchors: map[string]string{}}
	g.collect(doc, "", "")
	const (
		unseen = iota
		onPath
		done
	)
	state := map[string]int{}
	var path []refEdge // the edges that led to the node being visited
	var loop refEdge
	var visit func(node string) bool
	visit = func(node string) bool {
		state[node] = onPath
		for _, e := range g.edges[node] {
			switch state[e.to] {
			case onPath:
				// The loop is e and the edges of the path since e.to;
				// one of them is a $ref (the others lead down the tree).
				loop = e
				for i := len(path) - 1; i >= 0 && loop.ref == ""; i-- {
					if path[i].ref != "" {
						loop = path[i]
					}
					if path[i].from == e.to {
						break
					}
				}
				return true
			case unseen:
				path = append(path, e)
				if visit(e.to) {
					return true
				}
				path = path[:len(path)-1]
			}
		}
		state[node] = done
		return false
	}
	nodes := make([]string, 0, len(g.edges))
	for n := range g.edges {
		nodes = append(nodes, n)
	}
	sort.Strings(nodes)
	for _, n := range nodes {
		if state[n] == unseen && visit(n) {
			return append(splitPointer(loop.from), "$ref"), loop.ref
		}
	}
	return nil, ""
}

// refEdge: validating the schema at from validates the same value against
// the schema at to; ref is the "$ref" that says so, "" for allOf and the
// like.
type refEdge struct {
	from, to, ref string
}

// refGraph holds the edges between the subschemas of one document that
// apply to the same value.
type refGraph struct {
	doc     any
	edges   map[string][]refEdge
	anchors map[string]string // "$id": "#name" → its schema, by resource and name
}

// sameValue are the keywords whose subschemas apply to the value itself.
var sameValue = map[string]bool{"allOf": true, "anyOf": true, "oneOf": true, "not": true, "if": true, "then": true, "else": true, "dependencies": true}

// collect walks every object of the document as a possible subschema (a
// "$ref" may point anywhere), recording its edges. resource is the pointer
// of the nearest schema with an "$id" of its own, against which "#…"
// references resolve.
func (g *refGraph) collect(v any, at, resource string) {
	switch v := v.(type) {
	case map[string]any:
		if id, ok := v["$id"].(string); ok {
			if name, isAnchor := strings.CutPrefix(id, "#"); isAnchor {
				g.anchors[resource+"#"+name] = at
			} else if id != "" {
				resource = at
			}
		}
		g.edges[at] = g.edges[at][:0:0]
		if ref, ok := v["$ref"].(string); ok {
			for _, to := range g.resolve(ref, resource) {
				g.edges[at] = append(g.edges[at], refEdge{from: at, to: to, ref: ref})
			}
		}
		for _, k := range sortedKeys(v) {
			sub := v[k]
			child := at + "/" + escapeToken(k)
			if sameValue[k] {
				g.addChildren(at, child, sub, k == "dependencies")
			}
			g.collect(sub, child, resource)
		}
	case []any:
		for i, sub := range v {
			g.collect(sub, at+"/"+strconv.Itoa(i), resource)
		}
	}
}

// addChildren adds edges from a schema to the subschemas of one of its
// same-value keywords: an object, or a list or map of them.
func (g *refGraph) addChildren(from, at string, v any, isMap bool) {
	switch v := v.(type) {
	case map[string]any:
		if !isMap {
			g.edges[from] = append(g.edges[from], refEdge{from: from, to: at})
			return
		}
		for _, k := range sortedKeys(v) {
			if _, ok := v[k].(map[string]any); ok { // a schema dependency, not a list of names
				g.edges[from] = append(g.edges[from], refEdge{from: from, to: at + "/" + escapeToken(k)})
			}
		}
	case []any:
		for i := range v {
			g.edges[from] = append(g.edges[from], refEdge{from: from, to: at + "/" + strconv.Itoa(i)})
		}
	}
}

// resolve lists the schemas a local "$ref" may name: resolved against the
// schema's resource, and, inside a resource of its own, against the
// document's root too, so that a loop is found whichever the validator
// takes. A pointer that names nothing is left to the compiler, which
// refuses it.
func (g *refGraph) resolve(ref, resource string) []string {
	frag, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil
	}
	if dec, err := url.PathUnescape(frag); err == nil {
		frag = dec
	}
	bases := []string{resource}
	if resource != "" {
		bases = append(bases, "")
	}
	var out []string
	for _, base := range bases {
		target := base + frag
		if frag != "" && !strings.HasPrefix(frag, "/") {
			// A plain name: the schema whose "$id" declares it, else (as
			// gojsonschema reads a fragment that is no pointer) the root.
			target = base
			if t, ok := g.anchors[base+"#"+frag]; ok {
				target = t
			}
		}
		if g.exists(target) {
			out = append(out, target)
		}
	}
	return out
}

func (g *refGraph) exists(ptr string) bool {
	v := g.doc
	for _, tok := range splitPointer(ptr) {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return false
			}
			v = x[i]
		default:
			return false
		}
	}
	_, isObject := v.(map[string]any)
	return isObject
}

// splitPointer splits a JSON pointer into its reference tokens.
func splitPointer(p string) []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, t := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return parts
}

// refCycleError is the message of a loop refCycle found.
func refCycleError(at string, where []string, ref string) error {
	return fmt.Errorf("%s%s: reference cycle: %q leads back here without looking into the page model", at, pointer(where), ref)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
