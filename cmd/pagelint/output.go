package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/lint"
	"github.com/pagelint/pagelint/internal/report"
)

// output is one report to write: a format and where.
type output struct {
	format string
	file   string // "" for standard output
	stderr bool   // standard error (-f json=/dev/stderr)
}

// parseOutputs reads the -f FORMAT[=FILE] flags; at most one report goes to
// standard output (or to --output), no two to one file, and each file can
// be written: its directory exists and it is no directory. All of it is
// checked before the run, so that a long run never ends in a typo.
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
			file = outFile
		}
		o := output{format: name, file: file}
		switch {
		case stdoutNames[file]:
			o.file = ""
			toStdout++
		case stderrNames[file]:
			o.file, o.stderr = "", true
		}
		outs = append(outs, o)
	}
	if toStdout > 1 {
		return nil, fail("--format: only one report can go to standard output; give the others a file (-f json=report.json)")
	}
	for i, o := range outs {
		if o.file == "" {
			continue
		}
		if err := fsutil.CheckWritable(o.file); err != nil {
			return nil, fail("%s: %v", o.file, err)
		}
		for _, prev := range outs[:i] {
			if prev.file != "" && fsutil.SameFile(prev.file, o.file) {
				return nil, fail("--format: the %s and %s reports would both be written to %s; give each a file of its own", prev.format, o.format, o.file)
			}
		}
	}
	return outs, nil
}

// stdoutNames and stderrNames stand for the run's own streams: what a user
// means by them is the stream, not a file to replace.
var (
	stdoutNames = map[string]bool{"": true, "-": true, "/dev/stdout": true, "/dev/fd/1": true, "/proc/self/fd/1": true}
	stderrNames = map[string]bool{"/dev/stderr": true, "/dev/fd/2": true, "/proc/self/fd/2": true}
)

// protectInputs refuses to write a report over a file the run read: a page
// (-o index.html index.html) or the config.
func protectInputs(outs []output, read []string) error {
	for _, o := range outs {
		if o.file == "" {
			continue
		}
		for _, in := range read {
			if fsutil.SameFile(o.file, in) {
				return fail("%s: refusing to overwrite %s, an input of this run", o.file, in)
			}
		}
	}
	return nil
}

// protectKnownInputs is protectInputs before the run, for the files it is
// known to read: the config, and the pages lint.Reads names. A run must not
// spend its time only to refuse its report at the end.
func protectKnownInputs(outs []output, opt *lint.Options) error {
	var read []string
	if opt.Config.Path != "" {
		read = append(read, opt.Config.Path)
	}
	for _, o := range outs {
		if o.file != "" && lint.Reads(opt, o.file) {
			read = append(read, o.file)
		}
	}
	return protectInputs(outs, read)
}

// writeReports renders every report as it is made; files are written whole
// or not at all.
func writeReports(s *streams, outs []output, rep *report.Report, base report.Options, noColor bool) error {
	for _, o := range outs {
		w, _ := report.Lookup(o.format)
		opt := base
		opt.Getenv = os.Getenv
		if o.file == "" {
			stream := s.stdout
			if o.stderr {
				stream = s.stderr
			} else {
				opt.Color = colorAllowed(s, noColor)
			}
			buf := bufio.NewWriterSize(stream, 64<<10)
			err := w(buf, rep, opt)
			if err == nil {
				err = buf.Flush()
			}
			if err != nil {
				return fail("writing the %s report: %v", o.format, err)
			}
			continue
		}
		var renderErr error
		err := fsutil.WriteFileFrom(o.file, 0o644, func(f io.Writer) error {
			renderErr = w(f, rep, opt)
			return renderErr
		})
		switch {
		case renderErr != nil && errors.Is(err, renderErr):
			return fail("writing the %s report: %v", o.format, err)
		case err != nil:
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
