package schema

import (
	"fmt"
	"regexp"

	"github.com/pagelint/pagelint/internal/page"
)

// compile compiles the item's patterns and those of its children; pointer is
// the item's JSON pointer in the config, for the error message.
func (it *Item) compile(pointer string) error {
	var err error
	if it.patterns, err = compilePatterns(it.Pattern, pointer+"/pattern"); err != nil {
		return err
	}
	if it.Exclude != "" {
		if it.exclude, err = compileLabelRegexp(it.Exclude); err != nil {
			return fmt.Errorf("%s/exclude: %w", pointer, err)
		}
	}
	if it.Legacy != nil {
		if it.Legacy.patterns, err = compilePatterns(it.Legacy.Pattern, pointer+"/legacy/pattern"); err != nil {
			return err
		}
	}
	for i := range it.Children {
		if err := it.Children[i].compile(fmt.Sprintf("%s/children/%d", pointer, i)); err != nil {
			return err
		}
	}
	return nil
}

func compilePatterns(patterns Strings, pointer string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(patterns))
	for i, p := range patterns {
		re, err := compileLabelRegexp(p)
		if err != nil {
			if len(patterns) > 1 {
				pointer = fmt.Sprintf("%s/%d", pointer, i)
			}
			return nil, fmt.Errorf("%s: %w", pointer, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// compileLabelRegexp compiles a pattern that is matched against labels:
// case-insensitively, like every label comparison.
func compileLabelRegexp(p string) (*regexp.Regexp, error) {
	re, err := regexp.Compile("(?i)" + p)
	if err != nil {
		return nil, fmt.Errorf("invalid regular expression: %v", err)
	}
	return re, nil
}

// IsEnabled reports whether the item is switched on.
func (it *Item) IsEnabled() bool { return it.Enabled == nil || *it.Enabled }

// Matches reports whether any of the names (an entry's accessible name and
// its visible text) satisfies the item's label list or patterns, and is not
// excluded.
func (it *Item) Matches(names ...string) bool {
	return matchAny(names, it.Label, it.patterns, it.exclude)
}

// MatchesLegacy reports whether a name satisfies one of the item's legacy
// wordings (accepted with a warning).
func (it *Item) MatchesLegacy(names ...string) bool {
	if it.Legacy == nil {
		return false
	}
	return matchAny(names, it.Legacy.Label, it.Legacy.patterns, it.exclude)
}

// ExcludedBy reports whether a name matches the item's label or patterns but
// is ruled out by its exclude expression ("Manage cookies/Do not sell my
// data" for the opt-out link).
func (it *Item) ExcludedBy(names ...string) bool {
	if it.exclude == nil {
		return false
	}
	for _, n := range names {
		if n != "" && it.exclude.MatchString(page.CollapseSpace(n)) {
			return true
		}
	}
	return false
}

func matchAny(names []string, labels Strings, patterns []*regexp.Regexp, exclude *regexp.Regexp) bool {
	for _, n := range names {
		if n == "" {
			continue
		}
		collapsed := page.CollapseSpace(n)
		if exclude != nil && exclude.MatchString(collapsed) {
			continue
		}
		norm := page.NormalizeLabel(n)
		for _, l := range labels {
			if page.NormalizeLabel(l) == norm {
				return true
			}
		}
		for _, re := range patterns {
			if re.MatchString(collapsed) {
				return true
			}
		}
	}
	return false
}

// Describe names the item in messages: its first label, else its pattern,
// else its id.
func (it *Item) Describe() string {
	switch {
	case len(it.Label) > 0:
		return it.Label[0]
	case len(it.Pattern) > 0:
		return "/" + it.Pattern[0] + "/"
	default:
		return it.ID
	}
}
