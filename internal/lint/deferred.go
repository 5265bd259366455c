package lint

import (
	"math"
	"slices"
	"strings"
	"unique"

	"github.com/pagelint/pagelint/internal/page"
)

// deferredLinks are the links of one page that are judged once every page
// is read: links to other pages' fragments and external URLs. Every such
// link of the site waits for the last page and the last external answer,
// so a link is kept as a small record: where it stands in its template
// (shared by every link written at that place), what it leads to, and its
// position. An external URL is kept once however many pages cite it; a
// link to another page's fragment keeps its own href, the one thing in it
// that is the page's alone.
type deferredLinks struct {
	source, url, format string
	links               []deferredLink
}

type deferredLink struct {
	place unique.Handle[linkPlace]
	// target is href itself when it was written as it resolved.
	href, target string
	line, column uint32
}

// linkPlace is what the links written at one place of a template have in
// common.
type linkPlace struct {
	tag           page.Tag
	attr          page.Attr
	rel, selector string
}

// newDeferredLinks keeps the pending links of p in memory of their own:
// the model's strings share memory with the rest of the page.
func newDeferredLinks(p *page.Page, pending []*page.Link) *deferredLinks {
	d := &deferredLinks{source: p.Source, url: p.URL, format: p.Format, links: make([]deferredLink, len(pending))}
	for i, l := range pending {
		// unique.Make keeps strings of its own.
		dl := deferredLink{place: unique.Make(linkPlace{l.Tag, l.Attr, l.Rel(), l.Selector}), line: pos32(l.Line), column: pos32(l.Column)}
		keep := strings.Clone
		if IsURL(l.Target) {
			keep = intern // the same URLs, from page after page
		}
		dl.href = keep(l.Href)
		dl.target = dl.href
		if l.Target != l.Href {
			dl.target = keep(l.Target)
		}
		d.links[i] = dl
	}
	return d
}

// pos32 is a line or column in 32 bits: a column past 4 GiB, on a page of
// one line larger than that, is kept as the last one that fits.
func pos32(n int) uint32 { return uint32(min(max(n, 0), math.MaxUint32)) }

// page is a page model of the links alone, for the link checks, made in
// buf, which the next call reuses: the checks keep no link.
func (d *deferredLinks) page(buf *linkBuf) *page.Page {
	buf.links = slices.Grow(buf.links[:0], len(d.links))[:len(d.links)]
	buf.ptrs = slices.Grow(buf.ptrs[:0], len(d.links))[:len(d.links)]
	for i, dl := range d.links {
		pl := dl.place.Value()
		buf.links[i] = page.Link{Tag: pl.tag, Attr: pl.attr, Href: dl.href, Target: dl.target, Selector: pl.selector,
			Pos: page.Pos{Line: int(dl.line), Column: int(dl.column)}}
		buf.links[i].SetRare(page.Rare{Rel: pl.rel})
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
func (d *deferredLinks) target(i int) string { return d.links[i].target }

func (d *deferredLinks) href(i int) string { return d.links[i].href }
