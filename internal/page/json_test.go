package page

import (
	"encoding/json"
	"testing"
)

// The JSON model names the enumerations and keeps its order of fields,
// whatever the order of the Go fields (docs/page-model.md).
func TestModelJSON(t *testing.T) {
	e := &Entry{Link: Link{Label: "Privacy & you", Href: "/p", Target: "/p", Region: RegionFooter,
		Selector: "footer > a", Pos: Pos{Line: 3, Column: 5}}, Kind: KindLink, HasHref: true, Control: ControlSkip}
	l := &e.Link
	l.Tag, l.Attr = TagA, AttrHref
	for _, c := range []struct {
		name string
		v    any
		want string
	}{
		{"entry", e, `{"label":"Privacy \u0026 you","kind":"link","href":"/p","hasHref":true,"target":"/p","region":"footer","control":"skip","selector":"footer \u003e a","line":3,"column":5}`},
		{"link", l, `{"tag":"a","attr":"href","href":"/p","target":"/p","label":"Privacy \u0026 you","region":"footer","selector":"footer \u003e a","line":3,"column":5}`},
		{"zero kind", &Entry{}, `{"label":"","kind":""}`},
		{"menu", &Menu{Region: RegionMain, Entries: []*Entry{}}, `{"region":"main","entries":[]}`},
		{"children", &Entry{Link: Link{Label: "a", Rare: &Rare{Children: []*Entry{{Link: Link{Label: "b", Rare: &Rare{
			Children: []*Entry{{Link: Link{Label: "c"}}}}}, Kind: KindLink}}}}, Kind: KindLink}, `{"label":"a","kind":"link","children":[{"label":"b","kind":"link","children":[{"label":"c","kind":""}]}]}`},
	} {
		got, err := json.Marshal(c.v)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %s (%v)\nwant %s", c.name, got, err, c.want)
		}
	}
}

// BenchmarkEntryJSONDeep writes a menu nested as deep as the builder lets
// a page nest (512): the time grows with the entries, not with the
// entries times the depth.
func BenchmarkEntryJSONDeep(b *testing.B) {
	root := &Entry{Link: Link{Label: "0", Href: "/x", Target: "/x"}, Kind: KindLink}
	for e, i := root, 1; i < 512; i++ {
		c := &Entry{Link: Link{Label: "n", Href: "/x", Target: "/x"}, Kind: KindLink}
		e.SetChildren([]*Entry{c})
		e = c
	}
	for b.Loop() {
		if _, err := json.Marshal(root); err != nil {
			b.Fatal(err)
		}
	}
}
