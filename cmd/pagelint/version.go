package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// releaseVersion is the version of the next release: what a build that
// carries no version of its own reports (go run, go test, a build outside
// version control). The README, docs, action.yml and the pre-commit hook
// name the same version; docs_test.go keeps them in step.
const releaseVersion = "0.3.0"

// linkerVersion is set by release builds: -ldflags "-X main.linkerVersion=1.2.3".
var linkerVersion string

// version is the one version the binary reports everywhere: --version,
// `pagelint version`, the reports' tool.version and the User-Agent.
var version = resolveVersion(linkerVersion, readBuildInfo)

func readBuildInfo() (*debug.BuildInfo, bool) { return debug.ReadBuildInfo() }

// resolveVersion picks the build's version: the linker's, else the module
// version Go stamped into the binary (`go install …@v1.2.3` gives 1.2.3, a
// build in a git checkout a pseudo-version), else releaseVersion.
func resolveVersion(linker string, buildInfo func() (*debug.BuildInfo, bool)) string {
	if linker != "" {
		return strings.TrimPrefix(linker, "v")
	}
	if info, ok := buildInfo(); ok {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			return strings.TrimPrefix(v, "v")
		}
	}
	return releaseVersion
}

func versionCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version",
		Action: func(*cli.Context) error {
			fmt.Fprintln(s.stdout, versionLine())
			return nil
		},
	}
}

// versionLine is what both `pagelint version` and `pagelint --version` print.
func versionLine() string { return "pagelint version " + version }
