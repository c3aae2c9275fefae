// Package sqlfunneltest generates event logs full of edge cases, loads them
// into a database, and compares the Result an engine computes with the Go
// engine's: the conformance tests of package sqlfunnel, shared with the
// DuckDB module (bench/duckdb), which cannot live in this module.
package sqlfunneltest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// Hostile returns touchpoint names that break naive SQL: quotes,
// backslashes, comment markers, placeholders, control characters and
// non-ASCII text. Each call returns a new slice.
func Hostile() []string { return slices.Clone(hostile) }

var hostile = []string{
	`it's`, `back\slash\`, `"double"`, `$1`, `-- not a comment`, `/* nor this */`, `?`,
	`Robert'); DROP TABLE events;--`, "tab\there", "new\nline", "`back`tick`", `\'`, `%s%d`,
	"Việt Nam ☕", "\u2028line separator", `E'\x41'`,
}

// Log is a generated journey and event log.
type Log struct {
	Journey *journey.Journey
	Events  []analytics.Event
	Window  time.Duration
	Mode    analytics.Mode
	// Personas is true when the events name personas: load them with
	// PersonaTable (Source).
	Personas bool
}

// Config says what to generate.
type Config struct {
	// Seed makes the log reproducible.
	Seed uint64
	// Customers is the number of customers (several hundred for the engines).
	Customers int
	// Resolution is the engine's time resolution (time.Second for
	// ClickHouse's DateTime, time.Microsecond for PostgreSQL and DuckDB);
	// every time is a multiple of it.
	Resolution time.Duration
	// NUL allows NUL bytes in touchpoint keys that events use (ClickHouse
	// holds them; PostgreSQL and DuckDB text cannot).
	NUL bool
	// Alternatives gives the journey personas and touchpoints that serve
	// some of them only, so that the route has steps of two or more
	// alternatives (see analytics.Routes); the walks along the route take
	// one alternative, another, or both (at equal times too).
	Alternatives bool
	// Mode is the funnel's order mode (analytics.InOrder by default).
	Mode analytics.Mode
	// Personas names personas on the events (load them with PersonaTable):
	// the journey gets the personas of Alternatives, one more whose name
	// another shares (so neither name is a key) and one with a hostile
	// name that no touchpoint names (every shared touchpoint serves it);
	// each customer
	// mostly names one persona by id or unique name, or none ("" or
	// NULL), with other personas on some later events, an unknown persona
	// now and then (a bad row), and extra events at the time of their
	// first event naming other personas (equal times decide the route).
	Personas bool
}

// Random generates a log with equal timestamps, repeated events, events
// before the first step, customers who never start, ad-hoc touchpoints,
// failures, emotions, steps exactly at the window's edge and just past it,
// an empty stage, bad rows (empty customer, emotion out of range) and
// hostile touchpoint names.
func Random(cfg Config) Log {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5e1))
	j := &journey.Journey{SchemaVersion: 1, ID: uuidFrom(rng), Title: "conformance 'log' \\ " + fmt.Sprint(cfg.Seed), Type: journey.CurrentState}
	nT := 2 + rng.IntN(6)
	nS := 1 + rng.IntN(nT)
	for s := range nS {
		j.Stages = append(j.Stages, &journey.Stage{ID: uuidFrom(rng), Name: fmt.Sprintf("S%d %s", s, hostile[rng.IntN(len(hostile))]), Phase: journey.BeforePurchase})
	}
	if rng.IntN(3) == 0 { // a stage that can never be reached
		j.Stages = append(j.Stages, &journey.Stage{ID: uuidFrom(rng), Name: "empty stage", Phase: journey.AfterPurchase})
	}
	names := rng.Perm(len(hostile))
	for k := range nT {
		s := j.Stages[min(nS-1, k*nS/nT+rng.IntN(2))]
		name := hostile[names[k%len(names)]] + fmt.Sprint(k)
		if k == 1 {
			name = "nul\x00byte" // a key PostgreSQL and DuckDB cannot hold
		}
		s.Touchpoints = append(s.Touchpoints, &touchpoint.Touchpoint{ID: uuidFrom(rng), Name: name, Channel: channel.Email})
	}
	if cfg.Alternatives || cfg.Personas {
		alternatives(rng, j)
	}
	var personaKeys []string // what events name: ids, unique names, none
	if cfg.Personas {
		twin := &persona.Persona{ID: uuidFrom(rng), Name: j.Personas[2].Name} // two personas, one name: not a key
		evil := &persona.Persona{ID: uuidFrom(rng), Name: "persona 4 Robert'); DROP TABLE events;--\nnew line \\' ☕"}
		j.Personas = append(j.Personas, twin, evil)
		personaKeys = append(personaKeys, "", "")
		for _, ps := range j.Personas {
			personaKeys = append(personaKeys, ps.ID.String())
			if ps.Name != twin.Name {
				personaKeys = append(personaKeys, ps.Name)
			}
		}
	}
	var keys []string
	for _, t := range j.Touchpoints() {
		if cfg.NUL || !strings.ContainsRune(t.Name, 0) {
			keys = append(keys, t.Name)
		}
		keys = append(keys, t.ID.String())
	}
	keys = append(keys, "ad hoc 'x'", `ad\hoc`, "ad hoc ☕")
	if cfg.NUL {
		keys = append(keys, "ad\x00hoc")
	}
	res := cfg.Resolution
	if res <= 0 {
		res = time.Second
	}
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	window := time.Duration(1+rng.IntN(12)) * time.Minute
	if rng.IntN(4) == 0 {
		window = analytics.DefaultWindow
	}
	var events []analytics.Event
	for c := range cfg.Customers {
		id := fmt.Sprintf("cust %04d", c)
		if c%7 == 3 {
			id = fmt.Sprintf("c'ust\\%d", c)
		}
		first := len(events) // this customer's events
		var mine string      // the persona this customer names
		if cfg.Personas {
			mine = personaKeys[rng.IntN(len(personaKeys))]
		}
		if rng.IntN(5) < 3 { // a walk along the route, steps 0, 1, 2, … with short gaps
			t := base.Add(time.Duration(rng.IntN(5)) * time.Minute)
			for _, tp := range j.Touchpoints() {
				if rng.IntN(8) == 0 {
					break
				}
				if len(tp.PersonaIDs) > 0 && rng.IntN(2) == 0 {
					continue // another alternative of the step, or none
				}
				key := tp.ID.String()
				if rng.IntN(2) == 0 && (cfg.NUL || !strings.ContainsRune(tp.Name, 0)) {
					key = tp.Name
				}
				events = append(events, analytics.Event{Customer: id, Touchpoint: key, Time: t})
				switch rng.IntN(4) {
				case 0: // the next step at the same time: not after, so not reached then
				case 1:
					t = t.Add(time.Duration(1+rng.IntN(60_000_000)) * time.Microsecond).Truncate(res)
				default:
					t = t.Add(time.Duration(1+rng.IntN(3)) * time.Minute)
				}
			}
		}
		for range rng.IntN(10) {
			e := analytics.Event{Customer: id, Touchpoint: keys[rng.IntN(len(keys))], Time: base.Add(time.Duration(rng.IntN(15)) * time.Minute)}
			if rng.IntN(4) == 0 { // off the minute, at the engine's resolution
				e.Time = e.Time.Add(time.Duration(1+rng.IntN(59_999_999)) * time.Microsecond).Truncate(res)
			}
			e.Outcome = analytics.Outcome(rng.IntN(3))
			if rng.IntN(3) == 0 {
				f := float64(rng.IntN(41)-20) / 10
				e.Emotion = &f
			}
			switch rng.IntN(200) {
			case 0:
				e.Customer = "" // bad row
			case 1:
				f := 2.5 // bad row
				e.Emotion = &f
			}
			events = append(events, e)
		}
		if cfg.Personas && len(events) > first {
			personas(rng, events[first:], mine, personaKeys)
			if rng.IntN(3) == 0 { // more events at the time of the first: equal times decide the route
				t := events[first].Time
				for _, e := range events[first:] {
					if e.Time.Before(t) {
						t = e.Time
					}
				}
				for range 1 + rng.IntN(2) {
					e := analytics.Event{Customer: id, Touchpoint: keys[rng.IntN(len(keys))], Time: t, Outcome: analytics.Outcome(rng.IntN(3)),
						Persona: personaKeys[rng.IntN(len(personaKeys))]}
					if rng.IntN(2) == 0 {
						f := float64(rng.IntN(41)-20) / 10
						e.Emotion = &f
					}
					events = append(events, e)
				}
			}
		}
	}
	rng.Shuffle(len(events), func(a, b int) { events[a], events[b] = events[b], events[a] })
	return Log{Journey: j, Events: events, Window: window, Mode: cfg.Mode, Personas: cfg.Personas}
}

// personas names personas on a customer's events: mostly the customer's
// own (mine), sometimes another or none, and now and then one the journey
// does not have (a bad row).
func personas(rng *rand.Rand, events []analytics.Event, mine string, keys []string) {
	for i := range events {
		switch n := rng.IntN(40); {
		case n == 0:
			events[i].Persona = "nobody's persona ☕" // bad row
		case n < 6:
			events[i].Persona = keys[rng.IntN(len(keys))]
		default:
			events[i].Persona = mine
		}
	}
}

// alternatives adds three personas to j and makes touchpoints of its
// stages serve some of them only: in a stage with two or more touchpoints,
// the first ones serve disjoint sets of personas (alternatives of one
// step); a stage with one touchpoint gets a second, an alternative of the
// first, when no stage has two.
func alternatives(rng *rand.Rand, j *journey.Journey) {
	var ps []uuid.UUID
	for i := range 3 {
		p := &persona.Persona{ID: uuidFrom(rng), Name: fmt.Sprintf("persona %d %s", i, hostile[i])}
		j.Personas = append(j.Personas, p)
		ps = append(ps, p.ID)
	}
	sets := [][][]uuid.UUID{
		{{ps[0]}, {ps[1]}},
		{{ps[0]}, {ps[1]}, {ps[2]}},
		{{ps[0], ps[1]}, {ps[2]}},
		{{ps[2]}, {ps[0]}},
	}
	done := false
	for _, s := range j.Stages {
		if len(s.Touchpoints) < 2 || rng.IntN(4) == 0 {
			continue
		}
		set := sets[rng.IntN(len(sets))]
		for i := 0; i < len(set) && i < len(s.Touchpoints); i++ {
			s.Touchpoints[i].PersonaIDs = set[i]
		}
		done = true
	}
	if !done {
		s := j.Stages[rng.IntN(len(j.Stages))]
		if len(s.Touchpoints) == 0 {
			s = j.Stages[0]
		}
		alt := &touchpoint.Touchpoint{ID: uuidFrom(rng), Name: "alternative " + hostile[rng.IntN(len(hostile))], Channel: channel.Email, PersonaIDs: []uuid.UUID{ps[1]}}
		s.Touchpoints = append(s.Touchpoints, alt)
		s.Touchpoints[0].PersonaIDs = []uuid.UUID{ps[0]}
		if len(s.Touchpoints) > 2 { // the alternatives must be neighbours
			n := len(s.Touchpoints)
			s.Touchpoints[1], s.Touchpoints[n-1] = s.Touchpoints[n-1], s.Touchpoints[1]
		}
	}
}

func uuidFrom(rng *rand.Rand) uuid.UUID {
	var u uuid.UUID
	for i := range u {
		u[i] = byte(rng.Uint32())
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u
}

// Small returns logs of the smallest shapes a journey can take: one
// touchpoint (no step after the first, no time to convert), a stage
// without touchpoints (never reached), a first step of two alternatives,
// and events naming personas, one of which has no touchpoint (a route
// without steps); each log's events at the given resolution.
func Small(res time.Duration) []Log {
	p1, p2 := uuid.MustParse("7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b01"), uuid.MustParse("7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b02")
	tp := func(name string, ps ...uuid.UUID) *touchpoint.Touchpoint {
		return &touchpoint.Touchpoint{ID: uuid.NewSHA1(p1, []byte(name)), Name: name, Channel: channel.Email, PersonaIDs: ps}
	}
	stage := func(name string, ts ...*touchpoint.Touchpoint) *journey.Stage {
		return &journey.Stage{ID: uuid.NewSHA1(p2, []byte(name)), Name: name, Phase: journey.BeforePurchase, Touchpoints: ts}
	}
	journeys := []*journey.Journey{
		{Title: "one touchpoint", Stages: []*journey.Stage{stage("S", tp("a"))}},
		{Title: "a stage without touchpoints", Stages: []*journey.Stage{stage("S", tp("a")), stage("E")}},
		{Title: "the first step is two alternatives", Personas: []*persona.Persona{{ID: p1, Name: "P1"}, {ID: p2, Name: "P2"}},
			Stages: []*journey.Stage{stage("S", tp("a", p1), tp("b", p2), tp("c"))}},
	}
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var events []analytics.Event
	for i, k := range []string{"a", "b", "c", "a", "x"} {
		for c := range 4 {
			events = append(events, analytics.Event{Customer: fmt.Sprint("c", c), Touchpoint: k, Time: base.Add(time.Duration((i+c)%3) * time.Minute).Truncate(res)})
		}
	}
	var out []Log
	for _, j := range journeys {
		j.SchemaVersion, j.Type, j.ID = 1, journey.CurrentState, uuid.NewSHA1(p1, []byte(j.Title))
		out = append(out, Log{Journey: j, Events: events, Window: time.Hour})
	}
	// Personas: P3 has no touchpoint, so its customers are on a route
	// without steps; P1 and P2 share a name, so only their ids name them.
	p3 := uuid.NewSHA1(p2, []byte("P3"))
	j := &journey.Journey{SchemaVersion: 1, Type: journey.CurrentState, ID: uuid.NewSHA1(p1, []byte("personas")), Title: "personas, one without touchpoints",
		Personas: []*persona.Persona{{ID: p1, Name: "P"}, {ID: p2, Name: "P"}, {ID: p3, Name: "P3"}},
		Stages:   []*journey.Stage{stage("S", tp("a", p1), tp("b", p2)), stage("T", tp("c", p1, p2))}}
	persona := []string{"", p1.String(), "P3", p2.String()}
	var pevents []analytics.Event
	for i, k := range []string{"c", "a", "b", "c", "a"} {
		for c := range 4 {
			e := analytics.Event{Customer: fmt.Sprint("c", c), Touchpoint: k, Time: base.Add(time.Duration((i+c)%3) * time.Minute).Truncate(res), Persona: persona[(i+c)%4]}
			pevents = append(pevents, e)
		}
	}
	pevents = append(pevents,
		analytics.Event{Customer: "c8", Touchpoint: "c", Time: base, Persona: "P3"}, // on P3's route, which has no steps
		analytics.Event{Customer: "c8", Touchpoint: "a", Time: base.Add(time.Minute), Persona: p1.String()},
		analytics.Event{Customer: "c9", Touchpoint: "a", Time: base, Persona: "P"}) // a shared name: a bad row
	return append(out, Log{Journey: j, Events: pevents, Window: time.Hour, Personas: true})
}

// HasAlternatives reports whether r's touchpoint route has a step of two
// or more alternatives (touchpoints that share a RouteStep).
func HasAlternatives(r *analytics.Result) bool {
	for i, s := range r.Touchpoints {
		if i > 0 && s.RouteStep == r.Touchpoints[i-1].RouteStep {
			return true
		}
	}
	return false
}

// Go analyses events with the Go engine (events in any order).
func (l Log) Go(events []analytics.Event) (*analytics.Result, error) {
	p, err := l.Plan()
	if err != nil {
		return nil, err
	}
	ordered := append([]analytics.Event(nil), events...)
	sortByTime(ordered)
	return p.AnalyzeSlice(ordered)
}

// Plan compiles the log's journey with its window and order mode.
func (l Log) Plan() (*analytics.Plan, error) {
	return analytics.NewPlan(l.Journey, l.Options())
}

// Options are the analysis options of the log: its window and order mode.
func (l Log) Options() analytics.Options {
	return analytics.Options{Window: l.Window, Mode: l.Mode, Source: "conformance"}
}

func sortByTime(e []analytics.Event) {
	slices.SortStableFunc(e, func(a, b analytics.Event) int { return a.Time.Compare(b.Time) })
}

// Comparable returns the part of r that an engine's funnel query computes
// (see sqlfunnel.Read) as indented JSON, for comparison: the order-dependent
// deviations and Step.AfterDropOff, the listed bad rows and their reasons,
// and the source are left out.
func Comparable(r *analytics.Result) string {
	c := *r
	c.Source = ""
	c.Deviations.Customers = analytics.CustomerDeviations{}
	c.Deviations.Variants = nil
	c.Deviations.Touchpoints = append([]analytics.TouchpointDeviations(nil), r.Deviations.Touchpoints...)
	for i := range c.Deviations.Touchpoints {
		c.Deviations.Touchpoints[i].Missing, c.Deviations.Touchpoints[i].Irregular = 0, 0
	}
	c.BadRows.Rows = nil
	// The query counts bad rows, not their reasons.
	c.BadRows.Reasons = nil
	// What dropped-off customers did next depends on the order of events
	// with equal times too: the query does not compute it.
	c.Stages, c.Touchpoints = withoutAfterDropOff(r.Stages), withoutAfterDropOff(r.Touchpoints)
	c.Personas = slices.Clone(r.Personas)
	for i := range c.Personas {
		c.Personas[i].Touchpoints = withoutAfterDropOff(c.Personas[i].Touchpoints)
	}
	b, err := json.MarshalIndent(&c, "", " ")
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// withoutAfterDropOff returns a copy of steps without Step.AfterDropOff.
func withoutAfterDropOff(steps []analytics.Step) []analytics.Step {
	out := slices.Clone(steps)
	for i := range out {
		out[i].AfterDropOff = nil
	}
	return out
}

// Table is where Load puts events: columns customer_id, touchpoint, ts,
// outcome, emotion (and persona, which Table leaves out: PersonaTable).
func Table(d sqlfunnel.Dialect, name string) sqlfunnel.Source {
	return sqlfunnel.Source{Dialect: d, Table: name, Columns: sqlfunnel.Columns{Customer: "customer_id", Touchpoint: "touchpoint", Time: "ts", Outcome: "outcome", Emotion: "emotion"}}
}

// PersonaTable is Table with its persona column.
func PersonaTable(d sqlfunnel.Dialect, name string) sqlfunnel.Source {
	s := Table(d, name)
	s.Columns.Persona = "persona"
	return s
}

// Load (re)creates table name in db and inserts events: with bound
// parameters in PostgreSQL ($1…) and DuckDB (?), and as TabSeparated data
// in ClickHouse (engine MergeTree, or the ClickHouse table engine given in
// chEngine when not empty). It never goes through sqlfunnel's quoting, so
// a quoting bug cannot hide itself.
func Load(ctx context.Context, db *sql.DB, d sqlfunnel.Dialect, name string, events []analytics.Event, chEngine string) error {
	drop := "DROP TABLE IF EXISTS " + name
	if d == sqlfunnel.PostgreSQL {
		drop += " CASCADE" // and the views over it (RenamedView)
	}
	if _, err := db.ExecContext(ctx, drop); err != nil {
		return err
	}
	switch d {
	case sqlfunnel.ClickHouse:
		if chEngine == "" {
			chEngine = "MergeTree() ORDER BY (customer_id, ts)"
		}
		ddl := "CREATE TABLE " + name + " (customer_id String, touchpoint String, ts DateTime('UTC'), outcome Nullable(String), emotion Nullable(Float64), persona Nullable(String)) ENGINE = " + chEngine
		if _, err := db.ExecContext(ctx, ddl); err != nil {
			return err
		}
		var b strings.Builder
		b.WriteString("INSERT INTO " + name + " FORMAT TabSeparated\n")
		for i, e := range events {
			persona := tsv(e.Persona)
			if e.Persona == "" && i%2 == 0 {
				persona = `\N` // no persona: NULL or ""
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", tsv(e.Customer), tsv(e.Touchpoint), e.Time.UTC().Format("2006-01-02 15:04:05"), outcomeTSV(e.Outcome), emotionTSV(e.Emotion), persona)
		}
		_, err := db.ExecContext(ctx, b.String())
		return err
	case sqlfunnel.PostgreSQL:
		if _, err := db.ExecContext(ctx, "CREATE TABLE "+name+" (customer_id text, touchpoint text, ts timestamptz, outcome text, emotion double precision, persona text)"); err != nil {
			return err
		}
	default:
		if _, err := db.ExecContext(ctx, "CREATE TABLE "+name+" (customer_id VARCHAR, touchpoint VARCHAR, ts TIMESTAMPTZ, outcome VARCHAR, emotion DOUBLE, persona VARCHAR)"); err != nil {
			return err
		}
	}
	const batch = 500
	for from := 0; from < len(events); from += batch {
		to := min(from+batch, len(events))
		var b strings.Builder
		b.WriteString("INSERT INTO " + name + " VALUES ")
		var args []any
		for i, e := range events[from:to] {
			if i > 0 {
				b.WriteString(", ")
			}
			if d == sqlfunnel.PostgreSQL {
				n := 6 * i
				fmt.Fprintf(&b, "($%d, $%d, $%d, $%d, $%d, $%d)", n+1, n+2, n+3, n+4, n+5, n+6)
			} else {
				b.WriteString("(?, ?, ?, ?, ?, ?)")
			}
			var outcome, emotion any
			if e.Outcome != analytics.NoOutcome || i%2 == 0 {
				outcome = e.Outcome.String() // "" or NULL for no outcome
			}
			if e.Emotion != nil {
				emotion = *e.Emotion
			}
			var persona any
			if e.Persona != "" || i%2 == 1 {
				persona = e.Persona // "" or NULL for no persona
			}
			args = append(args, e.Customer, e.Touchpoint, e.Time.UTC(), outcome, emotion, persona)
		}
		if _, err := db.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

func tsv(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "\t", "\\t", "\n", "\\n", "\r", "\\r", "\x00", "\\0")
	return r.Replace(s)
}

func outcomeTSV(o analytics.Outcome) string {
	if o == analytics.NoOutcome {
		return `\N`
	}
	return o.String()
}

func emotionTSV(e *float64) string {
	if e == nil {
		return `\N`
	}
	return fmt.Sprint(*e)
}

// RenamedView creates view (over a table made by Load) whose columns have
// the names the funnel query uses for its own values (customer,
// touchpoint, t, usable, failed), and returns the Source that maps them:
// a query that confused its names with the table's would break on it.
func RenamedView(ctx context.Context, db *sql.DB, d sqlfunnel.Dialect, table, view string) (sqlfunnel.Source, error) {
	if _, err := db.ExecContext(ctx, "DROP VIEW IF EXISTS "+view); err != nil {
		if _, err2 := db.ExecContext(ctx, "DROP TABLE IF EXISTS "+view); err2 != nil { // ClickHouse 18.16 drops views as tables
			return sqlfunnel.Source{}, err
		}
	}
	q := "CREATE VIEW " + view + " AS SELECT customer_id AS customer, touchpoint, ts AS t, outcome AS usable, emotion AS failed FROM " + table
	if _, err := db.ExecContext(ctx, q); err != nil {
		return sqlfunnel.Source{}, err
	}
	return sqlfunnel.Source{Dialect: d, Table: view, Columns: sqlfunnel.Columns{Customer: "customer", Touchpoint: "touchpoint", Time: "t", Outcome: "usable", Emotion: "failed"}}, nil
}
