package notice

import (
	"bytes"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/hallcast/hallcast/web"
	"github.com/hallcast/hallcast/workbook"
)

// Error codes of the notice API beyond web's.
const (
	// CodeTypeMismatch: a file's content is not what its extension says.
	CodeTypeMismatch web.Code = "type_mismatch"
	// CodePersonalData: approval blocked by personal data (R6); Params
	// carry the findings.
	CodePersonalData web.Code = "personal_data"
	// CodeInterpretation: a policy document lacks its interpretation (R5).
	CodeInterpretation web.Code = "interpretation_required"
	// CodeOwnNotice: a reviewer decided on a notice they wrote (R4).
	CodeOwnNotice web.Code = "own_notice"
)

// fileType is an accepted attachment type.
type fileType struct {
	contentType string
	exts        []string
	inline      bool // shown in the browser rather than downloaded
	data        bool // a data list whose text is scanned for personal data
}

var fileTypes = []fileType{
	{"image/png", []string{".png"}, true, false},
	{"image/jpeg", []string{".jpg", ".jpeg"}, true, false},
	{"image/gif", []string{".gif"}, true, false},
	{"image/webp", []string{".webp"}, true, false},
	{"application/pdf", []string{".pdf"}, true, false},
	{"text/csv", []string{".csv"}, false, true},
	{xlsxType, []string{".xlsx"}, false, true},
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// typeByExtension returns the type a file name claims.
func typeByExtension(name string) (fileType, bool) {
	ext := strings.ToLower(path.Ext(name))
	for _, t := range fileTypes {
		for _, e := range t.exts {
			if e == ext {
				return t, true
			}
		}
	}
	return fileType{}, false
}

// typeByContentType returns the accepted type of a stored content type.
func typeByContentType(ct string) fileType {
	for _, t := range fileTypes {
		if t.contentType == ct {
			return t
		}
	}
	return fileType{contentType: ct}
}

// sniff finds the type of an upload from its content and checks it
// against the extension of its name. Errors name the field "file".
func sniff(name string, data []byte) (fileType, error) {
	claimed, ok := typeByExtension(name)
	if !ok {
		return fileType{}, web.Invalid("file", web.CodeUnsupported,
			"only PNG, JPEG, GIF, WebP images, PDF, CSV and XLSX files are accepted")
	}
	actual := detect(data)
	if actual != claimed.contentType {
		e := web.Invalid("file", CodeTypeMismatch, "the file is named %s but its content is %s", path.Ext(name), describe(actual))
		e.Params = map[string]any{"detected": actual}
		return fileType{}, e
	}
	return claimed, nil
}

// detect returns the content type of data as far as hallcast accepts it.
func detect(data []byte) string {
	ct := http.DetectContentType(data)
	switch {
	case ct == "image/png", ct == "image/jpeg", ct == "image/gif", ct == "image/webp", ct == "application/pdf":
		return ct
	case ct == "application/zip" && isXLSX(data):
		return xlsxType
	case strings.HasPrefix(ct, "text/plain") && isText(data):
		return "text/csv"
	}
	return ct
}

// isXLSX reports whether a ZIP archive is an Office Open XML workbook
// (its directory within workbook.Attachment's limits).
func isXLSX(data []byte) bool {
	zr, err := workbook.OpenZip(bytes.NewReader(data), int64(len(data)), workbook.Attachment)
	if err != nil {
		return false
	}
	var types, book bool
	for _, f := range zr.File {
		switch f.Name {
		case "[Content_Types].xml":
			types = true
		case "xl/workbook.xml":
			book = true
		}
	}
	return types && book
}

// isText reports whether data is text a CSV reader can take: UTF-8 (with
// or without a BOM) or GB18030, without NUL bytes.
func isText(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return false
	}
	if utf8.Valid(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
		return true
	}
	_, err := decodeGB(data)
	return err == nil
}

func describe(ct string) string {
	if ct == "application/octet-stream" {
		return "not a recognised file type"
	}
	return ct
}
