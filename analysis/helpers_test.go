package analysis_test

import (
	"encoding/binary"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// id returns a fixed uuid for n, so test journeys and their reports are deterministic.
func id(n uint64) uuid.UUID {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[8:], n)
	u[6] = 0x40 // version 4 layout, for readability only
	u[8] |= 0x80
	return u
}

func f(v float64) *float64 { return &v }

var (
	reviewed = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	// inTime is a Now at which the clean journey's review is not overdue.
	inTime = time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)
)

// tp returns a complete touchpoint: owned, measured, with backstage support.
func tp(n uint64, name string, ch channel.Channel, emotion float64) *touchpoint.Touchpoint {
	return &touchpoint.Touchpoint{
		ID: id(n), Name: name, Channel: ch, Owner: "CX team", Emotion: f(emotion),
		Supports: []touchpoint.Support{{Layer: touchpoint.Backstage, Kind: touchpoint.Technology, Description: "Order system"}},
	}
}

// clean returns a service blueprint that raises no finding at Now = inTime:
// it has an objective and a persona, every phase covered by stages of two
// touchpoints, owners, emotions and backstage support everywhere, its one
// pain point (a support pain in a stage with a phone line) addressed by an
// opportunity, and metrics on target.
func clean() *journey.Journey {
	lan := &persona.Persona{ID: id(1), Name: "Lan", PreferredChannels: []channel.Channel{channel.Website, channel.Phone}}
	j := &journey.Journey{
		SchemaVersion: 1, ID: id(100), Title: "Buying a phone online", Type: journey.ServiceBlueprint,
		Objective: "Find where buyers give up", ReviewedAt: &reviewed, ReviewEveryDays: 30,
		Personas: []*persona.Persona{lan},
		Stages: []*journey.Stage{
			{ID: id(10), Name: "Discover", Phase: journey.BeforePurchase, Touchpoints: []*touchpoint.Touchpoint{
				tp(20, "Sees an ad", channel.SocialMedia, 1),
				tp(21, "Reads reviews", channel.Website, 1),
			}},
			{ID: id(11), Name: "Buy", Phase: journey.DuringPurchase, Touchpoints: []*touchpoint.Touchpoint{
				tp(22, "Adds to cart", channel.Website, 1),
				tp(23, "Pays", channel.Website, 0),
			}, Metrics: []metric.Metric{metric.New("Checkout conversion", metric.ConversionRate, 0.4).WithTarget(0.3)}},
			{ID: id(12), Name: "Get help", Phase: journey.AfterPurchase, Touchpoints: []*touchpoint.Touchpoint{
				tp(24, "Reads the FAQ", channel.Website, 0),
				tp(25, "Calls the hotline", channel.Phone, 1),
			}},
		},
	}
	pain := &painpoint.PainPoint{ID: id(30), Title: "FAQ does not answer", Category: painpoint.Support, Severity: painpoint.Medium}
	j.Stages[2].Touchpoints[0].PainPoints = []*painpoint.PainPoint{pain}
	j.Opportunities = []*journey.Opportunity{{ID: id(40), Title: "Rewrite the FAQ", PainPointIDs: []uuid.UUID{pain.ID}}}
	return j
}
