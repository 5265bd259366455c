package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/lint"
	"github.com/pagelint/pagelint/schema"
)

// configSchemaURL is the config schema's address, for editors.
const configSchemaURL = "https://pagelint.dev/schema/config.schema.json"

func initCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a starter pagelint.json that requires the menus and footer items the site's pages share",
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
	now, err := referenceDate("")
	if err != nil {
		return err
	}
	st := snapshotSite(pages, presets, cfg, now)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(st.cfg); err != nil {
		return fail("%v", err)
	}
	if err := fsutil.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fail("%s: %v", out, err)
	}
	fmt.Fprintf(s.stdout, "wrote %s: %s and %s are now required\n",
		out, finding.Plural(st.navEntries, "navigation entry", "navigation entries"), finding.Plural(st.footerItems, "footer item", "footer items"))
	for _, note := range st.notes {
		fmt.Fprintln(s.stdout, note)
	}
	return nil
}
