package push

import "github.com/prometheus/client_golang/prometheus"

type metrics struct {
	connections *prometheus.GaugeVec
	sent        prometheus.Counter
	received    prometheus.Counter
	slow        prometheus.Counter
	refused     prometheus.Counter
	broadcasts  prometheus.Counter
	fanout      prometheus.Histogram
	released    prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		connections: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "hallcast_push_connections", Help: "Open WebSocket connections by device kind."}, []string{"kind"}),
		sent:        prometheus.NewCounter(prometheus.CounterOpts{Name: "hallcast_push_messages_sent_total", Help: "Messages written to devices."}),
		received:    prometheus.NewCounter(prometheus.CounterOpts{Name: "hallcast_push_messages_received_total", Help: "Messages received from devices."}),
		slow:        prometheus.NewCounter(prometheus.CounterOpts{Name: "hallcast_push_slow_consumers_total", Help: "Connections dropped because their queue was full."}),
		refused:     prometheus.NewCounter(prometheus.CounterOpts{Name: "hallcast_push_refused_total", Help: "Connections refused for origin or token."}),
		broadcasts:  prometheus.NewCounter(prometheus.CounterOpts{Name: "hallcast_push_broadcasts_total", Help: "Broadcasts queued."}),
		fanout: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "hallcast_push_fanout_seconds", Help: "Time to queue one broadcast to every recipient.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 4, 8)}),
		released: prometheus.NewCounter(prometheus.CounterOpts{Name: "hallcast_push_storm_releases_total", Help: "Times the memory left by a storm of new connections was returned to the system."}),
	}
	if reg != nil {
		reg.MustRegister(m.connections, m.sent, m.received, m.slow, m.refused, m.broadcasts, m.fanout, m.released)
	}
	return m
}
