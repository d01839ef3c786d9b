// Package workbooktest writes crafted XLSX files for tests and load
// commands: decompression bombs (small files that inflate to gigabytes)
// and files whose headers lie about their size. They are made in
// milliseconds, whatever size they inflate to: one compressed block of
// rows is repeated (each block is compressed on its own, so copies of it
// make a valid deflate stream).
package workbooktest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"strings"
)

// Bomb describes a workbook whose one worksheet inflates to Size bytes.
type Bomb struct {
	// Size is what the worksheet inflates to.
	Size int64
	// Compressed is about how large the file should be; 0 makes it as
	// small as deflate can (about Size/1000).
	Compressed int64
	// Declared, when positive, is the size the zip headers claim for the
	// worksheet instead of Size: a lying header.
	Declared int64
}

const chunkSize = 1 << 20

// WriteFile writes the workbook to path.
func (b Bomb) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := b.Write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Bytes returns the workbook.
func (b Bomb) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	err := b.Write(&buf)
	return buf.Bytes(), err
}

// Write writes the workbook to w.
func (b Bomb) Write(w io.Writer) error {
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	const tail = `</sheetData></worksheet>`
	n := max((b.Size-int64(len(head)+len(tail)))/chunkSize, 1)
	var chunk []byte
	var packed []byte
	noise := 0
	target := int64(0)
	if b.Compressed > 0 {
		target = b.Compressed / n
	}
	for range 8 { // adjust the incompressible part until a chunk packs to its share
		chunk = rows(noise)
		packed = deflate(chunk, false)
		if target == 0 || abs(int64(len(packed))-target) < target/50 {
			break
		}
		noise = max(0, noise+int(float64(target-int64(len(packed)))*1.6))
	}
	h, t := deflate([]byte(head), false), deflate([]byte(tail), true)
	crc := crc32.NewIEEE()
	crc.Write([]byte(head))
	for range n {
		crc.Write(chunk)
	}
	crc.Write([]byte(tail))
	size := int64(len(head)) + n*int64(len(chunk)) + int64(len(tail))
	declared := size
	if b.Declared > 0 {
		declared = b.Declared
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		pw, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(pw, p.body); err != nil {
			return err
		}
	}
	sw, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(len(h) + int(n)*len(packed) + len(t)), UncompressedSize64: uint64(declared)})
	if err != nil {
		return err
	}
	if _, err := sw.Write(h); err != nil {
		return err
	}
	for range n {
		if _, err := sw.Write(packed); err != nil {
			return err
		}
	}
	if _, err := sw.Write(t); err != nil {
		return err
	}
	return zw.Close()
}

// rows returns about a MiB of identical rows of one long cell each (a run
// of one letter, which deflate packs about 1,000 to 1), the first with a
// cell of noise random letters (which deflate cannot shrink much).
func rows(noise int) []byte {
	var s strings.Builder
	if noise > 0 {
		r := rand.New(rand.NewPCG(1, 2))
		s.WriteString(`<row><c t="inlineStr"><is><t>`)
		for range noise {
			s.WriteByte(byte('a' + r.IntN(26)))
		}
		s.WriteString(`</t></is></c></row>`)
	}
	row := `<row><c t="inlineStr"><is><t>` + strings.Repeat("A", 32000) + `</t></is></c><c><v>1</v></c></row>`
	for s.Len()+len(row) <= chunkSize {
		s.WriteString(row)
	}
	return []byte(s.String())
}

// deflate compresses data on its own; a block that is not final ends on a
// byte boundary (a sync flush), so blocks can follow each other.
func deflate(data []byte, final bool) []byte {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(data)
	if final {
		fw.Close()
	} else {
		fw.Flush()
	}
	return buf.Bytes()
}

func abs(n int64) int64 { return max(n, -n) }

// parts are the other files of a minimal workbook.
var parts = []struct{ name, body string }{
	{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
	{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
	{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
	{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
}

// String describes the bomb for logs.
func (b Bomb) String() string {
	return fmt.Sprintf("XLSX inflating to %d MiB", b.Size>>20)
}
