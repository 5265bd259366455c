package textpage

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
)

var (
	// "(C)" stands for "©" where it starts a word: "(C) Contoso 2025", not
	// "section 5(c)".
	parenC = regexp.MustCompile(`(^|\s)\([cC]\)`)
	// copyrightMark is where a copyright notice starts.
	copyrightMark = regexp.MustCompile(`©|(?:^|\s)\([cC]\)|(?i)\bcopyright\b`)
	// languagePicker is the language switch of a legal bar: "English
	// (United States)", "Deutsch (Deutschland)", "Español (México)".
	languagePicker = regexp.MustCompile(`^\p{Lu}\p{Ll}+ \(\p{Lu}[\p{L} .'-]*\)$`)
)

// copyrightAt is the index in rs of the first copyright mark, -1 for none.
func copyrightAt(rs []prune) int {
	s := runesString(rs)
	loc := copyrightMark.FindStringIndex(s)
	if loc == nil {
		return -1
	}
	return utf8.RuneCountInString(s[:loc[0]])
}

// copyrightText reports whether s is a copyright notice and returns it with
// "(C)" read as "©" and white space collapsed.
func copyrightText(s string) (string, bool) {
	if !copyrightMark.MatchString(s) {
		return "", false
	}
	s = parenC.ReplaceAllString(s, "$1©")
	return page.CollapseSpace(s), true
}

// maxIconNameWords bounds the name beside an opt-out icon ("Your Privacy
// Choices" has three words).
const maxIconNameWords = 12

// legalPiece is one item found in free legal text.
type legalPiece struct {
	words [][]prune
	// iconAt is the index of "Opt-Out" in words for an icon phrase, else -1.
	iconAt int
}

// legalItems splits a run of free legal text (no link markup) into items
// where that is unambiguous: each icon phrase "X Opt-Out Icon X" (the
// icon's alt text and the link text beside it) is one item, and what stands
// between such phrases, short and no sentence, is one item too. The
// language picker is no item. A run with no icon phrase gives no items: the
// words of plain text cannot be told apart into links.
func legalItems(rs []prune) []legalPiece {
	ws := words(rs)
	var (
		pieces  []legalPiece
		rest    [][][]prune
		phrases int
		lo      int
	)
	for k := 0; k+1 < len(ws); k++ {
		if !strings.EqualFold(runesString(ws[k]), "Opt-Out") || !strings.EqualFold(runesString(ws[k+1]), "Icon") {
			continue
		}
		m := iconNameLength(ws, lo, k)
		if m == 0 {
			continue
		}
		rest = append(rest, ws[lo:k-m])
		pieces = append(pieces, legalPiece{words: ws[k-m : k+2+m], iconAt: m})
		phrases++
		lo = k + 2 + m
		k = lo - 1
	}
	if phrases == 0 {
		return nil
	}
	rest = append(rest, ws[lo:])
	// Interleave the remainders with the phrases, in text order.
	var out []legalPiece
	for i, r := range rest {
		if r = withoutLanguagePicker(r); isShortName(r) {
			out = append(out, legalPiece{words: r, iconAt: -1})
		}
		if i < len(pieces) {
			out = append(out, pieces[i])
		}
	}
	return out
}

// iconNameLength is the longest m such that the m words before ws[k]
// ("Opt-Out") are the m words after "Icon".
func iconNameLength(ws [][]prune, lo, k int) int {
	for m := min(k-lo, maxIconNameWords); m > 0; m-- {
		if k+2+m > len(ws) {
			continue
		}
		if strings.EqualFold(joinWords(ws[k-m:k]), joinWords(ws[k+2:k+2+m])) {
			return m
		}
	}
	return 0
}

// withoutLanguagePicker drops the language switch from the start or the end
// of a run of words.
func withoutLanguagePicker(ws [][]prune) [][]prune {
	for n := 2; n <= 5 && n <= len(ws); n++ {
		if languagePicker.MatchString(joinWords(ws[:n])) {
			return ws[n:]
		}
		if languagePicker.MatchString(joinWords(ws[len(ws)-n:])) {
			return ws[:len(ws)-n]
		}
	}
	return ws
}

// separatedNames splits a run of text at the separators that stand between
// the names of a row ("Privacy | Terms of use | Imprint"), when every
// piece is a short name; nil when there is no separator or a piece is no
// name. A separator at either end stands beside a link or button.
func separatedNames(rs []prune) [][][]prune {
	var (
		names [][][]prune
		cur   [][]prune
		seps  int
	)
	for _, w := range words(rs) {
		if len(w) != 1 || !strings.ContainsRune(separators, w[0].r) {
			cur = append(cur, w)
			continue
		}
		seps++
		if len(cur) > 0 {
			names, cur = append(names, cur), nil
		}
	}
	if len(cur) > 0 {
		names = append(names, cur)
	}
	if seps == 0 {
		return nil
	}
	for _, n := range names {
		if !isShortName(n) {
			return nil
		}
	}
	return names
}

// isShortName: a few words, no sentence, no copyright notice.
func isShortName(ws [][]prune) bool {
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	s := joinWords(ws)
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return false
	}
	if strings.Contains(strings.ToLower(s), "opt-out icon") {
		return false // a broken icon phrase: whose icon is it?
	}
	_, isCopyright := copyrightText(s)
	return !isCopyright
}

// iconPhrase reads a label of the shape "X Opt-Out Icon X": the accessible
// name of a link whose icon's alt text is "X Opt-Out Icon" and whose text
// is X.
func iconPhrase(label string) (text, iconLabel string, ok bool) {
	f := strings.Fields(label)
	for k := 1; k+1 < len(f); k++ {
		if !strings.EqualFold(f[k], "Opt-Out") || !strings.EqualFold(f[k+1], "Icon") {
			continue
		}
		before, after := strings.Join(f[:k], " "), strings.Join(f[k+2:], " ")
		if strings.EqualFold(before, after) {
			return after, strings.Join(f[:k+2], " "), true
		}
	}
	return "", "", false
}
