package htmlpage

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
)

// The pooled state of a stream is overwritten by the next page: nothing of
// the model may point into it.
func TestPooledStateDoesNotLeak(t *testing.T) {
	pages := []string{genPage(3),
		`<body><span id="l">Lab</span><header><nav aria-label="Main"><a href="/a" aria-label="Aa" title="T"><img alt="Alt"></a></nav></header>
<a href="/b" aria-labelledby="l"><svg aria-label="Svg"></svg>b</a><img src="i.png" alt="icon"><a href="/c">c</a>
<footer><b><p>x</b></p><h2 id="h">Legal</h2><ul aria-label="L"><li><a href="/p" title="p">Privacy</a></ul><p>© 2024 C</p></footer>`,
	}
	for i, src := range pages {
		opt := Options{URL: "/x/y.html", Menus: []NamedSelector{{Name: "Main", Selector: "nav[aria-label=Main]"}}}
		sel, err := compileSelectors(&opt)
		if err != nil {
			t.Fatal(err)
		}
		s := newStream([]byte(src), &opt, sel)
		s.run()
		p := s.build()
		before := modelJSON(t, p)
		poison(s)
		if after := modelJSON(t, p); after != before {
			t.Errorf("page %d: the model changed when the pooled state was overwritten:\n%s\n---\n%s", i, before, after)
		}
	}
}

func modelJSON(t *testing.T, p *page.Page) string {
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + dump(p)
}

func poison(s *stream) {
	a := s.arena[:cap(s.arena)]
	for i := range a {
		a[i] = 'X'
	}
	for _, chunk := range s.sc.nodeChunks {
		for i := range chunk {
			chunk[i] = dnode{Node: html.Node{Data: "poison"}}
		}
	}
	slab := s.sc.attrSlab[:cap(s.sc.attrSlab)]
	for i := range slab {
		slab[i] = html.Attribute{Key: "poison", Val: "poison"}
	}
	for _, chunk := range s.sc.ctrlChunks {
		for i := range chunk {
			c := &chunk[i]
			for j := range c.full {
				c.full[j] = 'X'
			}
			for j := range c.visible {
				c.visible[j] = 'X'
			}
			*c = bodyControl{}
		}
	}
	for _, n := range s.nodes {
		n.Attr = append(n.Attr[:0], html.Attribute{Key: "poison"})
	}
}

// Pages parsed one after the other with pooled state come out as when
// parsed alone.
func TestPoolReuse(t *testing.T) {
	var want []string
	srcs := []string{genPage(1), `<footer><a href="/x">X</a></footer>`, genPage(2), `<p><a href=q>q</a>`}
	for _, src := range srcs {
		s := newStream([]byte(src), &Options{URL: "/", Format: page.FormatHTML}, mustSelectors(t))
		s.run()
		want = append(want, modelJSON(t, s.build()))
	}
	for round := 0; round < 3; round++ {
		for i, src := range srcs {
			p := mustParse(t, src, Options{URL: "/"})
			if got := modelJSON(t, p); got != want[i] {
				t.Errorf("round %d page %d differs from a fresh parse", round, i)
			}
		}
	}
}

func mustSelectors(t *testing.T) *selectors {
	opt := Options{}
	sel, err := compileSelectors(&opt)
	if err != nil {
		t.Fatal(err)
	}
	return sel
}

// Parse is safe for concurrent use: pages parsed at once come out as
// when parsed one by one.
func TestConcurrentParse(t *testing.T) {
	srcs := []string{genPage(1), genPage(2), `<nav><a href="/a">A</a></nav>`, genPage(3)}
	want := make([]string, len(srcs))
	for i, src := range srcs {
		want[i] = modelJSON(t, mustParse(t, src, Options{URL: "/"}))
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			var err error
			for round := 0; round < 20 && err == nil; round++ {
				for i, src := range srcs {
					p, perr := Parse([]byte(src), Options{URL: "/"})
					if perr != nil {
						err = perr
						break
					}
					b, _ := json.Marshal(p)
					if string(b)+dump(p) != want[i] {
						err = errors.New("a page parsed concurrently differs")
						break
					}
				}
			}
			done <- err
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
