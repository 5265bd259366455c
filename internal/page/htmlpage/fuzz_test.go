package htmlpage

import (
	"testing"
)

// FuzzParse: any input gives a model or an error, never a panic, and every
// position points at a start tag.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		genPage(0),
		`<nav><ul><li><button>P</button><ul><li><a href="/c">C</a></ul></ul></nav>`,
		`<footer><b><p>x</b></p><table>t<tr><td><a href=/t>T</a></table>© 2024</footer>`,
		`<a href=x><b>x</a>y</b><p><ul><li>z`,
		"<!-- pagelint-disable-next-line a,b -- r -->\r\n<a>",
		"<svg><title>t</title><a href=y/></svg><math><mi>x</mi></math>",
		"\xff", "\x00", "",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := Parse([]byte(src), Options{
			URL:   "/a/b.html",
			Menus: []NamedSelector{{Name: "M", Selector: "ul > li"}},
		})
		if err != nil {
			return
		}
		checkPositions(t, src, p)
	})
}
