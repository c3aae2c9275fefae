//go:build !race

package analytics

// referenceLogs is the number of random logs of the property tests.
const referenceLogs = 200
