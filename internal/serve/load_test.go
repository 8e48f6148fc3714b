package serve

import (
	"bytes"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoad sends 300 requests for the seed's PDF from 8 clients at once,
// as a newsroom's batch would: every answer must be 200 or 503 (the queue
// full), at least 95% 200, and every PDF whole. It logs the throughput,
// the median and 95th percentile latency and the peak memory of the
// process. The server is one in this process, or, when PUBLISH_LOAD_URL
// names one, that server (bench/serve-load.sh starts the command for it).
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("300 requests")
	}
	base := os.Getenv("PUBLISH_LOAD_URL")
	if base == "" {
		// Jobs and queue as the defaults give them on two CPUs: with
		// fewer places than clients, those turned away retry at once.
		base = testServer(t, Config{Jobs: 2, Queue: 8}).URL
	}
	const requests, clients = 300, 8
	ct, body := form(t, part{field: "file", name: "china-power.txt", data: seed()})
	payload := body.Bytes()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		statuses  = map[int]int{}
		broken    int
	)
	work := make(chan struct{})
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Go(func() {
			client := &http.Client{Timeout: 2 * time.Minute}
			for range work {
				t0 := time.Now()
				resp, err := client.Post(base+"/v1/publish", ct, bytes.NewReader(payload))
				status, whole := 0, false
				if err == nil {
					var out bytes.Buffer
					_, err = out.ReadFrom(resp.Body)
					resp.Body.Close()
					status = resp.StatusCode
					pdf := out.Bytes()
					whole = err == nil && bytes.HasPrefix(pdf, []byte("%PDF-")) && bytes.Contains(pdf[max(0, len(pdf)-64):], []byte("%%EOF"))
				}
				mu.Lock()
				latencies = append(latencies, time.Since(t0))
				statuses[status]++
				if status == http.StatusOK && !whole {
					broken++
				}
				mu.Unlock()
			}
		})
	}
	for range requests {
		work <- struct{}{}
	}
	close(work)
	wg.Wait()
	elapsed := time.Since(start)
	for status, n := range statuses {
		if status != http.StatusOK && status != http.StatusServiceUnavailable {
			t.Errorf("%d answers with status %d", n, status)
		}
	}
	if ok := statuses[http.StatusOK]; ok*100 < requests*95 {
		t.Errorf("only %d of %d answers were 200", ok, requests)
	}
	if broken > 0 {
		t.Errorf("%d PDFs were not whole", broken)
	}
	slices.Sort(latencies)
	t.Logf("%d requests from %d clients in %v: %.1f requests/s; latency p50 %v, p95 %v; statuses %v; peak memory of this process %s",
		requests, clients, elapsed.Round(time.Millisecond), float64(requests)/elapsed.Seconds(),
		latencies[len(latencies)/2].Round(time.Millisecond), latencies[len(latencies)*95/100].Round(time.Millisecond),
		statuses, peakRSS())
}

// peakRSS reads the process's peak resident memory from /proc, "?" where
// there is none.
func peakRSS() string {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}
