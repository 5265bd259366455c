package page

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a copyright notice's text is, and how a message quotes it: read
// from the text alone, whatever markup holds it.

// StartsWithMark: s begins with the copyright sign, "©", "(c)" or "(C)",
// as the text after a logo's letters glued to it does ("EXAMPLE© 2020 …").
func StartsWithMark(s string) bool {
	return strings.HasPrefix(s, "©") || strings.HasPrefix(s, "(c)") || strings.HasPrefix(s, "(C)")
}

// maxNotice is the longest quote of a notice, in characters.
const maxNotice = 80

// CutNotice cuts the text of a notice's element to what a message quotes:
// the sentence or the "|"-separated part that holds the mark (and the
// year, when it stands in the next one), with an "All rights reserved."
// that follows, and at most maxNotice characters. The rest of a footer's
// line is other sentences and a bar of links, no part of the notice.
func CutNotice(s string) string {
	parts := noticeParts(s)
	k := slices.IndexFunc(parts, HasCopyrightMark)
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

// IsNotice: text with a mark is a notice when it names an owner or a
// year; a link's or button's text (label) only with the sign itself (©,
// (c)) and an owner or a year, or with the word and a year: "Impressum und
// Copyright" and "Copyright policy" name a page.
func IsNotice(text string, label bool) bool {
	lower := strings.ToLower(text)
	sign := strings.Contains(lower, "©") || strings.Contains(lower, "(c)")
	owner := HasWordsBesideMarks(strings.ReplaceAll(strings.ReplaceAll(lower, "all rights reserved", ""), "alle rechte vorbehalten", ""))
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

// HasWordsBesideMarks: s holds letters or digits besides the marks (©,
// (c), the word "copyright"): an owner, a year, not the mark alone.
func HasWordsBesideMarks(s string) bool {
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

// HasCopyrightMark: s holds a mark of a copyright notice, "©", "(c)" or
// the word "copyright" in any case. It takes the page's bytes as they are,
// with no string made of them: a footer's every text node is searched.
func HasCopyrightMark[T string | []byte](s T) bool {
	if contains(s, "©") || contains(s, "(c)") || contains(s, "(C)") {
		return true
	}
	return ContainsFold(s, "copyright")
}

// contains is strings.Contains of a string or the page's bytes, which a
// string made of them for each text node of a footer would copy.
func contains[T string | []byte](s T, sub string) bool {
	if b, ok := any(s).([]byte); ok {
		return bytes.Contains(b, []byte(sub))
	}
	return strings.Contains(string(s), sub)
}
