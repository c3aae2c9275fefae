//go:build race

package journey_test

// raceEnabled shortens the slowest property tests under the race detector,
// which makes them about ten times slower.
const raceEnabled = true
