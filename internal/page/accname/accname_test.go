package accname

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page/htmltree"
)

// namerOf builds the tree of src and a Namer over it, told of every
// element with an id, as the page model tells it.
func namerOf(src string) *Namer {
	var b htmltree.Builder
	b.Reset([]byte(src))
	b.Build(nil)
	var nm Namer
	nm.Reset(&b.Tree)
	for n := nodeID(1); int(n) < len(b.Nodes); n++ {
		if !b.Nodes[n].Text {
			nm.NoteID(n)
		}
	}
	return &nm
}

// first is the first element named tag, in tree order.
func (nm *Namer) first(tag string) nodeID {
	for n := nodeID(1); int(n) < len(nm.Nodes); n++ {
		if !nm.Nodes[n].Text && nm.NameIs(n, tag) {
			return n
		}
	}
	return 0
}

func TestName(t *testing.T) {
	tests := []struct {
		name, src   string
		label, text string // text: the visible text, when it is not the label
	}{
		{"content", `<a href=/>Home <b>page</b></a>`, "Home page", ""},
		{"white space collapses", "<a href=/>\n  Home\t\tpage  </a>", "Home page", ""},
		{"aria-label over content", `<a href=/ aria-label="Go home">Home</a>`, "Go home", "Home"},
		{"aria-labelledby over aria-label", `<span id=l>Start</span><a href=/ aria-labelledby=l aria-label=x>Home</a>`, "Start", "Home"},
		{"aria-labelledby of two, hidden or not", `<span id=a hidden>Your</span><span id=b>account</span><a href=/ aria-labelledby="a b">x</a>`, "Your account", "x"},
		{"a loop of aria-labelledby is not followed", `<span id=a aria-labelledby=b>A</span><span id=b aria-labelledby=a>B</span><button aria-labelledby=a>x</button>`, "A", "x"},
		{"an image's alt", `<a href=/><img src=l.png alt="Contoso"></a>`, "Contoso", ""},
		{"an image's title without alt", `<a href=/><img src=l.png title="Logo"></a>`, "Logo", ""},
		{"hidden content gives nothing", `<a href=/>Menu<span hidden>secret</span><span style="display: none">x</span></a>`, "Menu", ""},
		{"aria-hidden content gives nothing", `<a href=/>Close<span aria-hidden=true>×</span></a>`, "Close", ""},
		{"an icon beside aria-label is seen", `<a href=/ aria-label="Close menu"><span>×</span></a>`, "Close menu", "×"},
		{"the title when there is no content", `<a href=/ title="Search"></a>`, "Search", ""},
		{"an svg's title", `<a href=/><svg><title>Twitter</title><path d=""/></svg></a>`, "Twitter", ""},
		{"an svg's drawn text, in a CDATA section", `<a href=/><svg><text><![CDATA[Search]]></text></svg></a>`, "Search", ""},
		{"a submit button without a value", `<input type=submit>`, "Submit", ""},
		{"an image button", `<input type=image alt="Go">`, "Go", ""},
		{"blocks stand apart", `<a href=/><div>News</div><div>Today</div></a>`, "News Today", ""},
		{"scripts give nothing", `<a href=/>Shop<script>var x = 1</script></a>`, "Shop", ""},
		{"nothing at all", `<a href=/><span></span></a>`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nm := namerOf(tt.src)
			n := nm.first("a")
			for _, tag := range []string{"button", "input"} {
				if n == 0 {
					n = nm.first(tag)
				}
			}
			label, text := nm.Name(n)
			if label != tt.label || text != tt.text {
				t.Errorf("name %q, text %q; want %q, %q", label, text, tt.label, tt.text)
			}
		})
	}
}

func TestHidden(t *testing.T) {
	tests := []struct {
		src             string
		hidden, notShow bool
	}{
		{`<p>x</p>`, false, false},
		{`<p hidden>x</p>`, true, true},
		{`<p aria-hidden="true">x</p>`, true, false},
		{`<p aria-hidden="false">x</p>`, false, false},
		{`<p style="color: red; display : none !important">x</p>`, true, true},
		{`<p style="visibility:hidden">x</p>`, true, true},
		{`<p amp-access-hide>x</p>`, true, true},
	}
	for _, tt := range tests {
		nm := namerOf(tt.src)
		p := nm.first("p")
		if got, notShown := nm.HiddenByAttrs(p), nm.NotShown(p); got != tt.hidden || notShown != tt.notShow {
			t.Errorf("%s: hidden %v, not shown %v; want %v, %v", tt.src, got, notShown, tt.hidden, tt.notShow)
		}
	}
}

// ByID finds the first element of an id in tree order, where the tree
// construction may have moved it.
func TestByID(t *testing.T) {
	nm := namerOf(`<table><tr><td>x</td></tr><p id=a>moved out</p></table><div id=a>later</div><b id=b>b</b>`)
	if got := nm.TextOf(nm.ByID("a")); got != "moved out" {
		t.Errorf("ByID(a) holds %q", got)
	}
	if nm.ByID("b") == 0 || nm.ByID("c") != 0 {
		t.Errorf("ByID(b) = %d, ByID(c) = %d", nm.ByID("b"), nm.ByID("c"))
	}
}
