package archive

import (
	"encoding/json"
	"fmt"
	"time"
)

// Dataset is an archive that citizens can query: its definition, its
// column mapping and the state of its data.
type Dataset struct {
	ID          int64             `json:"id"`
	Name        string            `json:"name"`
	Description string            `json:"description"`
	Definition  Definition        `json:"definition"`
	Mapping     map[string]string `json:"mapping"`
	// Published datasets are offered at the kiosks.
	Published bool `json:"published"`
	// SchemaVersion grows whenever a change of the definition makes the
	// stored records stale (keys, masking, field names).
	SchemaVersion int   `json:"schema_version"`
	RowCount      int64 `json:"row_count"`
	// NeedsReimport is true when the records were imported under an older
	// definition or another lookup key; kiosks do not see the dataset then.
	NeedsReimport bool       `json:"needs_reimport"`
	LastImportID  *int64     `json:"last_import_id,omitempty"`
	LastImportAt  *time.Time `json:"last_import_at,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`

	epoch             int64
	dataSchemaVersion int
	dataKeyID         string
}

// datasetRow is a dataset as stored.
type datasetRow struct {
	ID                int64      `db:"id"`
	Name              string     `db:"name"`
	Description       string     `db:"description"`
	Definition        string     `db:"definition"`
	Mapping           string     `db:"mapping"`
	Published         bool       `db:"published"`
	SchemaVersion     int        `db:"schema_version"`
	Epoch             int64      `db:"epoch"`
	RowCount          int64      `db:"row_count"`
	DataSchemaVersion int        `db:"data_schema_version"`
	DataKeyID         string     `db:"data_key_id"`
	LastImportID      *int64     `db:"last_import_id"`
	LastImportAt      *time.Time `db:"last_import_at"`
	CreatedAt         time.Time  `db:"created_at"`
	UpdatedAt         time.Time  `db:"updated_at"`
}

const datasetColumns = `id, name, description, definition, mapping, published, schema_version, epoch, row_count,
	data_schema_version, data_key_id, last_import_id, last_import_at, created_at, updated_at`

// dataset decodes a stored row; keyID is the current lookup key's.
func (r datasetRow) dataset(keyID string) (*Dataset, error) {
	d := &Dataset{
		ID: r.ID, Name: r.Name, Description: r.Description, Published: r.Published,
		SchemaVersion: r.SchemaVersion, RowCount: r.RowCount, LastImportID: r.LastImportID,
		LastImportAt: r.LastImportAt, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		epoch: r.Epoch, dataSchemaVersion: r.DataSchemaVersion, dataKeyID: r.DataKeyID,
	}
	if err := json.Unmarshal([]byte(r.Definition), &d.Definition); err != nil {
		return nil, fmt.Errorf("archive: dataset %d: definition: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(r.Mapping), &d.Mapping); err != nil {
		return nil, fmt.Errorf("archive: dataset %d: mapping: %w", r.ID, err)
	}
	if d.Mapping == nil {
		d.Mapping = map[string]string{}
	}
	d.NeedsReimport = r.RowCount > 0 && (r.DataSchemaVersion != r.SchemaVersion || r.DataKeyID != keyID)
	return d, nil
}

// Queryable reports whether kiosks may query the dataset: published,
// with records imported under its current definition and key.
func (d *Dataset) Queryable() bool {
	return d.Published && d.RowCount > 0 && !d.NeedsReimport
}

// schemaFingerprint is the part of a definition the stored records depend
// on; a change of it makes them stale.
func schemaFingerprint(d Definition) string {
	type f struct {
		Name                string
		Kind                string
		KeepFirst, KeepLast *int
		Shown, Required     bool
	}
	type k struct {
		Name, Field, Keypad string
		Last                int
	}
	var fs []f
	for _, x := range d.Fields {
		fs = append(fs, f{x.Name, string(x.Kind), x.KeepFirst, x.KeepLast, x.Shown, x.Required})
	}
	var ks []k
	for _, x := range d.Keys {
		ks = append(ks, k{x.Name, x.Field, string(x.Keypad), x.Last})
	}
	b, _ := json.Marshal(struct {
		F []f
		K []k
	}{fs, ks})
	return string(b)
}
