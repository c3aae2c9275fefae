package analytics

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/journey"
)

// DefaultWindow is the conversion window used when Options.Window is zero.
const DefaultWindow = 30 * 24 * time.Hour

// Errors reported by the analyser.
var (
	// ErrNoTouchpoints: the journey has no touchpoint to measure.
	ErrNoTouchpoints = errors.New("analytics: journey has no touchpoints")
	// ErrNotGrouped: in CustomerContiguous order a customer's events were
	// not contiguous (the customer came back after another customer).
	ErrNotGrouped = errors.New("analytics: events not contiguous by customer")
	// ErrBadRow: a row could not be used (wrapped by *RowError).
	ErrBadRow = errors.New("analytics: bad row")
	// ErrMismatch: two results of different plans or windows cannot be merged.
	ErrMismatch = errors.New("analytics: results of different plans")
)

// Order says how events arrive.
type Order int

const (
	// Any order (the default): events come in any order; they are gathered
	// per customer in memory, or spilled to temporary files partitioned by
	// customer when they do not fit Options.MemoryLimit.
	Any Order = iota
	// TimeOrdered events come in non-decreasing time order across all customers.
	TimeOrdered
	// CustomerContiguous events come customer by customer, customers in any
	// order (what ORDER BY customer_id, ts writes under any collation);
	// within a customer any time order is accepted.
	CustomerContiguous
	// Grouped is the former name of CustomerContiguous.
	Grouped = CustomerContiguous
)

// String returns "any", "time" or "customer".
func (o Order) String() string {
	switch o {
	case TimeOrdered:
		return "time"
	case CustomerContiguous:
		return "customer"
	}
	return "any"
}

// ParseOrder accepts "any", "time" and "customer" ("grouped" is an alias of
// "customer").
func ParseOrder(s string) (Order, error) {
	switch s {
	case "any", "":
		return Any, nil
	case "time":
		return TimeOrdered, nil
	case "customer", "grouped":
		return CustomerContiguous, nil
	}
	return Any, fmt.Errorf("analytics: order %q is not any, time or customer", s)
}

// Mode says how a funnel's steps must follow one another.
type Mode int

const (
	// InOrder (the default): each step after the previous one, other events
	// allowed between steps (anchored greedy).
	InOrder Mode = iota
	// StrictOrder: each step after the previous one with no event on another
	// planned touchpoint of the route between them (repeats of the current
	// step are allowed).
	StrictOrder
	// AnyOrder: the steps in any order; step i is reached once steps 0..i
	// all happened within the window.
	AnyOrder
)

// String returns "ordered", "strict" or "any".
func (m Mode) String() string {
	switch m {
	case StrictOrder:
		return "strict"
	case AnyOrder:
		return "any"
	}
	return "ordered"
}

// ParseMode accepts "ordered", "strict" and "any".
func ParseMode(s string) (Mode, error) {
	switch s {
	case "ordered", "":
		return InOrder, nil
	case "strict":
		return StrictOrder, nil
	case "any":
		return AnyOrder, nil
	}
	return InOrder, fmt.Errorf("analytics: mode %q is not ordered, strict or any", s)
}

// MarshalText returns String.
func (m Mode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText accepts what ParseMode accepts.
func (m *Mode) UnmarshalText(b []byte) error {
	v, err := ParseMode(string(b))
	*m = v
	return err
}

// DefaultMemoryLimit is the memory budget of Any order when
// Options.MemoryLimit is zero.
const DefaultMemoryLimit = 512 << 20

// BadRowPolicy says what to do with a row that cannot be used.
type BadRowPolicy int

const (
	// Skip reports and counts a bad row in Result.BadRows and goes on.
	Skip BadRowPolicy = iota
	// Fatal stops at the first bad row with a *RowError.
	Fatal
)

// Columns maps the event fields to CSV header names or NDJSON member names.
// An empty field takes its default.
type Columns struct {
	Customer   string // default "customer_id"
	Touchpoint string // default "touchpoint"
	Time       string // default "timestamp"
	Outcome    string // default "outcome"; optional in the data
	Emotion    string // default "emotion"; optional in the data
	Persona    string // default "persona"; optional: a persona id or name
	Segment    string // default "segment"; optional in the data
	// Breakdown names one more column to read for a breakdown (any column
	// of the data, the command's -by); empty reads none.
	Breakdown string
}

func (c Columns) withDefaults() Columns {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&c.Customer, "customer_id")
	def(&c.Touchpoint, "touchpoint")
	def(&c.Time, "timestamp")
	def(&c.Outcome, "outcome")
	def(&c.Emotion, "emotion")
	def(&c.Persona, "persona")
	def(&c.Segment, "segment")
	return c
}

// Options tune an analysis. The zero value works: 30-day window, input in
// any order within 512 MiB, in-order funnels, bad rows skipped and
// reported, default column names, all CPUs.
type Options struct {
	// Window is the conversion window measured from the start of a
	// customer's journey; zero means DefaultWindow.
	Window time.Duration
	// Order says how events arrive: in any order (default), time-ordered or
	// contiguous by customer.
	Order Order
	// Mode says how funnel steps must follow one another (default InOrder).
	Mode Mode
	// MemoryLimit is the memory budget of Any order in bytes; zero means
	// DefaultMemoryLimit. Beyond it events spill to temporary files.
	MemoryLimit int64
	// TempDir is where Any order spills; empty means os.TempDir().
	TempDir string
	// Context, when set, stops a long analysis when it is cancelled (the
	// analysis then fails with the context's error and leaves no temporary
	// file behind).
	Context context.Context
	// BadRows says whether a bad row is skipped (default) or fatal.
	BadRows BadRowPolicy
	// Keys maps event touchpoint keys (names used in the data) to touchpoint ids.
	Keys map[string]uuid.UUID
	// Columns maps fields to CSV/NDJSON column names.
	Columns Columns
	// Source names the data in the result and in overlay metrics,
	// e.g. "events-2026-11.csv"; empty means "event log".
	Source string
	// Workers is the number of goroutines for large inputs; zero means GOMAXPROCS.
	Workers int
	// ExpectedCustomers sizes the time-ordered customer table up front (optional).
	ExpectedCustomers int
	// MaxBadRowsReported caps Result.BadRows.Rows (all bad rows are still
	// counted); zero means 100.
	MaxBadRowsReported int
	// Time says how event times are written (the zero value reads the
	// forms listed in the package doc, in UTC).
	Time TimeFormat
	// MaxBadRows is how many bad rows a read from CSV, NDJSON or rows
	// tolerates before it fails with a *ReadError; the zero value is
	// DefaultBadRowPercent (1% of the rows).
	MaxBadRows BadRowLimit
	// MaxLineBytes is the longest record read (a CSV record, an NDJSON
	// line); a longer one is a bad row. Zero means DefaultMaxLineBytes.
	MaxLineBytes int
	// OnCustomer, when set, receives every customer's own figures once their
	// events are all seen: in grouped order as each customer ends, in time
	// order at the end of the input. With several workers it is called from
	// several goroutines at once.
	OnCustomer func(CustomerReport)
}

// CustomerReport is one customer's journey: how far they got and how they
// deviated from the plan.
type CustomerReport struct {
	// Key is the customer's key: CustomerKey of the id for events, or
	// Record.Customer for records.
	Key uint64
	// Touchpoints and Stages are the numbers of funnel steps reached (0 when
	// the customer never started).
	Touchpoints, Stages int
	// Variant is the customer's deviation pattern (Customers is 1).
	Variant Variant
}

// Outcome is the optional outcome of an event.
type Outcome uint8

const (
	// NoOutcome: the event carries no outcome.
	NoOutcome Outcome = iota
	// OK: the touchpoint did its job.
	OK
	// Failed: the touchpoint failed the customer (a CJML failing touchpoint).
	Failed
)

// String returns "", "ok" or "failed".
func (o Outcome) String() string {
	switch o {
	case OK:
		return "ok"
	case Failed:
		return "failed"
	}
	return ""
}

// ParseOutcome accepts "", "ok" and "failed".
func ParseOutcome(s string) (Outcome, error) {
	switch s {
	case "":
		return NoOutcome, nil
	case "ok":
		return OK, nil
	case "failed":
		return Failed, nil
	}
	return NoOutcome, fmt.Errorf("outcome %q is not ok or failed", s)
}

// Event is one thing a customer did on a touchpoint.
type Event struct {
	// Customer identifies the customer.
	Customer string
	// Touchpoint is a key from Options.Keys, a touchpoint id, or a unique touchpoint name.
	Touchpoint string
	// Time is when it happened.
	Time time.Time
	// Outcome is ok, failed, or none.
	Outcome Outcome
	// Emotion is the measured emotion, −2..2, or nil.
	Emotion *float64
	// Persona is the customer's persona, by id or name (optional): the
	// customer is measured on that persona's route.
	Persona string
	// Breakdown is the value of the breakdown column (optional; see
	// Result.Breakdown).
	Breakdown string
}

// NoEmotion marks a Record without an emotion.
const NoEmotion = math.MinInt16

// Record is an event resolved against a Plan: the compact form of the fastest
// pass (Plan.AnalyzeRecords). Build one with Plan.Resolve or fill it directly.
type Record struct {
	// Time is the event time in Unix nanoseconds.
	Time int64
	// Customer is a 64-bit key unique per customer (a database id, or a
	// rank of the id string): two records are of one customer exactly when
	// their keys are equal.
	Customer uint64
	// Touch is Plan.Touch of the event's touchpoint key.
	Touch int32
	// Breakdown is Plan.Breakdown of the breakdown value, 0 for none.
	Breakdown uint32
	// Emotion is the emotion in thousandths (−2000..2000), or NoEmotion.
	Emotion int16
	// Persona is Plan.Persona of the persona, 0 for none.
	Persona int16
	// Outcome is the event's outcome.
	Outcome Outcome
}

// RowError is a bad row: where it is and what is wrong.
type RowError struct {
	// Line is the 1-based line in CSV/NDJSON input (the header is line 1),
	// or the 1-based position of the event in a slice or iterator.
	Line int64
	// Field is the column concerned, or empty for the whole row.
	Field string
	// Reason is what is wrong, as a code (empty for ReasonOther).
	Reason Reason
	// Err says what is wrong.
	Err error
}

// Error reads "line 12: timestamp: ..." (without the line when it is 0).
func (e *RowError) Error() string {
	if e.Line == 0 {
		if e.Field != "" {
			return e.Field + ": " + e.Err.Error()
		}
		return e.Err.Error()
	}
	if e.Field != "" {
		return fmt.Sprintf("line %d: %s: %v", e.Line, e.Field, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

// Unwrap returns ErrBadRow and the cause.
func (e *RowError) Unwrap() []error { return []error{ErrBadRow, e.Err} }

// Plan is a journey compiled for analysis: its touchpoints in stage order,
// its stages, and the touchpoint keys events use. A Plan is safe for
// concurrent use.
type Plan struct {
	opts      Options
	window    int64
	journeyID uuid.UUID
	title     string
	source    string

	touches []planTouch // planned touchpoints in journey order
	stages  []planStage
	keys    map[string]int32 // planned keys

	personas   []planPersona
	personaIdx map[string]int16 // persona id or unique name → 1-based index
	routes     []route          // 0: persona unknown; k: persona k
	stageSteps [][]int32        // stage i is step i

	mu       sync.RWMutex
	adhocIdx map[string]int32 // ad-hoc keys, index ≥ len(touches)
	adhoc    []string
	segIdx   map[string]uint32 // breakdown values, from 1
	segs     []string
}

type planTouch struct {
	id       uuid.UUID
	name     string
	stage    int16
	emotion  *float64 // the journey's, copied
	personas []uuid.UUID
}

type planStage struct {
	id   uuid.UUID
	name string
}

// maxTouchpoints bounds the planned touchpoints of a journey.
const maxTouchpoints = math.MaxInt16

// NewPlan compiles journey j with opts. It fails when the journey has no
// touchpoint, when two touchpoints share an id, or when a key in
// opts.Keys names no touchpoint of j.
func NewPlan(j *journey.Journey, opts Options) (*Plan, error) {
	if j == nil {
		return nil, ErrNoTouchpoints
	}
	if opts.Window == 0 {
		opts.Window = DefaultWindow
	}
	if opts.Window < 0 {
		return nil, fmt.Errorf("analytics: window %v is negative", opts.Window)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.MaxBadRowsReported <= 0 {
		opts.MaxBadRowsReported = 100
	}
	opts.Columns = opts.Columns.withDefaults()
	p := &Plan{
		opts:      opts,
		window:    int64(opts.Window),
		journeyID: j.ID,
		title:     j.Title,
		source:    opts.Source,
		keys:      map[string]int32{},
		adhocIdx:  map[string]int32{},
		segIdx:    map[string]uint32{},
	}
	if opts.MemoryLimit < 0 {
		return nil, fmt.Errorf("analytics: memory limit %d is negative", opts.MemoryLimit)
	}
	if opts.MemoryLimit == 0 {
		p.opts.MemoryLimit = DefaultMemoryLimit
	}
	if opts.Order < Any || opts.Order > CustomerContiguous {
		return nil, fmt.Errorf("analytics: unknown order %d", opts.Order)
	}
	if opts.Mode < InOrder || opts.Mode > AnyOrder {
		return nil, fmt.Errorf("analytics: unknown mode %d", opts.Mode)
	}
	if p.source == "" {
		p.source = "event log"
	}
	names := map[string]int{}
	byID := map[uuid.UUID]int32{}
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		si := int16(len(p.stages))
		p.stages = append(p.stages, planStage{id: s.ID, name: s.Name})
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			if len(p.touches) == maxTouchpoints {
				return nil, fmt.Errorf("analytics: journey has more than %d touchpoints", maxTouchpoints)
			}
			if _, dup := byID[t.ID]; dup {
				return nil, fmt.Errorf("analytics: touchpoint id %s appears twice", t.ID)
			}
			idx := int32(len(p.touches))
			byID[t.ID] = idx
			pt := planTouch{id: t.ID, name: t.Name, stage: si}
			if t.Emotion != nil {
				e := *t.Emotion
				pt.emotion = &e
			}
			p.touches = append(p.touches, pt)
			names[t.Name]++
		}
	}
	if len(p.touches) == 0 {
		return nil, ErrNoTouchpoints
	}
	if err := p.initRoutes(j); err != nil {
		return nil, err
	}
	// Lowest priority first, so higher priorities overwrite.
	for i, t := range p.touches {
		if names[t.name] == 1 {
			p.keys[t.name] = int32(i)
		}
	}
	for i, t := range p.touches {
		p.keys[t.id.String()] = int32(i)
	}
	for k, id := range opts.Keys {
		idx, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("analytics: key %q maps to %s, which is not a touchpoint of the journey", k, id)
		}
		p.keys[k] = idx
	}
	return p, nil
}

// Touch returns the index of touchpoint key in records: 0..n−1 for the n
// planned touchpoints in journey order, n and above for ad-hoc keys (each
// new ad-hoc key gets the next index).
func (p *Plan) Touch(key string) int32 {
	if i, ok := p.keys[key]; ok {
		return i
	}
	p.mu.RLock()
	i, ok := p.adhocIdx[key]
	p.mu.RUnlock()
	if ok {
		return i
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if i, ok := p.adhocIdx[key]; ok {
		return i
	}
	i = int32(len(p.touches) + len(p.adhoc))
	p.adhocIdx[key] = i
	p.adhoc = append(p.adhoc, key)
	return i
}

// touchBytes is Touch for a byte slice, without allocating for known keys.
func (p *Plan) touchBytes(key []byte) int32 {
	if i, ok := p.keys[string(key)]; ok {
		return i
	}
	p.mu.RLock()
	i, ok := p.adhocIdx[string(key)]
	p.mu.RUnlock()
	if ok {
		return i
	}
	return p.Touch(string(key))
}

// adhocKey returns the key of ad-hoc index i (i ≥ len(touches)).
func (p *Plan) adhocKey(i int) string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.adhoc[i-len(p.touches)]
}

// Len returns the number of planned touchpoints.
func (p *Plan) Len() int { return len(p.touches) }

// Window returns the conversion window.
func (p *Plan) Window() time.Duration { return time.Duration(p.window) }

// CustomerKey returns a 64-bit hash of a customer id: a non-cryptographic
// hash that takes the id eight bytes at a time, then mixes. Different ids
// can have the same key: the analyser uses it only to find a customer's
// state and compares the ids themselves (see the package doc, "Customer
// identity"); a caller who builds Records needs keys unique per customer
// (a database id, or the rank of the id) rather than this hash.
func CustomerKey(id string) uint64 { return hashKey(id) }

func customerKeyBytes(id []byte) uint64 { return hashKey(id) }

func hashKey[T string | []byte](b T) uint64 {
	h := uint64(len(b)) * 0x9e3779b97f4a7c15
	for len(b) >= 8 {
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		h = (h ^ w) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		b = b[8:]
	}
	var w uint64
	for i := 0; i < len(b); i++ {
		w |= uint64(b[i]) << (8 * i)
	}
	h = (h ^ w) * 0x94d049bb133111eb
	return mix(h)
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Resolve converts e to a Record. It fails when the customer or touchpoint
// is empty or the emotion is outside −2..2.
func (p *Plan) Resolve(e Event) (Record, error) {
	if e.Customer == "" {
		return Record{}, &RowError{Field: "customer", Reason: ReasonEmptyCustomer, Err: errors.New("empty customer id")}
	}
	if e.Touchpoint == "" {
		return Record{}, &RowError{Field: "touchpoint", Reason: ReasonEmptyTouchpoint, Err: errors.New("empty touchpoint")}
	}
	if e.Outcome > Failed {
		return Record{}, &RowError{Field: "outcome", Err: fmt.Errorf("outcome %d is not ok or failed", e.Outcome)}
	}
	if y := e.Time.Year(); y < minYear || y > maxYear {
		return Record{}, &RowError{Field: "time", Err: fmt.Errorf("time %s is outside the years %d..%d", e.Time.Format(time.RFC3339), minYear, maxYear)}
	}
	pi, ok := p.Persona(e.Persona)
	if !ok {
		return Record{}, &RowError{Field: "persona", Err: fmt.Errorf("persona %q is neither the id nor the unique name of a persona of the journey", e.Persona)}
	}
	r := Record{Time: e.Time.UnixNano(), Customer: CustomerKey(e.Customer), Touch: p.Touch(e.Touchpoint), Outcome: e.Outcome, Emotion: NoEmotion,
		Persona: pi, Breakdown: p.Breakdown(e.Breakdown)}
	if e.Emotion != nil {
		em, err := emotionMilli(*e.Emotion)
		if err != nil {
			return Record{}, &RowError{Field: "emotion", Err: err}
		}
		r.Emotion = em
	}
	return r, nil
}

func emotionMilli(f float64) (int16, error) {
	if math.IsNaN(f) || f < -2 || f > 2 {
		return 0, fmt.Errorf("emotion %v is outside -2..2", f)
	}
	return int16(math.Round(f * 1000)), nil
}
