package handwriting

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultModelPath is where Debian's tegaki-zinnia-simplified-chinese
// package puts its model (apt install tegaki-zinnia-simplified-chinese).
const DefaultModelPath = "/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model"

// ErrUnavailable is returned when there is no model to recognise with.
var ErrUnavailable = errors.New("handwriting: no recognition model installed")

// Service recognises handwriting with a model read once, on first use or
// by Preload (the file is 26 MB; reading it takes a fraction of a second).
type Service struct {
	path string
	log  *slog.Logger

	once   sync.Once
	loaded atomic.Bool // set once model and err are final
	model  *Model
	err    error
}

// NewService returns a Service reading the model at path (empty:
// DefaultModelPath).
func NewService(path string, log *slog.Logger) *Service {
	if path == "" {
		path = DefaultModelPath
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{path: path, log: log}
}

// Path is the model file the service reads.
func (s *Service) Path() string { return s.path }

// Model returns the model, reading it on first use. Without a model file
// the error wraps ErrUnavailable.
func (s *Service) Model() (*Model, error) {
	s.once.Do(func() {
		start := time.Now()
		s.model, s.err = ReadModel(s.path)
		switch {
		case errors.Is(s.err, fs.ErrNotExist):
			s.log.Warn("handwriting: no model; the kiosk offers pinyin only (apt install tegaki-zinnia-simplified-chinese or set HALLCAST_HANDWRITING_MODEL)", "path", s.path)
			s.err = fmt.Errorf("%w: %s", ErrUnavailable, s.path)
		case s.err != nil:
			s.log.Error("handwriting: unable to read the model; the kiosk offers pinyin only", "path", s.path, "err", s.err)
			s.err = fmt.Errorf("%w: %w", ErrUnavailable, s.err)
		default:
			s.log.Info("handwriting: model loaded", "path", s.path, "characters", s.model.Len(), "took", time.Since(start).Round(time.Millisecond))
		}
		s.loaded.Store(true)
	})
	return s.model, s.err
}

// Available reports whether handwriting can be recognised: the model was
// read, or has not been tried yet and its file is there.
func (s *Service) Available() bool {
	if s.loaded.Load() {
		return s.err == nil
	}
	_, err := os.Stat(s.path)
	return err == nil
}

// Preload reads the model in the background, so that the first citizen to
// write does not wait for it.
func (s *Service) Preload() {
	if !s.loaded.Load() {
		go func() { _, _ = s.Model() }()
	}
}

// Recognize returns the n best candidates for ink.
func (s *Service) Recognize(ink Ink, n int) ([]Candidate, error) {
	m, err := s.Model()
	if err != nil {
		return nil, err
	}
	return m.Recognize(ink, n), nil
}
