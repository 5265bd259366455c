package finding

import "strconv"

// Plural counts a thing the way messages and summaries do: "1 entry",
// "3 entries".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
