// Package chrometest is for the tests that need Chromium: they run where it
// is installed, skip where it is not, and fail there when
// PAGELINT_REQUIRE_CHROME=1 demands it (CI sets it).
package chrometest

import (
	"os"
	"testing"
)

// Require returns the browser that find finds, or skips the test, or fails
// it under PAGELINT_REQUIRE_CHROME=1. find is source.FindChrome, passed in
// so that the tests of package source can use Require too.
func Require(t testing.TB, find func() (string, error)) string {
	t.Helper()
	p, err := find()
	if err != nil {
		if os.Getenv("PAGELINT_REQUIRE_CHROME") == "1" {
			t.Fatalf("PAGELINT_REQUIRE_CHROME=1 demands Chromium: %v", err)
		}
		t.Skipf("%v (set PAGELINT_REQUIRE_CHROME=1 to make this a failure)", err)
	}
	return p
}
