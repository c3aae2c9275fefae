package journey_test

import (
	"errors"
	"fmt"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
)

// Build a journey in Go: ids are generated, and every Add method returns the
// stored object so it can be filled in further.
func ExampleNew() {
	j := journey.New("Buying a phone online", journey.CurrentState)
	j.Objective = "Find why visitors leave at checkout"
	lan := j.AddPersona(persona.New("Lan, office worker"))
	lan.PreferredChannels = []channel.Channel{channel.MobileApp, channel.Chat}

	aware := j.AddStage("Awareness", journey.BeforePurchase)
	ad := aware.AddTouchpoint("Sees a TikTok ad", channel.SocialMedia)
	ad.SetEmotion(1)

	checkout := j.AddStage("Checkout", journey.DuringPurchase)
	pay := checkout.AddTouchpoint("Pays by card", channel.Website)
	pay.SetEmotion(-2)
	fee := pay.AddPainPoint(painpoint.New("Shipping fee appears only at the end", painpoint.Financial, painpoint.High))
	checkout.AddMetric(metric.New("Checkout conversion", metric.ConversionRate, 0.42).WithTarget(0.6))
	j.AddOpportunity("Show the shipping fee on the product page", fee)

	fmt.Println(j.Validate())
	for stage, tp := range j.Touchpoints() {
		fmt.Printf("%s / %s (%s, %s)\n", stage.Name, tp.Name, tp.Channel, tp.EffectiveMode())
	}
	// Output:
	// <nil>
	// Awareness / Sees a TikTok ad (social_media, online)
	// Checkout / Pays by card (website, online)
}

// Validate reports every problem at once; each names its JSON path and
// matches a sentinel with errors.Is.
func ExampleJourney_Validate() {
	j := journey.New("", journey.CurrentState)
	s := j.AddStage("Checkout", "later")
	tp := s.AddTouchpoint("Pays", channel.Website)
	tp.SetEmotion(3)

	err := j.Validate()
	var problems docerr.List
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Println(p.Path, "|", p.Detail)
		}
	}
	fmt.Println(errors.Is(err, docerr.ErrRange))
	// Output:
	// title | required, must not be blank
	// stages[0].phase | phase "later" is not one of before_purchase, during_purchase, after_purchase
	// stages[0].touchpoints[0].emotion | 3 is outside -2..2
	// true
}

// A template gives the stages of a method from the articles, named in the
// journey's language.
func ExampleFromTemplate() {
	j, err := journey.FromTemplate(journey.TemplateInbound, "Khoá học online", journey.FutureState, "vi")
	if err != nil {
		panic(err)
	}
	for _, s := range j.Stages {
		fmt.Println(s.Name, "-", s.Phase)
	}
	// Output:
	// Thu hút - before_purchase
	// Chuyển đổi - before_purchase
	// Chốt đơn hàng - during_purchase
	// Hài lòng - after_purchase
}
