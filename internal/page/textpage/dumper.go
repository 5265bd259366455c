package textpage

import "strings"

// dumper is what wrote a snapshot, as far as its layout tells. lynx and w3m
// lay a page out in shapes of their own (docs/text-snapshots.md): their
// lists are set apart by blank lines, their headings are plain lines, and
// lynx marks buttons. Everything else is read as Markdown, whatever wrote it.
type dumper int

const (
	dumpMarkdown dumper = iota // html2text, Crawl4AI, other converters, hand-written text
	dumpLynx                   // lynx -dump, with or without -list_inline or -nolist
	dumpW3m                    // w3m -dump, with or without display_link_number
)

// The bullets of lynx and w3m, one a nesting level. lynx indents each level
// by five columns from column five, w3m by four from column two; w3m sets
// lynx's bullets too where it may not write UTF-8.
const (
	lynxBullets = "*+o#@-"
	w3mBullets  = "•□☆○■★"
)

// lynxButton is how lynx writes a button: "(BUTTON) Cookie settings".
const lynxButton = "(BUTTON) "

// detectDumper tells lynx and w3m dumps by their bullets: a dump is one of
// theirs when its bullets stand where that program sets them, one kind per
// level, and no bullet stands elsewhere. A lynx button is lynx's alone. A
// "*" two columns in is w3m's in ASCII as well as html2text's: it takes a
// deeper w3m bullet to tell.
func detectDumper(lines []*textLine) dumper {
	lynx, w3m, star, other := 0, 0, 0, 0
	for _, l := range lines {
		if l.kind == lineIgnored {
			continue
		}
		start, indent := leadingSpace(l.runes)
		if start >= len(l.runes) {
			continue
		}
		if strings.Contains(runesString(l.runes[start:]), lynxButton) {
			return dumpLynx
		}
		n, ok := bulletAt(l.runes, start, indent)
		if !ok {
			continue
		}
		switch r := l.runes[start].r; {
		case isDigit(r) && (indent+n-1)%5 == 0:
			lynx++ // numbers end where lynx's bullets stand: "   10. Ten"
		case isDigit(r) && (indent+n-1)%4 == 2:
			w3m++
		case bulletOfLevel(lynxBullets, indent, 5, 5) == r:
			lynx++
		case r == '*' && indent == 2:
			star++ // w3m's first level in ASCII, and html2text's
		case bulletOfLevel(w3mBullets, indent, 2, 4) == r || bulletOfLevel(lynxBullets, indent, 2, 4) == r:
			w3m++
		default:
			other++
		}
	}
	switch {
	case other > 0:
		return dumpMarkdown
	case lynx > 0 && w3m == 0 && star == 0:
		return dumpLynx
	case w3m > 0 && lynx == 0:
		return dumpW3m
	}
	return dumpMarkdown
}

// bulletOfLevel is the bullet that a program whose first level stands at
// column first, each level step columns deeper, sets at indent; 0 for an
// indent where it sets none.
func bulletOfLevel(bullets string, indent, first, step int) rune {
	if indent < first || (indent-first)%step != 0 {
		return 0
	}
	rs := []rune(bullets)
	return rs[(indent-first)/step%len(rs)]
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// dump reports whether the snapshot is a text browser's (lynx or w3m).
func (d dumper) dump() bool { return d != dumpMarkdown }
