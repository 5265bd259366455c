package selector

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

// pageOf builds the tree of src and a Page over it.
func pageOf(src []byte) *Page {
	var b htmltree.Builder
	b.Reset(src)
	b.Build(nil)
	var sp Page
	sp.Reset(&b.Tree)
	return &sp
}

// The selector path of every element is the one its steps join to,
// whether the path of its grandparent was kept (pathOf) or not: lists in
// more places than pathOf has slots, nested ones, ids that anchor a path,
// and the fixtures' pages.
func TestPathsAsWalked(t *testing.T) {
	var deep strings.Builder
	deep.WriteString("<body><nav><ul>")
	for i := range 3 * pathSlots {
		fmt.Fprintf(&deep, `<li><a href="/%d">%d</a><ul><li><span><a href="/%d/x">x</a></span></ul>`, i, i, i)
		if i%7 == 0 {
			fmt.Fprintf(&deep, `<div id="d%d"><p><b><a href="#d%d">d</a></b></p></div>`, i, i)
		}
	}
	deep.WriteString("</ul></nav>")
	srcs := map[string][]byte{"deep": []byte(deep.String()), "html after text": []byte(`<a href="/">x</a><html id="h"><p><a>y</a>`)}
	files, err := filepath.Glob("../../../fixtures/*/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures' pages: %v", err)
	}
	for _, f := range files {
		if srcs[f], err = os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	for name, src := range srcs {
		sp := pageOf(src)
		for n := nodeID(1); int(n) < len(sp.Nodes); n++ {
			if sp.Nodes[n].Text {
				continue
			}
			got := sp.Path(n)
			whole := sp.appendPath(n)
			if want := string(sp.buf[whole.From:whole.To]); got != want {
				t.Fatalf("%s: element %d <%s>: path %q, its steps %q", name, n, sp.Name(n), got, want)
			}
		}
	}
}

// A landmark selector matches by tag or by role, on the tree; a config's
// CSS selector on a DOM made of it.
func TestMatches(t *testing.T) {
	src := []byte(`<nav id=a></nav><div role=navigation id=b></div><div role=Navigation id=c></div>` +
		`<ul class="menu main" id=d></ul><footer id=e></footer>`)
	tests := []struct {
		selector string
		want     string // the ids of the elements it matches
	}{
		{Nav, "a b"},
		{Footer, "e"},
		{"ul.menu", "d"},
		{"#b, footer", "b e"},
		{"div[role]", "b c"},
	}
	for _, tt := range tests {
		set, err := Compile(tt.selector, Header, Footer, nil)
		if err != nil {
			t.Fatal(err)
		}
		sp := pageOf(src)
		var got []string
		for n := nodeID(1); int(n) < len(sp.Nodes); n++ {
			if !sp.Nodes[n].Text && set.MayMatch(&sp.Nodes[n]) && sp.Matches(set.Nav, n) {
				id, _ := sp.Attr(n, atom.Id)
				got = append(got, string(id))
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q matches %q, want %q", tt.selector, got, tt.want)
		}
	}
	if _, err := Compile("nav[", Header, Footer, nil); err == nil || !strings.Contains(err.Error(), `invalid selector "nav["`) {
		t.Errorf("an invalid selector: %v", err)
	}
}

// The memo of an element stays 12 bytes: a page of many megabytes has a
// memo for each of its elements (the page model's memo says why).
func TestMemoSize(t *testing.T) {
	if memoSize != 12 {
		t.Errorf("an element's memo takes %d bytes", memoSize)
	}
}
