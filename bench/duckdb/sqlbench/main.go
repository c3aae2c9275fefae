// Command sqlbench measures the funnel query of package
// analytics/sqlfunnel in DuckDB on the synthetic log of the analytics
// benchmarks (5,000,000 events for 1,000,000 customers and 8 steps by
// default), next to a hand-written chained-CTE funnel query (one join per
// step, the way analysts usually write it) and to the Go engine on the
// same events. It checks that all three agree on every step's customers.
//
//	go run ./sqlbench -customers 1000000 -steps 8 -repeat 3
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
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/bench/duckdb/handfunnel"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sqlbench:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("sqlbench", flag.ContinueOnError)
	customers := fs.Int("customers", 1_000_000, "customers in the synthetic log")
	steps := fs.Int("steps", 8, "touchpoints of the synthetic journey")
	seed := fs.Uint64("seed", 1, "seed of the synthetic log")
	threads := fs.Int("threads", runtime.GOMAXPROCS(0), "threads for both engines")
	repeat := fs.Int("repeat", 3, "runs of each query; the best time is reported")
	if err := fs.Parse(args); err != nil {
		return err
	}
	runtime.GOMAXPROCS(*threads)
	syn := analytics.NewSynthetic(analytics.SyntheticConfig{Seed: *seed, Customers: *customers, Steps: *steps, DropOff: 0.13, Noise: 0.02, Order: analytics.TimeOrdered})
	dir, err := os.MkdirTemp("", "journeymap-sqlbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "events.csv")
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
	fmt.Fprintf(out, "synthetic log: %d events, %d customers, %d steps; threads %d\n", syn.Len(), *customers, *steps, *threads)

	plan, err := analytics.NewPlan(syn.Journey, analytics.Options{Workers: *threads, Source: "synthetic"})
	if err != nil {
		return err
	}
	recs := syn.Records(plan)
	var goRes *analytics.Result
	goRecords := best(*repeat, func() error {
		goRes, err = plan.AnalyzeRecords(recs)
		return err
	})
	goCSV := best(*repeat, func() error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = analytics.Run(syn.Journey, f, "csv", analytics.Options{Workers: *threads})
		return err
	})

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
	start := time.Now()
	load := fmt.Sprintf(`CREATE TABLE events AS SELECT customer_id, touchpoint, "timestamp" AS ts, outcome, emotion FROM read_csv('%s', header = true,
		columns = {'customer_id': 'VARCHAR', 'touchpoint': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ', 'outcome': 'VARCHAR', 'emotion': 'DOUBLE'})`, strings.ReplaceAll(path, "'", "''"))
	if _, err := db.ExecContext(ctx, load); err != nil {
		return fmt.Errorf("loading the CSV: %w", err)
	}
	loadTime := time.Since(start)

	src := sqlfunnel.Source{Dialect: sqlfunnel.DuckDB, Table: "events", Columns: sqlfunnel.Columns{Time: "ts", Outcome: "outcome", Emotion: "emotion"}}
	// The hand-written query: reached counts of both funnels, one join per step.
	if _, err := db.ExecContext(ctx, "CREATE TABLE hand AS SELECT customer_id, touchpoint, ts AS t FROM events"); err != nil {
		return err
	}
	if err := handfunnel.CreateStepTables(ctx, db, plan); err != nil {
		return err
	}
	// The two queries run in turns, so that a busy machine slows both alike.
	var sqlRes *analytics.Result
	var handT, handS []int64
	generated, hand := time.Duration(1<<63-1), time.Duration(1<<63-1)
	generatedCPU, handCPU := time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range *repeat {
		c := cpuTime()
		generated = min(generated, best(1, func() error {
			sqlRes, err = sqlfunnel.Run(ctx, db, plan, src)
			return err
		}))
		generatedCPU = min(generatedCPU, cpuTime()-c)
		c = cpuTime()
		hand = min(hand, best(1, func() error {
			if handT, err = handfunnel.Counts(ctx, db, "hand", handfunnel.TouchSteps, len(goRes.Touchpoints), plan.Window()); err != nil {
				return err
			}
			handS, err = handfunnel.Counts(ctx, db, "hand", handfunnel.StageSteps, len(goRes.Stages), plan.Window())
			return err
		}))
		handCPU = min(handCPU, cpuTime()-c)
	}

	fmt.Fprintf(out, "DuckDB %s\n\n%-24s %12s %12s %12s\n", version, "step", "go", "generated", "hand-written")
	bad := false
	for _, fn := range []struct {
		name      string
		goSteps   []analytics.Step
		sqlSteps  []analytics.Step
		handSteps []int64
	}{{"touchpoint", goRes.Touchpoints, sqlRes.Touchpoints, handT}, {"stage", goRes.Stages, sqlRes.Stages, handS}} {
		for i, s := range fn.goSteps {
			mark := ""
			if s.Reached != fn.sqlSteps[i].Reached || s.Reached != fn.handSteps[i] {
				mark, bad = "  MISMATCH", true
			}
			fmt.Fprintf(out, "%-24s %12d %12d %12d%s\n", fmt.Sprintf("%s %d", fn.name, i), s.Reached, fn.sqlSteps[i].Reached, fn.handSteps[i], mark)
		}
	}
	for i, s := range goRes.Touchpoints {
		if fmt.Sprint(s.FromStart.Buckets) != fmt.Sprint(sqlRes.Touchpoints[i].FromStart.Buckets) || fmt.Sprint(s.FromPrevious.Buckets) != fmt.Sprint(sqlRes.Touchpoints[i].FromPrevious.Buckets) {
			fmt.Fprintf(out, "touchpoint %d: histograms differ\n", i)
			bad = true
		}
	}
	fmt.Fprintf(out, "\nbest of %d, wall time:\n", *repeat)
	fmt.Fprintf(out, "  go engine, records in memory      %8.3fs  (both funnels, histograms, deviations, variants)\n", goRecords.Seconds())
	fmt.Fprintf(out, "  go engine, from the CSV file      %8.3fs\n", goCSV.Seconds())
	fmt.Fprintf(out, "  duckdb load of the CSV            %8.3fs  (once)\n", loadTime.Seconds())
	fmt.Fprintf(out, "  duckdb generated query            %8.3fs  (both funnels, histograms, per-key counts, bad rows)\n", generated.Seconds())
	fmt.Fprintf(out, "  duckdb hand-written chained CTEs  %8.3fs  (reached counts of both funnels only)\n", hand.Seconds())
	fmt.Fprintf(out, "  generated / hand-written          %8.2fx\n", generated.Seconds()/hand.Seconds())
	fmt.Fprintf(out, "\nbest of %d, CPU time of this process (all threads; steadier than wall time on a busy machine):\n", *repeat)
	fmt.Fprintf(out, "  duckdb generated query            %8.3fs\n", generatedCPU.Seconds())
	fmt.Fprintf(out, "  duckdb hand-written chained CTEs  %8.3fs\n", handCPU.Seconds())
	fmt.Fprintf(out, "  generated / hand-written          %8.2fx\n", generatedCPU.Seconds()/handCPU.Seconds())
	if bad {
		return errors.New("the engines disagree")
	}
	return nil
}

// best runs f n times and returns the shortest wall time.
func best(n int, f func() error) time.Duration {
	b := time.Duration(1<<63 - 1)
	for range n {
		runtime.GC()
		start := time.Now()
		if err := f(); err != nil {
			fmt.Fprintln(os.Stderr, "sqlbench:", err)
			os.Exit(1)
		}
		b = min(b, time.Since(start))
	}
	return b
}

// cpuTime is the CPU time this process has used, user and system, all
// threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
