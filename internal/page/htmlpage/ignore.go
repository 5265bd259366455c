package htmlpage

import (
	"bytes"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/pagelint/pagelint/internal/page"
)

// What the link rules are to leave alone, and the attributes of the page's
// address, read by name: the x/net/html tokenizer gives attribute names in
// lower case, and these are no atoms of its table.

// ignoredByAttrs: element n asks link checkers to leave it and everything
// inside it alone: data-pagelint-ignore, or the data-proofer-ignore that
// pages written for htmltest and html-proofer carry (any value, as a
// boolean attribute), or the class data-proofer-ignore, which htmltest
// honours too.
func (md *model) ignoredByAttrs(n nodeID) bool {
	s := md.nodes[n].attrs
	for _, a := range md.attrs[s.from:s.to] {
		switch a.key {
		case 0:
			if name := md.bytes(a.name); string(name) == "data-pagelint-ignore" || string(name) == "data-proofer-ignore" {
				return true
			}
		case atom.Class:
			if !bytes.Contains(md.bytes(a.val), []byte("data-proofer-ignore")) {
				continue // most classes: no words to split
			}
			for _, c := range bytes.Fields(md.bytes(a.val)) {
				if string(c) == "data-proofer-ignore" {
					return true
				}
			}
		}
	}
	return false
}

// attrNamed returns the value of the attribute named name (one that is no
// atom) among the attributes s.
func (t *tree) attrNamed(s span, name string) ([]byte, bool) {
	for _, a := range t.attrs[s.from:s.to] {
		if a.key == 0 && string(t.bytes(a.name)) == name {
			return t.bytes(a.val), true
		}
	}
	return nil, false
}

// isOGURL: the meta element's attributes s name og:url, by property (as
// the Open Graph protocol writes it) or name.
func (t *tree) isOGURL(s span) bool {
	prop, _ := t.attrNamed(s, "property")
	name, _ := t.attrIn(s, atom.Name)
	return page.EqualFoldASCII(bytes.TrimSpace(prop), "og:url") || page.EqualFoldASCII(bytes.TrimSpace(name), "og:url")
}

// scriptFilledImage: a script fills in the source of img element n, which
// has none of its own: another attribute names one — data-src,
// data-srcset, data-lazy-src, data-original (lazy loaders), ng-src, :src,
// v-bind:src (frameworks), a data-bind that binds src (Knockout) — or it
// stands in a picture whose source elements have it. (A template's content
// has no links at all: see place.inert.)
func (md *model) scriptFilledImage(r tagRef) bool {
	for _, a := range md.attrs[r.attrs.from:r.attrs.to] {
		if a.key != 0 {
			continue
		}
		switch name := string(md.bytes(a.name)); {
		case strings.Contains(name, "src"), name == "data-original":
			return true
		case name == "data-bind" && bytes.Contains(md.bytes(a.val), []byte("src")):
			return true
		}
	}
	if r.node == 0 {
		return false
	}
	p := md.nodes[r.node].parent
	if md.is(p, atom.Picture) {
		for c := md.nodes[p].first; c != 0; c = md.nodes[c].next {
			if _, ok := md.attr(c, atom.Srcset); ok && md.is(c, atom.Source) {
				return true
			}
		}
	}
	return false
}
