package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/lint"
	"github.com/pagelint/pagelint/schema"
)

// loadConfig finds and loads the config the way docs/contract.md says:
// --config, else the first config file here or in a parent, else the
// recommended preset.
func loadConfig(c *cli.Context) (*schema.Config, error) {
	presets := c.StringSlice("preset")
	path := c.String("config")
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fail("%v", err)
		}
		if path, err = schema.Discover(wd); err != nil {
			return nil, fail("%s", oneLine(err.Error()))
		}
	}
	var cfg *schema.Config
	var err error
	if path == "" {
		cfg, err = schema.Default(presets)
	} else {
		cfg, err = schema.Load(path, presets)
	}
	if err != nil {
		return nil, fail("%s", oneLine(err.Error()))
	}
	return cfg, nil
}

// describeConfig says which config a run uses, for --verbose.
func describeConfig(cfg *schema.Config) string {
	msg := "config: no config file found (pagelint.json, .yaml or .yml here or in a parent); as if {\"extends\": [\"recommended\"]}"
	if cfg.Path != "" {
		msg = "config: " + relativeToWorkDir(cfg.Path)
	}
	if len(cfg.Extends) > 0 {
		msg += "; extends " + strings.Join(cfg.Extends, ", ")
	}
	return msg
}

// relativeToWorkDir names a file relative to the working directory when it
// is below it, as the user would type it.
func relativeToWorkDir(path string) string {
	wd, err1 := os.Getwd()
	abs, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// printConfig writes the config a run would use, presets and extended
// files merged, as JSON: what `check --print-config` shows.
func printConfig(s *streams, cfg *schema.Config) error {
	enc := json.NewEncoder(s.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(cfg); err != nil {
		return fail("--print-config: %v", err)
	}
	return nil
}

func rulesCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the rules with their default severity and the severity the config sets",
		Flags: append(configFlags(), &cli.BoolFlag{Name: "presets", Usage: "list the built-in presets and their items instead"}),
		Action: func(c *cli.Context) error {
			if c.Bool("presets") {
				return printPresets(s)
			}
			cfg, err := loadConfig(c)
			if err != nil {
				return err
			}
			return printRules(s, checks.NewRuleset(cfg))
		},
	}
}

// printRules lists every rule with its default and what the run's rule set
// makes of it: the severity it runs at, or off; then the config's
// assertions, one rule each.
func printRules(s *streams, rules *checks.Ruleset) error {
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tDEFAULT\tCONFIG\tDESCRIPTION")
	defaults := checks.Rules()
	for _, r := range defaults {
		def := r.Severity.String()
		if r.Off {
			def += " (off)"
		}
		configured := rules.Severity(r.ID).String()
		if strings.HasPrefix(r.ID, checks.AssertPrefix) {
			configured = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, def, configured, r.Description)
	}
	for _, r := range rules.Rules() {
		if strings.HasPrefix(r.ID, checks.AssertPrefix) {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, "-", r.Severity, r.Description)
		}
	}
	return tw.Flush()
}

func presetsCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:   "presets",
		Usage:  "list the built-in presets, their items and the legal basis of each",
		Action: func(*cli.Context) error { return printPresets(s) },
	}
}

func extractCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the page model (the JSON the assertions see)",
		ArgsUsage: "[PATH|URL|-]...",
		Flags: append(configFlags(),
			&cli.StringFlag{Name: "input-format", Usage: "read every input as `FORMAT`: html or text"},
			&cli.BoolFlag{Name: "render", Usage: "load pages in headless Chromium and model the rendered DOM"},
		),
		Action: func(c *cli.Context) error {
			cfg, err := loadConfig(c)
			if err != nil {
				return err
			}
			pages, pageErrs, err := lint.Extract(c.Context, lint.Options{
				Inputs: c.Args().Slice(), Stdin: s.stdin, Config: cfg,
				InputFormat: c.String("input-format"), Render: c.Bool("render"), Version: version,
				Read: pageRead,
			})
			if err != nil {
				return fail("%s", oneLine(err.Error()))
			}
			enc := json.NewEncoder(s.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			var v any = pages
			if len(pages) == 1 {
				v = pages[0]
			}
			if err := enc.Encode(v); err != nil {
				return fail("%v", err)
			}
			for _, e := range pageErrs {
				fmt.Fprintln(s.stderr, "pagelint: "+oneLine(e.Error()))
			}
			if len(pageErrs) > 0 {
				return &exitError{code: exitFailure}
			}
			return nil
		},
	}
}

func schemaCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "schema",
		Usage:     "print a JSON Schema: config, report or page",
		ArgsUsage: "config|report|page",
		Action: func(c *cli.Context) error {
			name := c.Args().First()
			if c.NArg() != 1 {
				return fail("schema: name one schema: config, report or page")
			}
			b, err := schema.JSONSchema(name)
			if err != nil {
				return fail("schema: %v", err)
			}
			_, err = s.stdout.Write(b)
			return err
		},
	}
}

func describeOpenError(err error) string {
	if os.IsNotExist(err) {
		return "no such file"
	}
	return strings.TrimPrefix(err.Error(), "open ")
}
