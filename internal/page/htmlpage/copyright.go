package htmlpage

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/accname"
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
			case hasCopyrightMark(md.Bytes(md.Nodes[c].Data)):
				el, label := md.controlAround(n, root), true
				if el == 0 {
					el, label = md.noticeElement(n, root), false
				}
				if slices.Contains(seen, el) {
					continue
				}
				seen = append(seen, el)
				if text := md.noticeText(el); isNotice(text, label) {
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
	for el != root && md.Element(md.Nodes[el].Parent) && !hasWords(md.names.TextOf(el)) {
		el = md.Nodes[el].Parent
	}
	return el
}

// noticeText is the notice in element el as a person reads it: line
// breaks and blocks as spaces, without what is not shown and without a
// wordmark glued before the mark ("EXAMPLE© 2020 …"), cut to the sentence
// or the "|"-separated part that holds the mark (and the year, when it
// stands in the next one), with an "All rights reserved." that follows,
// and at most maxNotice characters.
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
	return cutNotice(accname.CollapseBytes(b))
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
	if text == "" || hasCopyrightMark(text) || !startsWithMark(after) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return !unicode.IsSpace(last)
}

func startsWithMark(s string) bool {
	return strings.HasPrefix(s, "©") || strings.HasPrefix(s, "(c)") || strings.HasPrefix(s, "(C)")
}

// maxNotice is the longest quote of a notice, in characters.
const maxNotice = 80

// cutNotice cuts a notice's text to what noticeText quotes.
func cutNotice(s string) string {
	parts := noticeParts(s)
	k := slices.IndexFunc(parts, hasCopyrightMark)
	if k < 0 {
		return clip(s)
	}
	out := parts[k]
	if !hasYear(out) && k+1 < len(parts) && hasYear(parts[k+1]) {
		k++
		out += " " + parts[k]
	}
	for k+1 < len(parts) && rightsReserved(parts[k+1]) && utf8.RuneCountInString(out+parts[k+1]) < maxNotice {
		k++
		out += " " + parts[k]
	}
	return clip(out)
}

// noticeParts splits a text into its sentences and the parts that "|", "·"
// or "•" separate (a bar of links after the notice).
func noticeParts(s string) []string {
	var parts []string
	start := 0
	add := func(end, next int) {
		if p := strings.TrimSpace(s[start:end]); p != "" {
			parts = append(parts, p)
		}
		start = next
	}
	for i, r := range s {
		switch r {
		case '|', '·', '•':
			add(i, i+utf8.RuneLen(r))
		case '.', '!', '?':
			// A sentence ends where the next begins with a capital.
			rest := s[i+1:]
			if trimmed := strings.TrimLeft(rest, " "); len(trimmed) < len(rest) {
				if next, _ := utf8.DecodeRuneInString(trimmed); unicode.IsUpper(next) {
					add(i+1, i+1)
				}
			}
		}
	}
	add(len(s), len(s))
	return parts
}

// rightsReserved: a part that only reserves the rights.
func rightsReserved(s string) bool {
	s = strings.ToLower(strings.TrimRight(s, ". "))
	for _, p := range []string{"all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados", "tutti i diritti riservati"} {
		if s == p {
			return true
		}
	}
	return false
}

// clip cuts s to maxNotice characters at a word, with "…".
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxNotice {
		return s
	}
	cut, n := 0, 0
	for i, r := range s {
		if r == ' ' {
			cut = i
		}
		if n == maxNotice-1 {
			if cut == 0 {
				cut = i // one long word
			}
			break
		}
		n++
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// isNotice: text with a mark is a notice when it names an owner or a
// year; a link's or button's text (label) only with the sign itself (©,
// (c)) and an owner or a year, or with the word and a year.
func isNotice(text string, label bool) bool {
	lower := strings.ToLower(text)
	sign := strings.Contains(lower, "©") || strings.Contains(lower, "(c)")
	owner := hasWords(strings.ReplaceAll(strings.ReplaceAll(lower, "all rights reserved", ""), "alle rechte vorbehalten", ""))
	year := hasYear(text)
	if label {
		return sign && (owner || year) || strings.Contains(lower, "copyright") && year
	}
	return owner || year
}

// hasYear: a number of four digits, 19xx or 20xx, stands alone in s.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i:i+2] == "19" || s[i:i+2] == "20") && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) &&
			(i == 0 || !isDigitByte(s[i-1])) && (i+4 == len(s) || !isDigitByte(s[i+4])) {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// hasWords: s holds letters or digits besides the marks.
func hasWords(s string) bool {
	s = strings.ToLower(s)
	for _, m := range []string{"©", "(c)", "copyright"} {
		s = strings.ReplaceAll(s, m, "")
	}
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 0x7f && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return true
		}
	}
	return false
}

func hasCopyrightMark[T string | []byte](s T) bool {
	if contains(s, "©") || contains(s, "(c)") || contains(s, "(C)") {
		return true
	}
	return page.ContainsFold(s, "copyright")
}

// contains is strings.Contains of a string or the page's bytes, which a
// string made of them for each text node of a footer would copy.
func contains[T string | []byte](s T, sub string) bool {
	if b, ok := any(s).([]byte); ok {
		return bytes.Contains(b, []byte(sub))
	}
	return strings.Contains(string(s), sub)
}
