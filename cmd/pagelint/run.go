package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit codes, as docs/contract.md fixes them.
const (
	exitOK       = 0
	exitFindings = 1
	exitFailure  = 2
)

// exitError ends a command with a code, having said what it had to say.
type exitError struct {
	code int
	msg  string // one line for standard error; "" when nothing more to say
}

func (e *exitError) Error() string { return e.msg }

func fail(format string, args ...any) error {
	return &exitError{code: exitFailure, msg: fmt.Sprintf(format, args...)}
}

// streams are the run's standard streams; commands write nowhere else.
type streams struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// resolve looks up the host names of the run's requests; nil means
	// the system's resolver. Tests give a DNS server of their own.
	resolve func(ctx context.Context, host string) ([]netip.Addr, error)
}

// run is the whole program: it parses args, runs a command and returns the
// exit code. Only main exits. The first SIGINT or SIGTERM stops the run
// (see interruptible); a second one ends the process at once.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := interruptible(context.Background())
	defer stop()
	return runContext(ctx, args, stdin, stdout, stderr)
}

// runContext is run under a context whose cancellation, with an
// *interrupt as its cause, is an interruption: the reports say so, and
// the exit code is 128 plus the signal's number.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runStreams(ctx, args, &streams{stdin: stdin, stdout: stdout, stderr: stderr})
}

// runStreams is runContext on the streams s.
func runStreams(ctx context.Context, args []string, s *streams) (code int) {
	stderr := s.stderr
	defer func() {
		// A panic is a bug, but the user still gets one line and exit 2.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "pagelint: internal error: %v (please report it)\n", r)
			code = exitFailure
		}
	}()
	governMemory()
	app := newApp(s)
	err := app.RunContext(ctx, flagsFirst(app, args))
	if sig, ok := interruptedBy(ctx); ok {
		var ee *exitError
		switch {
		case errors.As(err, &ee) && ee.code == sig.exitCode():
			if ee.msg != "" {
				fmt.Fprintln(stderr, "pagelint: "+ee.msg)
			}
		case err != nil && !stoppedBy(ctx, err):
			// A failure of its own (an output that cannot be written) is
			// said as it is, then the interruption.
			fmt.Fprintln(stderr, "pagelint: "+errorLine(err))
			fmt.Fprintf(stderr, "pagelint: interrupted by %s\n", sig.String())
		default:
			// The command stopped on its way (reading the pages): there
			// is no report to say it was interrupted, so this line does.
			fmt.Fprintf(stderr, "pagelint: interrupted by %s before any report was written\n", sig.String())
		}
		return sig.exitCode()
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "pagelint: "+ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "pagelint: "+errorLine(err))
	return exitFailure
}

// stoppedBy: err says no more than that ctx ended (a command that
// stopped on its way may have wrapped that in words of its own).
func stoppedBy(ctx context.Context, err error) bool {
	line := errorLine(err)
	return line == "" || errors.Is(err, context.Cause(ctx)) || errors.Is(err, context.Canceled) ||
		strings.Contains(line, context.Canceled.Error())
}

// errorLine is what err says, on one line.
func errorLine(err error) string {
	if ee := (*exitError)(nil); errors.As(err, &ee) {
		return ee.msg
	}
	return oneLine(err.Error())
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func newApp(s *streams) *cli.App {
	usageError := func(_ *cli.Context, err error, _ bool) error {
		return fail("%s (see pagelint --help)", err)
	}
	app := &cli.App{
		Name:                      "pagelint",
		Usage:                     "lint web pages and static sites: navigation, footer, privacy items and links",
		Version:                   version,
		Reader:                    s.stdin,
		Writer:                    s.stdout,
		ErrWriter:                 s.stderr,
		HideHelpCommand:           true,
		DisableSliceFlagSeparator: true,
		OnUsageError:              usageError,
		// Errors are turned into exit codes by run, never by os.Exit.
		ExitErrHandler: func(*cli.Context, error) {},
		Commands: []*cli.Command{
			checkCommand(s),
			initCommand(s),
			rulesCommand(s),
			presetsCommand(s),
			extractCommand(s),
			schemaCommand(s),
			mergeCommand(s),
			diffCommand(s),
			versionCommand(s),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return fail("unknown command %q (see pagelint --help)", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = usageError
	}
	return app
}
