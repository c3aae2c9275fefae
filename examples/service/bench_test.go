package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// BenchmarkEightLargeInvalidPosts posts 8 documents of 340,000 empty stages
// (1 MiB, 680,000 problems each) at once, as the report that found the 2.6 GB
// peak did, and reports the peak heap in use and the 422 body size.
func BenchmarkEightLargeInvalidPosts(b *testing.B) {
	doc := emptyStages(340_000)
	srv := NewServer(Options{})
	var peak, body atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			default:
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
		}
	}()
	for b.Loop() {
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				req := httptest.NewRequest("POST", "/journeys", strings.NewReader(doc))
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				body.Store(uint64(rec.Body.Len()))
			})
		}
		wg.Wait()
	}
	close(stop)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(body.Load()), "422-body-bytes")
}

// A request waiting for a decoding slot gives up when its client does, and
// writes nothing.
func TestWaitingForDecodingGivesUpWithTheClient(t *testing.T) {
	srv := NewServer(Options{MaxDecoding: 1})
	srv.decoding <- struct{}{} // the one slot is taken
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "POST", "/journeys", strings.NewReader(smallDoc))
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	assert.Empty(t, rec.Body.String())
	assert.Equal(t, http.StatusOK, rec.Code, "no status written: the recorder's default")
	<-srv.decoding
	assert.Equal(t, http.StatusCreated, send(t, srv, request{method: "POST", target: "/journeys", body: smallDoc}).status, "the slot is free again")
}
