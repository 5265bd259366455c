package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/lint"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// configSchemaURL is the config schema's address, for editors.
const configSchemaURL = "https://pagelint.dev/schema/config.schema.json"

func initCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a starter pagelint.json that requires the site's current menus and footer items",
		ArgsUsage: "[DIR|URL]",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "preset", Usage: "extend the built-in preset `NAME` (repeatable)"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite an existing pagelint.json"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of pagelint.json in the site's directory"},
		},
		Action: func(c *cli.Context) error { return runInit(c, s) },
	}
}

func runInit(c *cli.Context, s *streams) error {
	target := c.Args().First()
	if target == "" {
		target = "."
	}
	dir := "."
	if !lint.IsURL(target) {
		if info, err := os.Stat(target); err == nil && info.IsDir() {
			dir = target
		} else {
			dir = filepath.Dir(target)
		}
	}
	out := filepath.Join(dir, "pagelint.json")
	if o := c.String("output"); o != "" {
		out = o
	}
	if _, err := os.Stat(out); err == nil && !c.Bool("force") {
		return fail("%s already exists (use --force to overwrite it)", out)
	}
	presets := c.StringSlice("preset")
	// The starter config is validated like any other: an unknown preset
	// fails here, not on the first check.
	cfg, err := schema.Default(presets)
	if err != nil {
		return fail("%s", oneLine(err.Error()))
	}
	pages, _, err := lint.Extract(c.Context, lint.Options{Inputs: []string{target}, Config: cfg, Version: version})
	if err != nil {
		return fail("%s", oneLine(err.Error()))
	}
	starter := starterConfig(pickHome(pages), presets, cfg)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(starter); err != nil {
		return fail("%v", err)
	}
	if err := fsutil.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fail("%s: %v", out, err)
	}
	fmt.Fprintf(s.stdout, "wrote %s: %d navigation entries and %d footer items are now required\n",
		out, len(starter.Navigation.Required), len(starter.Footer.Required))
	return nil
}

// pickHome is the page whose menus stand for the site: its home page, else
// the first page.
func pickHome(pages []*page.Page) *page.Page {
	for _, p := range pages {
		if p.Home {
			return p
		}
	}
	return pages[0]
}

// starterConfig records what the page carries now as what it must carry,
// so that a later release that drops an entry is caught. Footer items that a
// preset of the config already requires are not recorded twice.
func starterConfig(p *page.Page, presets []string, withPresets *schema.Config) *schema.Config {
	cfg := &schema.Config{Schema: configSchemaURL, Extends: append([]string{"recommended"}, presets...)}
	seen := map[string]bool{}
	for _, m := range p.Menus {
		if m.Region == page.RegionFooter {
			continue
		}
		for _, e := range m.Entries {
			key := page.NormalizeLabel(e.Name())
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			item := schema.Item{Label: schema.Strings{e.Name()}}
			for _, child := range e.Children {
				if child.Name() != "" {
					item.Children = append(item.Children, schema.Item{Label: schema.Strings{child.Name()}})
				}
			}
			cfg.Navigation.Required = append(cfg.Navigation.Required, item)
		}
	}
	if p.Footer != nil {
		seen = map[string]bool{}
		for _, e := range p.Footer.Items {
			key := page.NormalizeLabel(e.Name())
			if key == "" || seen[key] || e.Hidden || coveredByPreset(withPresets, e) {
				continue
			}
			seen[key] = true
			cfg.Footer.Required = append(cfg.Footer.Required, schema.Item{Label: schema.Strings{e.Name()}})
		}
		if len(p.Footer.Copyright) > 0 {
			required, age := true, 0
			cfg.Footer.Copyright = &schema.Copyright{Required: &required, MaxAgeYears: &age}
		}
	}
	return cfg
}

func coveredByPreset(cfg *schema.Config, e *page.Entry) bool {
	for i := range cfg.Footer.Required {
		it := &cfg.Footer.Required[i]
		if it.IsEnabled() && checks.MatchesEntry(it, e) {
			return true
		}
	}
	return false
}
