// Package textpage reads rendered-text snapshots of pages — the text that
// crawlers and readers save (html2text, Crawl4AI and other Markdown
// converters, lynx -dump, w3m -dump) — into the page model the HTML
// extractor builds, so that the same checks run on them. Positions are line
// numbers, with the column where an entry's label starts.
//
// The leading lists before the first top-level heading are the header
// navigation; the trailing run of labelled lists, with the legal bar after
// it, is the footer; everything between is the body. docs/text-snapshots.md
// describes the shapes read and how header and footer are decided.
package textpage

import (
	"errors"
	"net/url"

	"github.com/pagelint/pagelint/internal/page"
)

// ErrNoLists is returned for a text without a single list item: whatever it
// is, it is no snapshot of a page with navigation.
var ErrNoLists = errors.New("no lists found: not a rendered-text snapshot")

// Options say where a snapshot comes from.
type Options struct {
	Source string // the page's name as given by the user
	URL    string // site path or absolute URL of the page (for resolving [text](url) targets)
}

// Parse reads a rendered-text snapshot into the page model. It fails on
// data that is not text (invalid UTF-8, binary) and, with ErrNoLists, on
// text without lists.
func Parse(data []byte, opt Options) (*page.Page, error) {
	lines, err := decode(data)
	if err != nil {
		return nil, err
	}
	p := &page.Page{
		Source:  opt.Source,
		URL:     opt.URL,
		Format:  page.FormatText,
		Menus:   []*page.Menu{},
		Links:   []*page.Link{},
		Anchors: []string{},
	}
	p.Suppressions = collectSuppressions(lines)
	refs := collectRefs(lines)
	d := detectDumper(lines)
	refs.dumper = d
	classify(lines, d)
	blocks := groupBlocks(lines, d)
	if !hasList(blocks) {
		return nil, ErrNoLists
	}

	b := &builder{page: p, refs: refs, base: baseURL(opt.URL), dumper: d}
	b.explicit = len(refs.numbered) > 0 || hasLinkMarkup(blocks, refs)
	p.Title = title(blocks, refs)

	l := decideLayout(blocks, b)
	b.header(blocks[:l.headerEnd])
	b.body(blocks[l.headerEnd:l.footerStart])
	b.footer(blocks[l.footerStart:])
	return p, nil
}

// baseURL is what targets resolve against: the page's URL, else the site
// root.
func baseURL(pageURL string) *url.URL {
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		return u
	}
	return &url.URL{Path: "/"}
}

func hasList(blocks []*block) bool {
	for _, b := range blocks {
		if b.kind == blockList {
			return true
		}
	}
	return false
}

// hasLinkMarkup reports whether any list item or paragraph writes a link.
func hasLinkMarkup(blocks []*block, refs *refTable) bool {
	for _, b := range blocks {
		switch b.kind {
		case blockParagraph:
			if hasLinks(parseInline(b.paragraphText(), refs)) {
				return true
			}
		case blockList:
			for _, l := range b.lines {
				for _, it := range l.items {
					if hasLinks(parseInline(it.text, refs)) {
						return true
					}
				}
			}
		}
	}
	return false
}

// title is the text of the first top-level heading.
func title(blocks []*block, refs *refTable) string {
	for _, b := range blocks {
		if b.kind == blockHeading && b.heading.level == 1 {
			return cleanLabel(runesString(flatten(parseInline(b.heading.text, refs))))
		}
	}
	return ""
}
