package htmlpage

import (
	"fmt"
	"strings"
	"testing"
)

// The selector path of every element is the one its steps join to,
// whether the path of its grandparent was kept (pathOf) or not: lists in
// more places than pathOf has slots, nested ones, ids that anchor a path.
func TestSelectorsAsWalked(t *testing.T) {
	var deep strings.Builder
	deep.WriteString("<body><nav><ul>")
	for i := range 3 * pathSlots {
		fmt.Fprintf(&deep, `<li><a href="/%d">%d</a><ul><li><span><a href="/%d/x">x</a></span></ul>`, i, i, i)
		if i%7 == 0 {
			fmt.Fprintf(&deep, `<div id="d%d"><p><b><a href="#d%d">d</a></b></p></div>`, i, i)
		}
	}
	deep.WriteString("</ul></nav>")
	for _, src := range []string{genPage(3), deep.String(), `<a href="/">x</a><html id="h"><p><a>y</a>`} {
		opt := Options{URL: "/p.html"}
		sel, err := compileSelectors(&opt)
		if err != nil {
			t.Fatal(err)
		}
		b := new(parser)
		b.reset([]byte(src))
		b.Build(b)
		md := newModel(b, &opt, sel)
		md.page()
		for n := nodeID(1); int(n) < len(md.Nodes); n++ {
			if md.Nodes[n].Text {
				continue
			}
			got := md.selector(n)
			whole := md.appendPath(n)
			if want := string(md.selBuf[whole.From:whole.To]); got != want {
				t.Fatalf("element %d <%s>: selector %q, its steps %q", n, md.Name(n), got, want)
			}
		}
	}
}
