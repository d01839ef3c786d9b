package archive

import "context"

// KioskKey is a key as the kiosk shows it: its prompt and keypad.
type KioskKey struct {
	Name   string `json:"name"`
	Label  string `json:"label"`
	Keypad Keypad `json:"keypad"`
	// Length is the exact number of characters when known, else 0.
	Length int `json:"length"`
}

// KioskDataset is a dataset as the kiosk lists it.
type KioskDataset struct {
	ID          int64         `json:"id"`
	Name        string        `json:"name"`
	Description string        `json:"description"`
	Keys        []KioskKey    `json:"keys"`
	Fields      []ResultField `json:"fields"`
}

// KioskDatasets lists the datasets kiosks may query.
func (s *Service) KioskDatasets(ctx context.Context) ([]KioskDataset, error) {
	all, err := s.cache.list(ctx)
	if err != nil {
		return nil, err
	}
	out := []KioskDataset{}
	for _, d := range all {
		if !d.Queryable() {
			continue
		}
		kd := KioskDataset{ID: d.ID, Name: d.Name, Description: d.Description, Fields: resultFields(d)}
		for _, k := range d.Definition.Keys {
			kd.Keys = append(kd.Keys, KioskKey{Name: k.Name, Label: k.Label, Keypad: k.Keypad, Length: k.Length()})
		}
		out = append(out, kd)
	}
	return out, nil
}
