package htmltree

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/sitegen"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// outline writes the elements and text of a tree, one per line, for
// comparing the builder's tree with html.Parse's: element names, ids and
// the text between them (white space collapsed, empty text left out).
type outline struct {
	w    strings.Builder
	text []byte // the text since the last element
}

func (o *outline) element(depth int, name, id string) {
	o.flush(depth)
	fmt.Fprintf(&o.w, "%s<%s id=%q>\n", strings.Repeat(" ", depth), strings.ToLower(name), id)
}

func (o *outline) flush(depth int) {
	if t := strings.Join(strings.Fields(string(o.text)), " "); t != "" {
		fmt.Fprintf(&o.w, "%s%q\n", strings.Repeat(" ", depth), t)
	}
	o.text = o.text[:0]
}

func outlineBuilt(src []byte) string {
	b := new(Builder)
	b.Reset(src)
	b.Build(nil)
	var o outline
	var walk func(n NodeID, depth int)
	walk = func(n NodeID, depth int) {
		for c := b.Nodes[n].First; c != 0; c = b.Nodes[c].Next {
			if b.Nodes[c].Text {
				o.text = append(o.text, b.Bytes(b.Nodes[c].Data)...)
				continue
			}
			id, _ := b.Attr(c, atom.Id)
			o.element(depth, b.Name(c), string(id))
			walk(c, depth+1)
			o.flush(depth + 1)
		}
	}
	walk(0, 0)
	return o.w.String()
}

func outlineParsed(doc *html.Node) string {
	var o outline
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				o.text = append(o.text, c.Data...)
			case html.ElementNode:
				id := ""
				for _, a := range c.Attr {
					if a.Key == "id" && a.Namespace == "" {
						id = a.Val
						break
					}
				}
				o.element(depth, c.Data, id)
				walk(c, depth+1)
				o.flush(depth + 1)
			}
		}
	}
	walk(doc, 0)
	return o.w.String()
}

// comparable says whether html.Parse is a reference for src: it refuses
// nesting deeper than 512, leaves frames and templates holding foreign
// content to rules of its own, and keeps repeated attributes where
// browsers keep the first.
func comparable(src []byte) bool {
	low := bytes.ToLower(src)
	for _, s := range []string{"<frameset", "<template", "<math", "<svg"} {
		if bytes.Contains(low, []byte(s)) {
			return false
		}
	}
	return true
}

func checkTree(t *testing.T, name string, src []byte) {
	t.Helper()
	if !utf8.Valid(src) || bytes.IndexByte(src, 0) >= 0 || !comparable(src) {
		return // no HTML page to pagelint, or html.Parse is no reference
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return
	}
	if got, want := outlineBuilt(src), outlineParsed(doc); got != want {
		t.Errorf("%s: the builder's tree differs from html.Parse's:\n%s", name, firstDifference(got, want))
	}
	if keepsFirstNewline(src) {
		return
	}
	if got, want := wordsBuilt(src), wordsParsed(doc); got != want {
		t.Errorf("%s: the builder's text reads %q, html.Parse's %q", name, got, want)
	}
}

// keepsFirstNewline: src has an element whose first newline html.Parse
// leaves out and the builder keeps (pre, listing, textarea), white space
// that no reader of the model sees.
func keepsFirstNewline(src []byte) bool {
	low := bytes.ToLower(src)
	for _, s := range []string{"<pre", "<listing", "<textarea"} {
		if bytes.Contains(low, []byte(s)) {
			return true
		}
	}
	return false
}

// wordsBuilt is the text of the body of the builder's tree in document
// order, elements no break between words, white space collapsed: the white
// space left out after an element (Node.SpaceAfter) still parts the words
// around it. (Before the body, the builder keeps no white space.)
func wordsBuilt(src []byte) string {
	b := new(Builder)
	b.Reset(src)
	b.Build(nil)
	var text []byte
	var walk func(n NodeID)
	walk = func(n NodeID) {
		for c := b.Nodes[n].First; c != 0; c = b.Nodes[c].Next {
			if b.Nodes[c].Text {
				text = append(text, b.Bytes(b.Nodes[c].Data)...)
				continue
			}
			walk(c)
			if b.Nodes[c].SpaceAfter {
				text = append(text, ' ')
			}
		}
	}
	walk(b.body)
	return strings.Join(strings.Fields(string(text)), " ")
}

func wordsParsed(doc *html.Node) string {
	var text []byte
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			for d := range n.Descendants() {
				if d.Type == html.TextNode {
					text = append(text, d.Data...)
				}
			}
			break
		}
	}
	return strings.Join(strings.Fields(string(text)), " ")
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			from := max(0, i-5)
			return fmt.Sprintf("line %d\n got:\n%s\nwant:\n%s", i+1,
				strings.Join(g[from:min(len(g), i+5)], "\n"), strings.Join(w[from:min(len(w), i+5)], "\n"))
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(g), len(w))
}

// The builder's tree is html.Parse's, on the repository's pages and on
// malformed markup of every kind the tree construction sorts out.
func TestTreeMatchesParse(t *testing.T) {
	for i, src := range treeCases {
		checkTree(t, fmt.Sprintf("case %d", i), []byte(src))
	}
	for _, dir := range []string{"../../../fixtures", "../../../examples"} {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				checkTree(t, path, data)
			}
			return nil
		})
	}
}

var treeCases = []string{
	string(sitegen.LargePage(32 << 10)),
	`<p>a<p>b<ul><li>c<li>d<ul><li>e</ul></ul><dl><dt>f<dd>g<dt>h</dl>`,
	`<a href=x><b>x</a>y</b><p>q<a href=y>1<a href=z>2</a>`,
	`<b><p>q</b>r</p><i><div>s</i>t</div><u><table><tr><td>u</u></table>`,
	`<table>stray<a href=/s>S</a><tr><td><a href=/t>T</a><td>x</table>after`,
	`<table><caption>c<div>d</div><col><tbody><tr><th>h<td>d</tbody><tfoot><tr><td>f</table>`,
	`<div><Span>a<div>b</Span>c</div>d</div>e</Span>`,
	`<select><option>a<option>b<optgroup><option>c</select><input><select><input>`,
	`<form><form><p>x</form><form>y</form>`,
	`<h1>a<h2>b</h1>c<h3>d</h2>`,
	`<button>a<button>b</button><ruby>x<rt>y<rp>z</ruby>`,
	`<nobr>a<nobr>b</nobr><marquee><b>x</marquee>y`,
	`<p><hr><pre>
x</pre><listing>y</listing><xmp><b>z</xmp>`,
	`<title>t</title><body><title>u</title><style>s</style><script>x<y</script>`,
	`text first<head><meta charset=utf-8><body id=b>`,
	`<!DOCTYPE html><html><head></head><link rel=x href=y><body><p>a</body></html><p>after`,
	`<b id=1><b id=1><b id=1><b id=1>x</b></b></b></b><p>y`,
	`<a><b><c><d><e><f><g><h><i><j>deep</a>`,
	`<div><a href=1><div><a href=2>x</a></div></a></div>`,
	`<table><tr><td><table><tr><td>inner</table></td><td>outer</table>`,
	`<ul><li><a>1</a><li><div><li>x</div></ul>`,
	`<p><table><tr><td>x</table>`,
	`<image src=x><textarea>
<b>x</textarea><iframe><p></iframe><noscript><a href=x></noscript>`,
	`</p></br><p>`,
	`<object><p>x</object>y<applet>z</applet>`,
	`<table><col> 0000<td>x</table><table><colgroup>\n x</table>`,
}

// A CDATA section is text where the adjusted current node is foreign
// (foreignObject and mi too), and a comment elsewhere: the tokenizer is
// told which wherever it meets one.
func TestCDATA(t *testing.T) {
	src := `<p>x<svg><![CDATA[svg1<svg2]]><foreignObject><![CDATA[fo]]>d</foreignObject><![CDATA[svg3]]></svg>` +
		`<![CDATA[nowhere]]><math><mi><![CDATA[mi]]></mi><![CDATA[math]]></math>`
	got := wordsBuilt([]byte(src))
	for _, w := range []string{"svg1<svg2", "fo", "svg3", "mi", "math"} {
		if !strings.Contains(got, w) {
			t.Errorf("%q lacks %q", got, w)
		}
	}
	if strings.Contains(got, "nowhere") {
		t.Errorf("%q has the CDATA section in HTML content", got)
	}
	if strings.Contains(got, "CDATA") || strings.Contains(got, "]]") {
		t.Errorf("%q has a CDATA section's markers", got)
	}
}

// FuzzTree: on any input, the builder's tree is html.Parse's (where
// html.Parse is a reference: see comparable).
func FuzzTree(f *testing.F) {
	for _, c := range treeCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkTree(t, "input", []byte(src))
	})
}
