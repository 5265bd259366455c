package finding

import (
	"encoding/json"
	"slices"
	"strings"
)

// Context is what a finding names besides its message (the link's href and
// target, the menu, the item), as fields sorted by key. A large page's
// findings number hundreds of thousands and hold three or four fields each:
// a slice of them costs a third of a map's bytes. Reports write it as the
// JSON object a map of the same fields makes.
type Context []Field

// Field is one key and value of a Context.
type Field struct {
	Key, Value string
}

// NewContext makes a Context of keys and values given in turn (key, value,
// key, value, …), leaving out empty values, so that reports carry only what
// is known; nil when nothing is left.
func NewContext(kv ...string) Context {
	n := 0
	for i := 1; i < len(kv); i += 2 {
		if kv[i] != "" {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	c := make(Context, 0, n)
	for i := 1; i < len(kv); i += 2 {
		if kv[i] != "" {
			c = append(c, Field{Key: kv[i-1], Value: kv[i]})
		}
	}
	slices.SortFunc(c, func(a, b Field) int { return strings.Compare(a.Key, b.Key) })
	return slices.CompactFunc(c, func(a, b Field) bool { return a.Key == b.Key })
}

// With is c with the fields of kv (key, value, … as for NewContext) added.
func (c Context) With(kv ...string) Context {
	all := make([]string, 0, 2*len(c)+len(kv))
	for _, f := range c {
		all = append(all, f.Key, f.Value)
	}
	return NewContext(append(all, kv...)...)
}

// Get is the value of key; "" when the context has none.
func (c Context) Get(key string) string {
	for _, f := range c {
		if f.Key == key {
			return f.Value
		}
	}
	return ""
}

// MarshalJSON writes the fields as an object, as encoding/json writes a map
// of them: keys in order, strings escaped alike (appendJSONString).
// Characters that only HTML needs escaped are left to the encoder that
// calls it, which escapes them or not as it was told.
func (c Context) MarshalJSON() ([]byte, error) {
	n := len("{}")
	for _, f := range c {
		n += len(f.Key) + len(f.Value) + len(`"":"",`)
	}
	b := make([]byte, 0, n)
	b = append(b, '{')
	for i, f := range c {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, f.Key)
		b = append(b, ':')
		b = appendJSONString(b, f.Value)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads an object of strings (a report being merged).
func (c *Context) UnmarshalJSON(data []byte) error {
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	kv := make([]string, 0, 2*len(m))
	for k, v := range m {
		kv = append(kv, k, v)
	}
	*c = NewContext(kv...)
	return nil
}
