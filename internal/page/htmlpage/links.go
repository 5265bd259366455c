package htmlpage

import (
	"bytes"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

// refAttrs are the attributes that reference another resource, per tag.
var refAttrs = map[atom.Atom][]atom.Atom{
	atom.A:      {atom.Href},
	atom.Area:   {atom.Href},
	atom.Img:    {atom.Src, atom.Srcset, atom.Usemap},
	atom.Source: {atom.Src, atom.Srcset},
	atom.Script: {atom.Src},
	atom.Link:   {atom.Href},
	atom.Iframe: {atom.Src},
	atom.Video:  {atom.Src, atom.Poster},
	atom.Audio:  {atom.Src},
}

// refAttrsByTag is refAttrs by the model's name of the tag (linkTags):
// makeLinks asks it of every reference, where the map would hash the tag.
var refAttrsByTag = func() (byTag [page.TagMeta + 1][]atom.Atom) {
	for a, keys := range refAttrs {
		byTag[linkTags.of(a)] = keys
	}
	return byTag
}()

// linkTags and linkAttrs name, in the model, the elements and attributes
// of refAttrs and of a refresh (meta content), the most frequent first.
var (
	linkTags = atomNames[page.Tag]{{atom.A, page.TagA}, {atom.Link, page.TagLink}, {atom.Img, page.TagImg},
		{atom.Script, page.TagScript}, {atom.Source, page.TagSource}, {atom.Area, page.TagArea},
		{atom.Iframe, page.TagIframe}, {atom.Video, page.TagVideo}, {atom.Audio, page.TagAudio}, {atom.Meta, page.TagMeta}}
	linkAttrs = atomNames[page.Attr]{{atom.Href, page.AttrHref}, {atom.Src, page.AttrSrc}, {atom.Srcset, page.AttrSrcset},
		{atom.Usemap, page.AttrUsemap}, {atom.Poster, page.AttrPoster}, {atom.Content, page.AttrContent}}
)

// atomNames are the model's names of a few atoms, read by a scan of a
// few pairs where a map would hash the atom at every reference.
type atomNames[V page.Tag | page.Attr] []struct {
	atom atom.Atom
	name V
}

// of is the name of a, 0 for none.
func (t atomNames[V]) of(a atom.Atom) V {
	for _, p := range t {
		if p.atom == a {
			return p.name
		}
	}
	return 0
}

// makeLinks makes the links of the start tags that reference other
// resources, in source order, but for those of a template's content. A link
// of an a or area element is its entry's Link (addLink).
func (md *model) makeLinks() {
	md.ownLinks = len(md.links)
	for _, e := range md.entries {
		if e.HasHref {
			md.ownLinks--
		}
	}
	for _, r := range md.links {
		var e *page.Entry
		at := linkPlace{region: page.RegionMain}
		if r.node != 0 {
			pl := md.placeOf(r.node)
			if pl.inert {
				continue // a template\'s content is no part of the page
			}
			e, at.region, at.hidden, at.ignored = md.entryOf(r.node), pl.region, pl.hidden, pl.ignored
			if e != nil {
				at.sel = e.Selector // the same: one copy
			} else {
				at.sel = md.paths.Path(r.node)
			}
		}
		if r.tag == atom.Meta {
			md.addRefresh(r, at)
			continue
		}
		found := false
		for _, k := range refAttrsByTag[linkTags.of(r.tag)] {
			val, ok := md.AttrIn(r.attrs, k)
			if !ok {
				continue
			}
			if k == atom.Usemap {
				md.addUsemap(r, at, string(val))
				continue
			}
			found = true
			if k == atom.Srcset {
				for _, u := range htmltree.SrcsetURLs(string(val)) {
					md.addLink(r, e, at, k, u)
				}
				continue
			}
			if k != atom.Href && len(bytes.TrimSpace(val)) == 0 && !md.emptySrcMatters(r) {
				continue // an empty src references nothing a checker could test
			}
			href := ""
			if e != nil && e.Href == string(val) {
				href = e.Href // the same: one copy
			} else {
				href = string(val)
			}
			md.addLink(r, e, at, k, href)
		}
		if !found {
			md.addMissing(r, at)
		}
	}
	md.p.Links = append(make([]*page.Link, 0, len(md.made)), md.made...)
}

// linkPlace is where a link stands: its selector and region, whether it
// is hidden, and whether it is to be ignored (see ignoredByAttrs).
type linkPlace struct {
	sel             string
	region          page.Landmark
	hidden, ignored bool
}

// emptySrcMatters: an empty src of an img shows a broken image, of a
// script loads nothing (link-empty); of anything else it is no reference.
// An img whose source a script fills in is no defect.
func (md *model) emptySrcMatters(r tagRef) bool {
	return r.tag == atom.Script || r.tag == atom.Img && !md.scriptFilledImage(r)
}

// addMissing records an element that lacks the reference it is for: a
// link element without href (but a preload of an imagesrcset), an img
// without src or srcset (but one a script fills in).
func (md *model) addMissing(r tagRef, at linkPlace) {
	k := atom.Href
	switch r.tag {
	case atom.Link:
		if _, ok := md.AttrNamed(r.attrs, "imagesrcset"); ok {
			return
		}
	case atom.Img:
		if md.scriptFilledImage(r) {
			return
		}
		k = atom.Src
	default:
		return
	}
	l := md.newLink(r, at, k, "")
	l.Missing = true
	md.made = append(md.made, l)
}

// addUsemap makes the link of an img's usemap, a reference to a map of the
// page by its name ("#name"); an empty one references nothing.
func (md *model) addUsemap(r tagRef, at linkPlace, val string) {
	if strings.TrimSpace(val) != "" {
		l := md.newLink(r, at, atom.Usemap, val)
		l.Target = md.res.Target(val)
		md.made = append(md.made, l)
	}
}

// addRefresh makes the link of a meta refresh: to the URL it redirects
// to, or, when browsers follow none because its content is malformed,
// with no target and the content as written.
func (md *model) addRefresh(r tagRef, at linkPlace) {
	content, _ := md.AttrIn(r.attrs, atom.Content)
	u, malformed := htmltree.RefreshTarget(string(content))
	switch {
	case u != "":
		l := md.newLink(r, at, atom.Content, u)
		l.Target = md.res.Target(u)
		md.made = append(md.made, l)
	case malformed:
		md.made = append(md.made, md.newLink(r, at, atom.Content, string(content)))
	}
}

// addLink adds the link of tag r's attribute k, written href. The link of
// an a or area with an entry is the entry's Link: the entry has its href,
// target, label, selector, position and place already.
func (md *model) addLink(r tagRef, e *page.Entry, at linkPlace, k atom.Atom, href string) {
	var l *page.Link
	switch {
	case e != nil && e.HasHref && e.Href == href:
		l = &e.Link
		l.Tag, l.Attr = linkTags.of(r.tag), linkAttrs.of(k)
	case e != nil:
		l = md.newLink(r, at, k, href)
		l.Pos = e.Pos
		l.Label = e.Label
		rare := l.RareFields()
		rare.NamedBy = e.NamedBy()
		l.SetRare(rare)
		l.Target = md.res.Target(href)
	default:
		l = md.newLink(r, at, k, href)
		l.Target = md.res.Target(href)
	}
	if r.tag == atom.A {
		if nested := md.nestedLink(r.off); nested != nil {
			rare := l.RareFields()
			rare.NestedLink = nested
			l.SetRare(rare)
		}
	}
	md.made = append(md.made, l)
}

// newLink is a link of tag r's attribute k, written href, at its tag; the
// label of an img is its alt.
func (md *model) newLink(r tagRef, at linkPlace, k atom.Atom, href string) *page.Link {
	if len(md.linkSlab) == cap(md.linkSlab) {
		// The first slab as large as makeLinks expects, which it rarely
		// exceeds; at least 16, it was twice the links of the GOV.UK build.
		size := 16
		if md.linkSlab == nil && md.ownLinks > 0 {
			size = md.ownLinks
		}
		md.linkSlab = make([]page.Link, 0, size)
	}
	md.linkSlab = md.linkSlab[:len(md.linkSlab)+1]
	l := &md.linkSlab[len(md.linkSlab)-1]
	*l = page.Link{Tag: linkTags.of(r.tag), Attr: linkAttrs.of(k), Href: href, Region: at.region, Selector: at.sel, Ignored: at.ignored,
		Hidden: at.hidden, Pos: md.pos(int(r.off))}
	switch r.tag {
	case atom.Link:
		rel, _ := md.AttrIn(r.attrs, atom.Rel)
		if shared := sharedRels[string(rel)]; shared != nil {
			l.Rare = shared
		} else {
			l.SetRare(page.Rare{Rel: page.CleanLabel(string(rel))})
		}
	case atom.Img:
		alt, _ := md.AttrIn(r.attrs, atom.Alt)
		l.Label = page.CleanLabel(string(alt)) // alt is the page's own bytes: never collapsed in place
	}
	return l
}

// sharedRels are the rare fields of the link elements of the frequent
// rels, by the rel as written, shared by every page's (nothing writes
// through Rare): a site's pages carry the same few, which made for each
// link were a hundredth of what a run on the GOV.UK build allocated.
var sharedRels = func() map[string]*page.Rare {
	rels := map[string]*page.Rare{}
	for _, rel := range []string{"stylesheet", "icon", "shortcut icon", "canonical", "alternate", "manifest",
		"apple-touch-icon", "mask-icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch"} {
		rels[rel] = &page.Rare{Rel: page.CleanLabel(rel)}
	}
	return rels
}()

// nestedLink is the position of the a start tag that closed the a whose
// start tag is at off, nil if none did.
func (md *model) nestedLink(off int32) *page.Pos {
	if len(md.CutLinks) == 0 {
		return nil
	}
	if md.cutBy == nil {
		md.cutBy = make(map[int32]int32, len(md.CutLinks))
		for _, c := range md.CutLinks {
			if _, ok := md.cutBy[c[0]]; !ok {
				md.cutBy[c[0]] = c[1]
			}
		}
	}
	inner, ok := md.cutBy[off]
	if !ok {
		return nil
	}
	pos := md.pos(int(inner))
	return &pos
}
