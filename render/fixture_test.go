package render_test

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

var fixtureNS = uuid.MustParse("0b7f3c1e-5d2a-4e8b-9c47-2f1a6d3e8b90")

func fid(kind string, i int) uuid.UUID {
	return uuid.NewSHA1(fixtureNS, fmt.Appendf(nil, "%s/%d", kind, i))
}

func personaNamed(name string) persona.Persona { return persona.Persona{Name: name} }

func ptr[T any](v T) *T { return &v }

// fixture is a small but complete journey built in Go with fixed ids: every
// renderer's golden output starts here.
func fixture() *journey.Journey {
	reviewed := time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC)
	lan := &persona.Persona{
		ID: fid("persona", 0), Name: "Lan, busy parent", Quote: "I order on my phone while the baby sleeps.",
		Description: "Office worker in Ho Chi Minh City with a toddler.", Lifecycle: persona.Customer,
		Demographics:      &persona.Demographics{AgeRange: "30-39", Gender: "female", Income: "25-35 million VND a month", Location: "Ho Chi Minh City", Occupation: "accountant"},
		Goals:             []string{"Get groceries without leaving home"},
		Needs:             []string{"Clear delivery times"},
		Frustrations:      []string{"Hidden shipping costs"},
		Behaviors:         []string{"Compares prices on two marketplaces"},
		PreferredChannels: []channel.Channel{channel.MobileApp, channel.Chat},
	}
	minh := &persona.Persona{ID: fid("persona", 1), Name: "Minh", Lifecycle: persona.Lead}
	j := &journey.Journey{
		SchemaVersion: 1, ID: fid("journey", 0), Title: "Grocery delivery: first order",
		Description: "How a new customer places a first grocery order in the app.",
		Type:        journey.ServiceBlueprint, Objective: "Find why first orders are abandoned at checkout",
		Language: "en", Owner: "Growth team", ReviewedAt: &reviewed, ReviewEveryDays: 90,
		Personas: []*persona.Persona{lan, minh},
	}
	shipping := &painpoint.PainPoint{
		ID: fid("pain", 0), Title: "Shipping cost shown only at checkout", Category: painpoint.Financial,
		Severity: painpoint.High, Description: "The fee appears on the last screen.", Evidence: "12 of 20 interviews",
	}
	wait := &painpoint.PainPoint{ID: fid("pain", 1), Title: "No delivery slot today", Category: painpoint.Process, Severity: painpoint.Critical}
	slow := &painpoint.PainPoint{ID: fid("pain", 2), Title: "Chat answers after 10 minutes", Category: painpoint.Support, Severity: painpoint.Medium, PersonaIDs: []uuid.UUID{minh.ID}}
	j.Stages = []*journey.Stage{
		{
			ID: fid("stage", 0), Name: "Discover", Phase: journey.BeforePurchase,
			CustomerGoal: "Find a shop that delivers today", Questions: []string{"Do they deliver to my district?"},
			Touchpoints: []*touchpoint.Touchpoint{
				{
					ID: fid("tp", 0), Name: "Sees a Facebook ad", Channel: channel.SocialMedia, Initiator: touchpoint.ByCompany,
					Owner: "Marketing", Actions: []string{"Scrolls the feed", "Taps the ad"}, Thoughts: []string{"Is it cheaper than the market?"},
					Feelings: []string{"curious"}, Emotion: ptr(1.0),
				},
				{
					ID: fid("tp", 1), Name: "Reads reviews", Channel: channel.ReviewSite, Initiator: touchpoint.ByCustomer,
					Actions: []string{"Reads three reviews"}, Emotion: ptr(0.5), PersonaIDs: []uuid.UUID{lan.ID},
				},
			},
			Metrics: []metric.Metric{{Name: "Ad click-through", Kind: metric.ConversionRate, Value: 2.1, Target: ptr(3.0), Unit: "%"}},
		},
		{
			ID: fid("stage", 1), Name: "Order", Phase: journey.DuringPurchase,
			Touchpoints: []*touchpoint.Touchpoint{
				{
					ID: fid("tp", 2), Name: "Checkout in the app", Channel: channel.MobileApp, Owner: "Product",
					Actions: []string{"Fills the cart", "Pays by card"}, Thoughts: []string{"Why is shipping 30,000 VND?"},
					Emotion: ptr(-1.5), PersonaEmotions: map[uuid.UUID]float64{lan.ID: -2, minh.ID: -0.5},
					PainPoints: []*painpoint.PainPoint{shipping, wait},
					Metrics:    []metric.Metric{{Name: "Checkout completion", Kind: metric.ConversionRate, Value: 0.62, Target: ptr(0.6)}},
					Supports: []touchpoint.Support{
						{Layer: touchpoint.Frontstage, Kind: touchpoint.Technology, Description: "Checkout screen"},
						{Layer: touchpoint.Backstage, Kind: touchpoint.Technology, Description: "Fee calculator", Owner: "Logistics IT"},
						{Layer: touchpoint.SupportProcess, Kind: touchpoint.Policy, Description: "Free shipping over 500,000 VND"},
					},
					PhysicalEvidence: []string{"Order confirmation e-mail"},
				},
				{
					ID: fid("tp", 3), Name: "Asks chat about slots", Channel: channel.Chat, Initiator: touchpoint.ByCustomer,
					PainPoints: []*painpoint.PainPoint{slow},
					Supports:   []touchpoint.Support{{Layer: touchpoint.Frontstage, Kind: touchpoint.People, Description: "Chat agent", Owner: "Care"}},
				},
			},
		},
		{ID: fid("stage", 2), Name: "Receive and reorder", Phase: journey.AfterPurchase, CustomerGoal: "Get fresh food on time"},
	}
	j.Opportunities = []*journey.Opportunity{
		{
			ID: fid("opp", 0), Title: "Show the shipping fee on the product page", PainPointIDs: []uuid.UUID{shipping.ID},
			Status: journey.Planned, Impact: 4, Effort: 2, Owner: "Product",
		},
		{ID: fid("opp", 1), Title: "Chatbot answers slot questions", TouchpointIDs: []uuid.UUID{fid("tp", 3)}},
	}
	return j
}
