package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/report"
)

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
			w, err := newReportWriter(c, "json")
			if err != nil {
				return err
			}
			reps, err := readReports(c.Args().Slice())
			if err != nil {
				return err
			}
			missing, err := report.CheckShards(c.Args().Slice(), reps)
			if err != nil {
				return fail("merge: %v", err)
			}
			if len(missing) > 0 {
				fmt.Fprintf(s.stderr, "pagelint: merge: no report of shard %s\n", strings.Join(missing, ", "))
			}
			merged := report.Merge(reps)
			if len(merged.Rules) == 0 {
				// Reports of versions that did not record their rules:
				// the rules at their default levels, never a placeholder.
				merged.Rules = checks.RulesFor(nil)
			}
			if err := w.write(s, merged); err != nil {
				return err
			}
			return &exitError{code: exitCode(merged.Summary, w.failOn, -1)}
		},
	}
}

// reportWriter is what the commands that write reports (merge, diff) read
// from their report flags.
type reportWriter struct {
	outs    []output
	failOn  checks.Severity
	opt     report.Options
	noColor bool
}

func newReportWriter(c *cli.Context, defaultFormat string) (*reportWriter, error) {
	formats := c.StringSlice("format")
	if len(formats) == 0 {
		formats = []string{defaultFormat}
	}
	outs, err := parseOutputs(formats, c.String("output"))
	if err != nil {
		return nil, err
	}
	failOn, err := parseFailOn(c.String("fail-on"))
	if err != nil {
		return nil, err
	}
	base, err := baseDir(c)
	if err != nil {
		return nil, err
	}
	return &reportWriter{outs: outs, failOn: failOn, opt: report.Options{BaseDir: base}, noColor: c.Bool("no-color")}, nil
}

func (w *reportWriter) write(s *streams, rep *report.Report) error {
	return writeReports(s, w.outs, rep, w.opt, w.noColor)
}

// readReports reads JSON reports, refusing a file named twice.
func readReports(paths []string) ([]*report.Report, error) {
	var reps []*report.Report
	given := map[string]bool{}
	for _, path := range paths {
		if abs, err := filepath.Abs(path); err == nil {
			if given[abs] {
				return nil, fail("%s is given twice", path)
			}
			given[abs] = true
		}
		r, err := readReport(path)
		if err != nil {
			return nil, err
		}
		reps = append(reps, r)
	}
	return reps, nil
}

func readReport(path string) (*report.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fail("%s: %v", path, describeOpenError(err))
	}
	r, err := report.ReadJSON(f, path)
	_ = f.Close()
	if err != nil {
		return nil, fail("%s", oneLine(err.Error()))
	}
	return r, nil
}
