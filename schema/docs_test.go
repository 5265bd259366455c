package schema

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocsExample: the complete example of docs/config.md loads, in JSON
// and in YAML, to the same config.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/config.md")
	if err != nil {
		t.Fatalf("docs/config.md: %v", err)
	}
	blocks := regexp.MustCompile("(?s)```(json|yaml)\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	var jsonEx, yamlEx string
	for _, b := range blocks {
		switch {
		case b[1] == "json" && strings.HasPrefix(b[2], "{\n  \"$schema\""):
			jsonEx = b[2]
		case b[1] == "yaml" && strings.HasPrefix(b[2], "$schema"):
			yamlEx = b[2]
		}
	}
	if jsonEx == "" || yamlEx == "" {
		t.Fatal("complete example not found in docs/config.md")
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("pagelint.json", []byte(jsonEx), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("pagelint.yaml", []byte(yamlEx), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := Load("pagelint.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load("pagelint.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Errorf("JSON and YAML examples differ:\n%s\n%s", ja, jb)
	}
}

// TestDocsPresets: docs/presets.md documents every preset and item.
func TestDocsPresets(t *testing.T) {
	doc, err := os.ReadFile("../docs/presets.md")
	if err != nil {
		t.Fatalf("docs/presets.md: %v", err)
	}
	for _, p := range Presets() {
		if !strings.Contains(string(doc), "`"+p.Name+"`") {
			t.Errorf("preset %s not documented", p.Name)
		}
		for _, it := range p.Items {
			if !strings.Contains(string(doc), "`"+it.ID+"`") {
				t.Errorf("item %s of %s not documented", it.ID, p.Name)
			}
		}
	}
}
