package lint

import (
	"hash/maphash"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// deferredLinks are the links of one page that are judged once every page
// is read: links to other pages' fragments and external URLs. Every such
// link of the site waits for the last page and the last external answer,
// so a link is kept as where it stands and what it is, and an external
// link shares what it is with the equal links of the pages the worker read
// before: a site's pages cite the same URLs from the same places of their
// templates, so a run's memory grows with the site's distinct external
// links rather than with its pages.
type deferredLinks struct {
	source, url, format string
	links               []deferredLink
}

type deferredLink struct {
	ref *linkRef
	pos page.Pos
}

// linkRef is what the judgement and the finding of a link read of it.
type linkRef struct {
	tag, attr, rel, href, target, selector string
}

// newDeferredLinks keeps the pending links of p, sharing what they are
// through links (nil: shared with none).
func newDeferredLinks(p *page.Page, pending []*page.Link, links *linkTable) *deferredLinks {
	d := &deferredLinks{source: p.Source, url: p.URL, format: p.Format, links: make([]deferredLink, len(pending))}
	for i, l := range pending {
		d.links[i] = deferredLink{ref: links.ref(l), pos: l.Pos}
	}
	return d
}

// page is a page model of the links alone, for the link checks, made in
// buf, which the next call reuses: the checks keep no link.
func (d *deferredLinks) page(buf *linkBuf) *page.Page {
	buf.links = slices.Grow(buf.links[:0], len(d.links))[:len(d.links)]
	buf.ptrs = slices.Grow(buf.ptrs[:0], len(d.links))[:len(d.links)]
	for i, dl := range d.links {
		r := dl.ref
		buf.links[i] = page.Link{Tag: r.tag, Attr: r.attr, Rel: r.rel, Href: r.href, Target: r.target, Selector: r.selector, Pos: dl.pos}
		buf.ptrs[i] = &buf.links[i]
	}
	return &page.Page{Source: d.source, URL: d.url, Format: d.format, Links: buf.ptrs}
}

// linkBuf is the memory deferredLinks.page makes its models in.
type linkBuf struct {
	links []page.Link
	ptrs  []*page.Link
}

// target is the resolved target of the i-th link, href what it was written.
func (d *deferredLinks) target(i int) string { return d.links[i].ref.target }

func (d *deferredLinks) href(i int) string { return d.links[i].ref.href }

// linkTable holds the external links one worker has kept, by a hash of
// what they are (a map keyed by the links themselves would hold each
// twice); on a collision a link is simply not shared. Links to other
// pages' fragments are not shared: they mostly differ from page to page,
// and a table of them costs more than it saves.
type linkTable struct {
	hash maphash.Hash
	refs map[uint64]*linkRef
}

func newLinkTable() *linkTable {
	return &linkTable{refs: map[uint64]*linkRef{}}
}

func (t *linkTable) sum(r *linkRef) uint64 {
	t.hash.Reset()
	for _, s := range [...]string{r.tag, r.attr, r.rel, r.href, r.target, r.selector} {
		_, _ = t.hash.WriteString(s)
		_ = t.hash.WriteByte(0)
	}
	return t.hash.Sum64()
}

// ref is l as a linkRef in memory of its own (the model's strings share
// memory with the rest of the page), the one kept before when equal.
func (t *linkTable) ref(l *page.Link) *linkRef {
	key := linkRef{tag: l.Tag, attr: l.Attr, rel: l.Rel, href: l.Href, target: l.Target, selector: l.Selector}
	var h uint64
	shared := t != nil && IsURL(l.Target)
	if shared {
		h = t.sum(&key)
		if r := t.refs[h]; r != nil && *r == key {
			return r
		}
	}
	// The parsers name tags and attributes with constant strings. The
	// strings many links have in common (rel, selector) are interned, the
	// href and the target one string when they are the same.
	r := &linkRef{tag: l.Tag, attr: l.Attr, rel: intern(l.Rel), selector: intern(l.Selector),
		href: strings.Clone(l.Href)}
	r.target = r.href
	if l.Target != l.Href {
		r.target = strings.Clone(l.Target)
	}
	if shared && t.refs[h] == nil {
		t.refs[h] = r
	}
	return r
}
