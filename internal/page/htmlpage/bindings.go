package htmlpage

import (
	"regexp"
	"strings"

	"github.com/pagelint/pagelint/internal/page/htmltree"
)

// nameBinding is, for control n without a name in the source, the
// attribute by which a framework's script names it, on n or on what it
// shows: a text binding (Knockout's data-bind text or html, Vue's v-text,
// Alpine's x-text, AngularJS's ng-bind, AMP's [text]), a binding of an
// attribute that names (aria-label, aria-labelledby, title, alt, value:
// :aria-label, v-bind:title, x-bind:…, ng-attr-…, Angular's
// [attr.aria-label], Knockout's attr), or the data-label-… texts a script
// copies into the name (a player's "expand"/"collapse" labels). "" when
// there is none: the control is nameless.
func (md *model) nameBinding(n nodeID) string {
	s := md.Nodes[n].Attrs
	for _, a := range md.Attrs[s.From:s.To] {
		if a.Key != 0 {
			continue
		}
		name := string(md.Bytes(a.Name))
		if bindsName(name, md.Bytes(a.Val)) {
			return name
		}
	}
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		if md.Nodes[c].Text || md.Has(c, htmltree.SkipText) || md.names.HiddenByAttrs(c) {
			continue
		}
		if name := md.nameBinding(c); name != "" {
			return name
		}
	}
	return ""
}

// bindsName: attribute name (not one of the model's atoms) with value val
// is a framework's binding of an element's name or text.
func bindsName(name string, val []byte) bool {
	switch name {
	case "v-text", "v-html", "x-text", "x-html", "ng-bind", "ng-bind-html", "ng-bind-template",
		"[text]", "[textcontent]", "[innertext]", "[innerhtml]", "data-label":
		return true
	case "data-bind":
		return knockoutNames.Match(val)
	}
	if strings.HasPrefix(name, "data-label-") {
		return true
	}
	for _, prefix := range []string{"v-bind:", ":", "x-bind:", "ng-attr-", "[attr.", "["} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			switch strings.TrimSuffix(rest, "]") {
			case "aria-label", "aria-labelledby", "title", "alt", "value":
				return true
			}
		}
	}
	return false
}

// knockoutNames finds the bindings of a Knockout data-bind that give an
// element its text or name: text, html, value, or an attr binding of
// aria-label, title or alt.
var knockoutNames = regexp.MustCompile(`(?:^|[{,])\s*['"]?(?:text|html|value|aria-label|aria-labelledby|title|alt)['"]?\s*:`)
