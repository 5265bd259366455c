package textpage

import (
	"errors"
	"strings"
	"testing"
)

// TestParseErrors: what is no rendered-text snapshot fails with one clear
// line; what is one, however odd, parses.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		noLists bool   // the error wraps ErrNoLists
		wantErr string // else: a part of the error message, "" for success
	}{
		{name: "empty", in: "", noLists: true},
		{name: "blank lines only", in: "\n\n  \n", noLists: true},
		{name: "prose only", in: "# Title\n\nSome text.\n\n## More\n\nText again.\n", noLists: true},
		{name: "thematic breaks are no lists", in: "* * *\n- - -\n", noLists: true},
		{name: "a reference list alone is no list", in: "Text\n\nReferences\n\n   1. https://a.example/\n", noLists: true},
		{name: "a comment alone", in: "<!-- pagelint-disable -->\n", noLists: true},
		{name: "invalid UTF-8", in: "- Home\n- \xff\xfe\n", wantErr: "invalid UTF-8 at byte 9"},
		{name: "NUL byte", in: "- Home\x00\n", wantErr: "binary data (control byte 0x00 at byte 6)"},
		{name: "PNG header", in: "\x89PNG\r\n\x1a\n", wantErr: "invalid UTF-8 at byte 0"},
		{name: "one list item is enough", in: "- Home\n"},
		{name: "a lone bullet is an empty item", in: "*\n"},
		{name: "form feed and vertical tab are text", in: "\f- Home\v\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.in), Options{Source: "in.txt"})
			switch {
			case tt.noLists:
				if !errors.Is(err, ErrNoLists) {
					t.Fatalf("err = %v, want ErrNoLists", err)
				}
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				if errors.Is(err, ErrNoLists) {
					t.Errorf("err = %v wraps ErrNoLists, want a decoding error", err)
				}
			default:
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if len(p.Links) == 0 {
					t.Errorf("no links read")
				}
			}
			if err != nil && (strings.Contains(err.Error(), "\n") || strings.HasSuffix(err.Error(), ".")) {
				t.Errorf("error %q is not one line without a trailing period", err)
			}
		})
	}
}

func TestCopyrightText(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"© Microsoft 2025", "© Microsoft 2025", true},
		{"(C) Contoso 2025", "© Contoso 2025", true},
		{"Copyright (c) 2020-2024  Contoso", "Copyright © 2020-2024 Contoso", true},
		{"COPYRIGHT 2019 Fabrikam", "COPYRIGHT 2019 Fabrikam", true},
		{"See section 5(c) of the terms", "", false},
		{"Copyrights and trademarks", "", false},
		{"Privacy", "", false},
	}
	for _, tt := range tests {
		got, ok := copyrightText(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("copyrightText(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIconPhrase(t *testing.T) {
	tests := []struct {
		label, text, icon string
		ok                bool
	}{
		{"Your Privacy Choices Opt-Out Icon Your Privacy Choices", "Your Privacy Choices", "Your Privacy Choices Opt-Out Icon", true},
		{"Your privacy choices opt-out icon Your Privacy Choices", "Your Privacy Choices", "Your privacy choices opt-out icon", true},
		{"Your Privacy Choices Opt-Out Icon", "", "", false},
		{"Opt-Out Icon Your Privacy Choices", "", "", false},
		{"Your Privacy Choices Opt-Out Icon Consumer Health Privacy", "", "", false},
	}
	for _, tt := range tests {
		text, icon, ok := iconPhrase(tt.label)
		if text != tt.text || icon != tt.icon || ok != tt.ok {
			t.Errorf("iconPhrase(%q) = %q, %q, %v; want %q, %q, %v", tt.label, text, icon, ok, tt.text, tt.icon, tt.ok)
		}
	}
}

// TestLegalItems splits free legal text only where that is unambiguous.
func TestLegalItems(t *testing.T) {
	tests := []struct {
		in   string
		want []string // labels; an icon item is written "label|text"
	}{
		{"English (United States) Your Privacy Choices Opt-Out Icon Your Privacy Choices",
			[]string{"Your Privacy Choices Opt-Out Icon Your Privacy Choices|Your Privacy Choices"}},
		{"Your Privacy Choices Opt-Out Icon Your Privacy Choices Consumer Health Privacy",
			[]string{"Your Privacy Choices Opt-Out Icon Your Privacy Choices|Your Privacy Choices", "Consumer Health Privacy"}},
		{"Deutsch (Deutschland) Datenschutz Opt-Out Icon Datenschutz",
			[]string{"Datenschutz Opt-Out Icon Datenschutz|Datenschutz"}},
		{"Sitemap Your Privacy Choices Opt-Out Icon Your Privacy Choices",
			[]string{"Sitemap", "Your Privacy Choices Opt-Out Icon Your Privacy Choices|Your Privacy Choices"}},
		{"Choices Opt-Out Icon Choices Opt-Out Icon Choices",
			[]string{"Choices Opt-Out Icon Choices|Choices"}},
		// No icon phrase: plain words cannot be told apart into links.
		{"English (United States) Privacy Terms Trademarks", nil},
		{"Privacy Opt-Out Icon Terms", nil},
		// What stands beside a phrase but is a sentence is no item.
		{"Your Privacy Choices Opt-Out Icon Your Privacy Choices We value your privacy and so do our partners.",
			[]string{"Your Privacy Choices Opt-Out Icon Your Privacy Choices|Your Privacy Choices"}},
	}
	for _, tt := range tests {
		lines, err := decode([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range legalItems(lines[0].runes) {
			s := joinWords(p.words)
			if p.iconAt >= 0 {
				s += "|" + joinWords(p.words[p.iconAt+2:])
			}
			got = append(got, s)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("legalItems(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
