package parquetevents_test

import (
	"bytes"
	"fmt"

	"github.com/parquet-go/parquet-go"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/parquetevents"
)

func ExampleRead() {
	// A Parquet export with its own column names and TIMESTAMP times.
	type event struct {
		User  string `parquet:"user_id"`
		Event string `parquet:"event"`
		TS    int64  `parquet:"ts,timestamp(millisecond)"`
	}
	syn := analytics.NewSynthetic(analytics.SyntheticConfig{Seed: 1, Customers: 1, Steps: 2})
	var buf bytes.Buffer
	if err := parquet.Write(&buf, []event{{"u1", "t1", 1793527200000}, {"u1", "t2", 1793527260000}}); err != nil {
		fmt.Println(err)
		return
	}
	p, err := analytics.NewPlan(syn.Journey, analytics.Options{Columns: analytics.Columns{Customer: "user_id", Touchpoint: "event", Time: "ts"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := parquetevents.Read(p, bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Events, "events;", res.Touchpoints[1].Name, "reached by", res.Touchpoints[1].Reached)
	// Output:
	// 2 events; t2 reached by 1
}
