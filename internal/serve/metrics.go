package serve

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are a Server's Prometheus metrics, in a registry of its own so
// that two servers in one process (as in tests) count apart.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
	pages    prometheus.Counter
}

func newMetrics(g *gate) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "publish_http_requests_total",
			Help: "Requests answered, by route and status.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "publish_http_request_duration_seconds",
			Help:    "Time to answer a request, by route.",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "publish_http_requests_in_flight",
			Help: "Requests being answered.",
		}),
		pages: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "publish_pdf_pages_total",
			Help: "Pages of the PDFs made.",
		}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.inFlight, m.pages,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "publish_jobs_running",
			Help: "Requests holding a job.",
		}, func() float64 { return float64(g.running.Load()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "publish_queue_length",
			Help: "Requests admitted and not working: waiting for a job, uploading or being answered.",
		}, func() float64 { return float64(g.waiting()) }),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// handler serves the metrics in Prometheus's text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// observe counts one answered request.
func (m *metrics) observe(route string, status int, elapsed time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(elapsed.Seconds())
}

// levelOf is the log level of a request's record: errors of the server's
// own at Error, the client's at Warn, the rest at Info.
func levelOf(status int) slog.Level {
	switch {
	case status >= 500:
		return slog.LevelError
	case status >= 400:
		return slog.LevelWarn
	}
	return slog.LevelInfo
}
