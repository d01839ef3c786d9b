package notice

import (
	"fmt"
	"time"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/web"
)

// Decisions on a personal-data finding (R6).
const (
	DecisionMask = "mask" // masked in the public text (the default)
	DecisionKeep = "keep" // shown as it is, with a reason (a 文号, a hotline)
)

// FindingDecision is a reviewer's decision on one finding of the version
// under review, named as the findings name it (field, cell, kind and
// position). NoticeID names a 三同步 partner; zero is the notice decided.
type FindingDecision struct {
	NoticeID int64        `json:"notice_id,omitempty"`
	Field    string       `json:"field"`
	Where    string       `json:"where,omitempty"`
	Kind     privacy.Kind `json:"kind"`
	Start    int          `json:"start"`
	End      int          `json:"end"`
	Decision string       `json:"decision"`
	Reason   string       `json:"reason"`
}

// Decided is a finding with the review's decision on it, as the version
// records it: positions and the masked form, never the number.
type Decided struct {
	Finding
	Decision  string    `json:"decision"`
	Reason    string    `json:"reason"`
	DecidedBy int64     `json:"decided_by"`
	DecidedAt time.Time `json:"decided_at"`
}

// findingKey identifies a finding within a version.
type findingKey struct {
	field, where string
	kind         privacy.Kind
	start, end   int
}

func keyOf(f Finding) findingKey { return findingKey{f.Field, f.Where, f.Kind, f.Start, f.End} }

// keepSet is what a review kept: the findings by position, and their
// values for text derived from them (rendered Markdown).
type keepSet struct {
	at     map[findingKey]bool
	values map[string]bool
}

func keepsOf(items []Decided) *keepSet {
	k := &keepSet{at: map[findingKey]bool{}, values: map[string]bool{}}
	for _, d := range items {
		if d.Decision == DecisionKeep {
			k.at[keyOf(d.Finding)] = true
			k.values[d.value] = true
		}
	}
	return k
}

// has reports whether the finding x of a field (or cell) was kept.
func (k *keepSet) has(field, where string, x privacy.Finding) bool {
	return k != nil && k.at[findingKey{field, where, x.Kind, x.Start, x.End}]
}

// hasValue reports whether a finding with x's value was kept.
func (k *keepSet) hasValue(x privacy.Finding) bool {
	return k != nil && k.values[x.Value()]
}

// check validates the decisions themselves; resolve matches them.
func checkDecisions(c *web.Check, ds []FindingDecision) {
	c.That(len(ds) <= 1000, "findings", web.CodeOutOfRange, "at most 1000 decisions")
	for i := range ds {
		d := &ds[i]
		field := fmt.Sprintf("findings[%d]", i)
		c.That(d.Decision == DecisionMask || d.Decision == DecisionKeep, field+".decision", web.CodeInvalid, "want mask or keep")
		if d.Decision == DecisionKeep {
			d.Reason = c.Text(field+".reason", d.Reason, 200)
		} else {
			c.MaxRunes(field+".reason", d.Reason, 200)
		}
	}
}

// resolveDecisions pairs the findings of each version of an approval
// with the reviewer's decisions; findings without one are masked. It
// refuses decisions on findings the text does not have (it changed), and
// findings nobody looked at: an approval with findings needs decisions
// or the acknowledgement of override_reason (which masks them all).
func resolveDecisions(group []*Version, scans map[int64][]Finding, d Decision, by int64, at time.Time) (map[int64][]Decided, error) {
	byNotice := map[int64]*Version{}
	for _, v := range group {
		byNotice[v.NoticeID] = v
	}
	chosen := map[int64]map[findingKey]int{}
	for i, fd := range d.Findings {
		nid := fd.NoticeID
		if nid == 0 {
			nid = group[0].NoticeID
		}
		v, ok := byNotice[nid]
		if !ok {
			return nil, web.Invalid(fmt.Sprintf("findings[%d].notice_id", i), web.CodeInvalid, "notice %d is not approved with this one", nid)
		}
		if chosen[v.ID] == nil {
			chosen[v.ID] = map[findingKey]int{}
		}
		k := findingKey{fd.Field, fd.Where, fd.Kind, fd.Start, fd.End}
		if _, dup := chosen[v.ID][k]; dup {
			return nil, web.Invalid(fmt.Sprintf("findings[%d]", i), web.CodeInvalid, "a second decision on the same finding")
		}
		chosen[v.ID][k] = i
	}
	acknowledged := len(d.Findings) > 0 || d.OverrideReason != ""
	out := map[int64][]Decided{}
	used := 0
	for _, v := range group {
		fs := scans[v.ID]
		if len(fs) > 0 && !acknowledged {
			return nil, personalDataError(fs)
		}
		items := make([]Decided, 0, len(fs))
		for _, f := range fs {
			dd := Decided{Finding: f, Decision: DecisionMask, DecidedBy: by, DecidedAt: at}
			if i, ok := chosen[v.ID][keyOf(f)]; ok {
				dd.Decision, dd.Reason = d.Findings[i].Decision, d.Findings[i].Reason
				used++
			}
			items = append(items, dd)
		}
		out[v.ID] = items
	}
	if used < len(d.Findings) {
		for i, fd := range d.Findings {
			if !matches(fd, group, scans) {
				return nil, web.Conflict(fmt.Sprintf("findings[%d]", i), "the text has no such finding (it changed meanwhile); reload it")
			}
		}
	}
	return out, nil
}

// matches reports whether a decision names a finding of the group.
func matches(fd FindingDecision, group []*Version, scans map[int64][]Finding) bool {
	for _, v := range group {
		if fd.NoticeID != 0 && fd.NoticeID != v.NoticeID || fd.NoticeID == 0 && v != group[0] {
			continue
		}
		for _, f := range scans[v.ID] {
			if keyOf(f) == (findingKey{fd.Field, fd.Where, fd.Kind, fd.Start, fd.End}) {
				return true
			}
		}
	}
	return false
}

// needsSecond reports whether an approval keeps a resident ID number
// (valid or suspected), which a second admin must confirm.
func needsSecond(plans map[int64][]Decided) bool {
	for _, items := range plans {
		for _, d := range items {
			if d.Decision == DecisionKeep && d.Kind.IsIDNumber() {
				return true
			}
		}
	}
	return false
}
