package archive

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// DatasetInput is what an admin sends to create or change a dataset.
type DatasetInput struct {
	Name        string            `json:"name"`
	Description string            `json:"description"`
	Definition  Definition        `json:"definition"`
	Mapping     map[string]string `json:"mapping"`
	Published   bool              `json:"published"`
}

func (in *DatasetInput) check() error {
	var c web.Check
	in.Name = c.Text("name", in.Name, 64)
	c.MaxRunes("description", in.Description, 500)
	in.Definition.check(&c)
	if in.Mapping == nil {
		in.Mapping = map[string]string{}
	}
	in.Definition.checkMapping(&c, in.Mapping)
	return c.Err()
}

// getDataset reads one dataset that is not deleted.
func (s *Service) getDataset(ctx context.Context, q store.Querier, id int64) (*Dataset, error) {
	var r datasetRow
	err := q.Get(ctx, &r, "SELECT "+datasetColumns+" FROM archive_datasets WHERE id = ? AND deleted_at IS NULL", id)
	if store.IsNotFound(err) {
		return nil, web.NotFound("dataset")
	}
	if err != nil {
		return nil, fmt.Errorf("archive: unable to read dataset %d: %w", id, err)
	}
	return r.dataset(s.key.ID())
}

// Dataset returns a dataset, or a web.NotFound error.
func (s *Service) Dataset(ctx context.Context, id int64) (*Dataset, error) {
	return s.getDataset(ctx, s.db, id)
}

// DatasetByName returns the dataset with the name, or a web.NotFound error.
func (s *Service) DatasetByName(ctx context.Context, name string) (*Dataset, error) {
	var id int64
	err := s.db.Get(ctx, &id, "SELECT id FROM archive_datasets WHERE name = ? AND deleted_at IS NULL", name)
	if store.IsNotFound(err) {
		return nil, web.NotFound("dataset")
	}
	if err != nil {
		return nil, fmt.Errorf("archive: unable to find dataset %q: %w", name, err)
	}
	return s.Dataset(ctx, id)
}

// Datasets lists the datasets by name.
func (s *Service) Datasets(ctx context.Context) ([]*Dataset, error) {
	var rows []datasetRow
	if err := s.db.Select(ctx, &rows, "SELECT "+datasetColumns+" FROM archive_datasets WHERE deleted_at IS NULL ORDER BY name"); err != nil {
		return nil, fmt.Errorf("archive: unable to list datasets: %w", err)
	}
	out := make([]*Dataset, 0, len(rows))
	for _, r := range rows {
		d, err := r.dataset(s.key.ID())
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func (s *Service) nameTaken(ctx context.Context, tx *store.Tx, name string, id int64) error {
	var n int
	if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM archive_datasets WHERE name = ? AND deleted_at IS NULL AND id <> ?", name, id); err != nil {
		return fmt.Errorf("archive: unable to check the name: %w", err)
	}
	if n > 0 {
		return web.Conflict("name", "a dataset named %q exists", name)
	}
	return nil
}

// CreateDataset validates and stores a new dataset.
func (s *Service) CreateDataset(ctx context.Context, who audit.Actor, in DatasetInput) (*Dataset, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	def, _ := json.Marshal(in.Definition)
	mapping, _ := json.Marshal(in.Mapping)
	now := s.now()
	var d *Dataset
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if err := s.nameTaken(ctx, tx, in.Name, 0); err != nil {
			return err
		}
		var id int64
		if err := tx.Get(ctx, &id, `INSERT INTO archive_datasets (name, description, definition, mapping, published, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, in.Name, in.Description, string(def), string(mapping), in.Published, now, now); err != nil {
			return fmt.Errorf("archive: unable to create a dataset: %w", err)
		}
		var err error
		if d, err = s.getDataset(ctx, tx, id); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "archive.dataset.create", ObjectType: "archive_dataset", ObjectID: id, After: d})
	})
	return d, err
}

// UpdateDataset changes a dataset. A change that makes the stored records
// stale raises its schema version: the dataset needs a new import (in
// replace mode) before kiosks see it again.
func (s *Service) UpdateDataset(ctx context.Context, who audit.Actor, id int64, in DatasetInput) (*Dataset, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	def, _ := json.Marshal(in.Definition)
	mapping, _ := json.Marshal(in.Mapping)
	now := s.now()
	var after *Dataset
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.getDataset(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.nameTaken(ctx, tx, in.Name, id); err != nil {
			return err
		}
		version := before.SchemaVersion
		if schemaFingerprint(before.Definition) != schemaFingerprint(in.Definition) {
			version++
		}
		if _, err := tx.Exec(ctx, `UPDATE archive_datasets SET name = ?, description = ?, definition = ?, mapping = ?, published = ?,
			schema_version = ?, updated_at = ? WHERE id = ?`, in.Name, in.Description, string(def), string(mapping), in.Published, version, now, id); err != nil {
			return fmt.Errorf("archive: unable to update dataset %d: %w", id, err)
		}
		if after, err = s.getDataset(ctx, tx, id); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "archive.dataset.update", ObjectType: "archive_dataset", ObjectID: id, Before: before, After: after})
	})
	return after, err
}

// DeleteDataset removes a dataset; its records are purged in the
// background. A dataset with a running import cannot be deleted.
func (s *Service) DeleteDataset(ctx context.Context, who audit.Actor, id int64) error {
	now := s.now()
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.getDataset(ctx, tx, id)
		if err != nil {
			return err
		}
		var running int
		if err := tx.Get(ctx, &running, "SELECT COUNT(*) FROM archive_imports WHERE dataset_id = ? AND state = 'running'", id); err != nil {
			return fmt.Errorf("archive: unable to delete dataset %d: %w", id, err)
		}
		if running > 0 {
			return web.State("an import of this dataset is running; cancel it first")
		}
		if _, err := tx.Exec(ctx, "UPDATE archive_imports SET state = 'deleted' WHERE dataset_id = ? AND state = 'live'", id); err != nil {
			return fmt.Errorf("archive: unable to delete dataset %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM archive_live WHERE dataset_id = ?", id); err != nil {
			return fmt.Errorf("archive: unable to delete dataset %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, "UPDATE archive_datasets SET deleted_at = ?, published = FALSE, row_count = 0 WHERE id = ?", now, id); err != nil {
			return fmt.Errorf("archive: unable to delete dataset %d: %w", id, err)
		}
		tx.Publish(store.Event{Topic: Topic, ID: id})
		tx.AfterCommit(s.kickPurge)
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "archive.dataset.delete", ObjectType: "archive_dataset", ObjectID: id, Before: before})
	})
	return err
}
