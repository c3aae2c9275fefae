// Package teamci shows how a team checks its own journey maps in CI with
// package journeytest: every document must decode strictly, validate, keep
// the structure the team agreed on (an objective, personas, every phase
// covered, no empty stage, every pain point addressed by an opportunity),
// have no critical gap, stay under a friction budget, and be reviewed on
// time. The checks live in journeys_test.go; run them with
//
//	go test ./examples/testing
//
// Copy the test into your repository and point it at your own files.
package teamci
