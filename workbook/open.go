package workbook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/xuri/excelize/v2"
)

// Open checks the workbook at path against l (Check) and opens it with
// excelize, whose worksheets larger than l.XMLMemory go to temporary
// files in tmpDir (the system's when empty); Close removes them. excelize
// cannot be interrupted while it extracts them: when ctx ends first, Open
// returns ctx's error at once and closes the file once excelize is done,
// in the background (pending, when not nil, counts that work).
func Open(ctx context.Context, path string, l Limits, tmpDir string, pending *sync.WaitGroup) (*excelize.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	st, err := fh.Stat()
	if err == nil {
		err = Check(ctx, fh, st.Size(), l)
	}
	fh.Close()
	if err != nil {
		return nil, err
	}
	type opened struct {
		f   *excelize.File
		err error
	}
	done := make(chan opened, 1)
	if pending != nil {
		pending.Add(1)
	}
	go func() {
		f, err := excelize.OpenFile(path, options(l, tmpDir))
		done <- opened{f, err}
	}()
	select {
	case o := <-done:
		if pending != nil {
			pending.Done()
		}
		return o.f, wrapOpen(o.err)
	case <-ctx.Done():
		go func() {
			if o := <-done; o.f != nil {
				o.f.Close()
			}
			if pending != nil {
				pending.Done()
			}
		}()
		return nil, ctx.Err()
	}
}

// OpenBytes checks a workbook held in memory against l and opens it with
// every part in memory (no temporary files).
func OpenBytes(ctx context.Context, data []byte, l Limits) (*excelize.File, error) {
	if err := Check(ctx, bytes.NewReader(data), int64(len(data)), l); err != nil {
		return nil, err
	}
	l.XMLMemory = l.Size
	f, err := excelize.OpenReader(bytes.NewReader(data), options(l, ""))
	return f, wrapOpen(err)
}

func options(l Limits, tmpDir string) excelize.Options {
	return excelize.Options{UnzipSizeLimit: l.Size, UnzipXMLSizeLimit: min(l.XMLMemory, l.Size), TmpDir: tmpDir}
}

// wrapOpen tells a file excelize cannot read (ErrCorrupt) from a failure
// of this machine, such as a full disk.
func wrapOpen(err error) error {
	var pe *fs.PathError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pe):
		return fmt.Errorf("workbook: unable to open the file: %w", err)
	}
	return fmt.Errorf("%w: %v", ErrCorrupt, err)
}
