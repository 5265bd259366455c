package checks

import (
	"testing"
)

// TestLinkRedirect: reported only when switched on.
func TestLinkRedirect(t *testing.T) {
	runRuleCases(t, linkTargets{}, []ruleCase{
		{name: "permanent redirects when switched on", env: linkExternal, config: `{"rules":{"link-redirect":"info"}}`, page: linking(
			ref("a", "http://example.com/old", "http://example.com/old", 13, 3),
		), want: []string{
			`docs/index.html 13:3 info link-redirect external link "http://example.com/old" permanently redirects to "https://example.com/new"`,
		}},
		{name: "permanent redirects: off by default", env: linkExternal, page: linking(
			ref("a", "http://example.com/old", "http://example.com/old", 13, 3),
		)},
	})
}
