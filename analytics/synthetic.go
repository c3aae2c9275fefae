package analytics

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/touchpoint"
)

// SyntheticConfig describes a synthetic event log.
type SyntheticConfig struct {
	// Seed makes the log reproducible.
	Seed uint64
	// Customers is the number of customers (N).
	Customers int
	// Steps is the number of touchpoints of the journey (K), two per stage.
	Steps int
	// DropOff is the chance that a customer stops before each step after the first.
	DropOff float64
	// Noise is the chance, per step, of each kind of noise: a skipped step, a
	// repeated event (sometimes at the same second), an ad-hoc event, a step
	// back, a failed outcome, a long pause, an event before the first step, and
	// a customer who never starts.
	Noise float64
	// Order is the order of Events, Records and the written files: Any
	// shuffles the events, TimeOrdered sorts them by time, and
	// CustomerContiguous keeps each customer's events together, customers
	// in ascending order.
	Order Order
	// Start is the earliest event time; zero means 2026-01-01T00:00:00Z.
	Start time.Time
}

// Synthetic is a generated journey and event log for tests and benchmarks.
// Customer ids are "c00000001", "c00000002", …; touchpoint keys are the
// touchpoint names "t1" … "tK" and the ad-hoc keys "adhoc1" … "adhoc5";
// times are whole seconds.
type Synthetic struct {
	// Journey is the planned route: K touchpoints in ⌈K/2⌉ stages.
	Journey *journey.Journey
	cfg     SyntheticConfig
	keys    []string
	events  []synthEvent
}

type synthEvent struct {
	sec   int64  // Unix seconds
	cust  uint32 // customer number, from 1
	touch int16  // index into keys
	out   Outcome
	emo   int8 // tenths, or −128 for none
}

const synthNoEmotion = -128

// NewSynthetic generates the log described by cfg.
func NewSynthetic(cfg SyntheticConfig) *Synthetic {
	if cfg.Steps < 1 {
		cfg.Steps = 1
	}
	if cfg.Start.IsZero() {
		cfg.Start = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	s := &Synthetic{cfg: cfg, Journey: syntheticJourney(cfg.Seed, cfg.Steps)}
	for i := range cfg.Steps {
		s.keys = append(s.keys, fmt.Sprintf("t%d", i+1))
	}
	for i := range 5 {
		s.keys = append(s.keys, fmt.Sprintf("adhoc%d", i+1))
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	start := cfg.Start.Unix()
	const day = 86400
	chance := func(p float64) bool { return rng.Float64() < p }
	var mine []synthEvent
	for c := 1; c <= cfg.Customers; c++ {
		mine = mine[:0]
		t := start + rng.Int64N(60*day)
		add := func(touch int, sec int64) {
			e := synthEvent{sec: sec, cust: uint32(c), touch: int16(touch), emo: synthNoEmotion}
			if chance(cfg.Noise) {
				e.out = Failed
			} else if chance(0.5) {
				e.out = OK
			}
			if chance(0.2) {
				e.emo = int8(rng.IntN(41) - 20)
			}
			mine = append(mine, e)
		}
		if chance(cfg.Noise) { // never starts
			for range 1 + rng.IntN(2) {
				add(1+rng.IntN(len(s.keys)-1), t)
				t += rng.Int64N(day)
			}
		} else {
			if chance(cfg.Noise) { // before the first step
				add(rng.IntN(cfg.Steps), t-rng.Int64N(day)-1)
			}
			for k := range cfg.Steps {
				if k > 0 && chance(cfg.DropOff) {
					break
				}
				if k > 0 && chance(cfg.Noise) { // skipped
					continue
				}
				add(k, t)
				if chance(cfg.Noise) { // repeated, maybe in the same second
					add(k, t+rng.Int64N(2)*rng.Int64N(600))
				}
				if chance(cfg.Noise) { // ad hoc
					add(cfg.Steps+rng.IntN(5), t+rng.Int64N(3600))
				}
				if k > 0 && chance(cfg.Noise) { // a step back
					add(rng.IntN(k), t+rng.Int64N(3600))
				}
				gap := 60 + rng.Int64N(3*day)
				if chance(cfg.Noise) { // a long pause, maybe past the window
					gap += 20 * day
				}
				t += gap
			}
		}
		slices.SortStableFunc(mine, func(a, b synthEvent) int { return int(a.sec - b.sec) })
		s.events = append(s.events, mine...)
	}
	if cfg.Order == Any {
		rng.Shuffle(len(s.events), func(i, j int) { s.events[i], s.events[j] = s.events[j], s.events[i] })
	}
	if cfg.Order == TimeOrdered {
		slices.SortStableFunc(s.events, func(a, b synthEvent) int {
			if a.sec != b.sec {
				if a.sec < b.sec {
					return -1
				}
				return 1
			}
			return int(a.cust) - int(b.cust)
		})
	}
	return s
}

func syntheticJourney(seed uint64, steps int) *journey.Journey {
	ns := uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://journeymap.dev/synthetic/"+strconv.FormatUint(seed, 10)))
	id := func(s string) uuid.UUID { return uuid.NewSHA1(ns, []byte(s)) }
	j := &journey.Journey{SchemaVersion: journey.SchemaVersion, ID: id("journey"), Title: "Synthetic journey", Type: journey.CurrentState}
	phases := journey.Phases()
	nStages := (steps + 1) / 2
	for si := range nStages {
		name := fmt.Sprintf("Stage %d", si+1)
		st := &journey.Stage{ID: id(name), Name: name, Phase: phases[si*len(phases)/nStages]}
		for k := 2 * si; k < 2*si+2 && k < steps; k++ {
			tname := fmt.Sprintf("t%d", k+1)
			st.Touchpoints = append(st.Touchpoints, &touchpoint.Touchpoint{ID: id(tname), Name: tname, Channel: channel.Website})
		}
		j.Stages = append(j.Stages, st)
	}
	return j
}

// Len returns the number of events.
func (s *Synthetic) Len() int { return len(s.events) }

func customerID(c uint32) string { return fmt.Sprintf("c%08d", c) }

func (s *Synthetic) event(e synthEvent) Event {
	ev := Event{Customer: customerID(e.cust), Touchpoint: s.keys[e.touch], Time: time.Unix(e.sec, 0).UTC(), Outcome: e.out}
	if e.emo != synthNoEmotion {
		f := float64(e.emo) / 10
		ev.Emotion = &f
	}
	return ev
}

// Events yields the events in the configured order.
func (s *Synthetic) Events() iter.Seq[Event] {
	return func(yield func(Event) bool) {
		for _, e := range s.events {
			if !yield(s.event(e)) {
				return
			}
		}
	}
}

// Records returns the events resolved against p; the customer key is the
// customer number, so keys ascend in grouped order.
func (s *Synthetic) Records(p *Plan) []Record {
	touch := make([]int32, len(s.keys))
	for i, k := range s.keys {
		touch[i] = p.Touch(k)
	}
	out := make([]Record, len(s.events))
	for i, e := range s.events {
		r := Record{Time: e.sec * 1e9, Customer: uint64(e.cust), Touch: touch[e.touch], Outcome: e.out, Emotion: NoEmotion}
		if e.emo != synthNoEmotion {
			r.Emotion = int16(e.emo) * 100
		}
		out[i] = r
	}
	return out
}

// WriteCSV writes the log as CSV with the header
// customer_id,touchpoint,timestamp,outcome,emotion (RFC 3339 UTC times).
func (s *Synthetic) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("customer_id,touchpoint,timestamp,outcome,emotion\n")
	var b []byte
	for _, e := range s.events {
		b = fmt.Appendf(b[:0], "c%08d,%s,", e.cust, s.keys[e.touch])
		b = time.Unix(e.sec, 0).UTC().AppendFormat(b, time.RFC3339)
		b = append(b, ',')
		b = append(b, e.out.String()...)
		b = append(b, ',')
		if e.emo != synthNoEmotion {
			b = strconv.AppendFloat(b, float64(e.emo)/10, 'f', -1, 64)
		}
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteNDJSON writes the log as one JSON object per line with the members
// customer_id, touchpoint, timestamp and, when present, outcome and emotion.
func (s *Synthetic) WriteNDJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var b []byte
	for _, e := range s.events {
		b = fmt.Appendf(b[:0], `{"customer_id":"c%08d","touchpoint":%q,"timestamp":"`, e.cust, s.keys[e.touch])
		b = time.Unix(e.sec, 0).UTC().AppendFormat(b, time.RFC3339)
		b = append(b, '"')
		if e.out != NoOutcome {
			b = append(b, `,"outcome":"`...)
			b = append(b, e.out.String()...)
			b = append(b, '"')
		}
		if e.emo != synthNoEmotion {
			b = append(b, `,"emotion":`...)
			b = strconv.AppendFloat(b, float64(e.emo)/10, 'f', -1, 64)
		}
		b = append(b, "}\n"...)
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}
