package main

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/analytics/sqlfunnel/sqlfunneltest"
)

// TestSQLFunnelConformance loads generated logs (hostile touchpoint names,
// equal timestamps, window edges, bad rows) into DuckDB and checks that the
// generated funnel query, read back into a Result, equals the Go engine's,
// and that the streamed full analysis does too.
func TestSQLFunnelConformance(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for seed := range uint64(12) {
		// Odd seeds: a route with alternatives (touchpoints for different
		// personas); seeds 6 and 7: any order; seeds 8 to 11 name personas
		// on the events (8 and 9 in order, 10 and 11 in any order).
		alt := seed%2 == 1
		mode := analytics.InOrder
		if seed >= 6 && seed != 8 && seed != 9 {
			mode = analytics.AnyOrder
		}
		cfg := sqlfunneltest.Config{Seed: seed, Customers: 300 + 50*int(seed), Resolution: time.Microsecond, Alternatives: alt, Mode: mode}
		if seed >= 8 {
			cfg.Alternatives, cfg.Personas, alt = false, true, true
		}
		log := sqlfunneltest.Random(cfg)
		name := fmt.Sprintf("jm_conformance_%d", seed)
		if err := sqlfunneltest.Load(ctx, db, sqlfunnel.DuckDB, name, log.Events, ""); err != nil {
			t.Fatalf("loading log %d: %v", seed, err)
		}
		want, err := log.Go(log.Events)
		if err != nil {
			t.Fatal(err)
		}
		if sqlfunneltest.HasAlternatives(want) != alt {
			t.Fatalf("log %d: alternatives on the route: %v, want %v", seed, !alt, alt)
		}
		p, err := log.Plan()
		if err != nil {
			t.Fatal(err)
		}
		src := sqlfunneltest.Table(sqlfunnel.DuckDB, name)
		if cfg.Personas {
			src = sqlfunneltest.PersonaTable(sqlfunnel.DuckDB, name)
			if len(want.Personas) == 0 {
				t.Fatalf("log %d: no customer on a persona's route", seed)
			}
		}
		got, err := sqlfunnel.Run(ctx, db, p, src)
		if err != nil {
			q, _ := src.Funnel(p)
			t.Fatalf("log %d: %v\n%s", seed, err, q)
		}
		if w, g := sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got); w != g {
			t.Errorf("log %d: pushed-down funnel differs from the Go engine:\n%s", seed, diff(w, g))
		}
		if seed == 0 {
			renamed, err := sqlfunneltest.RenamedView(ctx, db, sqlfunnel.DuckDB, name, "jm_renamed")
			if err != nil {
				t.Fatal(err)
			}
			got, err := sqlfunnel.Run(ctx, db, p, renamed)
			if err != nil {
				t.Fatalf("columns named like the query's own values: %v", err)
			}
			if w, g := sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got); w != g {
				t.Errorf("columns named like the query's own values:\n%s", diff(w, g))
			}
		}
		if seed == 0 || seed == 8 { // without and with personas
			mixedMerge(t, ctx, db, log, want)
		}
		streamed, err := sqlfunnel.Stream(ctx, db, log.Journey, log.Options(), src)
		if err != nil {
			t.Fatalf("log %d: %v", seed, err)
		}
		if w, g := sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(streamed); w != g {
			t.Errorf("log %d: streamed analysis differs from the Go engine:\n%s", seed, diff(w, g))
		}
	}
}

// mixedMerge splits the customers in two, measures one half with the Go
// engine and the other with the query, and checks that the merged Result
// equals the Go engine's over all events: a pushed-down Result merges
// exactly with a Go one.
func mixedMerge(t *testing.T, ctx context.Context, db *sql.DB, log sqlfunneltest.Log, want *analytics.Result) {
	t.Helper()
	var parts [2][]analytics.Event
	for _, e := range log.Events {
		s := analytics.CustomerKey(e.Customer) % 2
		parts[s] = append(parts[s], e)
	}
	if err := sqlfunneltest.Load(ctx, db, sqlfunnel.DuckDB, "jm_half", parts[1], ""); err != nil {
		t.Fatal(err)
	}
	p, err := log.Plan()
	if err != nil {
		t.Fatal(err)
	}
	goHalf, err := log.Go(parts[0])
	if err != nil {
		t.Fatal(err)
	}
	src := sqlfunneltest.Table(sqlfunnel.DuckDB, "jm_half")
	if log.Personas {
		src = sqlfunneltest.PersonaTable(sqlfunnel.DuckDB, "jm_half")
	}
	sqlHalf, err := sqlfunnel.Run(ctx, db, p, src)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := analytics.Merge(goHalf, sqlHalf)
	if err != nil {
		t.Fatal(err)
	}
	if w, g := sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(merged); w != g {
		t.Errorf("Go half merged with the query's half differs from the Go engine over all events:\n%s", diff(w, g))
	}
}

// diff shows the first lines where want and got differ.
func diff(want, got string) string {
	w, g := lines(want), lines(got)
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, a, b)
		}
	}
	return "(equal)"
}

func lines(s string) []string {
	var out []string
	start := 0
	for i := range len(s) {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// TestSQLFunnelSmallJourneys runs the query on the smallest shapes a
// journey can take (sqlfunneltest.Small), in both order modes.
func TestSQLFunnelSmallJourneys(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, log := range sqlfunneltest.Small(time.Microsecond) {
		if err := sqlfunneltest.Load(ctx, db, sqlfunnel.DuckDB, "jm_small", log.Events, ""); err != nil {
			t.Fatal(err)
		}
		for _, mode := range []analytics.Mode{analytics.InOrder, analytics.AnyOrder} {
			log.Mode = mode
			want, err := log.Go(log.Events)
			if err != nil {
				t.Fatalf("%s: %v", log.Journey.Title, err)
			}
			p, err := log.Plan()
			if err != nil {
				t.Fatal(err)
			}
			// Events without personas read the same with the persona
			// column (all NULL or ''), whether the journey has personas
			// or not.
			srcs := []sqlfunnel.Source{sqlfunneltest.PersonaTable(sqlfunnel.DuckDB, "jm_small")}
			if !log.Personas {
				srcs = append(srcs, sqlfunneltest.Table(sqlfunnel.DuckDB, "jm_small"))
			}
			for _, src := range srcs {
				got, err := sqlfunnel.Run(ctx, db, p, src)
				if err != nil {
					t.Fatalf("%s, %v, persona column %q: %v", log.Journey.Title, mode, src.Columns.Persona, err)
				}
				if w, g := sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got); w != g {
					t.Errorf("%s, %v, persona column %q: differs from the Go engine:\n%s", log.Journey.Title, mode, src.Columns.Persona, diff(w, g))
				}
			}
		}
	}
}

// BenchmarkPersonaRoutes measures what a persona column costs in DuckDB:
// the funnel query over a generated log whose events name personas
// (50,000 customers, about 290,000 events, five personas), with and
// without the persona column, in both order modes, after checking that
// the query with the persona column equals the Go engine:
//
//	go test -run '^$' -bench PersonaRoutes -benchtime 3x .
func BenchmarkPersonaRoutes(b *testing.B) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, mode := range []analytics.Mode{analytics.InOrder, analytics.AnyOrder} {
		b.Run(mode.String(), func(b *testing.B) {
			log := sqlfunneltest.Random(sqlfunneltest.Config{Seed: 8, Customers: 50_000, Resolution: time.Microsecond, Personas: true, Mode: mode})
			if err := sqlfunneltest.Load(ctx, db, sqlfunnel.DuckDB, "jm_bench_personas", log.Events, ""); err != nil {
				b.Fatal(err)
			}
			p, err := log.Plan()
			if err != nil {
				b.Fatal(err)
			}
			want, err := log.Go(log.Events)
			if err != nil {
				b.Fatal(err)
			}
			got, err := sqlfunnel.Run(ctx, db, p, sqlfunneltest.PersonaTable(sqlfunnel.DuckDB, "jm_bench_personas"))
			if err != nil {
				b.Fatal(err)
			}
			if w, g := sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got); w != g {
				b.Fatalf("the query differs from the Go engine:\n%s", diff(w, g))
			}
			for _, s := range []struct {
				name string
				src  sqlfunnel.Source
			}{{"without-persona", sqlfunneltest.Table(sqlfunnel.DuckDB, "jm_bench_personas")}, {"with-persona", sqlfunneltest.PersonaTable(sqlfunnel.DuckDB, "jm_bench_personas")}} {
				b.Run(s.name, func(b *testing.B) {
					for b.Loop() {
						if _, err := sqlfunnel.Run(ctx, db, p, s.src); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
