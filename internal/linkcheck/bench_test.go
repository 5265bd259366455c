package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkCheck checks 1,000 distinct URLs (each given five times) on four
// local hosts that answer at once: the checker's own overhead, without
// network latency. scripts/bench-links.sh measures it with latency.
func BenchmarkCheck(b *testing.B) {
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path)%10 == 0 {
			http.NotFound(w, r)
		}
	})
	var urls []string
	for range 4 {
		srv := httptest.NewServer(handler)
		defer srv.Close()
		for i := range 250 {
			for range 5 {
				urls = append(urls, fmt.Sprintf("%s/page/%d", srv.URL, i))
			}
		}
	}
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if got := len(c.Check(context.Background(), urls)); got != 1000 {
			b.Fatalf("%d results, want 1000", got)
		}
	}
}
