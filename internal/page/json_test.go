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
	} {
		got, err := json.Marshal(c.v)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %s (%v)\nwant %s", c.name, got, err, c.want)
		}
	}
}
