// Package memo is the policy of the small caches in front of a run's shared
// answers (the targets the link checks settled, a worker's view of a
// site): they forget all they hold when full. What the links of a site's
// templates ask is asked again at once and remembered again; a site of many
// pages would otherwise be remembered whole, by every worker.
package memo

// Max is how many entries a cache holds: a few templates' worth.
const Max = 4096

// Put sets m[k] to v, first forgetting all of m when it holds Max entries.
func Put[K comparable, V any](m map[K]V, k K, v V) {
	if len(m) >= Max {
		clear(m)
	}
	m[k] = v
}
