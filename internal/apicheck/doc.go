// Package apicheck holds the tests that keep journeymap's public API clean
// across the whole module: no exported identifier of a public package
// mentions a type of an internal package (a caller could not name it), and
// no public package exports a variable that callers could change (sentinel
// errors excepted, as in the standard library). It has no code of its own.
package apicheck
