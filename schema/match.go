package schema

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"

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
	for i := range it.AnyOf {
		alt := &it.AnyOf[i]
		if err := alt.compile(fmt.Sprintf("%s/anyOf/%d", pointer, i)); err != nil {
			return err
		}
		if alt.exclude == nil {
			alt.exclude = it.exclude
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
	if _, err := regexp.Compile(p); err != nil {
		return nil, regexpError(p, err)
	}
	return regexp.Compile("(?i)" + p)
}

// regexpError says what is wrong with a regular expression without
// repeating Go's "error parsing regexp" preamble.
func regexpError(p string, err error) error {
	var se *syntax.Error
	if errors.As(err, &se) {
		if se.Expr == "" || se.Expr == p {
			return fmt.Errorf("invalid regular expression %q: %s", p, se.Code)
		}
		return fmt.Errorf("invalid regular expression %q: %s %q", p, se.Code, se.Expr)
	}
	return fmt.Errorf("invalid regular expression %q: %w", p, err)
}

// Alternatives lists the ways the item can be satisfied: the item itself
// (when it has a label or pattern), then each of its AnyOf alternatives. An
// entry satisfies the item when it matches one of them (alt.Matches) and,
// where alt.Icon is set, carries an icon.
func (it *Item) Alternatives() []*Item {
	alts := make([]*Item, 0, 1+len(it.AnyOf))
	if len(it.Label) > 0 || len(it.Pattern) > 0 {
		alts = append(alts, it)
	}
	for i := range it.AnyOf {
		alts = append(alts, &it.AnyOf[i])
	}
	return alts
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
		if n != "" && it.exclude.MatchString(page.CollapseSpace(n)) &&
			(matchAny([]string{n}, it.Label, it.patterns, nil) ||
				(it.Legacy != nil && matchAny([]string{n}, it.Legacy.Label, it.Legacy.patterns, nil))) {
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
	case len(it.Label) == 0 && len(it.Pattern) == 0 && len(it.AnyOf) > 0:
		return it.AnyOf[0].Describe()
	case len(it.Label) > 0:
		return it.Label[0]
	case len(it.Pattern) > 0:
		return "/" + it.Pattern[0] + "/"
	default:
		return it.ID
	}
}
