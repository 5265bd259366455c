package htmlpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// refAttrs are the attributes that reference another resource, per tag.
var refAttrs = map[atom.Atom][]string{
	atom.A:      {"href"},
	atom.Area:   {"href"},
	atom.Img:    {"src", "srcset"},
	atom.Source: {"src", "srcset"},
	atom.Script: {"src"},
	atom.Link:   {"href"},
	atom.Iframe: {"src"},
	atom.Video:  {"src", "poster"},
	atom.Audio:  {"src"},
}

// addLinks records the references a start tag makes.
func (s *stream) addLinks(off int, e *openElem, a atom.Atom, attrs []html.Attribute) {
	if e.props&pRef == 0 || e.foreign {
		return
	}
	keys := refAttrs[a]
	sel := ""
	if !s.caps.active() || (a != atom.A && a != atom.Area) {
		sel = s.selOf(e) // else the entry's selector, from the region's tree
	}
	for _, key := range keys {
		val, ok := attr(attrs, key)
		if !ok {
			continue
		}
		if key == "srcset" {
			for _, u := range srcsetURLs(val) {
				s.addLink(off, sel, a, key, u, attrs)
			}
			continue
		}
		if key != "href" && strings.TrimSpace(val) == "" {
			continue // an empty src references nothing a checker could test
		}
		s.addLink(off, sel, a, key, val, attrs)
	}
}

func (s *stream) addLink(off int, sel string, a atom.Atom, key, val string, attrs []html.Attribute) {
	l := s.newLink()
	l.Tag, l.Attr, l.Href, l.Selector = a.String(), key, s.keepString(val), sel
	if a == atom.Link {
		rel, _ := attr(attrs, "rel")
		l.Rel = s.keepString(collapse(rel))
	}
	s.links = append(s.links, l)
	s.linkInfo = append(s.linkInfo, linkInfo{off: off, anchor: a == atom.A || a == atom.Area})
}
