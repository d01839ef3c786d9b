package archive

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// csvSource reads a CSV (or tab-separated) file in UTF-8 or GBK.
type csvSource struct {
	f    *os.File
	n    *countingReader
	size int64
	r    *csv.Reader
	enc  Encoding
	row  int
	read int64
	// folded counts the line breaks inside the quoted cells read so far:
	// a spreadsheet shows such a record as one row.
	folded int
}

// countingReader counts the bytes read from the file, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func openCSV(path string, enc Encoding) (*csvSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("archive: unable to open the file: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("archive: unable to open the file: %w", err)
	}
	s := &csvSource{f: f, n: &countingReader{r: f}, size: st.Size(), enc: enc}
	raw := bufio.NewReaderSize(s.n, 256<<10)
	if enc == EncodingAuto || enc == "" {
		sample, _ := raw.Peek(64 << 10)
		s.enc = detect(sample)
	}
	text := bufio.NewReaderSize(decoder(raw, s.enc), 64<<10)
	first, _ := text.Peek(8 << 10)
	s.r = csv.NewReader(text)
	s.r.Comma = delimiter(first)
	s.r.FieldsPerRecord = -1
	s.r.ReuseRecord = true
	return s, nil
}

// delimiter picks a tab when the first line has more tabs than commas.
func delimiter(head []byte) rune {
	line, _, _ := strings.Cut(string(head), "\n")
	if strings.Count(line, "\t") > strings.Count(line, ",") {
		return '\t'
	}
	return ','
}

func (s *csvSource) header() ([]string, int, error) {
	for {
		row, cells, err := s.next()
		var re *rowError
		switch {
		case errors.Is(err, io.EOF):
			return nil, 0, errNoHeader
		case errors.As(err, &re):
			return nil, 0, fmt.Errorf("archive: the header row %d cannot be read: %s", re.row, re.detail)
		case err != nil:
			return nil, 0, err
		case !blank(cells):
			return append([]string(nil), cells...), row, nil
		}
	}
}

// next returns the next record with the row number a spreadsheet shows
// for it: its first line in the file (the header is row 1, empty lines
// count as the empty rows they are) less the line breaks inside the
// quoted cells before it.
func (s *csvSource) next() (int, []string, error) {
	cells, err := s.r.Read()
	if errors.Is(err, io.EOF) {
		return 0, nil, io.EOF
	}
	s.read++
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		s.row = pe.StartLine - s.folded
		s.folded += pe.Line - pe.StartLine // the rest of the bad record was skipped
	} else if err == nil {
		line, _ := s.r.FieldPos(0)
		s.row = line - s.folded
		for _, c := range cells {
			s.folded += strings.Count(c, "\n")
		}
	}
	if errors.As(err, &pe) {
		detail := fmt.Sprintf("line %d: %v", pe.Line, pe.Err)
		if pe.StartLine != pe.Line {
			detail = fmt.Sprintf("lines %d to %d: %v", pe.StartLine, pe.Line, pe.Err)
		}
		return s.row, nil, &rowError{row: s.row, reason: ReasonParse, detail: detail}
	}
	if err != nil {
		return 0, nil, fmt.Errorf("archive: unable to read the file: %w", err)
	}
	for _, c := range cells {
		if s.enc == EncodingGBK && strings.ContainsRune(c, utf8.RuneError) || !utf8.ValidString(c) {
			return s.row, nil, &rowError{row: s.row, reason: ReasonEncoding, detail: fmt.Sprintf("not %s text; choose the file's encoding", s.enc)}
		}
	}
	return s.row, cells, nil
}

func (s *csvSource) progress() (int64, int64) {
	if s.n.n == 0 || s.size == 0 {
		return s.read, 0
	}
	est := int64(float64(s.read) * float64(s.size) / float64(s.n.n))
	return s.read, max(est, s.read)
}

func (s *csvSource) strictWidth() bool  { return true }
func (s *csvSource) encoding() Encoding { return s.enc }
func (s *csvSource) close() error       { return s.f.Close() }
