package main

import (
	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/internal/report"
)

func diffCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "tell the findings new, fixed and unchanged between two JSON reports",
		ArgsUsage: "OLD.json NEW.json",
		Flags:     reportFlags("text"),
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return fail("diff: name two JSON reports: OLD.json NEW.json")
			}
			w, err := newReportWriter(c, "text")
			if err != nil {
				return err
			}
			reps, err := readReports(c.Args().Slice())
			if err != nil {
				return err
			}
			old, cur := reps[0], reps[1]
			cur.Comparison = report.Compare(old, cur)
			if err := w.write(s, cur); err != nil {
				return err
			}
			// A diff gates on what is new: old findings are known.
			return &exitError{code: exitCode(report.Summarize(cur.Comparison.NewFindings, 0, 0, 0, false), w.failOn, -1)}
		},
	}
}

// compareWith sets what changed since the report at path (check --compare).
func compareWith(path string, rep *report.Report) error {
	old, err := readReport(path)
	if err != nil {
		return err
	}
	rep.Comparison = report.Compare(old, rep)
	return nil
}
