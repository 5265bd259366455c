package linkcheck

import "flag"

// The -update flag rewrites golden files; this package keeps none, but
// accepts the flag so that `go test ./... -update` runs over every package.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
