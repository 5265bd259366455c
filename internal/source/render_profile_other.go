//go:build !unix

package source

import "os"

// processRunning reports whether process pid exists: elsewhere than on
// Unix, finding a process opens it, which fails once it is gone.
func processRunning(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}

// ownedByMe: the temporary directory is the user's own on these systems.
func ownedByMe(os.FileInfo) bool { return true }
