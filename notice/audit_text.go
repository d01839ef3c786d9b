package notice

import (
	"fmt"

	"github.com/hallcast/hallcast/privacy"
)

// The audit log records what changed, never the personal numbers (R6):
// free text (titles, reasons, file names) goes in masked, and bodies not
// at all.

// auditText masks every personal number of s.
func auditText(p privacy.Policy, s string) string {
	m, _ := p.MaskText(s)
	return m
}

// auditPtr is auditText of an optional text.
func auditPtr(p privacy.Policy, s *string) *string {
	if s == nil {
		return nil
	}
	m := auditText(p, *s)
	return &m
}

// summary is what the audit log keeps of a version: no body, and the
// title masked.
func summary(p privacy.Policy, v *Version) map[string]any {
	return map[string]any{"notice_id": v.NoticeID, "version_id": v.ID, "number": v.Number, "status": v.Status,
		"title": auditText(p, v.Title), "kind": v.Kind, "category_id": v.CategoryID}
}

// auditFindings describes the decisions on findings by position and
// masked form.
func auditFindings(p privacy.Policy, items []Decided) []map[string]any {
	out := make([]map[string]any, 0, len(items))
	for _, d := range items {
		out = append(out, map[string]any{"field": d.Field, "where": d.Where, "kind": d.Kind, "start": d.Start, "end": d.End,
			"masked": d.Masked, "decision": d.Decision, "reason": auditText(p, d.Reason)})
	}
	return out
}

// describeKeep is the history line of a kept finding: where, what (masked)
// and why.
func describeKeep(d Decided) string {
	where := d.Where
	if where == "" {
		where = fmt.Sprintf("%d–%d", d.Start+1, d.End)
	}
	return fmt.Sprintf("%s %s %s %s：%s", d.Field, where, d.Kind, d.Masked, d.Reason)
}
