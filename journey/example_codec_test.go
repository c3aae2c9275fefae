package journey_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
)

func ExampleUnmarshal() {
	data := []byte(`{
	  "schema_version": 1,
	  "title": "Mua điện thoại online",
	  "type": "current_state",
	  "stages": [
	    {"name": "Tìm hiểu", "phase": "before_purchase",
	     "touchpoints": [{"name": "Đọc đánh giá", "channel": "review_site", "emotion": -1,
	                      "pain_points": [{"title": "Phí ship ẩn", "category": "financial", "severity": "high"}]}]}
	  ]
	}`)
	j, err := journey.Unmarshal(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for s, t := range j.Touchpoints() {
		fmt.Printf("%s / %s on %s (%s), emotion %v\n", s.Name, t.Name, t.Channel, t.EffectiveMode(), *t.Emotion)
	}
	for _, p := range j.PainPoints() {
		fmt.Printf("pain: %s (%s, %s)\n", p.Title, p.Category, p.Severity)
	}
	// Ids left out are filled from the bytes: the same document always gets the same ids.
	again, _ := journey.Unmarshal(data)
	fmt.Println("same ids:", j.ID == again.ID && j.ID != uuid.Nil)
	// Output:
	// Tìm hiểu / Đọc đánh giá on review_site (online), emotion -1
	// pain: Phí ship ẩn (financial, high)
	// same ids: true
}

func ExampleUnmarshal_errors() {
	data := []byte(`{"schema_version": 1, "title": "T", "type": "current_state", "colour": "red",
	  "stages": [{"name": "S", "phase": "later", "touchpoints": [{"name": "t", "channel": "website", "emotion": null}]}]}`)
	_, err := journey.Unmarshal(data)
	var problems docerr.List
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Println(p.Path, "|", errors.Is(p, docerr.ErrUnknownField), errors.Is(p, docerr.ErrEnum), errors.Is(p, docerr.ErrType))
		}
	}
	fmt.Println(errors.Is(err, docerr.ErrEnum))
	// Output:
	// colour | true false false
	// stages[0].phase | false true false
	// stages[0].touchpoints[0].emotion | false false true
	// true
}

func ExampleMarshalIndent() {
	j := journey.New("Checkout", journey.CurrentState)
	j.ID = uuid.MustParse("6f1c1b3e-8a4e-4c3b-9a3e-1d2c3b4a5e6f")
	s := j.AddStage("Pay", journey.DuringPurchase)
	s.ID = uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000001")
	t := s.AddTouchpoint("Card form", channel.Website)
	t.ID = uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000002")
	t.SetEmotion(-0.5)
	t.Extensions = []byte(`{"figma": "node-12"}`) // kept byte-for-byte

	out, err := journey.MarshalIndent(j, "  ")
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(out)
	// Output:
	// {
	//   "schema_version": 1,
	//   "id": "6f1c1b3e-8a4e-4c3b-9a3e-1d2c3b4a5e6f",
	//   "title": "Checkout",
	//   "type": "current_state",
	//   "stages": [
	//     {
	//       "id": "0a0b0c0d-0e0f-4000-8000-000000000001",
	//       "name": "Pay",
	//       "phase": "during_purchase",
	//       "touchpoints": [
	//         {
	//           "id": "0a0b0c0d-0e0f-4000-8000-000000000002",
	//           "name": "Card form",
	//           "channel": "website",
	//           "emotion": -0.5,
	//           "extensions": {"figma": "node-12"}
	//         }
	//       ]
	//     }
	//   ]
	// }
}

func ExampleDecode() {
	// A request body from an untrusted client: limit its size and nesting.
	body := strings.NewReader(`{"schema_version": 1, "title": "T", "type": "current_state", "extensions": {"a": {"b": {"c": 1}}}}`)
	_, err := journey.Decode(body, journey.DecodeOptions{MaxBytes: 64 << 10, MaxDepth: 3})
	fmt.Println(errors.Is(err, docerr.ErrTooDeep))
	fmt.Println(err)
	// Output:
	// true
	// extensions["a"]["b"]: nesting deeper than the limit of 3
}
