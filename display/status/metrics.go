package status

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	onlineDesc = prometheus.NewDesc("hallcast_screens_online",
		"Screens online (connected to any instance), as the database and this instance see them at scrape time.", nil, nil)
	flaggedDesc = prometheus.NewDesc("hallcast_screens_offline_flagged",
		"Screens offline (or never connected) for longer than display.offline_after.", nil, nil)
)

// Collector returns a Prometheus collector of the online and flagged
// screen counts, computed at each scrape as Report counts them. Every instance
// reports the same cluster-wide numbers; aggregate them with max().
func (t *Tracker) Collector() prometheus.Collector { return collector{t} }

type collector struct{ t *Tracker }

func (c collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- onlineDesc
	ch <- flaggedDesc
}

func (c collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	online, flagged, err := c.t.Counts(ctx)
	if err != nil {
		c.t.opts.Logger.Error("status: collecting screen metrics", "err", err)
		ch <- prometheus.NewInvalidMetric(onlineDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(onlineDesc, prometheus.GaugeValue, float64(online))
	ch <- prometheus.MustNewConstMetric(flaggedDesc, prometheus.GaugeValue, float64(flagged))
}
