package main

import (
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"
)

// baseDir is the directory report paths are relative to: --base-dir, else
// the root of the git repository around the working directory (the
// nearest parent with a .git directory or file), else the working
// directory. Code scanning, GitLab and GitHub annotations place a finding
// by its path from the repository root.
func baseDir(c *cli.Context) (string, error) {
	if dir := c.String("base-dir"); dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", fail("--base-dir: %v", err)
		}
		if info, err := os.Stat(abs); err != nil || !info.IsDir() {
			return "", fail("--base-dir: %s is not a directory", dir)
		}
		return abs, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", fail("%v", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return wd, nil
		}
	}
}
