//go:build race

package analytics

// referenceLogs is the number of random logs of the property tests: fewer
// under the race detector, which makes them about ten times slower.
const referenceLogs = 60
