package htmlpage

import (
	"bytes"
	"strings"

	"golang.org/x/net/html/atom"
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
	s := md.Nodes[n].Attrs
	for _, a := range md.Attrs[s.From:s.To] {
		switch a.Key {
		case 0:
			if name := md.Bytes(a.Name); string(name) == "data-pagelint-ignore" || string(name) == "data-proofer-ignore" {
				return true
			}
		case atom.Class:
			if !bytes.Contains(md.Bytes(a.Val), []byte("data-proofer-ignore")) {
				continue // most classes: no words to split
			}
			for _, c := range bytes.Fields(md.Bytes(a.Val)) {
				if string(c) == "data-proofer-ignore" {
					return true
				}
			}
		}
	}
	return false
}

// scriptFilledImage: a script fills in the source of img element n, which
// has none of its own: another attribute names one — data-src,
// data-srcset, data-lazy-src, data-original (lazy loaders), ng-src, :src,
// v-bind:src (frameworks), a data-bind that binds src (Knockout) — or it
// stands in a picture whose source elements have it. (A template's content
// has no links at all: see place.inert.)
func (md *model) scriptFilledImage(r tagRef) bool {
	for _, a := range md.Attrs[r.attrs.From:r.attrs.To] {
		if a.Key != 0 {
			continue
		}
		switch name := string(md.Bytes(a.Name)); {
		case strings.Contains(name, "src"), name == "data-original":
			return true
		case name == "data-bind" && bytes.Contains(md.Bytes(a.Val), []byte("src")):
			return true
		}
	}
	if r.node == 0 {
		return false
	}
	p := md.Nodes[r.node].Parent
	if md.Is(p, atom.Picture) {
		for c := md.Nodes[p].First; c != 0; c = md.Nodes[c].Next {
			if _, ok := md.Attr(c, atom.Srcset); ok && md.Is(c, atom.Source) {
				return true
			}
		}
	}
	return false
}
