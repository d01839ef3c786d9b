package archive

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
	"github.com/hallcast/hallcast/workbook"
)

// HandleUpload is POST /api/admin/archive/datasets/:id/imports, a
// multipart form with the fields mode (replace or append), encoding
// (auto, utf-8 or gbk) and file. The file is streamed to the upload
// folder, the import starts in the background and the answer is 202 with
// the import; poll GET /api/admin/archive/imports/:id for its progress.
func (s *Service) HandleUpload(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	req := ImportRequest{DatasetID: id, Mode: ModeReplace, Encoding: EncodingAuto, Actor: auth.Actor(c), RemoveFile: true}
	err = s.readUploadForm(c, &req)
	if err == nil {
		err = s.checkUpload(c.Request().Context(), req)
	}
	if err != nil {
		if req.Path != "" {
			os.Remove(req.Path)
		}
		return err
	}
	job, err := s.StartImport(c.Request().Context(), req)
	if err != nil {
		return err
	}
	s.runInBackground(job)
	im, err := s.GetImport(c.Request().Context(), job.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, im)
}

// readUploadForm reads the form fields into req and saves the file.
func (s *Service) readUploadForm(c echo.Context, req *ImportRequest) error {
	mr, err := c.Request().MultipartReader()
	if err != nil {
		return web.Invalid("file", web.CodeUnsupported, "send the file as multipart/form-data")
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return uploadError(err, s.uploadLimit)
		}
		switch part.FormName() {
		case "mode":
			req.Mode = Mode(formValue(part))
		case "encoding":
			enc, ok := ParseEncoding(formValue(part))
			if !ok {
				return web.Invalid("encoding", web.CodeInvalid, "want auto, utf-8 or gbk")
			}
			req.Encoding = enc
		case "file":
			if req.Path != "" {
				return web.Invalid("file", web.CodeInvalid, "send one file")
			}
			req.FileName = filepath.Base(part.FileName())
			if req.Path, err = s.saveUpload(part); err != nil {
				return err
			}
		}
		part.Close()
	}
	if req.Path == "" {
		return web.Invalid("file", web.CodeRequired, "choose a file")
	}
	return nil
}

// checkUpload refuses, before the import starts, an XLSX file over the
// limits of workbook.Import (422 too_large naming the limit) or that is
// not a workbook (422 invalid). A CSV file is read as a stream: its rows
// are bounded by the upload limit.
func (s *Service) checkUpload(ctx context.Context, req ImportRequest) error {
	if f, err := FormatOf(req.FileName); err != nil || f != FormatXLSX {
		return nil // StartImport names an unsupported file
	}
	fh, err := os.Open(req.Path)
	if err != nil {
		return fmt.Errorf("archive: unable to read the upload: %w", err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return fmt.Errorf("archive: unable to read the upload: %w", err)
	}
	return workbook.WebError("file", workbook.Check(ctx, fh, st.Size(), s.xlsx))
}

// saveUpload streams a file part into this process's upload folder (mode
// 0600).
func (s *Service) saveUpload(r io.Reader) (string, error) {
	if s.work.dir == "" {
		return "", errors.New("archive: no upload folder")
	}
	f, err := os.CreateTemp(s.work.dir, "archive-*.upload")
	if err != nil {
		return "", fmt.Errorf("archive: unable to store the upload: %w", err)
	}
	n, err := io.Copy(f, io.LimitReader(r, s.uploadLimit+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > s.uploadLimit {
		err = web.TooLarge("file", s.uploadLimit)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", uploadError(err, s.uploadLimit)
	}
	return f.Name(), nil
}

func uploadError(err error, limit int64) error {
	var we *web.Error
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &we):
		return we
	case errors.As(err, &mbe):
		return web.TooLarge("file", limit)
	}
	return web.Invalid("file", web.CodeInvalid, "the upload broke off: %v", err)
}

func formValue(r io.Reader) string {
	b, _ := io.ReadAll(io.LimitReader(r, 64))
	return strings.TrimSpace(string(b))
}

// runInBackground runs an import in this process; Close cancels it.
func (s *Service) runInBackground(job *Job) {
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		if _, err := job.Run(s.jobsCtx); err != nil {
			s.log.Info("archive: import failed", "import", job.ID, "err", errorText(err))
		}
	}()
}
