package htmlpage

import "testing"

func BenchmarkPhaseStream(b *testing.B) {
	data := benchPage(b)
	opt := Options{URL: "/p/11.html"}
	sel, _ := compileSelectors(&opt)
	for b.Loop() {
		s := newStream(data, &opt, sel)
		s.run()
	}
}

func TestRegionSizes(t *testing.T) {
	data := []byte(genPage(11))
	opt := Options{URL: "/p/11.html"}
	sel, _ := compileSelectors(&opt)
	s := newStream(data, &opt, sel)
	s.run()
	for _, r := range s.caps.regions {
		t.Logf("region %s: %d bytes", r.sel, len(r.buf))
	}
	t.Logf("page %d bytes, %d links, %d body controls", len(data), len(s.links), len(s.ctrls))
}
