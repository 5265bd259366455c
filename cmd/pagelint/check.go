package main

import (
	"fmt"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/lint"
	"github.com/pagelint/pagelint/internal/report"
	"github.com/pagelint/pagelint/schema"
)

func checkCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint pages, sites or URLs",
		ArgsUsage: "[PATH|URL|-]...",
		Flags: append(append(configFlags(), reportFlags("text")...),
			&cli.IntFlag{Name: "max-warnings", Value: -1, Usage: "also fail when there are more than `N` warnings"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings beyond those recorded in `FILE`"},
			&cli.BoolFlag{Name: "update-baseline", Usage: "write the --baseline file from this run"},
			&cli.BoolFlag{Name: "offline", Usage: "check no external URL"},
			&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the external link cache"},
			&cli.BoolFlag{Name: "exclude-private", Usage: "never check URLs on loopback and private addresses, even for a local input (link-local ones are never checked)"},
			&cli.BoolFlag{Name: "allow-private", Usage: "also check URLs on loopback and private addresses when no input is on one"},
			&cli.BoolFlag{Name: "render", Usage: "load pages in headless Chromium and lint the rendered DOM"},
			&cli.DurationFlag{Name: "render-wait", Value: 10 * time.Second, Usage: "longest wait for a rendered page to settle"},
			&cli.BoolFlag{Name: "crawl", Usage: "for URL inputs: follow same-origin links"},
			&cli.StringFlag{Name: "base-url", Usage: "where the site is published (sets site.baseURL): a staging or localhost `URL`'s links to it are the site's, and a saved page's path-only address is on it"},
			&cli.IntFlag{Name: "max-pages", Value: 500, Usage: "crawl at most `N` pages"},
			&cli.IntFlag{Name: "max-depth", Usage: "crawl at most `N` links deep (0: no limit)"},
			&cli.StringSliceFlag{Name: "sitemap", Usage: "seed the crawl from the sitemap at `URL` (auto: each start URL's /sitemap.xml); repeatable"},
			&cli.StringFlag{Name: "input-format", Usage: "read every input as `FORMAT`: html or text (default: by file name)"},
			&cli.StringFlag{Name: "shard", Usage: "lint share `I/N` of the pages (1-based), for parallel CI jobs"},
			&cli.StringFlag{Name: "now", Usage: "reference `DATE` (YYYY-MM-DD) for date rules (default: SOURCE_DATE_EPOCH, else today)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "report errors only, and no progress"},
			&cli.BoolFlag{Name: "no-progress", Usage: "no progress bar"},
			&cli.BoolFlag{Name: "only-pages", Usage: "of the files named, lint only pages (HTML, and the text snapshots site.textSnapshots names) against the config's site root: for pre-commit hooks"},
			&cli.StringFlag{Name: "compare", Usage: "say which findings are new and which fixed since the JSON report `OLD.json`"},
			&cli.BoolFlag{Name: "report-unused-disable", Usage: "warn of pagelint-disable comments that silenced nothing"},
			&cli.BoolFlag{Name: "print-config", Usage: "print the resolved config (presets merged) as JSON and exit"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "say which config file is used"},
		),
		Action: func(c *cli.Context) error { return runCheck(c, s) },
	}
}

// reportFlags are the flags of the commands that write reports (check,
// merge): which formats where, and the exit code.
func reportFlags(defaultFormat string) []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: "report `FORMAT[=FILE]` (default " + defaultFormat + "): " + strings.Join(report.Formats(), ", ") + "; repeatable"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings at or above `LEVEL`: error, warning, info or never"},
		&cli.BoolFlag{Name: "no-color", Usage: "no colours in the text report"},
		&cli.StringFlag{Name: "base-dir", Usage: "name files in SARIF, Code Quality and GitHub annotations relative to `DIR` (default: the root of the git repository, else the current directory)"},
	}
}

// configFlags are the flags of every command that reads the config.
func configFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: pagelint.json, .yaml or .yml here or in a parent)"},
		&cli.StringSliceFlag{Name: "preset", Usage: "add the built-in preset `NAME` (repeatable)"},
	}
}

func runCheck(c *cli.Context, s *streams) error {
	started := time.Now()
	outputs, err := parseOutputs(c.StringSlice("format"), c.String("output"))
	if err != nil {
		return err
	}
	failOn, err := parseFailOn(c.String("fail-on"))
	if err != nil {
		return err
	}
	base, err := baseDir(c)
	if err != nil {
		return err
	}
	now, err := referenceDate(c.String("now"))
	if err != nil {
		return err
	}
	var shard lint.Shard
	if v := c.String("shard"); v != "" {
		if shard, err = lint.ParseShard(v); err != nil {
			return fail("--shard: %v", err)
		}
	}
	if c.Bool("update-baseline") {
		path := c.String("baseline")
		if path == "" {
			return fail("--update-baseline needs --baseline FILE")
		}
		if err := fsutil.CheckWritable(path); err != nil {
			return fail("%s: %v", path, err)
		}
	}
	if d := c.Duration("render-wait"); d <= 0 {
		return fail("--render-wait: %s is not a positive duration", d)
	}
	switch f := c.String("input-format"); f {
	case "", "html", "text":
	default:
		return fail("--input-format: unknown format %q (want html or text)", f)
	}
	cfg, err := loadConfig(c)
	if err != nil {
		return err
	}
	if baseURL := c.String("base-url"); baseURL != "" {
		if !isSiteURL(baseURL) {
			return fail("--base-url: %q is not an http(s) URL", baseURL)
		}
		cfg.Site.BaseURL = baseURL
	}
	if c.Bool("verbose") {
		fmt.Fprintln(s.stderr, "pagelint: "+describeConfig(cfg))
	}
	if c.Bool("print-config") {
		return printConfig(s, cfg)
	}
	opt := lint.Options{
		Inputs:         c.Args().Slice(),
		Stdin:          s.stdin,
		Config:         cfg,
		Now:            now,
		InputFormat:    c.String("input-format"),
		Offline:        c.Bool("offline"),
		NoCache:        c.Bool("no-cache"),
		ExcludePrivate: c.Bool("exclude-private"),
		AllowPrivate:   c.Bool("allow-private"),
		Render:         c.Bool("render"),
		RenderWait:     c.Duration("render-wait"),
		Crawl:          c.Bool("crawl"),
		MaxPages:       c.Int("max-pages"),
		MaxDepth:       c.Int("max-depth"),
		Sitemaps:       c.StringSlice("sitemap"),
		Shard:          shard,
		Read:           pageRead,
		Warn:           func(msg string) { fmt.Fprintln(s.stderr, "pagelint: "+msg) },
		Resolve:        s.resolve,
		Version:        version,

		ReportUnusedDisable: c.Bool("report-unused-disable"),
		OnlyPages:           c.Bool("only-pages"),
	}
	if showProgress(c, s) {
		opt.Progress = s.stderr
	}
	written := outputs
	if c.Bool("update-baseline") {
		written = append(slices.Clip(outputs), output{file: c.String("baseline")})
	}
	if err := protectKnownInputs(written, &opt); err != nil {
		return err
	}
	res, err := lint.Run(c.Context, opt)
	if err != nil {
		return fail("%s", oneLine(err.Error()))
	}
	settleMemory()
	for _, e := range res.PageErrors {
		fmt.Fprintln(s.stderr, "pagelint: "+oneLine(e.Error()))
	}
	read := inputFiles(res, cfg)
	if err := protectInputs(outputs, read); err != nil {
		return err
	}
	sig, interrupted := interruptedBy(c.Context)
	findings := res.Findings
	if path := c.String("baseline"); path != "" && (!interrupted || !c.Bool("update-baseline")) {
		if c.Bool("update-baseline") {
			if err := protectInputs([]output{{file: path}}, read); err != nil {
				return err
			}
		}
		if findings, err = applyBaseline(c, s, path, findings); err != nil {
			return err
		}
	}
	rep := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "pagelint", Version: version},
		GeneratedAt:   generatedAt(now),
		Findings:      findings,
		Rules:         res.Rules,
		Pages:         res.Pages,
	}
	if shard.Count > 1 {
		rep.Shard = shard.String()
	}
	rep.Summary = report.Summarize(findings, len(res.Pages), res.LinksChecked, time.Since(started).Milliseconds(), res.Offline)
	rep.Summary.LinksUnchecked, rep.Summary.NoNetwork = res.LinksUnchecked, res.LinksNoNetwork
	rep.Summary.LinksOffline, rep.Summary.LinksUnresolved = res.LinksOffline, res.LinksUnresolved
	rep.Summary.HomeItemsSkipped = res.HomeItemsSkipped
	rep.Summary.Interrupted = interrupted
	if path := c.String("compare"); path != "" {
		if err := compareWith(path, rep); err != nil {
			return err
		}
	}
	if err := writeReports(s, outputs, rep, report.Options{Quiet: c.Bool("quiet"), BaseDir: base}, c.Bool("no-color")); err != nil {
		return err
	}
	if interrupted {
		msg := fmt.Sprintf("interrupted by %s: the findings may be incomplete", sig.String())
		if c.Bool("update-baseline") {
			msg += ", so the baseline was not updated"
		}
		return &exitError{code: sig.exitCode(), msg: msg}
	}
	if len(res.PageErrors) > 0 {
		return &exitError{code: exitFailure}
	}
	if c.Bool("update-baseline") {
		// Writing the baseline was the job; its findings are known now.
		return nil
	}
	return gate(rep.Summary, failOn, c.Int("max-warnings"))
}

// gate ends a run with its exit code: 1 when a finding is at or above
// fail-on or there are too many warnings — saying so for the warnings,
// which --quiet does not show.
func gate(sum report.Summary, failOn finding.Severity, maxWarnings int) error {
	code := exitCode(sum, failOn, maxWarnings)
	if code == exitFindings && maxWarnings >= 0 && sum.Warning > maxWarnings {
		return &exitError{code: code, msg: finding.Plural(sum.Warning, "warning", "warnings") + ", more than --max-warnings " + strconv.Itoa(maxWarnings)}
	}
	return &exitError{code: code}
}

// isSiteURL reports whether s is an absolute http(s) URL with a host.
func isSiteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// inputFiles are the files of a run's inputs that a report must never
// replace: the local pages and the config.
func inputFiles(res *lint.Result, cfg *schema.Config) []string {
	var files []string
	for _, source := range res.Pages {
		if source != "-" && !lint.IsURL(source) {
			files = append(files, source)
		}
	}
	if cfg.Path != "" {
		files = append(files, cfg.Path)
	}
	return files
}

// exitCode is 1 when a finding is at or above fail-on, when there are more
// warnings than allowed, or when the report is of an interrupted run.
func exitCode(sum report.Summary, failOn finding.Severity, maxWarnings int) int {
	if sum.Interrupted {
		return exitFindings // a merged report of an interrupted run passes no gate
	}
	counts := map[finding.Severity]int{finding.Error: sum.Error, finding.Warning: sum.Warning, finding.Info: sum.Info}
	for sev, n := range counts {
		if failOn != finding.Off && sev >= failOn && n > 0 {
			return exitFindings
		}
	}
	if maxWarnings >= 0 && sum.Warning > maxWarnings {
		return exitFindings
	}
	return exitOK
}

func parseFailOn(s string) (finding.Severity, error) {
	if s == "never" {
		return finding.Off, nil
	}
	sev, err := finding.ParseSeverity(s)
	if err != nil || sev == finding.Off {
		return 0, fail("--fail-on: unknown level %q (want error, warning, info or never)", s)
	}
	return sev, nil
}

// referenceDate is --now, else SOURCE_DATE_EPOCH, else today.
func referenceDate(flag string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse("2006-01-02", flag)
		if err != nil {
			return time.Time{}, fail("--now: %q is not a date of the form YYYY-MM-DD", flag)
		}
		return t, nil
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fail("SOURCE_DATE_EPOCH: %q is not a number of seconds", epoch)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// generatedAt is the report's time stamp: the reference date when it was
// fixed (so that reproducible builds give identical reports), else now.
func generatedAt(now time.Time) string {
	if os.Getenv("SOURCE_DATE_EPOCH") != "" {
		return now.UTC().Format(time.RFC3339)
	}
	return time.Now().UTC().Format(time.RFC3339)
}
