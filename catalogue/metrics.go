package catalogue

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var overdueDesc = prometheus.NewDesc("hallcast_catalogue_overdue_categories",
	"Catalogue categories not updated within their cadence (R8), counted at each scrape: it follows every publication and the passing of time.",
	nil, nil)

// Collector exports hallcast_catalogue_overdue_categories computed at
// every scrape (two small queries), so a publication in an overdue
// category shows at once, not at the next freshness check.
func (s *Service) Collector() prometheus.Collector { return overdueCollector{s} }

type overdueCollector struct{ s *Service }

func (c overdueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- overdueDesc }

func (c overdueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	late, err := c.s.Overdue(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(overdueDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(overdueDesc, prometheus.GaugeValue, float64(len(late)))
}
