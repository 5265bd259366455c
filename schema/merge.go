package schema

// Merging works on the JSON documents rather than on Config values, so that
// an override can carry only the fields it changes (including false and 0)
// and unset fields keep the preset's values.

// keyedLists are the lists whose elements merge by a key rather than being
// replaced: required items by id, named menus by name, assertions by id.
// Paths use "*" for any element of a list.
var keyedLists = map[string]string{
	"/navigation/required":         "id",
	"/navigation/menus":            "name",
	"/navigation/menus/*/required": "id",
	"/footer/required":             "id",
	"/assertions":                  "id",
}

// mergeObject merges src into dst: objects key by key, keyed lists element
// by element, everything else replaced by src's value.
func mergeObject(dst, src map[string]any, path string) {
	for k, v := range src {
		p := path + "/" + k
		if key, ok := keyedLists[p]; ok {
			dst[k] = mergeList(dst[k], v, key, p)
			continue
		}
		sv, srcIsObj := v.(map[string]any)
		dv, dstIsObj := dst[k].(map[string]any)
		if srcIsObj && dstIsObj {
			mergeObject(dv, sv, p)
			continue
		}
		dst[k] = deepCopy(v)
	}
}

// mergeList merges the elements of src into dst: one with the key of an
// element of dst merges into it, the others are appended.
func mergeList(dst, src any, key, path string) any {
	out, _ := dst.([]any)
	list, ok := src.([]any)
	if !ok {
		return deepCopy(src)
	}
	for _, el := range list {
		obj, ok := el.(map[string]any)
		id, hasID := obj[key].(string)
		if ok && hasID && id != "" {
			if i := indexByKey(out, key, id); i >= 0 {
				mergeObject(out[i].(map[string]any), obj, path+"/*")
				continue
			}
		}
		out = append(out, deepCopy(el))
	}
	return out
}

func indexByKey(list []any, key, id string) int {
	for i, el := range list {
		if obj, ok := el.(map[string]any); ok && obj[key] == id {
			return i
		}
	}
	return -1
}

func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = deepCopy(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = deepCopy(x)
		}
		return out
	}
	return v
}
