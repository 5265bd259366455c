package htmlpage

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TEMPORARY: dumps models for before/after comparison.
func TestZZSnapshot(t *testing.T) {
	out := os.Getenv("SNAP_OUT")
	if out == "" {
		t.Skip()
	}
	var files []string
	filepath.Walk("/tmp/snapcorpus", func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm")) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	type input struct{ name, src string }
	var ins []input
	for _, f := range files {
		b, _ := os.ReadFile(f)
		ins = append(ins, input{f, string(b)})
	}
	for i := 0; i < 40; i++ {
		ins = append(ins, input{fmt.Sprint("gen", i), genPage(i)})
	}
	snips := []string{
		`<nav><ul><li><button>P</button><ul><li><a href="/c">C</a></ul></ul></nav>`,
		`<footer><b><p>x</b></p><table>t<tr><td><a href=/t>T</a></table>© 2024</footer>`,
		`<a href=x><b>x</a>y</b><p><ul><li>z`,
		"<!-- pagelint-disable-next-line a,b -- r -->\r\n<a>",
		"<svg><title>t</title><a href=y/></svg><math><mi>x</mi></math>",
		`<header><nav id="n"><ul><li><span>Soft</span><ul><li><a href="a">A</a></li></ul></li></ul></nav><img alt="i"><a href="#x" aria-labelledby="l1 l2">X</a></header><p id=l1>one <b>two</b></p><div id="l2">three</div>`,
		`<body><header role=banner><h2>Hi</h2><a href=/>home</a><b><a href=q>Q</b></a></header><main><header><a href=/z>z</a></header></main><footer><div><h3>A</h3><a href=1>1</a><a href=2>2</a></div><div><h3>B</h3><ul><li><a href=3>3</a></li></ul></div><p>(c) 2020 <span>x</span></p><svg aria-label="lab"><title>T</title></svg><a href="4">4</a></footer>`,
		`<nav aria-label="M"><details><summary>S</summary><ul><li><a href="/s" hidden>s</a><a href="/t" style="display:none">t</a></li></ul></details><input type=image alt=go><input type=submit value=Send><div role=button aria-expanded=true>R</div></nav><nav><nav><a href=x>x</a></nav></nav>`,
		`<p><b><i>x<p>y<a href=1>1</a></i></b><table><tr><td><a href=2>2</a><nav><a href=3>3</a></table><a href=4>4</a>`,
		`<html><head><base href="https://ex.com/d/"><meta http-equiv=refresh content="0; url='/new/'"><title> T  t </title></head><body><a name=a1 id=a1 href="../up?x=1#f">u</a><a href="mailto:x@y">m</a><img srcset="a.png 1x, b.png 2x"><a href="HTTP://Ex.com/%7Ex">h</a></body></html>`,
		`<HEADER><NAV><UL><LI><A HREF="/A" CLASS=X>A &amp; B</A><LI><A HREF='/b'>B</A></UL></NAV></HEADER>`,
		"<footer>\r\n<a href=\"x\">x</a>\r<span>© Me</span></footer>",
	}
	for i, s := range snips {
		ins = append(ins, input{fmt.Sprint("snip", i), s})
	}
	fz, _ := filepath.Glob("testdata/fuzz/*/*")
	for _, f := range fz {
		b, _ := os.ReadFile(f)
		ins = append(ins, input{f, string(b)})
	}
	optsets := []Options{
		{URL: "/a/b.html"},
		{URL: "https://ex.com/a/b.html", Format: "dom"},
		{URL: "/a/", Menus: []NamedSelector{{Name: "M", Selector: "ul > li"}, {Name: "F", Selector: "footer div"}}, NavSelector: "nav, .menu", HeaderSelector: "header", FooterSelector: "footer, .legal"},
	}
	var b strings.Builder
	for _, in := range ins {
		for oi, o := range optsets {
			o.Source = in.name
			data := []byte(in.src)
			p, err := Parse(data, o)
			j, _ := json.MarshalIndent(p, "", " ")
			for i := range data {
				data[i] = 'Z'
			}
			if j2, _ := json.MarshalIndent(p, "", " "); string(j2) != string(j) {
				t.Errorf("%s: model aliases input", in.name)
			}
			fmt.Fprintf(&b, "== %s opt%d err=%v\n%s\n", in.name, oi, err, j)
			if p != nil {
				c, _ := json.Marshal(p.Controls)
				sp, _ := json.Marshal(p.Suppressions)
				fmt.Fprintf(&b, "controls %s\nsupp %s\n", c, sp)
			}
		}
	}
	os.WriteFile(out, []byte(b.String()), 0o644)
}
