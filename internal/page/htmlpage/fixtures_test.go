package htmlpage

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// The models of the fixtures of names, controls and notices (fixtures/,
// issue 12's families): what the rules' findings on them rest on.
func TestFixtureModels(t *testing.T) {
	tests := []struct {
		fixture string
		got     func(p *page.Page) []string
		want    []string
	}{
		{"label-normalisation", func(p *page.Page) []string {
			return append(labels(p.Menus[0].Entries), labels(p.Footer.Items)...)
		}, []string{"Lehrende", "Lehrende", "Termine", "Termine", "Merkliste", "MERKLISTE", "Suche", "Datenschutzerklärung"}},
		{"accname", func(p *page.Page) []string { return labels(p.Controls) },
			[]string{"Example Recipes", "Join the recipe club", "Find a recipe", "Find a recipe", "Your account", "Recipe feed",
				"", "", "Anna", "", "Privacy"}},
		{"accname", func(p *page.Page) []string {
			var out []string
			for _, l := range p.Links {
				if l.Tag == "a" && l.Label == "" {
					out = append(out, fmt.Sprintf("%s hidden=%v", l.Href, l.Hidden))
				}
			}
			return out
		}, []string{"#steps hidden=true", "https://example.org/cook/anna hidden=false", "https://example.org/print hidden=false"}},
		{"label-vs-text", func(p *page.Page) []string { return namesAndTexts(p.Menus[0].Entries[:4]) },
			[]string{"Untermenü öffnen/Wälder", "Untermenü öffnen/Moore", "Mehr zu Wäldern/Mehr", "Mehr zu Mooren/Mehr"}},
		{"widget-role", func(p *page.Page) []string { return kinds(p.Controls) },
			[]string{"Latest button", "A to Z button", "Search toggle", "All shows toggle", "Quiz night link",
				"Archive link", "2019 link", "Schedule link", "Privacy link", "Cookie settings button"}},
		{"current-page", func(p *page.Page) []string {
			var out []string
			for _, e := range p.Menus[0].Entries {
				out = append(out, fmt.Sprintf("%s current=%v", e.Label, e.Current))
			}
			return out
		}, []string{"Home current=false", "News current=false", "Rivers get cleaner current=true"}},
		{"anchor-target", func(p *page.Page) []string { return append(labels(p.Footer.Items), p.Anchors...) },
			[]string{"Privacy", "Contact", "top", "site-footer"}},
		{"nested-anchors", func(p *page.Page) []string {
			var out []string
			for _, l := range p.Links {
				if l.NestedLink != nil {
					out = append(out, fmt.Sprintf("%d:%d %s closed by %d:%d", l.Line, l.Column, l.Href, l.NestedLink.Line, l.NestedLink.Column))
				}
			}
			return out
		}, []string{"8:5 https://example.edu/blog/solar-roofs closed by 10:12"}},
		{"placeholder-option", func(p *page.Page) []string { return kinds(p.Menus[0].Entries) },
			[]string{"Explore link", "This wiki button", "Every wiki button", "Community link"}},
		{"nameless-button", func(p *page.Page) []string { return kinds(p.Controls) },
			[]string{" button", "Submit button", " button", "Open the menu button", "Share button", " button", " button", "Privacy link"}},
		{"header-controls", func(p *page.Page) []string { return kinds(p.Header.Items) },
			[]string{"Back to the home page link", "MENU link", "Sign in link", "Register link", "Recipes link", "Videos link"}},
		{"hidden-links", func(p *page.Page) []string {
			var out []string
			for _, l := range p.Links {
				if l.Tag == "a" {
					out = append(out, fmt.Sprintf("%s hidden=%v", strings.TrimPrefix(l.Href, "https://example.org"), l.Hidden))
				}
			}
			return out
		}, []string{"/profile hidden=true", "# hidden=true", "/help hidden=true", "/rss hidden=true", "/rss hidden=false",
			"/beta hidden=true", "/share hidden=false", "/privacy hidden=false"}},
		{"copyright-link-label", notices, nil},
		{"copyright-link-label/with-notice", notices, []string{"© 2021 Beispiel Verlag GmbH"}},
		{"copyright-garbled/wordmark", notices, []string{"© 2022 Newsday Media Group"}},
		{"copyright-garbled/line-break", notices, []string{"Copyright © 2022 Example Interactive Inc. All rights reserved."}},
		{"copyright-garbled/legalese", notices, []string{"© 2022 Example Media. All rights reserved."}},
		{"copyright-garbled/link-bar", notices, []string{"Copyright © 2022, Example Tribune"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			file := filepath.Join("..", "..", "..", "fixtures", tt.fixture, "index.html")
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p := mustParse(t, string(src), Options{Source: file, URL: "/index.html"})
			if got := tt.got(p); !slices.Equal(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func labels(es []*page.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Label)
	}
	return out
}

func kinds(es []*page.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Label+" "+e.Kind)
	}
	return out
}

func namesAndTexts(es []*page.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Label+"/"+e.Text)
	}
	return out
}

func notices(p *page.Page) []string {
	var out []string
	for _, c := range p.Footer.Copyright {
		out = append(out, c.Text)
	}
	return out
}
