package page

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// CollapseSpace trims s and folds every run of white space into one space.
func CollapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// CleanLabel is a label as a person reads it: the characters that show
// nothing (format characters: soft hyphens, zero-width spaces and joiners,
// word joiners, byte-order marks, direction marks) and icon-font glyphs
// (private-use code points, which are drawn as icons and not read) left
// out, every Unicode space a space, white space collapsed. The model's
// labels and texts are clean; messages quote them so.
func CleanLabel(s string) string {
	if isClean(s) {
		return s // as most labels are: no copy
	}
	if isASCII(s) {
		return CollapseSpace(s)
	}
	if strings.IndexFunc(s, unseen) < 0 {
		return CollapseSpace(s)
	}
	return CollapseSpace(strings.Map(func(r rune) rune {
		if unseen(r) {
			return -1
		}
		return r
	}, s))
}

// unseen: a rune that CleanLabel leaves out.
func unseen(r rune) bool {
	return r >= 0x80 && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r))
}

// NormalizeLabel is the form labels are compared in, by the checks and
// against the config's labels: CleanLabel, then Unicode compatibility
// normalization (NFKC: "ﬁ" is "fi", a no-break space a space) and case
// folding. "Stu\u00adde\u00adnten" and "STUDENTEN" are one label.
func NormalizeLabel(s string) string {
	if isASCII(s) {
		return strings.ToLower(CollapseSpace(s))
	}
	return CollapseSpace(cases.Fold().String(norm.NFKC.String(CleanLabel(s))))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isClean: s is ASCII with no white space but single spaces between
// words, which CleanLabel leaves as it is.
func isClean(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c < ' ' || c >= utf8.RuneSelf: // white space, controls, Unicode spaces, soft hyphens, icon glyphs
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// CleanLabelInPlace is CleanLabel of b, made in b's memory: ASCII text is
// collapsed in place, without the copies of strings.Fields.
func CleanLabelInPlace(b []byte) []byte {
	if !isASCIIBytes(b) {
		return append(b[:0], CleanLabel(string(b))...) // Unicode spaces, soft hyphens, icon glyphs
	}
	out := 0
	for i := 0; i < len(b); {
		if asciiSpace[b[i]] {
			i++
			continue
		}
		j := i + 1
		for j < len(b) && !asciiSpace[b[j]] {
			j++
		}
		if out > 0 {
			b[out] = ' '
			out++
		}
		if out != i { // most words of a clean label stand where they are
			copy(b[out:], b[i:j])
		}
		out += j - i
		i = j
	}
	return b[:out]
}

func isASCIIBytes(b []byte) bool {
	for _, c := range b[ASCIIPrefix(b):] {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiSpace is the ASCII white space, by byte: a table, as every byte of
// a label is asked.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}
