// Package e2e proves journeymap's outputs against the real programs that
// consume them: Mermaid 12.3.0 and axe-core in Debian's headless Chromium
// (driven by playwright-core, never a downloaded browser) and ajv 8 for the
// JSON Schema, including a form built from it by react-jsonschema-form.
//
// The package holds only tests. They need /usr/bin/chromium and the npm
// packages pinned in package-lock.json (install both with `bash .ci/e2e`, or
// `apt-get install -y chromium` and `npm ci` in this folder). Without them the
// tests skip with a message saying what is missing, so `go test ./...` passes
// on a machine with only Go; with JOURNEYMAP_E2E=1 (set by CI) a missing client
// fails the run instead.
//
// Screenshots (desktop 1440 px and phone 390 px wide) of every example page and
// a print-to-PDF are written to e2e/artifacts/ (ignored by git; CI keeps them).
package e2e
