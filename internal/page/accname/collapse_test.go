package accname

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// CollapseBytes collapses as page.CollapseSpace does.
func TestCollapseBytes(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "\n a \r\n b \f", "a\vb",
		"é  b", "a\u00a0b", "a\u0085 b", "x y z", "  ", "ab cd ef "} {
		got := CollapseBytes([]byte(s))
		if want := page.CollapseSpace(s); got != want {
			t.Errorf("CollapseBytes(%q) = %q, want %q", s, got, want)
		}
	}
}
