package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// envForce is the variable CI sets so that a missing real client fails the run
// instead of skipping it.
const envForce = "JOURNEYMAP_E2E"

// chromiumPath is the browser the node scripts drive; JOURNEYMAP_CHROMIUM
// overrides it (lib.mjs reads the same variable).
func chromiumPath() string {
	if p := os.Getenv("JOURNEYMAP_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// requireClients skips the test (or fails it under JOURNEYMAP_E2E=1) unless
// node, the pinned npm packages and, when browser is true, Chromium are
// installed.
func requireClients(t *testing.T, browser bool) {
	t.Helper()
	var missing []string
	if _, err := exec.LookPath("node"); err != nil {
		missing = append(missing, "node (Node.js 20) is not on PATH")
	}
	for _, pkg := range []string{"mermaid", "playwright-core", "ajv", "ajv-formats", "axe-core"} {
		if _, err := os.Stat(filepath.Join("node_modules", pkg, "package.json")); err != nil {
			missing = append(missing, "e2e/node_modules/"+pkg+" is missing (run `npm ci` in e2e/)")
		}
	}
	if browser {
		if _, err := os.Stat(chromiumPath()); err != nil {
			missing = append(missing, chromiumPath()+" is missing (run `apt-get install -y chromium`)")
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := "real-client check needs: " + strings.Join(missing, "; ") + " — `bash .ci/e2e` installs everything"
	if os.Getenv(envForce) == "1" {
		t.Fatalf("%s (%s=1 makes this a failure)", msg, envForce)
	}
	t.Skipf("%s (set %s=1 to make this a failure)", msg, envForce)
}

// runNode writes manifest as JSON to a temporary file, runs `node script
// manifest.json` in this folder and decodes the script's JSON output into out.
func runNode(t *testing.T, script string, manifest, out any) {
	t.Helper()
	data, err := json.Marshal(manifest)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "manifest.json")
	require.NoError(t, os.WriteFile(path, data, 0o600))

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute) // the hostile page is checked at two widths
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", script, path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	t.Logf("node %s: %s", script, time.Since(start).Round(time.Millisecond))
	require.NoError(t, err, "node %s failed:\n%s", script, stderr.String())
	require.NoError(t, json.Unmarshal(stdout.Bytes(), out), "node %s printed no JSON:\n%s\n%s", script, stdout.String(), stderr.String())
}

// writeTemp writes data to name inside a fresh temporary folder and returns the path.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return path
}
