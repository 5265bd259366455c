package source

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// childEnv makes the test binary a pagelint run that starts a browser and
// waits to be killed (see TestMain).
const childEnv = "PAGELINT_TEST_RENDER_CHILD"

// runRenderChild is the killed run: it prints its profile directory, then
// waits.
func runRenderChild() {
	r, err := NewRenderer(context.Background(), RenderOptions{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println(r.dataDir)
	select {}
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// processesWith lists the processes that have arg on their command line.
func processesWith(arg string) []string {
	var pids []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && slices.Contains(strings.Split(string(cmdline), "\x00"), arg) {
			pids = append(pids, e.Name())
		}
	}
	return pids
}

// waitProcessesGone waits until none of pids, nor any process with arg on
// its command line, has a thread left running. A killed process whose first
// thread has exited shows an empty command line while its other threads may
// still finish a system call — one that makes a directory in the profile —
// and stays a zombie where nothing reaps it, so a thread of it counts until
// it is a zombie too.
func waitProcessesGone(t *testing.T, arg string, pids []string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if len(processesWith(arg)) == 0 && !slices.ContainsFunc(pids, threadsRunning) {
			return
		}
	}
	t.Fatalf("processes with %s still run", arg)
}

// threadsRunning reports whether process pid has a thread that has not exited.
func threadsRunning(pid string) bool {
	tasks, _ := os.ReadDir(filepath.Join("/proc", pid, "task"))
	for _, task := range tasks {
		stat, err := os.ReadFile(filepath.Join("/proc", pid, "task", task.Name(), "stat"))
		if err != nil {
			continue
		}
		// The state follows the command's name, which is in parentheses.
		_, rest, ok := bytes.Cut(stat[bytes.LastIndexByte(stat, ')')+1:], []byte(" "))
		if ok && len(rest) > 0 && rest[0] != 'Z' && rest[0] != 'X' {
			return true
		}
	}
	return false
}

// TestRemoveDeadProfiles: the profiles of dead runs of this user on this
// host go; everything that cannot be told for sure stays.
func TestRemoveDeadProfiles(t *testing.T) {
	tmp := t.TempDir()
	dead, me := deadPID(t), os.Getpid()
	elsewhere := t.TempDir()
	if err := os.WriteFile(filepath.Join(elsewhere, "keep.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	dirs := []struct {
		name, owner string
		link        bool
		stays       bool
	}{
		{name: fmt.Sprintf("pagelint-chromium-%d-1", dead), owner: ownerRecord(dead)},
		{name: fmt.Sprintf("pagelint-chromium-%d-2", me), owner: ownerRecord(me), stays: true},
		{name: fmt.Sprintf("pagelint-chromium-%d-3", dead), owner: fmt.Sprintf("pid %d\nhost another-host\n", dead), stays: true},
		{name: fmt.Sprintf("pagelint-chromium-%d-4", dead), stays: true}, // no owner file
		{name: fmt.Sprintf("pagelint-chromium-%d-5", dead), owner: ownerRecord(dead + 1), stays: true},
		{name: "pagelint-chromium-123456", stays: true}, // an older version's
		{name: fmt.Sprintf("pagelint-chromium-%d-6", dead), link: true, stays: true},
		{name: fmt.Sprintf("other-%d-7", dead), owner: ownerRecord(dead), stays: true},
	}
	for _, d := range dirs {
		p := filepath.Join(tmp, d.name)
		if d.link {
			if err := os.Symlink(elsewhere, p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.Mkdir(p, 0o700); err != nil {
			t.Fatal(err)
		}
		if d.owner != "" {
			if err := os.WriteFile(filepath.Join(p, ownerFile), []byte(d.owner), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Chromium's socket directory beside the dead profile goes with it; a
	// link that leads elsewhere is not followed.
	socketDir := filepath.Join(tmp, "org.chromium.Chromium.abc123")
	if err := os.Mkdir(socketDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(socketDir, "SingletonSocket"), filepath.Join(tmp, dirs[0].name, "SingletonSocket")); err != nil {
		t.Fatal(err)
	}
	strayDir := filepath.Join(tmp, fmt.Sprintf("pagelint-chromium-%d-8", dead))
	if err := os.Mkdir(strayDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(strayDir, ownerFile), []byte(ownerRecord(dead)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(elsewhere, "SingletonSocket"), filepath.Join(strayDir, "SingletonSocket")); err != nil {
		t.Fatal(err)
	}
	removeDeadProfiles(tmp)
	for _, p := range []string{socketDir, strayDir} {
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there (%v)", p, err)
		}
	}
	for _, d := range dirs {
		_, err := os.Lstat(filepath.Join(tmp, d.name))
		if stays := err == nil; stays != d.stays {
			t.Errorf("%s: stays = %v, want %v", d.name, stays, d.stays)
		}
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "keep.txt")); err != nil {
		t.Errorf("the target of a link was touched: %v", err)
	}
}

// TestRemoveProfileUnlinkedSocketDir: a browser stopped as it shut down has
// unlinked SingletonSocket but not removed the socket directory; the one
// named when the browser started goes all the same, a link that leads out of
// the temporary directory is not followed.
func TestRemoveProfileUnlinkedSocketDir(t *testing.T) {
	tmp, elsewhere := t.TempDir(), t.TempDir()
	profile := filepath.Join(tmp, "pagelint-chromium-1-1")
	socketDir := filepath.Join(tmp, "org.chromium.Chromium.xyz")
	for _, d := range []string{profile, socketDir} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(socketDir, "SingletonSocket"), filepath.Join(profile, "SingletonSocket")); err != nil {
		t.Fatal(err)
	}
	if got := socketDirOf(profile); got != socketDir {
		t.Fatalf("socketDirOf = %q, want %q", got, socketDir)
	}
	if err := os.Remove(filepath.Join(profile, "SingletonSocket")); err != nil {
		t.Fatal(err)
	}
	if err := removeProfile(profile, socketDir); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in the temporary directory: %v", entries)
	}

	outside := filepath.Join(tmp, "pagelint-chromium-1-2")
	if err := os.Mkdir(outside, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(elsewhere, "SingletonSocket"), filepath.Join(outside, "SingletonSocket")); err != nil {
		t.Fatal(err)
	}
	if got := socketDirOf(outside); got != "" {
		t.Errorf("socketDirOf a profile whose link leads elsewhere = %q, want none", got)
	}
}

// TestRenderProfileOfKilledRun kills a run that renders with SIGKILL, as a
// CI job's timeout does: its profile stays behind, until the next run starts
// and removes it, leaving its own until Close.
func TestRenderProfileOfKilledRun(t *testing.T) {
	requireChrome(t)
	tmp := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), childEnv+"=1", "TMPDIR="+tmp)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	left := strings.TrimSpace(line)
	if err != nil || !strings.HasPrefix(filepath.Base(left), "pagelint-chromium-"+strconv.Itoa(child.Process.Pid)+"-") {
		_ = child.Process.Kill()
		t.Fatalf("the child run said %q (%v), want its profile directory", line, err)
	}
	browser := processesWith("--user-data-dir=" + left)
	_ = child.Process.Kill()
	_ = child.Wait()
	// The browser's helpers die a moment after it; a later run comes later.
	waitProcessesGone(t, "--user-data-dir="+left, browser)
	if _, err := os.Stat(left); err != nil {
		t.Fatalf("the killed run's profile is gone before the next run: %v", err)
	}

	t.Setenv("TMPDIR", tmp)
	r, err := NewRenderer(context.Background(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the killed run's profile %s is still there (%v)", left, err)
	}
	if _, err := os.Stat(r.dataDir); err != nil {
		t.Errorf("the new run's own profile: %v", err)
	}
	if r.socketDir == "" {
		t.Errorf("the new run did not name Chromium's socket directory beside %s", r.dataDir)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in the temporary directory after Close: %v", entries)
	}
}
