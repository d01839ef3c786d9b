package archivegen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// WriteCSV writes the header and rows payment rows, in GBK when gbk is
// true, else in UTF-8 (with a byte order mark, as Excel writes it).
func (g *Generator) WriteCSV(w io.Writer, rows int, gbk bool) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	var out io.Writer = bw
	var enc io.WriteCloser
	if gbk {
		enc = transform.NewWriter(bw, simplifiedchinese.GBK.NewEncoder())
		out = enc
	} else if _, err := bw.Write([]byte{0xEF, 0xBB, 0xBF}); err != nil {
		return err
	}
	cw := csv.NewWriter(out)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for range rows {
		if err := cw.Write(g.Row()); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if enc != nil {
		if err := enc.Close(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteXLSX writes the header and rows payment rows to an XLSX file with
// excelize's stream writer.
func (g *Generator) WriteXLSX(path string, rows int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	cells := func(s []string) []any {
		out := make([]any, len(s))
		for i, v := range s {
			out[i] = v
		}
		return out
	}
	if err := sw.SetRow("A1", cells(Header)); err != nil {
		return err
	}
	for i := range rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), cells(g.Row())); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}
