package page

import "testing"

func TestCleanLabel(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  Home  page ", "Home page"},
		{"Stu\u00addie\u00adren\u00adde", "Studierende"},
		{"Kon\u200btakt", "Kontakt"},
		{"\ufeffStart\u2060seite", "Startseite"},
		{"\ue87d Mein Kochbuch", "Mein Kochbuch"},
		{"Rezepte finden \ue5cc", "Rezepte finden"},
		{"Rezepte\u00a0finden", "Rezepte finden"},
		{"\u200e\u05e2\u05d1\u05e8\u05d9\u05ea\u200f", "\u05e2\u05d1\u05e8\u05d9\u05ea"},
		{"Microsoft™ Café", "Microsoft™ Café"}, // shown as written: NFKC is for comparing only
		{"\ue5cb", ""},
	} {
		if got := CleanLabel(c.in); got != c.want {
			t.Errorf("CleanLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeLabel(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Studierende", "Stu\u00addie\u00adren\u00adde"},
		{"Kontakt", "Kon\u200btakt"},
		{"PRESSE ", " Presse"},
		{"\ue87d Mein Kochbuch", "Mein Kochbuch"},
		{"Rezepte finden \ue5cc", "Rezepte\u00a0finden"},
		{"Datenschutz", "Daten\u00adschutz"},
		{"Oﬃce", "office"},
		{"STRASSE", "Straße"},
		{"Café", "Cafe\u0301"},
	} {
		if na, nb := NormalizeLabel(c.a), NormalizeLabel(c.b); na != nb {
			t.Errorf("NormalizeLabel(%q) = %q, NormalizeLabel(%q) = %q: want equal", c.a, na, c.b, nb)
		}
	}
	for _, c := range []struct{ a, b string }{
		{"Studierende", "Studierend"},
		{"Privacy", "Privacy policy"},
	} {
		if NormalizeLabel(c.a) == NormalizeLabel(c.b) {
			t.Errorf("NormalizeLabel(%q) = NormalizeLabel(%q): want different", c.a, c.b)
		}
	}
}
