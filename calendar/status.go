package calendar

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
)

// WarnFrom is the day of the year (1 November) from which next year's list
// is reported missing: the State Council usually publishes it in
// November or December.
var WarnFrom = struct {
	Month time.Month
	Day   int
}{time.November, 1}

// Status is the state of the lists on a day: the years with an official
// list, and the years that lack one although they are needed now (this
// year, and next year from WarnFrom).
type Status struct {
	Today    Date  `json:"today"`
	Official []int `json:"official"`
	// Missing are the years counted on their provisional list that need
	// an official one now, ascending.
	Missing []int `json:"missing"`
}

// StatusOn returns the Status on today.
func (s *Service) StatusOn(ctx context.Context, today Date) (*Status, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	st := &Status{Today: today, Official: cal.Years(), Missing: []int{}}
	need := []int{today.Year}
	if !today.Before(Date{today.Year, WarnFrom.Month, WarnFrom.Day}) {
		need = append(need, today.Year+1)
	}
	for _, y := range need {
		if !cal.Covers(Date{y, time.January, 1}) {
			st.Missing = append(st.Missing, y)
		}
	}
	return st, nil
}

func (s *Service) today() Date { return DateOf(s.clock.Now().In(s.loc)) }

// HandleStatus is GET /api/admin/calendar/status: the Status on today, for
// the dashboard's warning and the calendar page.
func (s *Service) HandleStatus(c echo.Context) error {
	st, err := s.StatusOn(c.Request().Context(), s.today())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}

var missingDesc = prometheus.NewDesc("hallcast_calendar_year_missing",
	"1 for each year that needs the State Council's holiday list now (this year, and next year from 1 November) and has none: its deadlines are provisional.",
	[]string{"year"}, nil)

// Collector exports hallcast_calendar_year_missing{year} on every scrape,
// so it follows imports at once.
func (s *Service) Collector() prometheus.Collector { return statusCollector{s} }

type statusCollector struct{ s *Service }

func (c statusCollector) Describe(ch chan<- *prometheus.Desc) { ch <- missingDesc }

func (c statusCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := c.s.StatusOn(ctx, c.s.today())
	if err != nil {
		ch <- prometheus.NewInvalidMetric(missingDesc, err)
		return
	}
	for _, y := range st.Missing {
		ch <- prometheus.MustNewConstMetric(missingDesc, prometheus.GaugeValue, 1, strconv.Itoa(y))
	}
}
