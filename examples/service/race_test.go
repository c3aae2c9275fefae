//go:build race

package main

// raceEnabled is true under -race, where sync.Pool drops items at random,
// so allocation counts vary by a few from run to run.
const raceEnabled = true
