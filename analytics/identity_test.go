package analytics

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCustomerIdentityIsExact: two ids with the same 64-bit CustomerKey are
// two customers in every input order (issue: cust-cwi04B00ADA and
// cust-qlf0xxb0gYh counted as one customer with a 100% conversion).
func TestCustomerIdentityIsExact(t *testing.T) {
	a, b := "cust-cwi04B00ADA", "cust-qlf0xxb0gYh"
	require.Equal(t, CustomerKey(a), CustomerKey(b), "the regression needs a real collision of the hash")
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	events := []Event{
		{Customer: a, Touchpoint: "a1", Time: at},
		{Customer: b, Touchpoint: "a2", Time: at.Add(time.Minute)},
		{Customer: b, Touchpoint: "b1", Time: at.Add(2 * time.Minute)},
	}
	var csv strings.Builder
	csv.WriteString("customer_id,touchpoint,timestamp\n")
	for _, e := range events {
		fmt.Fprintf(&csv, "%s,%s,%s\n", e.Customer, e.Touchpoint, e.Time.Format(time.RFC3339))
	}
	for _, order := range []Order{Any, TimeOrdered, CustomerContiguous} {
		for _, memory := range []int64{0, 1} {
			p, err := NewPlan(smallJourney(), Options{Order: order, MemoryLimit: memory, TempDir: t.TempDir()})
			require.NoError(t, err)
			for _, how := range []string{"events", "csv"} {
				var res *Result
				if how == "events" {
					res, err = p.AnalyzeSlice(events)
				} else {
					res, err = p.ReadCSV(strings.NewReader(csv.String()))
				}
				require.NoError(t, err)
				what := fmt.Sprintf("order %v memory %d %s", order, memory, how)
				assert.Equal(t, int64(2), res.Customers, what)
				assert.Equal(t, []int64{1, 0, 0}, []int64{res.Touchpoints[0].Reached, res.Touchpoints[1].Reached, res.Touchpoints[2].Reached},
					"%s: only a started; b never reached a1", what)
			}
		}
	}
}

// TestContiguousOrderAnyCustomerOrder: customers may come in any order
// (a locale collation); a customer who comes back is an error naming the line.
func TestContiguousOrderAnyCustomerOrder(t *testing.T) {
	p, err := NewPlan(smallJourney(), Options{Order: CustomerContiguous})
	require.NoError(t, err)
	res, err := p.ReadCSV(strings.NewReader("customer_id,touchpoint,timestamp\n" +
		"Zoë,a1,2026-01-01T00:00:00Z\nZoë,a2,2026-01-01T00:01:00Z\nadam,a1,2026-01-01T00:00:00Z\nÉmile,b1,2026-01-01T00:00:00Z\n"))
	require.NoError(t, err)
	assert.Equal(t, int64(3), res.Customers)
	assert.Equal(t, int64(2), res.Touchpoints[0].Reached)
	_, err = p.ReadCSV(strings.NewReader("customer_id,touchpoint,timestamp\n" +
		"Zoë,a1,2026-01-01T00:00:00Z\nadam,a1,2026-01-01T00:00:00Z\nZoë,a2,2026-01-01T00:01:00Z\n"))
	assert.ErrorIs(t, err, ErrNotGrouped)
	assert.ErrorContains(t, err, "line 4")
	assert.ErrorContains(t, err, "use any order")
}

// TestShuffledSyntheticEqualsOrdered: a shuffled copy of a generated log
// gives the Result of the time-ordered one, in memory and spilled, and the
// spill leaves no file behind.
func TestShuffledSyntheticEqualsOrdered(t *testing.T) {
	cfg := SyntheticConfig{Seed: 9, Customers: 3000, Steps: 6, DropOff: 0.15, Noise: 0.1, Order: TimeOrdered}
	ordered := NewSynthetic(cfg)
	cfg.Order = Any
	shuffled := NewSynthetic(cfg)
	var inOrdered, inShuffled strings.Builder
	require.NoError(t, ordered.WriteCSV(&inOrdered))
	require.NoError(t, shuffled.WriteCSV(&inShuffled))
	require.NotEqual(t, inOrdered.String(), inShuffled.String())
	for _, mode := range []Mode{InOrder, StrictOrder, AnyOrder} {
		p, err := NewPlan(ordered.Journey, Options{Order: TimeOrdered, Mode: mode})
		require.NoError(t, err)
		want, err := p.ReadCSV(strings.NewReader(inOrdered.String()))
		require.NoError(t, err)
		require.Zero(t, want.BadRows.Count)
		for _, memory := range []int64{0, 64 << 10, 1} {
			tmp := t.TempDir()
			p, err := NewPlan(ordered.Journey, Options{Mode: mode, MemoryLimit: memory, TempDir: tmp})
			require.NoError(t, err)
			before := partitionsRead.Load()
			got, err := p.ReadCSV(strings.NewReader(inShuffled.String()))
			require.NoError(t, err)
			assert.Equal(t, memory != 0, partitionsRead.Load() > before, "mode %v memory %d: spilled only under a limit", mode, memory)
			assert.Equal(t, comparable(t, want), comparable(t, got), "mode %v memory %d", mode, memory)
			left, err := os.ReadDir(tmp)
			require.NoError(t, err)
			assert.Empty(t, left, "spill files removed")
		}
	}
}

// TestSpillRemovedOnCancelAndFailure: a cancelled context or a fatal bad
// row stops the run with an error and leaves no temporary file.
func TestSpillRemovedOnCancelAndFailure(t *testing.T) {
	syn := NewSynthetic(SyntheticConfig{Seed: 4, Customers: 3000, Steps: 4, DropOff: 0.1})
	var in strings.Builder
	require.NoError(t, syn.WriteCSV(&in))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tmp := t.TempDir()
	p, err := NewPlan(syn.Journey, Options{MemoryLimit: 1, TempDir: tmp, Context: ctx})
	require.NoError(t, err)
	_, err = p.ReadCSV(strings.NewReader(in.String()))
	assert.ErrorIs(t, err, context.Canceled)
	left, _ := os.ReadDir(tmp)
	assert.Empty(t, left, "cancelled: spill files removed")

	bad := in.String() + "c1,t1,not a time\n"
	p, err = NewPlan(syn.Journey, Options{MemoryLimit: 1, TempDir: tmp, BadRows: Fatal})
	require.NoError(t, err)
	_, err = p.ReadCSV(strings.NewReader(bad))
	assert.True(t, errors.Is(err, ErrBadRow), "%v", err)
	left, _ = os.ReadDir(tmp)
	assert.Empty(t, left, "failed: spill files removed")
}

// TestCustomerIDsInlineAndLong: ids kept in the customer state (under 16
// bytes) and in the arena (16 bytes and more) stay apart, trailing zero
// bytes included.
func TestCustomerIDsInlineAndLong(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ids := []string{"a", "a\x00", "a\x00\x00", "", "0123456789abcde", "0123456789abcdef", "0123456789abcdef\x00", strings.Repeat("x", 100), strings.Repeat("x", 101)}
	var events []Event
	for _, id := range ids[:3] {
		events = append(events, Event{Customer: id, Touchpoint: "a1", Time: at})
	}
	for _, id := range ids[4:] {
		events = append(events, Event{Customer: id, Touchpoint: "a1", Time: at})
		events = append(events, Event{Customer: id, Touchpoint: "a2", Time: at.Add(time.Minute)})
	}
	slices.SortStableFunc(events, func(a, b Event) int { return a.Time.Compare(b.Time) })
	p, err := NewPlan(smallJourney(), Options{Order: TimeOrdered})
	require.NoError(t, err)
	res, err := p.AnalyzeSlice(events)
	require.NoError(t, err)
	require.Zero(t, res.BadRows.Count)
	assert.Equal(t, int64(8), res.Customers, "every distinct id is a customer")
	assert.Equal(t, int64(5), res.Touchpoints[1].Reached, "the five with two events reached a2")
}

// TestOnCustomerKeyOfEveryIdentity: the time-ordered table keeps an id, not
// its key, so the key OnCustomer reports is computed again from the id; it
// must be the reader's key for ids kept in the state (under 16 bytes), ids
// kept in the arena, and records identified by their key alone.
func TestOnCustomerKeyOfEveryIdentity(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ids := []string{
		"a",                        // shortest
		"fifteen-bytes-x",          // the longest id kept in the state
		"sixteen-bytes-xx",         // the shortest id kept in the arena
		strings.Repeat("long", 20), // well into the arena
		"zero\x00",                 // trailing zero byte: not "zero"
		"zero",
	}
	var events []Event
	for i, id := range ids {
		events = append(events, Event{Customer: id, Touchpoint: "a1", Time: at.Add(time.Duration(i) * time.Second)})
	}
	for _, how := range []string{"events", "records"} {
		got := map[uint64]int{}
		p, err := NewPlan(smallJourney(), Options{Order: TimeOrdered, OnCustomer: func(c CustomerReport) { got[c.Key]++ }})
		require.NoError(t, err)
		if how == "events" {
			_, err = p.AnalyzeSlice(events)
		} else {
			var recs []Record
			for _, e := range events {
				r, err := p.Resolve(e)
				require.NoError(t, err)
				recs = append(recs, r)
			}
			_, err = p.AnalyzeRecords(recs)
		}
		require.NoError(t, err)
		want := map[uint64]int{}
		for _, id := range ids {
			want[CustomerKey(id)]++
		}
		assert.Equal(t, want, got, how)
	}
}
