// Command duckdb compares journeymap's analytics funnel with the same
// funnel written in SQL and run by DuckDB (through
// github.com/duckdb/duckdb-go/v2), end to end from the same CSV file on the
// same machine. It checks that both count the same customers at every step
// of the touchpoint and stage funnels, and prints both timings and both
// peak memories side by side.
//
// It is a separate module (its own go.mod) so the library never depends on
// DuckDB; CI does not run it. Run it from this directory:
//
//	go run . -customers 1000000 -steps 8 -order time
//	go run . -customers 1000000 -steps 8 -order any
//	go run . -csv events.csv -journey journey.json -order customer
//	go run . -customers 10000000 -order any -memory 256MiB -engines journeymap
//
// Without -csv it writes the synthetic log of the analytics benchmarks
// (analytics.NewSynthetic) in the -order asked to a temporary file first
// (any: shuffled). Each engine runs in a child process of its own (the
// command re-executes itself), so that the peak resident memory of each is
// measured apart: the child's own high-water mark (VmHWM in
// /proc/self/status on Linux; elsewhere the maximum RSS from wait4, which
// on Linux also counts the parent's peak at the time of the exec, and the
// parent holds the synthetic log while it writes it). Both sides use the
// same number of threads (-threads, default GOMAXPROCS).
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/bench/duckdb/handfunnel"
	"github.com/journeymap/journeymap/journey"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "duckdb bench:", err)
		os.Exit(1)
	}
}

// childReport is what a child process prints: the best wall and CPU time of
// its runs and the funnel counts.
type childReport struct {
	Wall, CPU time.Duration
	Load      time.Duration // DuckDB: loading the CSV
	Events    int64
	Touch     []int64
	Stage     []int64
	Names     []string // touchpoint names, then stage names (journeymap)
	PeakRSS   int64    // bytes, the child's own high-water mark (0: unknown)
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("duckdb", flag.ContinueOnError)
	customers := fs.Int("customers", 1_000_000, "customers in the synthetic log (without -csv)")
	steps := fs.Int("steps", 8, "touchpoints of the synthetic journey (without -csv)")
	seed := fs.Uint64("seed", 1, "seed of the synthetic log")
	csvPath := fs.String("csv", "", "event CSV (customer_id,touchpoint,timestamp,...); default: generate one")
	journeyPath := fs.String("journey", "", "journey JSON for -csv; default: the synthetic journey")
	orderName := fs.String("order", "time", "input order: any, time or customer (grouped)")
	memory := fs.Int64("memory", 0, "journeymap's memory limit in bytes for -order any (0: the default); suffixes MiB and GiB accepted")
	window := fs.Duration("window", analytics.DefaultWindow, "conversion window")
	threads := fs.Int("threads", runtime.GOMAXPROCS(0), "threads for both engines")
	repeat := fs.Int("repeat", 3, "runs of each engine; the best time is reported")
	engines := fs.String("engines", "journeymap,duckdb", "engines to run, comma-separated")
	child := fs.String("child", "", "internal: run one engine and print its report")
	var memStr string
	if err := fs.Parse(normaliseMemory(args, &memStr)); err != nil {
		return err
	}
	if memStr != "" {
		n, err := parseSize(memStr)
		if err != nil {
			return err
		}
		*memory = n
	}
	order, err := analytics.ParseOrder(*orderName)
	if err != nil {
		return err
	}
	if *child != "" {
		return runChild(*child, *csvPath, *journeyPath, order, *memory, *window, *threads, *repeat, out)
	}
	path, jpath := *csvPath, *journeyPath
	if path == "" {
		syn := analytics.NewSynthetic(analytics.SyntheticConfig{Seed: *seed, Customers: *customers, Steps: *steps, DropOff: 0.13, Noise: 0.02, Order: order})
		dir, err := os.MkdirTemp("", "journeymap-duckdb")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path, jpath = filepath.Join(dir, "events.csv"), filepath.Join(dir, "journey.json")
		data, err := journey.Marshal(syn.Journey)
		if err != nil {
			return err
		}
		if err := os.WriteFile(jpath, data, 0o600); err != nil {
			return err
		}
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
		syn = nil
		runtime.GC()
	} else if jpath == "" {
		return errors.New("-csv needs -journey")
	}
	if st, err := os.Stat(path); err == nil {
		fmt.Fprintf(out, "csv: %s (%.1f MB), threads %d, window %s, journeymap order %s, memory limit %d\n", path, float64(st.Size())/1e6, *threads, *window, order, *memory)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	type result struct {
		rep    childReport
		maxRSS int64  // bytes
		load   string // load average before and after (the machine may be shared)
	}
	results := map[string]result{}
	names := strings.Split(*engines, ",")
	for _, eng := range names {
		cmd := exec.Command(self, "-child", eng, "-csv", path, "-journey", jpath, "-order", *orderName,
			"-memory", strconv.FormatInt(*memory, 10), "-window", window.String(), "-threads", strconv.Itoa(*threads), "-repeat", strconv.Itoa(*repeat))
		var stdout bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
		load0 := loadAverage()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %w", eng, err)
		}
		var rep childReport
		if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
			return fmt.Errorf("%s: %w", eng, err)
		}
		rss := rep.PeakRSS
		if rss == 0 {
			rss = int64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) * 1024
		}
		results[eng] = result{rep, rss, load0 + " -> " + loadAverage()}
	}
	ours, okOurs := results["journeymap"]
	duck, okDuck := results["duckdb"]
	mismatch := false
	if okOurs && okDuck {
		fmt.Fprintf(out, "\n%-22s %12s %12s\n", "step", "journeymap", "duckdb")
		nT := len(ours.rep.Touch)
		for i, n := range append(slices.Clone(ours.rep.Touch), ours.rep.Stage...) {
			d := duck.rep.Stage
			k := i - nT
			if i < nT {
				d, k = duck.rep.Touch, i
			}
			mark := "ok"
			if k >= len(d) || d[k] != n {
				mark, mismatch = "MISMATCH", true
			}
			dn := int64(-1)
			if k < len(d) {
				dn = d[k]
			}
			fmt.Fprintf(out, "%-22s %12d %12d  %s\n", ours.rep.Names[i], n, dn, mark)
		}
	}
	fmt.Fprintf(out, "\nend to end from CSV (best of %d; cpu = CPU time of the child process; peak = its maximum resident memory):\n", *repeat)
	for _, eng := range names {
		r := results[eng]
		extra := "both funnels, deviations, variants, quantiles, after drop-off"
		if eng == "duckdb" {
			extra = fmt.Sprintf("load %.3fs + two funnel queries %.3fs", r.rep.Load.Seconds(), (r.rep.Wall - r.rep.Load).Seconds())
		}
		fmt.Fprintf(out, "  %-10s  wall %8.3fs  cpu %8.3fs  peak %7.0f MiB  %.1f M events/s  load %s  (%s)\n", eng, r.rep.Wall.Seconds(), r.rep.CPU.Seconds(),
			float64(r.maxRSS)/(1<<20), float64(r.rep.Events)/r.rep.Wall.Seconds()/1e6, r.load, extra)
	}
	if okOurs && okDuck {
		fmt.Fprintf(out, "  ratio       wall %8.2fx    cpu %8.2fx  peak %8.2fx  (journeymap / duckdb; goals: wall <= %s, peak <= 0.33)\n",
			ours.rep.Wall.Seconds()/duck.rep.Wall.Seconds(), ours.rep.CPU.Seconds()/duck.rep.CPU.Seconds(), float64(ours.maxRSS)/float64(duck.maxRSS),
			map[bool]string{true: "0.5 (time order)", false: "1.0"}[order == analytics.TimeOrdered])
	}
	if mismatch {
		return errors.New("the engines disagree")
	}
	return nil
}

// loadAverage returns the one-minute load average (Linux), or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// normaliseMemory lets -memory take a size with a unit ("256MiB"): the
// value is moved to *s and the flag to a plain number.
func normaliseMemory(args []string, s *string) []string {
	out := slices.Clone(args)
	for i := 0; i+1 < len(out); i++ {
		if out[i] == "-memory" || out[i] == "--memory" {
			if _, err := strconv.ParseInt(out[i+1], 10, 64); err != nil {
				*s = out[i+1]
				out[i+1] = "0"
			}
		}
	}
	return out
}

func parseSize(s string) (int64, error) {
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseInt(n, 10, 64)
			return v * u.mult, err
		}
	}
	return strconv.ParseInt(s, 10, 64)
}

// runChild runs one engine repeat times on the CSV and prints a childReport.
func runChild(engine, path, jpath string, order analytics.Order, memory int64, window time.Duration, threads, repeat int, out io.Writer) error {
	data, err := os.ReadFile(jpath)
	if err != nil {
		return err
	}
	j, err := journey.Unmarshal(data)
	if err != nil {
		return err
	}
	runtime.GOMAXPROCS(threads)
	rep := childReport{Wall: time.Duration(1<<63 - 1)}
	switch engine {
	case "journeymap":
		opts := analytics.Options{Window: window, Order: order, Workers: threads, Source: path, MemoryLimit: memory}
		if order == analytics.Any { // as journeymap funnel does
			limit := memory
			if limit == 0 {
				limit = analytics.DefaultMemoryLimit
			}
			debug.SetMemoryLimit(max(limit+limit/4, 64<<20))
		}
		for range repeat {
			runtime.GC()
			start, cpu0 := time.Now(), cpuTime()
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			res, err := analytics.Run(j, f, "csv", opts)
			f.Close()
			if err != nil {
				return err
			}
			if d := time.Since(start); d < rep.Wall {
				rep.Wall, rep.CPU = d, cpuTime()-cpu0
			}
			rep.Events, rep.Touch, rep.Stage, rep.Names = res.Events, nil, nil, nil
			for _, s := range res.Touchpoints {
				rep.Touch = append(rep.Touch, s.Reached)
				rep.Names = append(rep.Names, "touchpoint "+s.Name)
			}
			for _, s := range res.Stages {
				rep.Stage = append(rep.Stage, s.Reached)
				rep.Names = append(rep.Names, "stage "+s.Name)
			}
		}
	case "duckdb":
		if err := runDuck(j, path, window, threads, repeat, &rep); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown engine %q", engine)
	}
	rep.PeakRSS = highWater()
	return json.NewEncoder(out).Encode(rep)
}

// highWater returns the peak resident memory of this process in bytes
// (VmHWM, Linux), or 0 when unknown.
func highWater() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}

func runDuck(j *journey.Journey, path string, window time.Duration, threads, repeat int, rep *childReport) error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, fmt.Sprintf("SET threads = %d", threads)); err != nil {
		return err
	}
	plan, err := analytics.NewPlan(j, analytics.Options{Window: window})
	if err != nil {
		return err
	}
	if err := handfunnel.CreateStepTables(ctx, db, plan); err != nil {
		return err
	}
	nT, nS := 0, 0
	for _, s := range j.Stages {
		if s != nil {
			nS++
			for _, t := range s.Touchpoints {
				if t != nil {
					nT++
				}
			}
		}
	}
	for range repeat {
		start, cpu0 := time.Now(), cpuTime()
		if _, err := db.ExecContext(ctx, "DROP TABLE IF EXISTS events"); err != nil {
			return err
		}
		load := fmt.Sprintf(`CREATE TABLE events AS SELECT customer_id, touchpoint, "timestamp" AS t FROM read_csv(%s, header = true,
			columns = {'customer_id': 'VARCHAR', 'touchpoint': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ', 'outcome': 'VARCHAR', 'emotion': 'DOUBLE'})`, handfunnel.Quote(path))
		if _, err := db.ExecContext(ctx, load); err != nil {
			return fmt.Errorf("loading the CSV into DuckDB: %w", err)
		}
		loaded := time.Now()
		touch, err := handfunnel.Counts(ctx, db, "events", handfunnel.TouchSteps, nT, window)
		if err != nil {
			return err
		}
		stage, err := handfunnel.Counts(ctx, db, "events", handfunnel.StageSteps, nS, window)
		if err != nil {
			return err
		}
		if total := time.Since(start); total < rep.Wall {
			rep.Wall, rep.Load, rep.CPU = total, loaded.Sub(start), cpuTime()-cpu0
		}
		rep.Touch, rep.Stage = touch, stage
		var n int64
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&n); err != nil {
			return err
		}
		rep.Events = n
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
