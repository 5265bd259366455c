package page

import (
	"bytes"
	"encoding/json"
)

// entryJSON and linkJSON are Entry and Link in the JSON model's order of
// fields, which `pagelint model` and --dump write and users read.
type entryJSON struct {
	Label     string       `json:"label"`
	Text      string       `json:"text,omitempty"`
	Kind      Kind         `json:"kind"`
	Href      string       `json:"href,omitempty"`
	HasHref   bool         `json:"hasHref,omitempty"`
	Target    string       `json:"target,omitempty"`
	Group     string       `json:"group,omitempty"`
	Region    Landmark     `json:"region,omitempty"`
	Hidden    bool         `json:"hidden,omitempty"`
	Current   bool         `json:"current,omitempty"`
	Icon      bool         `json:"icon,omitempty"`
	IconLabel string       `json:"iconLabel,omitempty"`
	Control   Control      `json:"control,omitempty"`
	Copy      bool         `json:"copy,omitempty"`
	Ignored   bool         `json:"ignored,omitempty"`
	NamedBy   string       `json:"namedBy,omitempty"`
	Selector  string       `json:"selector,omitempty"`
	Children  []*entryJSON `json:"children,omitempty"`
	Pos
}

// MarshalJSON writes the entry in the JSON model's order of fields. Its
// children are written in the same call: were each child's MarshalJSON
// called in turn, the encoder would check the bytes of every level again,
// and a menu nested d deep would cost d times its size.
func (e *Entry) MarshalJSON() ([]byte, error) { return marshal(e.toJSON()) }

// toJSON is e and its children as the JSON model writes them; a nil
// child stays nil, written null.
func (e *Entry) toJSON() *entryJSON {
	if e == nil {
		return nil
	}
	var children []*entryJSON
	if len(e.Children()) > 0 {
		children = make([]*entryJSON, len(e.Children()))
		for i, c := range e.Children() {
			children[i] = c.toJSON()
		}
	}
	return &entryJSON{
		Label: e.Label, Text: e.Text(), Kind: e.Kind, Href: e.Href, HasHref: e.HasHref, Target: e.Target,
		Group: e.Group, Region: e.Region, Hidden: e.Hidden, Current: e.Current, Icon: e.Icon,
		IconLabel: e.IconLabel(), Control: e.Control, Copy: e.Copy, Ignored: e.Ignored,
		NamedBy: e.NamedBy(), Selector: e.Selector, Children: children, Pos: e.Pos,
	}
}

type linkJSON struct {
	Tag        Tag      `json:"tag"`
	Attr       Attr     `json:"attr"`
	Href       string   `json:"href"`
	Target     string   `json:"target"`
	Label      string   `json:"label,omitempty"`
	Region     Landmark `json:"region,omitempty"`
	Rel        string   `json:"rel,omitempty"`
	Selector   string   `json:"selector,omitempty"`
	Missing    bool     `json:"missing,omitempty"`
	Ignored    bool     `json:"ignored,omitempty"`
	Hidden     bool     `json:"hidden,omitempty"`
	NamedBy    string   `json:"namedBy,omitempty"`
	NestedLink *Pos     `json:"nestedLink,omitempty"`
	Pos
}

// MarshalJSON writes the link in the JSON model's order of fields.
func (l *Link) MarshalJSON() ([]byte, error) {
	return marshal(linkJSON{
		Tag: l.Tag, Attr: l.Attr, Href: l.Href, Target: l.Target, Label: l.Label, Region: l.Region,
		Rel: l.Rel(), Selector: l.Selector, Missing: l.Missing, Ignored: l.Ignored, Hidden: l.Hidden,
		NamedBy: l.NamedBy(), NestedLink: l.NestedLink(), Pos: l.Pos,
	})
}

// marshal encodes v without escaping HTML's characters: the encoder that
// writes the model escapes them, or not, as it was told to.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
