package htmlpage

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
)

// How the footer's copyright notices are found, and quoted as a person
// reads them.

// copyright finds the footer's copyright notices: text that carries a mark
// (©, (c), the word "copyright") and an owner or a year. The text of a
// link or button counts only when it is a notice as a whole ("© Crown
// copyright"): "Impressum und Copyright" and "Copyright policy" name a
// page. Each notice is quoted by noticeText, at the smallest element that
// holds it.
func (md *model) copyright(root nodeID) []*page.Copyright {
	var out []*page.Copyright
	var seen []nodeID
	var walk func(n nodeID)
	walk = func(n nodeID) {
		for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
			switch {
			case !md.Nodes[c].Text:
				if !md.Has(c, htmltree.SkipText) {
					walk(c)
				}
			case page.HasCopyrightMark(md.Bytes(md.Nodes[c].Data)):
				el, label := md.controlAround(n, root), true
				if el == 0 {
					el, label = md.noticeElement(n, root), false
				}
				if slices.Contains(seen, el) {
					continue
				}
				seen = append(seen, el)
				if text := md.noticeText(el); page.IsNotice(text, label) {
					out = append(out, &page.Copyright{Text: text, Pos: md.pos(md.Nodes[el].Offset())})
				}
			}
		}
	}
	walk(root)
	return out
}

// controlAround is the link or button that element n stands in (n itself
// included), below root; 0 if none.
func (md *model) controlAround(n, root nodeID) nodeID {
	for ; n != root && md.Element(n); n = md.Nodes[n].Parent {
		if md.isControl(n) {
			return n
		}
	}
	return 0
}

// noticeElement climbs from the element holding a mark while its text is
// the mark alone (<span>©</span> 2024 Contoso).
func (md *model) noticeElement(el, root nodeID) nodeID {
	for el != root && md.Element(md.Nodes[el].Parent) && !page.HasWordsBesideMarks(md.names.TextOf(el)) {
		el = md.Nodes[el].Parent
	}
	return el
}

// noticeText is the notice in element el as a person reads it: line
// breaks and blocks as spaces, without what is not shown and without a
// wordmark glued before the mark ("EXAMPLE© 2020 …"), cut to the sentence
// or the "|"-separated part that holds the mark (and the year, when it
// stands in the next one), with an "All rights reserved." that follows,
// and clipped to a quote's length (page.CutNotice).
func (md *model) noticeText(el nodeID) string {
	var b []byte
	var walk func(n nodeID, top bool)
	walk = func(n nodeID, top bool) {
		for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
			switch {
			case md.Nodes[c].Text:
				b = append(b, md.Bytes(md.Nodes[c].Data)...)
			case md.Has(c, htmltree.SkipText) || md.names.IsSVG(c) || md.names.NotShown(c) || top && md.wordmark(c):
			case md.Has(c, htmltree.Blockish):
				b = append(b, ' ')
				walk(c, false)
				b = append(b, ' ')
			default:
				walk(c, false)
			}
			if md.Nodes[c].SpaceAfter {
				b = append(b, ' ')
			}
		}
	}
	walk(el, true)
	return page.CutNotice(string(page.CleanLabelInPlace(b)))
}

// wordmark: element c holds text with no mark, glued to a mark right
// after it (<span>EXAMPLE</span>© 2020 Example Inc.): a logo's letters.
func (md *model) wordmark(c nodeID) bool {
	next := md.Nodes[c].Next
	if next == 0 || !md.Nodes[next].Text {
		return false
	}
	after := string(md.Bytes(md.Nodes[next].Data))
	text := md.names.TextOf(c)
	if text == "" || page.HasCopyrightMark(text) || !page.StartsWithMark(after) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return !unicode.IsSpace(last)
}
