package archive

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Encoding is the text encoding of a CSV file.
type Encoding string

// The encodings. GBK files are read with the GB18030 decoder, which also
// reads plain GBK and GB2312.
const (
	EncodingAuto Encoding = "auto"
	EncodingUTF8 Encoding = "utf-8"
	EncodingGBK  Encoding = "gbk"
)

// ParseEncoding reads an encoding name as people write it.
func ParseEncoding(s string) (Encoding, bool) {
	switch s {
	case "", "auto":
		return EncodingAuto, true
	case "utf-8", "utf8", "UTF-8", "UTF8":
		return EncodingUTF8, true
	case "gbk", "GBK", "gb18030", "GB18030", "gb2312", "GB2312":
		return EncodingGBK, true
	}
	return "", false
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// detect tells UTF-8 from GBK by the start of a file: a UTF-8 byte order
// mark or valid UTF-8 means UTF-8, anything else is read as GB18030. A
// character cut at the end of the sample is not held against UTF-8.
func detect(sample []byte) Encoding {
	if bytes.HasPrefix(sample, utf8BOM) {
		return EncodingUTF8
	}
	s := sample
	for i := 1; i <= utf8.UTFMax && i <= len(s); i++ {
		if utf8.RuneStart(s[len(s)-i]) {
			if !utf8.FullRune(s[len(s)-i:]) {
				s = s[:len(s)-i]
			}
			break
		}
	}
	if utf8.Valid(s) {
		return EncodingUTF8
	}
	return EncodingGBK
}

// decoder returns a reader of UTF-8 text from r in encoding enc, without
// a UTF-8 byte order mark.
func decoder(r io.Reader, enc Encoding) io.Reader {
	if enc == EncodingGBK {
		return transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder())
	}
	return &bomSkipper{r: r}
}

// bomSkipper drops a UTF-8 byte order mark at the start of a stream.
type bomSkipper struct {
	r    io.Reader
	done bool
}

func (b *bomSkipper) Read(p []byte) (int, error) {
	if b.done {
		return b.r.Read(p)
	}
	b.done = true
	var head [3]byte
	n, err := io.ReadFull(b.r, head[:])
	if n == 3 && bytes.Equal(head[:], utf8BOM) {
		return b.r.Read(p)
	}
	m := copy(p, head[:n])
	if m < n {
		// p is smaller than the peeked bytes: keep the rest.
		b.r = io.MultiReader(bytes.NewReader(head[m:n]), b.r)
	}
	if err == io.ErrUnexpectedEOF {
		err = nil
	}
	return m, err
}
