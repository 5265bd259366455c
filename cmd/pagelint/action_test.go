package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// actionMeta is what the test reads of action.yml.
type actionMeta struct {
	Inputs map[string]struct {
		Default string `json:"default"`
	} `json:"inputs"`
	Runs struct {
		Using string `json:"using"`
		Steps []struct {
			Name string            `json:"name"`
			ID   string            `json:"id"`
			Uses string            `json:"uses"`
			Run  string            `json:"run"`
			Env  map[string]string `json:"env"`
		} `json:"steps"`
	} `json:"runs"`
}

// exitCodeOf is the exit code of a command that ran; a command that could
// not start fails the test.
func exitCodeOf(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatal(err)
	return -1
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]+?)\s*\}\}`)

// TestActionOnTheExampleSite runs the shell steps of action.yml as a
// runner would — the same scripts, the same environment files — on the
// example site: it builds pagelint at the action's ref, annotates, writes
// the job summary and the SARIF file, and gates on fail-on.
func TestActionOnTheExampleSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pagelint")
	}
	b, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action actionMeta
	if err := yaml.Unmarshal(b, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using is %q, want composite", action.Runs.Using)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	// The first run builds pagelint; the others reuse it (as the steps of
	// one job would), to spare the build.
	path := os.Getenv("PATH")
	installed := false
	run := func(t *testing.T, inputs map[string]string) (outputs map[string]string, summary, stdout string, gate int) {
		t.Helper()
		tmp := t.TempDir()
		files := map[string]string{}
		for _, f := range []string{"GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"} {
			files[f] = filepath.Join(tmp, f)
			if err := os.WriteFile(files[f], nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		outputs = map[string]string{}
		eval := func(expr string) string {
			switch {
			case strings.HasPrefix(expr, "inputs."):
				name := strings.TrimPrefix(expr, "inputs.")
				if v, ok := inputs[name]; ok {
					return v
				}
				return action.Inputs[name].Default
			case expr == "github.action_ref":
				return "v9.8.7"
			case strings.HasPrefix(expr, "steps.lint.outputs."):
				return outputs[strings.TrimPrefix(expr, "steps.lint.outputs.")]
			}
			t.Fatalf("the test knows no expression %q", expr)
			return ""
		}
		gate = -1
		for _, step := range action.Runs.Steps {
			if step.Run == "" || (installed && step.Name == "Install pagelint") {
				continue // setup-go and the upload are the runner's
			}
			cmd := exec.Command("bash", "-e", "-c", step.Run)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+tmp, "PATH="+path, "CI=true", "NO_COLOR=1")
			for k, v := range files {
				cmd.Env = append(cmd.Env, k+"="+v)
			}
			for k, v := range step.Env {
				cmd.Env = append(cmd.Env, k+"="+expression.ReplaceAllStringFunc(v, func(m string) string {
					return eval(expression.FindStringSubmatch(m)[1])
				}))
			}
			out, err := cmd.CombinedOutput()
			code := exitCodeOf(t, err)
			if step.Name == "Gate" {
				gate = code
			} else if code != 0 {
				t.Fatalf("step %q: exit %d\n%s", step.Name, code, out)
			}
			stdout += string(out)
			// What steps add to GITHUB_PATH and GITHUB_OUTPUT, the next see.
			if b, _ := os.ReadFile(files["GITHUB_PATH"]); len(b) > 0 {
				path = strings.TrimSpace(string(b)) + string(os.PathListSeparator) + os.Getenv("PATH")
			}
			b, _ := os.ReadFile(files["GITHUB_OUTPUT"])
			for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				if k, v, ok := strings.Cut(line, "="); ok {
					outputs[k] = v
				}
			}
		}
		installed = true
		s, _ := os.ReadFile(files["GITHUB_STEP_SUMMARY"])
		return outputs, string(s), stdout, gate
	}

	sarif := filepath.Join(t.TempDir(), "pagelint.sarif")
	outputs, summary, stdout, gate := run(t, map[string]string{
		"paths": "examples/contoso", "config": "examples/contoso/pagelint.json", "args": "--offline", "sarif-file": sarif,
	})
	if outputs["exit-code"] != "1" || gate != 1 {
		t.Errorf("the example site's errors: exit-code %q, gate exit %d; want 1 and 1", outputs["exit-code"], gate)
	}
	if !strings.Contains(stdout, "pagelint version 9.8.7") {
		t.Errorf("the action did not build the pagelint of its ref:\n%s", stdout)
	}
	if !strings.Contains(stdout, "::error file=examples/contoso/about/index.html,line=30,col=30,title=pagelint link-broken::") {
		t.Errorf("no annotation for the example site's broken link:\n%s", stdout)
	}
	if !strings.HasPrefix(summary, "<!-- pagelint-report -->") || !strings.Contains(summary, "✖ **12 problems**") {
		t.Errorf("job summary:\n%s", summary)
	}
	var log struct {
		Runs []struct{ Results []json.RawMessage }
	}
	readJSON(t, sarif, &log)
	if len(log.Runs) != 1 || len(log.Runs[0].Results) != 12 {
		t.Errorf("the SARIF file holds %v", log)
	}

	// fail-on never: the step passes, the code says so.
	outputs, _, _, gate = run(t, map[string]string{
		"paths": "examples/contoso", "config": "examples/contoso/pagelint.json", "args": "--offline", "fail-on": "never", "sarif-file": sarif,
	})
	if outputs["exit-code"] != "0" || gate != 0 {
		t.Errorf("fail-on never: exit-code %q, gate exit %d; want 0 and 0", outputs["exit-code"], gate)
	}
	// A bad input: the run fails with exit 2, and so does the step.
	outputs, _, _, gate = run(t, map[string]string{"paths": "no/such/dir", "sarif-file": sarif})
	if outputs["exit-code"] != "2" || gate != 2 {
		t.Errorf("a missing path: exit-code %q, gate exit %d; want 2 and 2", outputs["exit-code"], gate)
	}
}
