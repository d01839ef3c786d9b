package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

const maxRedirects = 5

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("more than %d redirects", maxRedirects)
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("redirect loop at %s", req.URL.Redacted())
		}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to a %s URL", req.URL.Scheme)
	}
	return nil
}

// fetched is a feed body, or notModified.
type fetched struct {
	body         []byte
	notModified  bool
	etag         string
	lastModified string
}

var errTooLarge = errors.New("feed body too large")

// fetch GETs a source conditionally, within the timeout and size limit.
func (s *Service) fetch(ctx context.Context, src *Source) (*fetched, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src.URL, nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", "hallcast-feed/1 (+https://github.com/hallcast/hallcast)")
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if src.ETag != "" {
		req.Header.Set("If-None-Match", src.ETag)
	}
	if src.LastModified != "" {
		req.Header.Set("If-Modified-Since", src.LastModified)
	}
	res, err := s.opts.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode == http.StatusNotModified {
		return &fetched{notModified: true, etag: src.ETag, lastModified: src.LastModified}, nil
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %d %s", res.StatusCode, http.StatusText(res.StatusCode))
	}
	if res.ContentLength > s.opts.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes announced, limit %d", errTooLarge, res.ContentLength, s.opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, s.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", err)
	}
	if int64(len(body)) > s.opts.MaxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", errTooLarge, s.opts.MaxBytes)
	}
	return &fetched{body: body, etag: res.Header.Get("ETag"), lastModified: res.Header.Get("Last-Modified")}, nil
}
