package htmlpage

import (
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// How the footer's copyright notices are found.

// copyright finds the texts that carry a copyright mark: each is the
// collapsed text of the smallest element holding the notice.
func (md *model) copyright(root nodeID) []*page.Copyright {
	var out []*page.Copyright
	var seen []nodeID
	var walk func(n nodeID)
	walk = func(n nodeID) {
		for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
			switch {
			case !md.nodes[c].text:
				if !md.has(c, pSkipText) {
					walk(c)
				}
			case hasCopyrightMark(string(md.bytes(md.nodes[c].data))):
				el := md.noticeElement(n, root)
				if slices.Contains(seen, el) {
					continue
				}
				seen = append(seen, el)
				out = append(out, &page.Copyright{Text: collapse(md.textOf(el)), Pos: md.pos(md.nodes[el].offset())})
			}
		}
	}
	walk(root)
	return out
}

// noticeElement climbs from the element holding a mark while its text is
// the mark alone (<span>©</span> 2024 Contoso).
func (md *model) noticeElement(el, root nodeID) nodeID {
	for el != root && md.element(md.nodes[el].parent) && !hasWords(md.textOf(el)) {
		el = md.nodes[el].parent
	}
	return el
}

func hasWords(s string) bool {
	s = strings.ToLower(s)
	for _, m := range []string{"©", "(c)", "copyright"} {
		s = strings.ReplaceAll(s, m, "")
	}
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 0x7f {
			return true
		}
	}
	return false
}

func hasCopyrightMark(s string) bool {
	if strings.Contains(s, "©") || strings.Contains(s, "(c)") || strings.Contains(s, "(C)") {
		return true
	}
	return containsFold(s, "copyright")
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
