package htmlpage

import (
	"fmt"
	"strings"
	"testing"
)

// Many ids, each carried twice and named by a label: each is an anchor
// once and shared, and a button's aria-labelledby finds the first element
// that carries it, as the index's probes wrap around its slots.
func TestManyIDs(t *testing.T) {
	var b strings.Builder
	b.WriteString("<body>")
	const n = 1000
	for i := range n {
		fmt.Fprintf(&b, `<span id="id%d">first %d</span><span id="id%d">second</span>`, i, i, i)
	}
	b.WriteString(`<button aria-labelledby="id7 id999">x</button>`)
	p := mustParse(t, b.String(), Options{})
	if len(p.Anchors) != n || len(p.SharedAnchors) != n {
		t.Fatalf("%d anchors, %d shared, want %d each", len(p.Anchors), len(p.SharedAnchors), n)
	}
	for i, id := range p.Anchors {
		if want := fmt.Sprintf("id%d", i); id != want || p.SharedAnchors[i] != want {
			t.Fatalf("anchor %d is %q (shared %q), want %q", i, id, p.SharedAnchors[i], want)
		}
	}
	if got := p.Controls[0].Label; got != "first 7 first 999" {
		t.Errorf("label %q", got)
	}
}
