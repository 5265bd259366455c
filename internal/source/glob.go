package source

import (
	"fmt"
	"path"
	"strings"
)

// A globSet holds the ignore patterns of a site. Patterns are slash paths
// relative to the site root, in the style of .gitignore:
//
//   - "**" as a whole segment matches any number of segments, none included;
//   - other segments match one segment each with path.Match ("*", "?", "[a-z]");
//   - a pattern without a slash ("*.tmp.html") matches the base name at any
//     depth, since that is what people mean when they name a kind of file;
//   - a pattern that matches a directory ("drafts", "drafts/**") matches
//     everything below it.
type globSet struct {
	patterns [][]string // each pattern split into segments
}

func compileGlobs(patterns []string) (*globSet, error) {
	g := &globSet{}
	for _, p := range patterns {
		p = strings.TrimPrefix(strings.TrimSpace(p), "./")
		p = strings.Trim(p, "/")
		if p == "" {
			return nil, fmt.Errorf("empty ignore pattern")
		}
		segs := strings.Split(p, "/")
		for _, s := range segs {
			if s == "**" {
				continue
			}
			if _, err := path.Match(s, ""); err != nil {
				return nil, fmt.Errorf("invalid ignore pattern %q: %w", p, err)
			}
		}
		if len(segs) == 1 && segs[0] != "**" {
			segs = []string{"**", segs[0]}
		}
		g.patterns = append(g.patterns, segs)
	}
	return g, nil
}

// match reports whether the slash path rel (relative to the root, no leading
// slash) or one of its parent directories matches a pattern.
func (g *globSet) match(rel string) bool {
	if g == nil || len(g.patterns) == 0 {
		return false
	}
	segs := strings.Split(strings.Trim(rel, "/"), "/")
	for _, p := range g.patterns {
		// A pattern that matches a parent directory ignores everything below it.
		for n := 1; n <= len(segs); n++ {
			if matchSegments(p, segs[:n]) {
				return true
			}
		}
	}
	return false
}

func matchSegments(pattern, segs []string) bool {
	for len(pattern) > 0 {
		if pattern[0] == "**" {
			rest := pattern[1:]
			for i := 0; i <= len(segs); i++ {
				if matchSegments(rest, segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pattern[0], segs[0]); !ok {
			return false
		}
		pattern, segs = pattern[1:], segs[1:]
	}
	return len(segs) == 0
}

// MatchAny reports whether the slash path rel matches any of patterns,
// read as ignore patterns are.
func MatchAny(patterns []string, rel string) (bool, error) {
	g, err := compileGlobs(patterns)
	if err != nil {
		return false, err
	}
	return g.match(rel), nil
}
