// Quickstart builds a small customer journey in Go, analyses it, and writes
// it in every registered format to a directory:
//
//	go run ./examples/quickstart -o quickstart-out
//
// It prints the findings and the friction hotspots, then the files written
// (journey.json, journey.mmd, journey.html, journey.md, journey.csv, ...).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/render"
)

func main() {
	dir := flag.String("o", "quickstart-out", "directory to write the rendered journey to")
	flag.Parse()
	if err := run(*dir, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// build returns a journey of a customer buying a phone online.
func build() *journey.Journey {
	j := journey.New("Buying a phone online", journey.CurrentState)
	j.Objective = "Find why visitors compare phones but do not buy."
	j.Owner = "E-commerce team"

	lan := persona.New("Lan, first-time smartphone buyer")
	lan.Demographics = &persona.Demographics{AgeRange: "45-54", Location: "Đà Nẵng"}
	lan.PreferredChannels = []channel.Channel{channel.SocialMedia, channel.Store}
	buyer := j.AddPersona(lan)

	aware := j.AddStage("Awareness", journey.BeforePurchase)
	ad := aware.AddTouchpoint("Sees a Facebook ad", channel.SocialMedia)
	ad.Owner = "Marketing"
	ad.SetEmotion(1)

	compare := j.AddStage("Consideration", journey.BeforePurchase)
	page := compare.AddTouchpoint("Compares phones on the website", channel.Website)
	page.Owner = "Web team"
	page.SetEmotion(-1)
	page.PersonaIDs = append(page.PersonaIDs, buyer.ID)
	specs := page.AddPainPoint(painpoint.New("Specifications are hard to compare", painpoint.Process, painpoint.High))
	specs.Evidence = "Usability test, 5 of 8 participants"
	page.AddMetric(metric.New("Product page to cart", metric.ConversionRate, 2.4).WithTarget(4))

	buy := j.AddStage("Purchase", journey.DuringPurchase)
	checkout := buy.AddTouchpoint("Pays at checkout", channel.Website)
	checkout.Owner = "Web team"
	checkout.SetEmotion(-2)
	fee := checkout.AddPainPoint(painpoint.New("Shipping fee shown only at the end", painpoint.Financial, painpoint.Critical))

	after := j.AddStage("After purchase", journey.AfterPurchase)
	call := after.AddTouchpoint("Calls the hotline to set up the phone", channel.Phone)
	call.Owner = "Customer care"
	call.SetEmotion(0.5)

	opp := j.AddOpportunity("Show the total price on the product page", fee)
	opp.TouchpointIDs = append(opp.TouchpointIDs, page.ID, checkout.ID)
	opp.Impact, opp.Effort = 5, 2
	return j
}

// extensions maps the built-in format names to file extensions.
var extensions = map[string]string{
	"json": ".json", "mermaid": ".mmd", "mermaid-blueprint": ".blueprint.mmd",
	"html": ".html", "markdown": ".md", "csv": ".csv",
}

// run builds, validates and analyses the journey, prints a summary to w and
// writes every format to dir.
func run(dir string, w io.Writer) error {
	j := build()
	if err := j.Validate(); err != nil {
		return err
	}

	report := analysis.Analyze(j, analysis.Options{})
	fmt.Fprintf(w, "%s: friction %.2f\n", j.Title, report.Friction.Score)
	for _, f := range report.Findings {
		fmt.Fprintf(w, "  %s %s: %s\n", f.Severity, f.Code, f.Message)
	}
	for _, h := range report.Friction.Hotspots {
		fmt.Fprintf(w, "  hotspot %.2f %s\n", h.Score, h.Name)
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	reg := render.Default()
	for _, format := range reg.Formats() {
		ext, ok := extensions[format]
		if !ok {
			ext = "." + format
		}
		path := filepath.Join(dir, "journey"+ext)
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		err = reg.Render(f, format, j)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", format, err)
		}
		fmt.Fprintln(w, "wrote", path)
	}
	return nil
}
