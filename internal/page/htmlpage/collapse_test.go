package htmlpage

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// collapseBytes collapses as page.CollapseSpace does.
func TestCollapseBytes(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "\n a \r\n b \f", "a\vb",
		"é  b", "a\u00a0b", "a\u0085 b", "x y z", "  ", "ab cd ef "} {
		got := collapseBytes([]byte(s))
		if want := page.CollapseSpace(s); got != want {
			t.Errorf("collapseBytes(%q) = %q, want %q", s, got, want)
		}
	}
}
