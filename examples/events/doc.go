// Package events holds example event logs for journeymap funnel: what
// customers really did, to compare with the journeys under
// examples/journeys.
//
//   - ecommerce-current.csv: 240 customers on the current-state e-commerce
//     journey (English).
//   - cvj-vi.csv: 400 customers on the Vietnamese customer value journey of
//     Cà phê Mộc Sơn.
//
// cvj-vi.csv is written by generate_test.go from the map itself, so the
// stages with more pain points and worse emotion lose more customers, and
// the touchpoints with pain points fail now and then. Rewrite it with
//
//	go test ./examples/events -update
//
// The test checks that the committed file is what the generator writes.
package events
