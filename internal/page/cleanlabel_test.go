package page

import "testing"

// CleanLabel leaves a clean label as it is, and cleans the others;
// CleanLabelInPlace cleans as CleanLabel does.
func TestCleanLabelForms(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "\n a \r\n b \f", "a\vb",
		"é  b", "a\u00a0b", "a\u0085 b", "x y z", "  ", "ab cd ef ", "Stu\u00adde\u00adnten", "a\x01b", "Home \ue900"} {
		want := CollapseSpace(cleanSlowly(s))
		if got := CleanLabel(s); got != want {
			t.Errorf("CleanLabel(%q) = %q, want %q", s, got, want)
		}
		if got := string(CleanLabelInPlace([]byte(s))); got != want {
			t.Errorf("CleanLabelInPlace(%q) = %q, want %q", s, got, want)
		}
	}
}

// cleanSlowly leaves out what CleanLabel does, rune by rune.
func cleanSlowly(s string) string {
	var out []rune
	for _, r := range s {
		if !unseen(r) {
			out = append(out, r)
		}
	}
	return string(out)
}
