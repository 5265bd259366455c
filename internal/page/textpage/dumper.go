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

// The bullets of lynx and w3m, one a nesting level. lynx sets a level's
// bullets five columns deeper than the last, from the sixth column; w3m
// four columns deeper, from the third, and lynx's bullets where it may not
// write UTF-8.
const (
	lynxBullets = "*+o#@-"
	w3mBullets  = "•□☆○■★"
)

// lynxButton is how lynx marks a button: "(BUTTON) Cookie settings".
const lynxButton = "(BUTTON)"

// shape is whose bullet a line starts with.
type shape int

const (
	shapeNone  shape = iota // no bullet
	shapeOther              // a bullet where neither lynx nor w3m sets one
	shapeLynx
	shapeW3m
	// shapeStar is a "*" two columns in: w3m's first level in ASCII, and
	// html2text's.
	shapeStar
)

// bulletShape says whose bullet line l starts with: lynx's or w3m's when
// it is that program's bullet for the level where it stands (a number
// ending where that program's bullets stand), else another's.
func bulletShape(l *textLine) shape {
	start, indent := leadingSpace(l.runes)
	n, ok := bulletAt(l.runes, start, indent)
	if !ok {
		return shapeNone
	}
	switch r := l.runes[start].r; {
	case isDigit(r) && (indent+n-1)%5 == 0:
		return shapeLynx // "   10. Ten"
	case isDigit(r) && (indent+n-1)%4 == 2:
		return shapeW3m // "10. Ten"
	case bulletOfLevel(lynxBullets, indent, 5, 5) == r:
		return shapeLynx
	case r == '*' && indent == 2:
		return shapeStar
	case bulletOfLevel(w3mBullets, indent, 2, 4) == r || bulletOfLevel(lynxBullets, indent, 2, 4) == r:
		return shapeW3m
	}
	return shapeOther
}

// detectDumper tells lynx and w3m dumps by their bullets: a dump is one of
// theirs when its bullets stand where that program sets them, one kind per
// level — nearly all of them: a page's text may start a line with a mark
// that looks like a bullet ("* * *", "• Berlin"), and the dump sets it
// wherever the text is. A lynx button is lynx's alone. A "*" two columns
// in counts for w3m only where deeper w3m bullets in ASCII show it is one.
func detectDumper(lines []*textLine) dumper {
	count := map[shape]int{}
	ascii := false
	for _, l := range lines {
		if l.kind == lineIgnored {
			continue
		}
		if strings.Contains(runesString(l.runes), lynxButton+" ") {
			return dumpLynx
		}
		sh := bulletShape(l)
		count[sh]++
		if start, indent := leadingSpace(l.runes); sh == shapeW3m && indent > 2 && strings.ContainsRune(lynxBullets, l.runes[start].r) {
			ascii = true
		}
	}
	w3m, against := count[shapeW3m], count[shapeLynx]+count[shapeOther]
	if ascii {
		w3m += count[shapeStar]
	} else {
		against += count[shapeStar]
	}
	switch {
	case count[shapeLynx] > 0 && count[shapeLynx] >= 3*(count[shapeW3m]+count[shapeStar]+count[shapeOther]):
		return dumpLynx
	case w3m > 0 && w3m >= 3*against:
		return dumpW3m
	}
	return dumpMarkdown
}

// isDumpedBullet: line l starts with a bullet where d sets its bullets.
func (d dumper) isDumpedBullet(l *textLine) bool {
	switch sh := bulletShape(l); d {
	case dumpLynx:
		return sh == shapeLynx
	case dumpW3m:
		return sh == shapeW3m || sh == shapeStar
	}
	return false
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
