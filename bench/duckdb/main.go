// Command duckdb compares journeymap's analytics funnel with the same
// funnel written in SQL and run by DuckDB (through
// github.com/duckdb/duckdb-go/v2), end to end from the same CSV file on the
// same machine. It checks that both count the same customers at every step
// of the touchpoint and stage funnels, and prints both timings side by side.
//
// It is a separate module (its own go.mod) so the library never depends on
// DuckDB; CI does not run it. Run it from this directory:
//
//	go run . -customers 1000000 -steps 8
//	go run . -csv events.csv -journey journey.json -order grouped
//
// Without -csv it writes the synthetic log of the analytics benchmarks
// (analytics.NewSynthetic) to a temporary file first. Both sides use the
// same number of threads (-threads, default GOMAXPROCS).
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/journey"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "duckdb bench:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("duckdb", flag.ContinueOnError)
	customers := fs.Int("customers", 1_000_000, "customers in the synthetic log (without -csv)")
	steps := fs.Int("steps", 8, "touchpoints of the synthetic journey (without -csv)")
	seed := fs.Uint64("seed", 1, "seed of the synthetic log")
	csvPath := fs.String("csv", "", "event CSV (customer_id,touchpoint,timestamp,...); default: generate one")
	journeyPath := fs.String("journey", "", "journey JSON for -csv; default: the synthetic journey")
	orderName := fs.String("order", "time", "input order: time or grouped")
	window := fs.Duration("window", analytics.DefaultWindow, "conversion window")
	threads := fs.Int("threads", runtime.GOMAXPROCS(0), "threads for both engines")
	repeat := fs.Int("repeat", 3, "runs of each engine; the best time is reported")
	if err := fs.Parse(args); err != nil {
		return err
	}
	order := analytics.TimeOrdered
	switch *orderName {
	case "time":
	case "grouped":
		order = analytics.Grouped
	default:
		return fmt.Errorf("-order %q: want time or grouped", *orderName)
	}
	var j *journey.Journey
	path := *csvPath
	if path == "" {
		syn := analytics.NewSynthetic(analytics.SyntheticConfig{Seed: *seed, Customers: *customers, Steps: *steps, DropOff: 0.13, Noise: 0.02, Order: order})
		j = syn.Journey
		dir, err := os.MkdirTemp("", "journeymap-duckdb")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "events.csv")
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := syn.WriteCSV(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(out, "synthetic log: %d events, %d customers, %d steps, %s order\n", syn.Len(), *customers, *steps, order)
	} else {
		if *journeyPath == "" {
			return errors.New("-csv needs -journey")
		}
		data, err := os.ReadFile(*journeyPath)
		if err != nil {
			return err
		}
		if j, err = journey.Unmarshal(data); err != nil {
			return err
		}
	}
	if st, err := os.Stat(path); err == nil {
		fmt.Fprintf(out, "csv: %s (%.1f MB), threads %d, window %s\n", path, float64(st.Size())/1e6, *threads, *window)
	}
	runtime.GOMAXPROCS(*threads)
	opts := analytics.Options{Window: *window, Order: order, Workers: *threads, Source: path}

	var ours *analytics.Result
	oursBest, oursCPU := time.Duration(1<<63-1), time.Duration(0)
	for range *repeat {
		runtime.GC()
		start, cpu0 := time.Now(), cpuTime()
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		ours, err = analytics.Run(j, f, "csv", opts)
		f.Close()
		if err != nil {
			return err
		}
		if d := time.Since(start); d < oursBest {
			oursBest, oursCPU = d, cpuTime()-cpu0
		}
	}

	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	var version string
	if err := db.QueryRowContext(ctx, "SELECT version()").Scan(&version); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("SET threads = %d", *threads)); err != nil {
		return err
	}
	if err := createStepTables(ctx, db, j); err != nil {
		return err
	}
	var duckT, duckS []int64
	duckBest, loadBest, queryBest, duckCPU := time.Duration(1<<63-1), time.Duration(0), time.Duration(0), time.Duration(0)
	for range *repeat {
		start, cpu0 := time.Now(), cpuTime()
		if _, err := db.ExecContext(ctx, "DROP TABLE IF EXISTS events"); err != nil {
			return err
		}
		load := fmt.Sprintf(`CREATE TABLE events AS SELECT customer_id, touchpoint, "timestamp" AS t FROM read_csv(%s, header = true,
			columns = {'customer_id': 'VARCHAR', 'touchpoint': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ', 'outcome': 'VARCHAR', 'emotion': 'DOUBLE'})`, quote(path))
		if _, err := db.ExecContext(ctx, load); err != nil {
			return fmt.Errorf("loading the CSV into DuckDB: %w", err)
		}
		loaded := time.Now()
		if duckT, err = funnel(ctx, db, "touch_steps", len(ours.Touchpoints), *window); err != nil {
			return err
		}
		if duckS, err = funnel(ctx, db, "stage_steps", len(ours.Stages), *window); err != nil {
			return err
		}
		if total := time.Since(start); total < duckBest {
			duckBest, loadBest, queryBest, duckCPU = total, loaded.Sub(start), time.Since(loaded), cpuTime()-cpu0
		}
	}

	fmt.Fprintf(out, "%s\n\n%-22s %12s %12s  %s\n", "DuckDB "+version, "step", "journeymap", "duckdb", "")
	mismatch := false
	for _, f := range []struct {
		kind  string
		steps []analytics.Step
		duck  []int64
	}{{"touchpoint", ours.Touchpoints, duckT}, {"stage", ours.Stages, duckS}} {
		for i, s := range f.steps {
			mark := "ok"
			if s.Reached != f.duck[i] {
				mark, mismatch = "MISMATCH", true
			}
			fmt.Fprintf(out, "%-22s %12d %12d  %s\n", f.kind+" "+s.Name, s.Reached, f.duck[i], mark)
		}
	}
	fmt.Fprintf(out, "\nend to end from CSV (best of %d; cpu = process CPU time used, fair when the cores are shared):\n", *repeat)
	fmt.Fprintf(out, "  journeymap  wall %8.3fs  cpu %8.3fs  (%.1f M events/s; both funnels, deviations, variants, quantiles)\n",
		oursBest.Seconds(), oursCPU.Seconds(), float64(ours.Events)/oursBest.Seconds()/1e6)
	fmt.Fprintf(out, "  duckdb      wall %8.3fs  cpu %8.3fs  (load %.3fs + two funnel queries %.3fs; %.1f M events/s)\n",
		duckBest.Seconds(), duckCPU.Seconds(), loadBest.Seconds(), queryBest.Seconds(), float64(ours.Events)/duckBest.Seconds()/1e6)
	fmt.Fprintf(out, "  ratio       wall %8.2fx     cpu %6.2fx  (duckdb / journeymap; above 1 means journeymap is faster)\n",
		duckBest.Seconds()/oursBest.Seconds(), duckCPU.Seconds()/oursCPU.Seconds())
	if mismatch {
		return errors.New("the engines disagree")
	}
	return nil
}

// cpuTime returns the CPU time the process has used, DuckDB's threads included.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// createStepTables maps every touchpoint key the analytics package accepts
// (id, and name when unique) to its touchpoint step and stage step.
func createStepTables(ctx context.Context, db *sql.DB, j *journey.Journey) error {
	names := map[string]int{}
	for _, t := range j.Touchpoints() {
		names[t.Name]++
	}
	var touch, stage []string
	pos, si := 0, 0
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			keys := []string{t.ID.String()}
			if names[t.Name] == 1 {
				keys = append(keys, t.Name)
			}
			for _, k := range keys {
				touch = append(touch, fmt.Sprintf("(%s, %d)", quote(k), pos))
				stage = append(stage, fmt.Sprintf("(%s, %d)", quote(k), si))
			}
			pos++
		}
		si++
	}
	for name, rows := range map[string][]string{"touch_steps": touch, "stage_steps": stage} {
		q := fmt.Sprintf("CREATE OR REPLACE TABLE %s AS SELECT * FROM (VALUES %s) v(key, step)", name, strings.Join(rows, ", "))
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// funnel runs the anchored-greedy funnel as SQL: the journey starts at the
// customer's first event on step 0; step i counts at the earliest event on
// step i strictly after step i−1's, no later than the start plus the window.
func funnel(ctx context.Context, db *sql.DB, steps string, n int, window time.Duration) ([]int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "WITH ev AS (SELECT e.customer_id AS c, s.step AS p, e.t FROM events e JOIN %s s ON e.touchpoint = s.key),\n", steps)
	b.WriteString("s0 AS (SELECT c, min(t) AS t0, min(t) AS t FROM ev WHERE p = 0 GROUP BY c)")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, ",\ns%d AS (SELECT s.c, s.t0, min(ev.t) AS t FROM s%d s JOIN ev ON ev.c = s.c AND ev.p = %d AND ev.t > s.t AND ev.t <= s.t0 + INTERVAL (%d) MICROSECONDS GROUP BY s.c, s.t0)",
			i, i-1, i, window.Microseconds())
	}
	b.WriteString("\nSELECT ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "(SELECT count(*) FROM s%d)", i)
	}
	row := db.QueryRowContext(ctx, b.String())
	counts := make([]int64, n)
	ptrs := make([]any, n)
	for i := range counts {
		ptrs[i] = &counts[i]
	}
	if err := row.Scan(ptrs...); err != nil {
		return nil, fmt.Errorf("funnel over %s: %w", steps, err)
	}
	return counts, nil
}
