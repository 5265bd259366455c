package htmlpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"
)

// byID finds in the arena the element a walk of the tree finds first, on
// markup where the two orders differ: copies of formatting elements,
// fostered content, elements the parser takes out of the tree.
func TestByIDMatchesTreeWalk(t *testing.T) {
	cases := append([]string{
		`<b id=x><p>a</b>b</p><i id=x>`,
		`<table><tr><td id=d>x</td></tr><div id=d>fostered</div></table>`,
		`<table><div id=e>a</div><tr><td><div id=e>b</table><p id=e>`,
		`<template><p id=t>in</p></template><p id=t>out`,
		`<a id=a href=1><b id=b><a id=a href=2>x</a></b></a><b id=b>`,
		`<body id=y><p id=y><body id=z><frameset id=z>`,
		`<p id=" "><p id=''><p id=q><p id=Q>`,
	}, treeCases...)
	_ = filepath.WalkDir("../../../fixtures", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
			if data, err := os.ReadFile(path); err == nil {
				cases = append(cases, string(data))
			}
		}
		return nil
	})
	for _, src := range cases {
		checkByID(t, src)
	}
}

// FuzzByID: on any input, byID finds what a walk of the tree finds first.
func FuzzByID(f *testing.F) {
	f.Add(`<b id=x><p>a</b>b</p><table><div id=x></div></table>`)
	f.Fuzz(checkByID)
}

func checkByID(t *testing.T, src string) {
	data, err := decode([]byte(src))
	if err != nil {
		return
	}
	b := new(builder)
	b.reset(data)
	b.run()
	md := newModel(b, &Options{}, nil)
	want := map[string]nodeID{}
	md.eachElement(0, func(n nodeID) {
		if id, ok := md.attr(n, atom.Id); ok && len(id) > 0 {
			if _, seen := want[string(id)]; !seen {
				want[string(id)] = n
			}
		}
	})
	for id, n := range want {
		if got := md.byID(id); got != n {
			t.Errorf("%q: byID(%q) = %d, the tree's first %d", src, id, got, n)
		}
	}
	if len(md.ids) != len(want) {
		t.Errorf("%q: byID knows %d ids, the tree %d", src, len(md.ids), len(want))
	}
}
