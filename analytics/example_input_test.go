package analytics_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/journeymap/journeymap/analytics"
)

// A warehouse export: its own column names, times as the database writes
// them (no offset, here in Vietnam's time zone), and a row whose time is
// a number of unknown unit.
func ExamplePlan_ReadCSV() {
	const export = `user_id,event,ts,plan
ann,browse,2026-11-01 17:00:00,pro
ann,compare,2026-11-01 17:20,pro
bob,browse,2026-11-01 18:05:00.250,free
bob,pay,86400,free
`
	cols, err := analytics.ParseColumns("customer=user_id,touchpoint=event,time=ts,segment=plan")
	if err != nil {
		fmt.Println(err)
		return
	}
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	p, err := analytics.NewPlan(shop(), analytics.Options{
		Columns:    cols,
		Time:       analytics.TimeFormat{Location: hcm},
		MaxBadRows: analytics.MaxBadRows(1),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := p.ReadCSV(strings.NewReader(export))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("events:", res.Events, "customers:", res.Customers)
	for _, b := range res.BadRows.Rows {
		fmt.Printf("line %d, %s (%s): %s\n", b.Line, b.Field, b.Reason, b.Message)
	}
	// Output:
	// events: 3 customers: 2
	// line 5, ts (ambiguous_time): time "86400": a number whose time unit cannot be told from its 5 digits: give the unit (s, ms, us or ns)
}

// Past the bad-row limit a read fails, and the error still holds what was
// read, so the bad rows can be listed.
func ExampleReadError() {
	const log = `customer_id,touchpoint,timestamp
ann,browse,2026-11-01T10:00:00Z
bob,browse,yesterday
`
	p, _ := analytics.NewPlan(shop(), analytics.Options{}) // 1% of 2 rows: none tolerated
	_, err := p.ReadCSV(strings.NewReader(log))
	fmt.Println(err)
	var re *analytics.ReadError
	if errors.As(err, &re) {
		for _, rc := range re.Result.BadRows.Reasons {
			fmt.Println(rc.Reason, rc.Count)
		}
	}
	// Output:
	// analytics: too many bad rows: 1 of 2 rows (limit 1%)
	// bad_time 1
}

func ExampleParseBadRowLimit() {
	for _, s := range []string{"1%", "0", "250"} {
		l, err := analytics.ParseBadRowLimit(s)
		fmt.Println(l, err)
	}
	// Output:
	// 1% <nil>
	// 0 <nil>
	// 250 <nil>
}
