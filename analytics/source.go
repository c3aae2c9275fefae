package analytics

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// Run analyses the events read from r, in format "csv" or "ndjson"
// (gzip-compressed or not), on journey j. It is NewPlan followed by ReadCSV
// or ReadNDJSON.
func Run(j *journey.Journey, r io.Reader, format string, opts Options) (*Result, error) {
	p, err := NewPlan(j, opts)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(format) {
	case "csv":
		return p.ReadCSV(r)
	case "ndjson", "jsonl":
		return p.ReadNDJSON(r)
	}
	return nil, fmt.Errorf("analytics: unknown event format %q (want csv or ndjson)", format)
}

// FormatOf returns the event format a file name implies, and whether it is
// gzip-compressed: "events.csv.gz" is ("csv", true); "ndjson" for .ndjson
// and .jsonl, "parquet" for .parquet, "" for anything else.
func FormatOf(name string) (format string, gzipped bool) {
	lower := strings.ToLower(name)
	if l, ok := strings.CutSuffix(lower, ".gz"); ok {
		lower, gzipped = l, true
	}
	switch filepath.Ext(lower) {
	case ".csv":
		return "csv", gzipped
	case ".ndjson", ".jsonl":
		return "ndjson", gzipped
	case ".parquet":
		return "parquet", gzipped
	}
	return "", gzipped
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// decompress returns r, decompressed when it starts as a gzip stream does.
// A pipe's buffer is enlarged first (growPipe).
func decompress(r io.Reader) (io.Reader, error) {
	growPipe(r)
	br := bufio.NewReaderSize(r, 4096)
	head, err := br.Peek(2)
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("analytics: reading events: %w", err)
	}
	if !bytes.Equal(head, gzipMagic) {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("analytics: reading gzip-compressed events: %w", err)
	}
	return zr, nil
}

// Decompress returns r decompressed when it is a gzip stream (told by its
// first bytes), or r as it is.
func Decompress(r io.Reader) (io.Reader, error) { return decompress(r) }
