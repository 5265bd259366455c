package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Chromium keeps its profile in a directory of the system's temporary
// directory, removed by Close. A run that is killed cannot remove its own,
// so each run removes those of the runs that are gone before it starts: the
// name says the directory is pagelint's and gives the owner's process id
// (pagelint-chromium-PID-RANDOM), and a file in it names the owner's host,
// since a temporary directory shared between containers sees process ids
// of other machines.
const (
	profilePrefix = "pagelint-chromium-"
	ownerFile     = "pagelint-owner"
)

// newProfileDir removes the profiles of dead runs, then makes this run's.
func newProfileDir() (string, error) {
	tmp := os.TempDir()
	removeDeadProfiles(tmp)
	dir, err := os.MkdirTemp(tmp, profilePrefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(ownerRecord(os.Getpid())), 0o600); err != nil {
		_ = os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// ownerRecord is the content of the owner file of process pid's profile.
func ownerRecord(pid int) string {
	host, _ := os.Hostname()
	return fmt.Sprintf("pid %d\nhost %s\n", pid, host)
}

// removeDeadProfiles removes, from tmp, the profile directories of this
// user whose owner ran on this host and is no longer running. What cannot be
// told for sure — a live or unknown owner, another host, a profile of an
// older version without the owner file, anything but a plain directory — is
// left alone. Failures are ignored: a leftover is no reason not to run.
func removeDeadProfiles(tmp string) {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, ok := profileOwner(e.Name())
		if !ok || !e.Type().IsDir() || processRunning(pid) {
			continue
		}
		dir := filepath.Join(tmp, e.Name())
		info, err := os.Lstat(dir)
		if err != nil || !info.IsDir() || !ownedByMe(info) {
			continue
		}
		record, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil || string(record) != ownerRecord(pid) {
			continue
		}
		_ = removeProfile(dir, "")
	}
}

// removeProfile removes a profile directory and the directory Chromium made
// beside it for the socket that keeps a second browser off the profile
// (socketDir, or the one SingletonSocket links to when that is ""):
// Chromium, stopped as chromedp stops it, removes neither. The helpers of a
// browser that was killed may still write in the profile for a moment after
// it died, so a removal that fails is tried again for a while.
func removeProfile(dir, socketDir string) error {
	if socketDir == "" {
		socketDir = socketDirOf(dir)
	}
	if info, err := os.Lstat(socketDir); err == nil && info.IsDir() {
		_ = os.RemoveAll(socketDir)
	}
	var err error
	for range 20 { // two seconds: on a busy machine the helpers take their time
		if err = os.RemoveAll(dir); err == nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}

// socketDirOf names the directory that the SingletonSocket link of a
// profile directory leads into, when it lies beside the profile, or "".
func socketDirOf(dir string) string {
	target, err := os.Readlink(filepath.Join(dir, "SingletonSocket"))
	if err != nil {
		return ""
	}
	if socketDir := filepath.Dir(target); filepath.Dir(socketDir) == filepath.Dir(dir) {
		return socketDir
	}
	return ""
}

// profileOwner reads the process id from a profile directory's name.
func profileOwner(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, profilePrefix)
	if !ok {
		return 0, false
	}
	pidText, random, ok := strings.Cut(rest, "-")
	if !ok || random == "" {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	return pid, err == nil && pid > 0
}
