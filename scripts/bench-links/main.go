// Command bench-links is the external-link benchmark of pagelint: it
// generates a site whose pages link to thousands of URLs on a few loopback
// servers, serves those URLs with latency and a share of failures, runs
// pagelint's link checker on them, and compares the broken URLs that link
// checkers report with the truth. scripts/bench-links.sh drives it.
//
//	bench-links serve   -dir DIR [-pages N] [-urls N] [-hosts N] [-port P]
//	bench-links reset   [-port P]            forget which URLs were asked (429s answer again)
//	bench-links check   -dir DIR [-out FILE] [-concurrency N] [-per-host N] [-timeout D] [-trace FILE]
//	bench-links compare -truth FILE OUTPUT...
//
// Every server listens on 127.0.0.1 only.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: bench-links serve|reset|check|compare [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "serve":
		err = serve(os.Args[2:])
	case "reset":
		err = reset(os.Args[2:])
	case "check":
		err = check(os.Args[2:])
	case "compare":
		err = compare(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench-links: "+err.Error())
		os.Exit(2)
	}
}
