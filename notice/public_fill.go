package notice

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/store"
)

// toPublic adds what versions do not carry: index numbers, categories
// and 三同步 links.
func (s *Service) toPublic(ctx context.Context, vs []*Version) ([]PublicNotice, error) {
	out := make([]PublicNotice, 0, len(vs))
	if len(vs) == 0 {
		return out, nil
	}
	cats, err := catalogueByID(ctx, s.db)
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		var n struct {
			IndexNo   *string   `db:"index_no"`
			UpdatedAt time.Time `db:"updated_at"`
		}
		if err := s.db.Get(ctx, &n, "SELECT index_no, updated_at FROM notices WHERE id = ?", v.NoticeID); err != nil {
			return nil, fmt.Errorf("notice: unable to read notice %d: %w", v.NoticeID, err)
		}
		pt := v.Public
		if pt == nil { // not approved since the public text exists: never shown unmasked
			s.log.Error("notice: a live version has no public text", "version_id", v.ID)
			continue
		}
		p := PublicNotice{ID: v.NoticeID, VersionID: v.ID, Status: v.Status, Title: pt.Title, HTML: pt.HTML, Text: pt.Text,
			LEDText: pt.LEDText, Kind: v.Kind, KindLabel: v.Kind.Label(), CategoryID: v.CategoryID, SourceDept: v.SourceDept,
			MadeOn: v.MadeOn, ExpireAt: v.ExpireAt, Period: v.Period, Priority: v.Priority, Duration: v.Duration,
			AllScreens: v.AllScreens, Groups: v.Groups, Guide: pt.Guide, Interpretations: []int64{}, UpdatedAt: n.UpdatedAt.UTC()}
		if p.LEDText == "" {
			p.LEDText = pt.Title
		}
		if n.IndexNo != nil {
			p.IndexNo = *n.IndexNo
		}
		if v.PublishedAt != nil {
			p.PublishedAt = *v.PublishedAt
		}
		if c, ok := cats[v.CategoryID]; ok {
			p.CategoryName, p.CategoryPath = c.Name, c.Path
		}
		if v.ExpireAt != nil {
			e := lastDay(*v.ExpireAt, s.loc).String()
			p.EndDate = &e
		}
		for _, a := range v.Attachments {
			if a.PublicSHA256 == nil || a.PublicSize == nil {
				continue
			}
			p.Attachments = append(p.Attachments, PublicAttachment{ID: a.ID, Name: a.Name, ContentType: a.ContentType,
				Size: *a.PublicSize, URL: FileURL(a.ID, a.Name)})
		}
		if err := s.publicLinks(ctx, v, &p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// publicLinks fills in the 三同步 partners that are public too.
func (s *Service) publicLinks(ctx context.Context, v *Version, p *PublicNotice) error {
	pub := " AND n.withdrawn_at IS NULL AND lv.status IN ('published', 'expired')"
	switch v.Kind {
	case KindPolicy:
		if len(v.Interpretations) == 0 {
			return nil
		}
		return s.db.Select(ctx, &p.Interpretations, `SELECT n.id FROM notices n JOIN notice_versions lv ON lv.id = n.live_version_id
			WHERE n.id IN (`+placeholders(len(v.Interpretations))+`)`+pub+" ORDER BY n.id", anys(v.Interpretations)...)
	case KindInterpretation:
		var ids []int64
		err := s.db.Select(ctx, &ids, `SELECT n.id FROM notices n JOIN notice_versions lv ON lv.id = n.live_version_id
			JOIN notice_version_links l ON l.version_id = lv.id WHERE l.interpretation_id = ?`+pub+" ORDER BY n.id", v.NoticeID)
		if err != nil || len(ids) == 0 {
			return err
		}
		p.PolicyID = &ids[0]
	}
	return nil
}

// FileURL is the public address of an attachment of a public notice.
func FileURL(id int64, name string) string {
	return fmt.Sprintf("/files/%d/%s", id, url.PathEscape(name))
}

func catalogueByID(ctx context.Context, q store.Querier) (map[int64]catalogue.Category, error) {
	all, err := catalogue.All(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]catalogue.Category, len(all))
	for _, c := range all {
		out[c.ID] = c
	}
	return out, nil
}

func anys(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
