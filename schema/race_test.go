//go:build race

package schema_test

// raceEnabled is true under -race, where the property tests run fewer
// documents: the race detector slows validation about tenfold.
const raceEnabled = true
