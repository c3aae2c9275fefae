package sqlfunnel

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"time"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/journey"
)

// Events returns the query that lists the events of s customer by customer
// (ORDER BY customer, time): customer as text, touchpoint, time in
// nanoseconds since 1970 (NULL when missing or outside the years
// 1678..2261), outcome (or NULL) and emotion (or NULL), and with a
// persona column (Columns.Persona) the persona (text, or NULL).
func (s Source) Events() (string, error) {
	q, err := s.quote()
	if err != nil {
		return "", err
	}
	outcome, emotion := "NULL", "NULL"
	if q.outcome != "" {
		outcome = q.outcome
	}
	if q.emotion != "" {
		switch q.d {
		case ClickHouse:
			emotion = "toFloat64(" + q.emotion + ")"
		case PostgreSQL:
			emotion = "CAST(" + q.emotion + " AS double precision)"
		default:
			emotion = "CAST(" + q.emotion + " AS DOUBLE)"
		}
	}
	tns := "CASE WHEN " + q.timeOK + " THEN " + q.tns + " END"
	if q.d == ClickHouse {
		tns = "if(" + q.timeOK + ", " + q.tns + ", NULL)"
	}
	persona := ""
	if q.persona != "" {
		switch q.d {
		case ClickHouse:
			persona = ", " + q.persona + " AS persona"
		case PostgreSQL:
			persona = ", CAST(" + q.persona + " AS text) AS persona"
		default:
			persona = ", CAST(" + q.persona + " AS VARCHAR) AS persona"
		}
	}
	return fmt.Sprintf("SELECT %s AS customer, %s AS touchpoint, %s AS t, %s AS outcome, %s AS emotion%s\nFROM %s\nORDER BY %s, %s\n",
		q.customerText, q.key, tns, outcome, emotion, persona, q.from, q.customer, q.ts), nil
}

// Stream runs the full analysis of journey j (both funnels, deviations,
// variants) over the events of s in db: it reads them customer by customer
// (Events) and feeds them to the analytics engine in grouped order, so
// memory stays constant however many events there are. The customers need
// only be contiguous, in any order (any collation); opts.Order is ignored.
// A row the analytics engine cannot use (an empty customer or touchpoint, a
// time that is NULL or out of range, an unknown outcome, an emotion outside
// −2..2, a persona the journey does not have) is a bad row, reported with
// its 1-based row number as the line.
func Stream(ctx context.Context, db *sql.DB, j *journey.Journey, opts analytics.Options, s Source) (*analytics.Result, error) {
	q, err := s.Events()
	if err != nil {
		return nil, err
	}
	opts.Order = analytics.Grouped
	p, err := analytics.NewPlan(j, opts)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("sqlfunnel: running the %s events query: %w", s.Dialect, err)
	}
	defer rows.Close()
	var scanErr error
	res, err := p.Analyze(events(rows, s.Columns.Persona != "", &scanErr))
	if scanErr != nil {
		return nil, scanErr
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// events yields the rows of an Events query. Customers get ids that
// ascend in the order they come ("0000000000000001", …), which is what
// grouped order needs; an empty or NULL customer stays empty (a bad row).
func events(rows *sql.Rows, persona bool, scanErr *error) iter.Seq[analytics.Event] {
	return func(yield func(analytics.Event) bool) {
		var prev string
		var seq uint64
		var n int64
		id := ""
		for rows.Next() {
			n++
			var cust, key, outcome, ps sql.NullString
			var t sql.NullInt64
			var emo sql.NullFloat64
			dst := []any{&cust, &key, &t, &outcome, &emo}
			if persona {
				dst = append(dst, &ps)
			}
			if err := rows.Scan(dst...); err != nil {
				*scanErr = fmt.Errorf("%w %d: %v", ErrRow, n, err)
				return
			}
			e := analytics.Event{Touchpoint: key.String, Persona: ps.String}
			if cust.String != "" {
				if seq == 0 || cust.String != prev {
					seq++
					prev = cust.String
					id = fmt.Sprintf("%016x", seq)
				}
				e.Customer = id
			}
			if t.Valid {
				e.Time = time.Unix(0, t.Int64).UTC()
			}
			if outcome.Valid {
				o, err := analytics.ParseOutcome(outcome.String)
				if err != nil {
					o = analytics.Failed + 1 // Resolve reports it as a bad row
				}
				e.Outcome = o
			}
			if emo.Valid {
				f := emo.Float64
				e.Emotion = &f
			}
			if !yield(e) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			*scanErr = fmt.Errorf("sqlfunnel: reading the events: %w", err)
		}
	}
}
