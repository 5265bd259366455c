package schema

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
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

// IsEnabled reports whether the item is switched on.
func (it *Item) IsEnabled() bool { return it.Enabled == nil || *it.Enabled }

// Regexps are the item's patterns, compiled (case-insensitive) by Compile.
func (it *Item) Regexps() []*regexp.Regexp { return it.patterns }

// ExcludeRegexp is the item's exclude expression, compiled (case-insensitive)
// by Compile; an alternative of anyOf without one has its item's. nil when
// there is none.
func (it *Item) ExcludeRegexp() *regexp.Regexp { return it.exclude }

// Regexps are the legacy patterns, compiled (case-insensitive) by Compile.
func (l *Legacy) Regexps() []*regexp.Regexp { return l.patterns }
