package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/lint"
	"github.com/pagelint/pagelint/internal/report"
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

func mergeCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge JSON reports (e.g. of sharded CI jobs) into one",
		ArgsUsage: "REPORT.json...",
		Flags:     reportFlags("json"),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return fail("merge: name the JSON reports to merge")
			}
			formats := c.StringSlice("format")
			if len(formats) == 0 {
				formats = []string{"json"}
			}
			outs, err := parseOutputs(formats, c.String("output"))
			if err != nil {
				return err
			}
			failOn, err := parseFailOn(c.String("fail-on"))
			if err != nil {
				return err
			}
			var reps []*report.Report
			for _, path := range c.Args().Slice() {
				f, _, err := fsutil.OpenRegular(path)
				if err != nil {
					return fail("%s: %v", path, describeOpenError(err))
				}
				r, err := report.ReadJSON(f, path)
				_ = f.Close()
				if err != nil {
					return fail("%s", oneLine(err.Error()))
				}
				reps = append(reps, r)
			}
			merged := report.Merge(reps)
			merged.Rules = checks.Rules()
			if err := writeReports(s, outs, merged, c.Bool("no-color"), false); err != nil {
				return err
			}
			if merged.Summary.Interrupted {
				fmt.Fprintln(s.stderr, "pagelint: a report merged is of an interrupted run: the findings may be incomplete")
			}
			return &exitError{code: exitCode(merged.Summary, failOn, -1)}
		},
	}
}

func describeOpenError(err error) string {
	if os.IsNotExist(err) {
		return "no such file"
	}
	return strings.TrimPrefix(err.Error(), "open ")
}
