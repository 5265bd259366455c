package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/report"
)

// output is one report to write: a format and its file ("" for standard
// output).
type output struct {
	format string
	file   string
}

// parseOutputs reads the -f FORMAT[=FILE] flags; at most one report goes to
// standard output (or to --output).
func parseOutputs(formats []string, outFile string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []output
	toStdout := 0
	for _, f := range formats {
		name, file, _ := strings.Cut(f, "=")
		if _, ok := report.Lookup(name); !ok {
			return nil, fail("--format: unknown format %q (want one of %s)", name, strings.Join(report.Formats(), ", "))
		}
		if file == "" {
			toStdout++
			file = outFile
		}
		outs = append(outs, output{format: name, file: file})
	}
	if toStdout > 1 {
		return nil, fail("--format: only one report can go to standard output; give the others a file (-f json=report.json)")
	}
	return outs, nil
}

// writeReports renders every report; files are written whole or not at all.
func writeReports(s *streams, outs []output, rep *report.Report, base report.Options, noColor bool) error {
	for _, o := range outs {
		w, _ := report.Lookup(o.format)
		opt := base
		opt.Getenv = os.Getenv
		if o.file == "" {
			opt.Color = colorAllowed(s, noColor)
			if err := w(s.stdout, rep, opt); err != nil {
				return fail("writing the %s report: %v", o.format, err)
			}
			continue
		}
		var buf bytes.Buffer
		if err := w(&buf, rep, opt); err != nil {
			return fail("writing the %s report: %v", o.format, err)
		}
		if err := fsutil.WriteFileAtomic(o.file, buf.Bytes(), 0o644); err != nil {
			return fail("%s: %v", o.file, err)
		}
	}
	return nil
}

// colorAllowed: colours only on a terminal, never with NO_COLOR or
// --no-color.
func colorAllowed(s *streams, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" {
		return false
	}
	return isTerminal(s.stdout)
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// showProgress: a progress bar only for a person watching a terminal.
func showProgress(c *cli.Context, s *streams) bool {
	if c.Bool("quiet") || c.Bool("no-progress") || os.Getenv("CI") != "" {
		return false
	}
	return isTerminal(s.stderr)
}

// applyBaseline drops the findings the baseline records, or writes the
// baseline from them with --update-baseline.
func applyBaseline(c *cli.Context, s *streams, path string, findings []finding.Finding) ([]finding.Finding, error) {
	if c.Bool("update-baseline") {
		if err := report.NewBaseline(findings).Write(path); err != nil {
			return nil, fail("%s", oneLine(err.Error()))
		}
		fmt.Fprintf(s.stderr, "pagelint: wrote %s (%d findings)\n", path, len(findings))
		return findings, nil
	}
	b, err := report.ReadBaseline(path)
	if err != nil {
		return nil, fail("%s", oneLine(err.Error()))
	}
	kept, stale := b.Filter(findings)
	if hidden := len(findings) - len(kept); hidden > 0 && !c.Bool("quiet") {
		fmt.Fprintf(s.stderr, "pagelint: the baseline %s hid %s\n", path, finding.Plural(hidden, "known finding", "known findings"))
	}
	for _, e := range stale {
		fmt.Fprintln(s.stderr, "pagelint: "+e.String())
	}
	if len(stale) > 0 {
		fmt.Fprintf(s.stderr, "pagelint: run with --update-baseline to shrink %s\n", path)
	}
	return kept, nil
}
