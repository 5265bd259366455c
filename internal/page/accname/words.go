package accname

import (
	"unicode"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

// maxWords caps page.Page.Words: past it, a page plainly has content of
// its own, and counting on would only cost time.
const maxWords = 100

// Words counts the words of text the page shows of its own (page.Page.Words):
// the text of the body outside links (a, area), buttons, titles and what
// shows no text (script, style, template, noscript, SVG), up to maxWords. A word
// is a run of characters between white space that holds a letter or a
// digit ("|" and "…" are none), read across inline elements ("Re<b>dir</b>ecting"
// is one) and ended by block elements; each character of a script written
// without spaces (Han, kana, Thai …) is a word of its own.
func (nm *Namer) Words() int {
	body := nm.body()
	if body == 0 {
		return 0
	}
	w := wordCount{}
	nm.countWords(body, &w)
	return min(w.n, maxWords)
}

// wordCount is the state of words' walk: the count so far, and whether the
// last character read was inside a word (one with a letter or a digit, or
// one that has none yet).
type wordCount struct {
	n              int
	inRun, counted bool
}

func (nm *Namer) countWords(n nodeID, w *wordCount) {
	for c := nm.Nodes[n].First; c != 0 && w.n < maxWords; c = nm.Nodes[c].Next {
		if nm.Nodes[c].Text {
			w.add(nm.Bytes(nm.Nodes[c].Data))
			continue
		}
		nm.countElementWords(c, w)
		if nm.Nodes[c].SpaceAfter {
			w.add(space)
		}
	}
}

var space = []byte{' '}

// countElementWords counts the words of element c: none of links, buttons,
// scripts and foreign content, which end a run of words as blocks do.
func (nm *Namer) countElementWords(c nodeID, w *wordCount) {
	if nm.Nodes[c].NS != htmltree.NSHTML || nm.Has(c, htmltree.SkipText) {
		w.inRun = false
		return
	}
	switch nm.Nodes[c].Atom {
	case atom.A, atom.Area, atom.Button, atom.Title:
		w.inRun = false
		return
	}
	if nm.Has(c, htmltree.Blockish) {
		w.inRun = false
		nm.countWords(c, w)
		w.inRun = false
		return
	}
	nm.countWords(c, w)
}

func (w *wordCount) add(text []byte) {
	for i := 0; i < len(text) && w.n < maxWords; {
		c := text[i]
		if c < utf8.RuneSelf { // most text is ASCII: its class from a table
			i++
			switch asciiClass[c] {
			case asciiSpace:
				w.inRun = false
			case asciiWord:
				w.char(true)
			default:
				w.char(false)
			}
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			w.inRun = false
		case unbrokenScript(r):
			w.n++
			w.inRun, w.counted = true, true
		default:
			w.char(page.IsWordChar(r))
		}
	}
}

// char counts a character that is no space; a letter or a digit (word)
// makes its run a word.
func (w *wordCount) char(word bool) {
	if !w.inRun {
		w.inRun, w.counted = true, false
	}
	if !w.counted && word {
		w.n++
		w.counted = true
	}
}

// asciiClass is what unicode.IsSpace and page.IsWordChar say of each ASCII
// character.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch r := rune(c); {
		case unicode.IsSpace(r):
			t[c] = asciiSpace
		case page.IsWordChar(r):
			t[c] = asciiWord
		}
	}
	return t
}()

const (
	asciiOther uint8 = iota
	asciiSpace
	asciiWord
)

// unbrokenScript: r belongs to a script written without spaces between
// words, whose every character the count takes for a word.
func unbrokenScript(r rune) bool {
	return r >= 0x0E00 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao,
		unicode.Khmer, unicode.Myanmar))
}

// body is the page's body element, 0 for none (a frameset).
func (nm *Namer) body() nodeID {
	html := nm.Nodes[0].First
	for ; html != 0 && !nm.Is(html, atom.Html); html = nm.Nodes[html].Next {
	}
	if html == 0 {
		return 0
	}
	for c := nm.Nodes[html].First; c != 0; c = nm.Nodes[c].Next {
		if nm.Is(c, atom.Body) {
			return c
		}
	}
	return 0
}
