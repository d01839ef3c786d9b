package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// tally counts what the XML parts of a container hold.
type tally struct {
	inflated int64 // bytes inflated so far, all entries
	cells    int64
	strings  int64
}

// scan streams every XML part of the container once: the bytes actually
// inflated (whatever the headers say), the cells of every worksheet and
// the width of its rows, and the entries of the shared-strings table.
func scan(ctx context.Context, zr *zip.Reader, l Limits) error {
	var t tally
	for _, f := range zr.File {
		k := kindOf(f.Name)
		if k == partOther {
			continue
		}
		if err := scanEntry(ctx, f, k, l, &t); err != nil {
			return err
		}
	}
	return nil
}

func scanEntry(ctx context.Context, f *zip.File, k part, l Limits, t *tally) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, f.Name, err)
	}
	defer rc.Close()
	cr := &countingReader{ctx: ctx, r: rc, entry: f.Name, declared: int64(f.UncompressedSize64), l: l, t: t}
	lx := lexer{r: bufio.NewReaderSize(cr, 64<<10)}
	width := 0
	for {
		name, tag, err := lx.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var le *LimitError
			if errors.As(err, &le) || errors.Is(err, ErrCorrupt) {
				return err
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("%w: %s: %v", ErrCorrupt, f.Name, err)
		}
		switch {
		case k == partStrings && string(name) == "si":
			if t.strings++; t.strings > l.Strings {
				return &LimitError{Limit: LimitStrings, Max: l.Strings, Entry: f.Name}
			}
		case string(name) == "row":
			width = 0
		case string(name) == "c":
			if t.cells++; t.cells > l.Cells {
				return &LimitError{Limit: LimitCells, Max: l.Cells, Entry: f.Name}
			}
			width = max(width+1, columnOf(tag))
			if width > l.Columns {
				return &LimitError{Limit: LimitColumns, Max: int64(l.Columns), Entry: f.Name}
			}
		}
	}
}

// countingReader counts the bytes an entry actually inflates to, stops at
// the limits whatever its headers claim, and at ctx's end.
type countingReader struct {
	ctx      context.Context
	r        io.Reader
	entry    string
	declared int64
	read     int64
	l        Limits
	t        *tally
}

func (c *countingReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	c.read += int64(n)
	c.t.inflated += int64(n)
	switch {
	case c.read > c.l.Entry:
		return 0, &LimitError{Limit: LimitEntry, Max: c.l.Entry, Entry: c.entry}
	case c.t.inflated > c.l.Size:
		return 0, &LimitError{Limit: LimitSize, Max: c.l.Size, Entry: c.entry}
	case c.read > c.declared:
		return 0, fmt.Errorf("%w: %s inflates past the size its header gives", ErrCorrupt, c.entry)
	}
	return n, err
}

// lexer finds the start tags of an XML stream without parsing it: text
// and attribute values cannot hold '<', so every '<' starts markup.
// Comments and CDATA sections may add tags that are not there; counts
// only ever go up, which a limit tolerates.
type lexer struct {
	r *bufio.Reader
}

// next returns the local name of the next start tag and the rest of the
// tag up to '>' (cut at the reader's buffer size).
func (lx *lexer) next() (name, tag []byte, err error) {
	for {
		if err := skipTo(lx.r, '<'); err != nil {
			return nil, nil, err
		}
		tag, err = lx.r.ReadSlice('>')
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			err = skipTo(lx.r, '>')
		case err == nil:
			tag = tag[:len(tag)-1]
		}
		if err != nil {
			return nil, nil, err
		}
		end := bytes.IndexAny(tag, " \t\r\n/")
		if end == 0 { // an end tag
			continue
		}
		if end < 0 {
			end = len(tag)
		}
		name = tag[:end]
		if i := bytes.IndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		return name, tag[end:], nil
	}
}

// skipTo reads past the next delim.
func skipTo(r *bufio.Reader, delim byte) error {
	for {
		_, err := r.ReadSlice(delim)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
	}
}

// columnOf returns the column a cell tag's r attribute names ("XFD12" is
// 16384), or 0.
func columnOf(tag []byte) int {
	i := bytes.Index(tag, []byte(`r="`))
	for i > 0 && tag[i-1] != ' ' && tag[i-1] != '\t' && tag[i-1] != '\n' && tag[i-1] != '\r' {
		j := bytes.Index(tag[i+1:], []byte(`r="`))
		if j < 0 {
			return 0
		}
		i += 1 + j
	}
	if i < 0 {
		return 0
	}
	col := 0
	for _, b := range tag[i+3:] {
		if b < 'A' || b > 'Z' || col > 1<<20 {
			break
		}
		col = col*26 + int(b-'A'+1)
	}
	return col
}
