package textpage

import (
	"regexp"

	"github.com/pagelint/pagelint/internal/page"
)

// searchBox is the text a search field leaves in a snapshot ("Search
// Search Microsoft.com"); the list under it holds its suggestions, not
// navigation.
var searchBox = regexp.MustCompile(`(?i)^search\b`)

// skipLink is the text of the link to the main content that heads most
// pages ("Skip to main content", "Skip navigation", "Jump to content").
var skipLink = regexp.MustCompile(`(?i)^\s*(skip|jump) (to|navigation)\b`)

// menuName names a header list after the block above it: a heading, or the
// last line of a paragraph when that line is a label (lynx and w3m put the
// site name and the menu's label on consecutive lines). A link or a button
// (the logo, "Skip to main content") labels nothing, nor does the text of a
// skip link where the dump does not mark links.
func (b *builder) menuName(above *block) string {
	switch above.kind {
	case blockHeading:
		return b.labelOf(above)
	case blockParagraph:
		last := above.lines[len(above.lines)-1]
		segs := parseInline(last.runes, b.refs)
		text := runesString(last.runes)
		if isLabelLine(text) && !hasControls(segs) && !skipLink.MatchString(text) {
			return cleanLabel(runesString(flatten(segs)))
		}
	}
	return ""
}

// textLinks records the links and buttons written in a paragraph's free
// text.
func (b *builder) textLinks(bl *block, region page.Landmark, emit emitter) {
	for _, s := range parseInline(bl.paragraphText(), b.refs) {
		if s.link || s.button {
			for _, e := range b.segmentEntries(s, region, "", false) {
				emit(e)
			}
		}
	}
}

// header builds the header navigation: each list of the header zone is a
// menu named after the label line above it, except that a top-level item
// that opens a mega-menu makes a menu of its own named after that item.
func (b *builder) header(blocks []*block) {
	region := &page.Region{}
	emit := func(e *page.Entry) {
		b.record(e)
		region.Items = append(region.Items, e)
	}
	for i, bl := range blocks {
		switch bl.kind {
		case blockParagraph:
			b.textLinks(bl, page.RegionHeader, emit)
		case blockList:
			name := ""
			if i > 0 {
				name = b.menuName(blocks[i-1])
			}
			if i > 0 && blocks[i-1].kind == blockParagraph && searchBox.MatchString(name) {
				continue
			}
			b.headerList(bl, name, emit)
		}
	}
	if len(region.Items) > 0 {
		region.Pos = region.Items[0].Pos
		b.page.Header = region
	}
}

func (b *builder) headerList(bl *block, name string, emit emitter) {
	var (
		local *page.Menu
		run   []*node // top-level items of the list's own menu, not yet converted
	)
	flush := func() {
		entries := b.convert(run, page.RegionHeader, "", emit)
		run = nil
		if len(entries) == 0 {
			return
		}
		if local == nil {
			local = &page.Menu{Name: name, Region: page.RegionHeader, Pos: entries[0].Pos}
			b.page.Menus = append(b.page.Menus, local)
		}
		local.Entries = append(local.Entries, entries...)
	}
	for _, n := range bl.nodes {
		// Markdown converters run a page's lists together; lynx and w3m
		// keep them apart, so there a mega-menu stays in its list.
		if b.dumper.dump() || !opensMegaMenu(n) {
			run = append(run, n)
			continue
		}
		flush()
		// The opener stays the menu's one top-level entry, as in the HTML
		// of such menus, so that a config can require it and its children.
		toggle := b.entry(n.raw, page.RegionHeader, "", true)
		emit(toggle)
		toggle.SetChildren(b.convert(n.children, page.RegionHeader, "", emit))
		b.page.Menus = append(b.page.Menus, &page.Menu{
			Name:    toggle.Label,
			Region:  page.RegionHeader,
			Entries: []*page.Entry{toggle},
			Pos:     toggle.Pos,
		})
	}
	flush()
}

// body records the links of the body: list items (grouped under the label
// or heading above their list) and links written in text. Where a dump
// marks its links, an item without the mark is text of the body.
func (b *builder) body(blocks []*block) {
	emit := func(e *page.Entry) {
		if b.dumper.dump() && b.explicit && e.Kind == page.KindText && !e.HasHref {
			return
		}
		b.record(e)
	}
	for i, bl := range blocks {
		switch bl.kind {
		case blockParagraph:
			b.textLinks(bl, page.RegionMain, emit)
		case blockList:
			group := ""
			if i > 0 && isLabel(blocks[i-1]) {
				group = b.labelOf(blocks[i-1])
			}
			flattenTree(b.convert(bl.nodes, page.RegionMain, group, emit))
		}
	}
}

// footer builds the footer: the items of its labelled lists with the label
// as their group, the items of its legal bar, and its copyright notices.
func (b *builder) footer(blocks []*block) {
	if len(blocks) == 0 {
		return
	}
	region := &page.Region{Pos: page.Pos{Line: blocks[0].firstLine(), Column: firstColumn(blocks[0])}}
	emit := func(e *page.Entry) {
		b.record(e)
		region.Items = append(region.Items, e)
		if text, ok := copyrightText(e.Label); ok {
			region.Copyright = append(region.Copyright, &page.Copyright{Text: text, Pos: e.Pos})
		}
	}
	for i, bl := range blocks {
		switch bl.kind {
		case blockList:
			group := ""
			if i > 0 && isLabel(blocks[i-1]) {
				group = b.labelOf(blocks[i-1])
			}
			flattenTree(b.convert(bl.nodes, page.RegionFooter, group, emit))
		case blockParagraph:
			if i+1 < len(blocks) && blocks[i+1].kind == blockList && isLabel(bl) {
				continue // the label of the list below
			}
			b.legalText(bl, region)
		}
	}
	b.page.Footer = region
}

// legalText reads a paragraph of the footer that labels no list: its
// copyright notices line by line, its links, and (when the snapshot writes
// no link markup) the items its free text names unambiguously.
func (b *builder) legalText(bl *block, region *page.Region) {
	for _, l := range bl.lines {
		text := trimSpace(flatten(parseInline(l.runes, b.refs)))
		if c, ok := copyrightText(runesString(text)); ok && len(text) > 0 {
			region.Copyright = append(region.Copyright, &page.Copyright{Text: c, Pos: text[0].pos()})
		}
	}
	for _, run := range textRuns(bl) {
		b.legalRun(run, region)
	}
}

// textRuns splits a paragraph at its copyright notices, so that a notice
// is never read as part of the names around it: a line with a notice is
// left out, or — in a row of names set apart by separators — its piece
// with the notice alone ("© 2025 Contoso | Terms | Privacy").
func textRuns(bl *block) [][]prune {
	var runs [][]prune
	var cur []prune
	for _, l := range bl.lines {
		if _, ok := copyrightText(runesString(l.runes)); !ok {
			cur = joinWrapped(cur, l.runes, bl.dumper)
			continue
		}
		before, after := rowAroundNotice(l.runes)
		if cur = joinWrapped(cur, before, bl.dumper); len(cur) > 0 {
			runs = append(runs, cur)
		}
		cur = trimSpace(after)
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// rowAroundNotice returns the pieces of a row before and after the one
// that holds the copyright notice; nothing when the line is no row.
func rowAroundNotice(line []prune) (before, after []prune) {
	at := copyrightAt(line)
	if at < 0 {
		return nil, nil
	}
	start, end := -1, -1
	for i := range line {
		if !isRowSeparator(line, i) {
			continue
		}
		if i < at {
			start = i
		} else if end < 0 {
			end = i
		}
	}
	if start >= 0 {
		before = line[:start]
	}
	if end >= 0 {
		after = line[end+1:]
	}
	return before, after
}

// legalRun reads the items of a run of legal text: its links and buttons,
// the names that separators set apart, and — where the snapshot marks no
// links — the items its free text names unambiguously.
func (b *builder) legalRun(run []prune, region *page.Region) {
	for _, s := range parseInline(run, b.refs) {
		es := b.segmentEntries(s, page.RegionFooter, "", false)
		if es == nil && !b.explicit {
			es = legalEntries(s.text)
		}
		for _, e := range es {
			// Not through emit: text is never a copyright item twice.
			b.record(e)
			region.Items = append(region.Items, e)
		}
	}
}

// legalEntries makes the entries of the items of free legal text.
func legalEntries(text []prune) []*page.Entry {
	var out []*page.Entry
	for _, piece := range legalItems(text) {
		e := &page.Entry{Link: page.Link{Label: joinWords(piece.words), Region: page.RegionFooter, Pos: piece.words[0][0].pos()}, Kind: page.KindText}
		if piece.iconAt >= 0 {
			e.Icon = true
			e.SetRare(page.Rare{Text: joinWords(piece.words[piece.iconAt+2:]), IconLabel: joinWords(piece.words[:piece.iconAt+2])})
		}
		out = append(out, e)
	}
	return out
}

// flattenTree drops the nesting of entries outside menus: a region's items
// are a flat list in document order.
func flattenTree(entries []*page.Entry) {
	for _, e := range entries {
		flattenTree(e.Children())
		e.SetChildren(nil)
	}
}

func firstColumn(bl *block) int {
	rs := trimSpace(bl.lines[0].runes)
	if len(rs) == 0 {
		return 0
	}
	return int(rs[0].col)
}
