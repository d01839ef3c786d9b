package archive_test

import (
	"errors"
	"testing"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

func TestDefinitionErrorsNameTheField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		cases := []struct {
			change func(in *archive.DatasetInput)
			field  string
		}{
			{func(in *archive.DatasetInput) { in.Name = " " }, "name"},
			{func(in *archive.DatasetInput) { in.Definition.Fields[1].Name = "Name!" }, "fields[1].name"},
			{func(in *archive.DatasetInput) { in.Definition.Fields[2].Kind = "passport" }, "fields[2].kind"},
			{func(in *archive.DatasetInput) { in.Definition.Fields[2].Kind = "" }, "fields[2].kind"}, // a shown key source must be masked
			{func(in *archive.DatasetInput) { in.Definition.Keys[0].Field = "nope" }, "keys[0].field"},
			{func(in *archive.DatasetInput) { in.Definition.Keys[1].Keypad = "qwerty" }, "keys[1].keypad"},
			{func(in *archive.DatasetInput) { in.Definition.Keys = nil }, "keys"},
			{func(in *archive.DatasetInput) { in.Mapping = map[string]string{"ghost": "列"} }, "mapping.ghost"},
		}
		for _, c := range cases {
			in := archivegen.Dataset("x")
			c.change(&in)
			_, err := f.svc.CreateDataset(t.Context(), admin, in)
			var we *web.Error
			if !errors.As(err, &we) || we.Field != c.field {
				t.Errorf("want an error on %s, got %v", c.field, err)
			}
		}
		f.dataset("补贴")
		_, err := f.svc.CreateDataset(t.Context(), admin, archivegen.Dataset("补贴"))
		var we *web.Error
		if !errors.As(err, &we) || we.Code != web.CodeConflict {
			t.Fatalf("duplicate name: %v", err)
		}
	}, sets...)
}
