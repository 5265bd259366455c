package page

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a control's name says it does: close or go back, skip, scroll to
// the top, show a bar's overflow, open the whole menu. Names are compared
// as words (WordsOf), so that icon glyphs, arrows and punctuation around
// them do not count.

// WordsOf is a name as words, lower case, one space between them: letters
// and digits only, so that icon glyphs, arrows and punctuation fall away
// ("‹ Recipes", "Recipes \ue5cc" → "recipes").
func WordsOf(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		if !IsWordChar(r) {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// SameWords: two names read alike, icons and punctuation aside.
func SameWords(a, b string) bool {
	w := WordsOf(a)
	return w != "" && w == WordsOf(b)
}

// hasWordChars: s holds a letter or a digit.
func hasWordChars(s string) bool { return strings.IndexFunc(s, IsWordChar) >= 0 }

// IsWordChar: r is a letter or a digit, what WordsOf keeps of a name; the
// rest of a name is icons and punctuation.
func IsWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// startsWith: the words (WordsOf) begin with one of the phrases.
func startsWith(words string, phrases []string) bool {
	for _, p := range phrases {
		if strings.HasPrefix(words, p) && (len(words) == len(p) || words[len(p)] == ' ') {
			return true
		}
	}
	return false
}

// closeWords begin the names of close and back buttons.
var closeWords = []string{"close", "back", "go back", "return", "dismiss", "hide",
	"schließen", "schliessen", "zurück", "ausblenden", "fermer", "retour", "cerrar", "volver", "atrás",
	"chiudi", "indietro", "sluiten", "terug", "fechar", "voltar", "zamknij", "wstecz", "stäng", "tillbaka"}

// IsCloseName: a close or back button's name (words, its WordsOf), or a
// close glyph alone.
func IsCloseName(name, words string) bool {
	switch strings.TrimSpace(name) {
	case "×", "✕", "✖", "x", "X", "‹", "«", "←", "<":
		return true
	}
	return startsWith(words, closeWords)
}

// skipWords begin the names of skip links.
var skipWords = []string{"skip", "jump", "back to", "go to", "to top", "top", "springe", "springen",
	"zum", "zur", "direkt", "zurück", "nach oben", "aller", "passer", "ir a", "saltar", "salta", "vai",
	"ga naar", "naar"}

// IsSkipName: the words (WordsOf) of a name begin as a skip link's do
// ("Skip to content", "Springe zum Inhalt"); whether the link skips is
// for its target to say.
func IsSkipName(words string) bool { return startsWith(words, skipWords) }

// topWords name the buttons that scroll back to the top of the page.
var topWords = []string{"back to top", "to top", "top of page", "nach oben", "zurück nach oben", "haut de page"}

// IsTopName: the words (WordsOf) of a name begin as a button's that
// scrolls back to the top of the page.
func IsTopName(words string) bool { return startsWith(words, topWords) }

// overflowWords begin the names of "More" toggles.
var overflowWords = []string{"more", "mehr", "weitere", "weiteres", "plus", "más", "mas", "autres", "altro",
	"altri", "meer", "więcej", "others"}

// isOverflowName: the name of a toggle that shows the entries of a bar that
// has no room for them ("More", "Mehr"), or one with no words ("…").
func isOverflowName(name string) bool {
	return !hasWordChars(name) && name != "" || startsWith(WordsOf(name), overflowWords)
}

// menuToggleWords name a button that opens a whole menu.
var menuToggleWords = []string{"menu", "menü", "main menu", "open menu", "toggle menu", "toggle navigation",
	"navigation", "open navigation", "hauptmenü", "menü öffnen", "navigation öffnen", "site menu"}

// IsMenuToggleName: "Menu", "Open navigation" …, or no words at all ("☰").
func IsMenuToggleName(name string) bool {
	w := WordsOf(name)
	return w == "" || slices.Contains(menuToggleWords, w)
}
