package sqlfunnel

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/journeymap/journeymap/analytics"
)

// Run runs the funnel query of plan p over s in db and reads its rows into
// a Result (see Read).
func Run(ctx context.Context, db *sql.DB, p *analytics.Plan, s Source) (*analytics.Result, error) {
	q, err := s.Funnel(p)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("sqlfunnel: running the %s funnel query: %w", s.Dialect, err)
	}
	defer rows.Close()
	return Read(p, rows)
}

// Read reads the rows of a funnel query of plan p (measure, touchpoint,
// step, bucket, value; see the package doc) into a Result. The Result has
// the figures that do not depend on the order of events with equal times:
// events, customers, both funnels with their histograms, per-touchpoint
// events, failures and emotions, ad-hoc touchpoints, the count of bad
// rows, and with a persona column the funnel of each route
// (Result.Personas, when some customer has a persona). Missing and
// irregular touchpoints, customers by kind of deviation,
// variants, Step.AfterDropOff and the reasons of bad rows are left empty
// (stream the events for those: Stream). A plan the query cannot measure
// is refused with ErrUnsupported (see the package doc).
// Rows may come in any order; rows of the same measure, touchpoint, step
// and bucket add up, so the rows of several engines can be read as one.
func Read(p *analytics.Plan, rows *sql.Rows) (*analytics.Result, error) {
	r := p.NewResult()
	if err := pushable(p, r); err != nil {
		return nil, err
	}
	planned := map[string]int{}
	for _, k := range p.Keys() {
		planned[k.Key] = k.Touch
	}
	// With a persona column, the touchpoint funnel of each route: route 0
	// of the customers without a persona, route k of persona k, whose id
	// the rows carry in column touchpoint.
	routes := p.Routes()
	routeOf := map[string]int{"": 0}
	stepOf := make([]map[int]int, len(routes)) // per route: its touchpoints, and their step
	for k, rt := range routes {
		if k > 0 {
			routeOf[rt.Persona.String()] = k
		}
		stepOf[k] = map[int]int{}
		for si, st := range rt.Steps {
			for _, t := range st {
				stepOf[k][t] = si
			}
		}
	}
	routeSteps := make([][]analytics.Step, len(routes))
	routeCust := make([]int64, len(routes))
	for k := range routeSteps {
		routeSteps[k] = slices.Clone(r.Touchpoints)
	}
	adhoc := map[string]*analytics.AdHocTouchpoint{}
	emotion := func(key string) *analytics.Emotion {
		if i, ok := planned[key]; ok {
			t := &r.Deviations.Touchpoints[i]
			if t.Emotion == nil {
				t.Emotion = &analytics.Emotion{}
			}
			return t.Emotion
		}
		a := adhocOf(adhoc, key)
		if a.Emotion == nil {
			a.Emotion = &analytics.Emotion{}
		}
		return a.Emotion
	}
	var n int64
	for rows.Next() {
		n++
		var measure string
		var key sql.NullString
		var step, bucket, value int64
		if err := rows.Scan(&measure, &key, &step, &bucket, &value); err != nil {
			return nil, fmt.Errorf("%w %d: %v", ErrRow, n, err)
		}
		bad := func(what string) error {
			return fmt.Errorf("%w %d: %s (measure %q, touchpoint %q, step %d, bucket %d, value %d)", ErrRow, n, what, measure, key.String, step, bucket, value)
		}
		if value < 0 && measure != "emotion_sum_milli" {
			return nil, bad("negative value")
		}
		switch measure {
		case "customers":
			r.Customers += value
			continue
		case "bad_rows":
			r.BadRows.Count += value
			continue
		case "events", "failing":
			i, ok := planned[key.String]
			switch {
			case measure == "events" && ok:
				r.Deviations.Touchpoints[i].Events += value
			case ok:
				r.Deviations.Touchpoints[i].Failing += value
			case measure == "events":
				adhocOf(adhoc, key.String).Events += value
			default:
				adhocOf(adhoc, key.String).Failing += value
			}
			if measure == "events" {
				r.Events += value
			}
			continue
		case "emotion_count":
			emotion(key.String).Count += value
			continue
		case "emotion_sum_milli":
			emotion(key.String).SumMilli += value
			continue
		}
		funnel, what, ok := strings.Cut(measure, "_")
		k, known := routeOf[key.String]
		if (funnel == "touchpoint" || measure == "route_customers") && !known {
			return nil, bad("no such persona")
		}
		if measure == "route_customers" {
			routeCust[k] += value
			continue
		}
		// The step of the sum and, for the touchpoint funnel, of route k.
		var steps, route []analytics.Step
		switch funnel {
		case "touchpoint":
			steps, route = r.Touchpoints, routeSteps[k]
		case "stage":
			steps = r.Stages
		default:
			ok = false
		}
		if !ok {
			return nil, bad("unknown measure")
		}
		if step < 0 || step >= int64(len(steps)) {
			return nil, bad("no such step")
		}
		if _, on := stepOf[k][int(step)]; route != nil && !on {
			return nil, bad("a touchpoint off the persona's route")
		}
		if err := addRow(&steps[step], what, step, bucket, value); err != nil {
			return nil, bad(err.Error())
		}
		if route != nil {
			_ = addRow(&route[step], what, step, bucket, value)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlfunnel: reading the funnel rows: %w", err)
	}
	for _, a := range adhoc {
		if a.Events > 0 {
			r.Deviations.AdHoc = append(r.Deviations.AdHoc, *a)
		}
	}
	for _, steps := range append([][]analytics.Step{r.Touchpoints, r.Stages}, routeSteps...) {
		for i := range steps {
			s := &steps[i]
			s.FromPrevious.Buckets = addUp(s.FromPrevious.Buckets)
			s.FromStart.Buckets = addUp(s.FromStart.Buckets)
			s.FromPrevious.Bins = trim(s.FromPrevious.Bins)
			s.FromStart.Bins = trim(s.FromStart.Bins)
		}
	}
	// Result.Personas, as the Go engine gives it: only when some customer
	// is on a persona's route, one funnel per route with customers.
	if slices.ContainsFunc(routeCust[min(1, len(routeCust)):], func(n int64) bool { return n > 0 }) {
		personas := p.Personas()
		for k := range routes {
			if routeCust[k] == 0 {
				continue
			}
			pf := analytics.PersonaFunnel{Customers: routeCust[k]}
			if k > 0 {
				pf.ID, pf.Name = personas[k-1].ID, personas[k-1].Name
			}
			for t, s := range routeSteps[k] { // in journey order
				if si, on := stepOf[k][t]; on {
					s.RouteStep = si
					pf.Touchpoints = append(pf.Touchpoints, s)
				}
			}
			r.Personas = append(r.Personas, pf)
		}
	}
	r.Derive()
	return r, nil
}

// addRow adds a row of measure {funnel}_{what} to step s (number step).
func addRow(s *analytics.Step, what string, step, bucket, value int64) error {
	var t *analytics.Timing
	switch what {
	case "reached":
		s.Reached += value
		return nil
	case "drop_off":
		s.DropOff += value
		return nil
	case "from_previous":
		t = &s.FromPrevious
	case "from_start":
		t = &s.FromStart
	case "from_previous_bins", "from_start_bins":
		t = &s.FromPrevious
		if what == "from_start_bins" {
			t = &s.FromStart
		}
		if step == 0 || bucket < 0 || bucket > 64 {
			return errors.New("no such bin")
		}
		for int64(len(t.Bins)) <= bucket {
			t.Bins = append(t.Bins, 0)
		}
		t.Bins[bucket] += value
		return nil
	default:
		return errors.New("unknown measure")
	}
	if step == 0 || bucket < 0 || bucket > 1<<20 {
		return errors.New("no such bucket")
	}
	t.Buckets = append(t.Buckets, analytics.Bucket{Index: int(bucket), Count: value})
	return nil
}

func adhocOf(m map[string]*analytics.AdHocTouchpoint, key string) *analytics.AdHocTouchpoint {
	a, ok := m[key]
	if !ok {
		a = &analytics.AdHocTouchpoint{Key: key}
		m[key] = a
	}
	return a
}

// trim drops trailing empty bins (nil when none is left).
func trim(bins []int64) []int64 {
	for len(bins) > 0 && bins[len(bins)-1] == 0 {
		bins = bins[:len(bins)-1]
	}
	if len(bins) == 0 {
		return nil
	}
	return bins
}

// addUp sorts buckets by index and adds the counts of equal indexes.
func addUp(bs []analytics.Bucket) []analytics.Bucket {
	slices.SortFunc(bs, func(a, b analytics.Bucket) int { return cmp.Compare(a.Index, b.Index) })
	out := bs[:0]
	for _, b := range bs {
		if n := len(out); n > 0 && out[n-1].Index == b.Index {
			out[n-1].Count += b.Count
			continue
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
