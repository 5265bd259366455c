package page

import "strings"

// CollapseSpace trims s and folds every run of white space into one space.
func CollapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// NormalizeLabel is the form labels are compared in: white space collapsed,
// case folded.
func NormalizeLabel(s string) string {
	return strings.ToLower(CollapseSpace(s))
}
