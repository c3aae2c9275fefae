// Package fuzztest holds journeymap's native Go fuzz targets for validation,
// analysis and every renderer, and a concurrency test run under -race. It
// has no code of its own: the targets live in its test files and drive the
// public packages the way a program embedding the library would.
//
// Run one target with, for example:
//
//	go test -run '^$' -fuzz '^FuzzRenderHTML$' -fuzztime 30s ./internal/testkit/fuzztest
//
// .ci/fuzz runs every target in the module for a bounded time. Seeds come from
// the example journeys and the shared hostile-label corpus (internal/testkit/hostile);
// crashers found by the fuzzer are committed under testdata/fuzz once fixed.
package fuzztest
