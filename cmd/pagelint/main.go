// Command pagelint lints web pages and static sites: navigation, footer,
// privacy items and links.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
