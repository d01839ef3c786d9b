package archive

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// ImportRequest asks for a file to be imported into a dataset.
type ImportRequest struct {
	DatasetID int64
	Mode      Mode
	// Encoding of a CSV file; EncodingAuto detects UTF-8 or GBK.
	Encoding Encoding
	// Path is the file to read; FileName its name as uploaded (the
	// format comes from its extension).
	Path, FileName string
	// RemoveFile deletes Path when the import ends (uploaded files).
	RemoveFile bool
	// MaxBadRows fails the import when more rows than this cannot be
	// imported (default 10000): the mapping or encoding is then wrong.
	MaxBadRows int
	Actor      audit.Actor
	// OnProgress, if set, is called about twice a second while the
	// import runs and once at its end.
	OnProgress func(Progress)
}

// Job is a started import; Run does the work.
type Job struct {
	s     *Service
	ID    int64
	req   ImportRequest
	ds    *Dataset
	epoch int64
	size  int64
	start time.Time
	// stopping is closed once Run is asked to stop or has ended.
	stopping chan struct{}
}

// Stopping is closed once the import is asked to stop (cancelled, the
// service closing, its lease lost) or has ended.
func (j *Job) Stopping() <-chan struct{} { return j.stopping }

// StartImport checks the request and records the import as running. Only
// one import of a dataset runs at a time.
func (s *Service) StartImport(ctx context.Context, req ImportRequest) (*Job, error) {
	if req.Mode != ModeReplace && req.Mode != ModeAppend {
		return nil, web.Invalid("mode", web.CodeInvalid, "want replace or append")
	}
	if req.Encoding == "" {
		req.Encoding = EncodingAuto
	}
	if req.MaxBadRows <= 0 {
		req.MaxBadRows = 10000
	}
	format, err := FormatOf(req.FileName)
	if err != nil {
		return nil, web.Invalid("file", web.CodeUnsupported, "%s", strings.TrimPrefix(err.Error(), "archive: "))
	}
	st, err := os.Stat(req.Path)
	if err != nil {
		return nil, fmt.Errorf("archive: unable to read the file: %w", err)
	}
	j := &Job{s: s, req: req, size: st.Size(), stopping: make(chan struct{})}
	if err := s.recoverImports(ctx, "dataset_id = ?", req.DatasetID); err != nil {
		return nil, err
	}
	var upload string // the uploaded file, deleted with a ghost import
	if req.RemoveFile && s.work.dir != "" && filepath.Dir(req.Path) == s.work.dir {
		upload = filepath.Base(req.Path)
	}
	now := s.now()
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		if j.ds, err = s.getDataset(ctx, tx, req.DatasetID); err != nil {
			return err
		}
		var running int
		if err := tx.Get(ctx, &running, "SELECT COUNT(*) FROM archive_imports WHERE dataset_id = ? AND state = 'running'", req.DatasetID); err != nil {
			return fmt.Errorf("archive: unable to start an import: %w", err)
		}
		if running > 0 {
			return web.Conflict("dataset", "an import of this dataset is running")
		}
		j.epoch = j.ds.epoch
		if req.Mode == ModeReplace {
			j.epoch++
		} else if j.ds.RowCount > 0 && (j.ds.dataSchemaVersion != j.ds.SchemaVersion || j.ds.dataKeyID != s.key.ID()) {
			return web.State("the definition or the lookup key changed since the records were imported: import the whole file in replace mode")
		}
		if err := tx.Get(ctx, &j.ID, `INSERT INTO archive_imports (dataset_id, mode, state, epoch, schema_version, key_id, file_name, file_size,
			format, encoding, actor_name, started_at, progress_at, owner, lease_until, upload_file)
			VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			req.DatasetID, req.Mode, j.epoch, j.ds.SchemaVersion, s.key.ID(), req.FileName, j.size, format, "", req.Actor.Name, now, now,
			s.work.token, now.Add(leaseFor), upload); err != nil {
			return fmt.Errorf("archive: unable to start an import: %w", err)
		}
		return audit.Record(ctx, tx, req.Actor, audit.Entry{At: now, Action: "archive.import.start", ObjectType: "archive_dataset", ObjectID: req.DatasetID,
			After: map[string]any{"import_id": j.ID, "mode": req.Mode, "file_name": req.FileName, "file_size": j.size}})
	})
	if err != nil {
		if req.RemoveFile {
			os.Remove(req.Path)
		}
		return nil, err
	}
	return j, nil
}
