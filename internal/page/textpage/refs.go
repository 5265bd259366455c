package textpage

import (
	"regexp"
	"strings"
)

// refTable holds the link targets that a snapshot writes apart from the
// link texts: lynx's and w3m's numbered "References" list at the end, and
// Markdown reference definitions ("[id]: url").
type refTable struct {
	numbered map[string]string // "12" → URL, for lynx's inline "[12]Label"
	named    map[string]string // lower-cased id → URL, for "[text][id]"
	// dumper wrote the snapshot. lynx's inline markup is read too: its
	// buttons ("(BUTTON) Search") and, with -list_inline, its links written
	// with their URL ("[https://example.com/]Label").
	dumper dumper
}

var (
	// A reference is a URL; lynx writes one as the page had it, spaces
	// and all ("…&utm_term=Mehr als 50.000").
	numberedRefLine = regexp.MustCompile(`^\s*(?:(\d+)\.|\[(\d+)\]:?)\s+([a-zA-Z][a-zA-Z0-9+.-]*:\S*(?:\s+\S+)*?|\S+)\s*$`)
	definitionLine  = regexp.MustCompile(`^ {0,3}\[([^\]]+)\]:\s+<?([^\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$`)
	referencesTitle = regexp.MustCompile(`^\s*(?i:references):?\s*$`)
	linksSubtitle   = regexp.MustCompile(`^\s*(?i:visible|hidden) links:?\s*$`)
)

// collectRefs reads the reference lists and definitions and marks their
// lines as consumed, so that a numbered reference list is never taken for a
// numbered list of the page.
func collectRefs(lines []*textLine) *refTable {
	refs := &refTable{numbered: map[string]string{}, named: map[string]string{}}
	collectNumbered(lines, refs)
	for _, l := range lines {
		if l.kind == lineIgnored {
			continue
		}
		if start, _ := leadingSpace(l.runes); start >= len(l.runes) || l.runes[start].r != '[' {
			continue
		}
		if m := definitionLine.FindStringSubmatch(runesString(l.runes)); m != nil {
			refs.named[strings.ToLower(strings.Join(strings.Fields(m[1]), " "))] = m[2]
			l.kind = lineIgnored
		}
	}
	return refs
}

// collectNumbered takes the last "References" title after which nearly
// every line is a reference, a sub-title or blank: lynx -dump's and w3m's
// shape. A few other lines may stand there — a URL that held line breaks
// (a mailto: body) goes on over lines of its own — but a list under a
// "References" line of the page, with the page going on after it, is none.
func collectNumbered(lines []*textLine, refs *refTable) {
	for i := len(lines) - 1; i >= 0; i-- {
		if len(lines[i].runes) > 40 || !referencesTitle.MatchString(runesString(lines[i].runes)) {
			continue
		}
		found := map[string]string{}
		others := 0
		for _, l := range lines[i+1:] {
			s := runesString(l.runes)
			if m := numberedRefLine.FindStringSubmatch(s); m != nil {
				found[m[1]+m[2]] = m[3]
				continue
			}
			if strings.TrimSpace(s) != "" && !linksSubtitle.MatchString(s) {
				others++
			}
		}
		if len(found) == 0 || others*maxStrayPerRef > len(found) {
			return
		}
		refs.numbered = found
		for _, l := range lines[i:] {
			l.kind = lineIgnored
		}
		return
	}
}

// maxStrayPerRef: a reference list holds at least this many references
// for each line of it that is none.
const maxStrayPerRef = 8
