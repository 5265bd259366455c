package source

import (
	"fmt"
	"os"
	"os/exec"
)

// chromeNames are the names Chromium and Chrome go by on PATH, in the order
// they are tried.
var chromeNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// FindChrome returns the browser to render with: the program that
// PAGELINT_CHROME names (a path, or a name on PATH), else the first of
// chromium, chromium-browser, google-chrome, google-chrome-stable on PATH.
func FindChrome() (string, error) {
	if env := os.Getenv("PAGELINT_CHROME"); env != "" {
		p, err := exec.LookPath(env)
		if err != nil {
			return "", fmt.Errorf("PAGELINT_CHROME names %q, which is not an executable program", env)
		}
		return p, nil
	}
	for _, name := range chromeNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no Chromium found: install it (apt-get install chromium) or set PAGELINT_CHROME")
}
