package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/lint"
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
			missing, err := checkShards(c.Args().Slice(), reps)
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
				merged.Rules = checks.NewRuleset(nil).Rules()
			}
			if err := w.write(s, merged); err != nil {
				return err
			}
			if merged.Summary.Interrupted {
				fmt.Fprintln(s.stderr, "pagelint: a report merged is of an interrupted run: the findings may be incomplete")
			}
			return &exitError{code: exitCode(merged.Summary, w.failOn, -1)}
		},
	}
}

// reportWriter is what the commands that write reports (merge, diff) read
// from their report flags.
type reportWriter struct {
	outs    []output
	failOn  finding.Severity
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
	f, _, err := fsutil.OpenRegular(path)
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

// checkShards refuses a set of reports that cannot be the shards of one
// run: the same shard twice (a job's report given twice, or two jobs that
// ran the same share), or shards of different counts. names are the
// reports' file names, for the message. It returns the shards missing
// from a complete set, for a warning.
func checkShards(names []string, reports []*report.Report) (missing []string, err error) {
	byShard := map[string]string{}
	count := 0
	countFrom := ""
	for i, r := range reports {
		if r.Shard == "" {
			continue
		}
		sh, err := lint.ParseShard(r.Shard)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", names[i], err)
		}
		if prev, ok := byShard[r.Shard]; ok {
			return nil, fmt.Errorf("%s and %s are both shard %s", prev, names[i], r.Shard)
		}
		byShard[r.Shard] = names[i]
		if count != 0 && sh.Count != count {
			return nil, fmt.Errorf("%s is a shard of %d but %s one of %d", countFrom, count, names[i], sh.Count)
		}
		count, countFrom = sh.Count, names[i]
	}
	for i := 1; i <= count; i++ {
		if s := (lint.Shard{Index: i, Count: count}).String(); byShard[s] == "" {
			missing = append(missing, s)
		}
	}
	return missing, nil
}
