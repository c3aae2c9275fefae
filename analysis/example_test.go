package analysis_test

import (
	"fmt"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
)

// checkout builds a small current-state journey: a product page and a
// checkout where the shipping fee appears late.
func checkout() *journey.Journey {
	j := journey.New("Buying a phone online", journey.CurrentState)
	j.Objective = "Find where buyers give up"
	browse := j.AddStage("Browse", journey.BeforePurchase)
	page := browse.AddTouchpoint("Reads the product page", channel.Website)
	page.Owner = "Web team"
	page.SetEmotion(1)
	buy := j.AddStage("Buy", journey.DuringPurchase)
	cart := buy.AddTouchpoint("Sees the shipping fee in the cart", channel.Website)
	cart.Owner = "Web team"
	cart.SetEmotion(-1)
	cart.AddPainPoint(painpoint.New("Shipping fee shown only at checkout", painpoint.Financial, painpoint.High))
	hotline := buy.AddTouchpoint("Calls to ask about the fee", channel.Phone)
	hotline.SetEmotion(-2)
	return j
}

func ExampleAnalyze() {
	r := analysis.Analyze(checkout(), analysis.Options{})
	for _, f := range r.Findings {
		fmt.Println(f.Severity, f.Code, f.Path)
	}
	fmt.Printf("journey friction %.2f\n", r.Friction.Score)
	for _, s := range r.Friction.Stages {
		fmt.Printf("%s %.2f\n", s.Name, s.Score)
	}
	w := r.Friction.WeakestLink
	fmt.Printf("weakest link: %s (%.2f)\n", w.Name, w.Score)
	for _, f := range w.Factors {
		fmt.Printf("  %s %.2f %s\n", f.Name, f.Points, f.Detail)
	}
	// Output:
	// warning journey.no_personas personas
	// critical phase.uncovered stages
	// info stage.single_touchpoint stages[0]
	// warning painpoint.unaddressed stages[1].touchpoints[0].pain_points[0]
	// warning touchpoint.no_owner stages[1].touchpoints[1]
	// journey friction 0.47
	// Browse 0.00
	// Buy 0.64
	// weakest link: Sees the shipping fee in the cart (0.67)
	//   pain.financial 1.00 1 high
	//   negative_emotion 0.50 emotion -1
	//   emotion_dip 0.50 emotion falls from 1 to -1
}

func ExampleDiff() {
	current := checkout()
	future := checkout()
	// Same ids (a copy), so the stages and touchpoints match by id.
	future.ID = current.ID
	for i, s := range future.Stages {
		s.ID = current.Stages[i].ID
		for k, t := range s.Touchpoints {
			t.ID = current.Stages[i].Touchpoints[k].ID
		}
	}
	// The future state shows the fee on the product page: no pain, no call.
	cart := future.Stages[1].Touchpoints[0]
	cart.PainPoints = nil
	cart.SetEmotion(1)
	future.Stages[1].Touchpoints = future.Stages[1].Touchpoints[:1]

	fmt.Print(analysis.Diff(current, future))
	// Output:
	// stage changed: "Buy" (touchpoints); friction 0.6364 → 0 (-0.6364); emotion -1.5 → 1 (+2.5)
	// touchpoint changed: "Sees the shipping fee in the cart" in "Buy" (emotion, pain_points)
	// touchpoint removed: "Calls to ask about the fee" in "Buy"
	// pain point resolved: "Shipping fee shown only at checkout" (high financial) at "Sees the shipping fee in the cart"
	// journey friction 0.4667 → 0 (-0.4667)
}
