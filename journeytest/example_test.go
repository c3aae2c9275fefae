package journeytest_test

import (
	"fmt"
	"testing"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/journeytest"
)

// printT stands in for the *testing.T of a real test: it prints what the
// test would report.
type printT struct{ testing.TB }

func (printT) Helper() {}

func (printT) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

func (printT) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

func Example() {
	t := printT{} // in a real test: the *testing.T
	j := journeytest.Load(t, "testdata/checkout.json")
	fmt.Println(journeytest.Valid(t, j))
	fmt.Println(journeytest.NoFindings(t, j, analysis.CodeNoTouchpoints, analysis.CodePhaseUncovered))
	fmt.Println(journeytest.FrictionBelow(t, j, 0.4))
	// Output:
	// true
	// true
	// true
}

func ExampleNoFindings() {
	t := printT{}
	j := journeytest.Load(t, "testdata/checkout.json")
	j.AddStage("Get help", journey.AfterPurchase)
	journeytest.NoFindings(t, j, analysis.CodeNoTouchpoints)
	// Output:
	// journeytest: journey "Buying a phone online" has 1 finding (want no stage.no_touchpoints):
	//   stages[3] (stage.no_touchpoints, warning): Stage "Get help" has no touchpoint: the customer meets nothing from the brand here. Add the touchpoint that is missing.
}

func ExampleNoFindingsAtOrAbove() {
	t := printT{}
	j := journeytest.Load(t, "testdata/checkout.json")
	journeytest.NoFindingsAtOrAbove(t, j, analysis.Warning)
	// Output:
	// journeytest: journey "Buying a phone online" has 1 finding of severity warning or worse:
	//   stages[1].touchpoints[0].pain_points[0] (painpoint.unaddressed, warning): Pain point "Shipping fee shown only at checkout" (high financial pain) is not addressed by any opportunity.
}

func ExampleFrictionBelow() {
	t := printT{}
	j := journeytest.Load(t, "testdata/checkout.json")
	journeytest.FrictionBelow(t, j, 0.2)
	// Output:
	// journeytest: journey "Buying a phone online" has friction 0.3143, not below 0.2.
	//   It comes from: pain.financial 0.1667 [1 high], negative_emotion 0.0833, emotion_dip 0.0833, channel_handoff 0.125.
	//   Worst stages:
	//     stages[1] "Buy": 0.5 (pain.financial 0.5 [1 high], negative_emotion 0.25, emotion_dip 0.25)
	//     stages[2] "Receive": 0.2 (channel_handoff 0.25)
	//     stages[0] "Browse": 0.1111 (channel_handoff 0.125)
	//   Worst touchpoints:
	//     stages[1].touchpoints[0] "Sees the shipping fee in the cart" in "Buy": 0.6667 (pain.financial 1 [1 high], negative_emotion 0.5 [emotion -1], emotion_dip 0.5 [emotion falls from 1 to -1])
	//     stages[0].touchpoints[1] "Reads the product page" in "Browse": 0.2 (channel_handoff 0.25 [from social media to website])
	//     stages[2].touchpoints[0] "Gets a delivery email" in "Receive": 0.2 (channel_handoff 0.25 [from website to email])
	//     stages[2].touchpoints[1] "Unboxes the phone" in "Receive": 0.2 (channel_handoff 0.25 [from email to other])
}

func ExampleValid() {
	t := printT{}
	j := journeytest.Load(t, "testdata/checkout.json")
	j.Stages[0].Touchpoints[0].SetEmotion(3)
	journeytest.Valid(t, j)
	// Output:
	// journeytest: journey "Buying a phone online" is not valid (1 problem):
	//   stages[0].touchpoints[0].emotion: 3 is outside -2..2
}
