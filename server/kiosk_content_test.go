package server_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/servertest"
)

// sample holds the IDs of the notices sampleContent publishes.
type sample struct {
	lowbao, zhengdi, guide, policy, interp int64
	social, policyCat                      int64 // the categories of lowbao (社会救助) and policy
	p                                      *publisher
}

// publisher writes, submits and approves notices through the admin API,
// the real workflow (editor writes, reviewer approves).
type publisher struct {
	t        *testing.T
	s        *servertest.Server
	ed, rita *servertest.Client
}

func newPublisher(t *testing.T, s *servertest.Server) *publisher {
	s.User(t, "sample.ed", auth.RoleEditor)
	s.User(t, "sample.rita", auth.RoleReviewer)
	return &publisher{t: t, s: s, ed: s.Login(t, "sample.ed", "sample.ed-password-1"), rita: s.Login(t, "sample.rita", "sample.rita-password-1")}
}

func (p *publisher) category(code string) int64 {
	p.t.Helper()
	cats, err := p.s.App.Catalogue.List(p.t.Context())
	if err != nil {
		p.t.Fatal(err)
	}
	for _, c := range cats {
		if c.Code == code {
			return c.ID
		}
	}
	p.t.Fatalf("no category %s", code)
	return 0
}

// write creates a draft and returns its notice ID.
func (p *publisher) write(body map[string]any) int64 {
	p.t.Helper()
	var d detail
	res := p.ed.Do("POST", "/api/admin/notices", body)
	if res.Status != http.StatusCreated {
		p.t.Fatalf("create %v: %d %s", body["title"], res.Status, res.Body)
	}
	res.JSON(p.t, &d)
	return d.Notice.ID
}

// approve submits and approves a draft, which publishes it.
func (p *publisher) approve(id int64) {
	p.t.Helper()
	post(p.t, p.ed, fmt.Sprintf("/api/admin/notices/%d/submit", id), nil, http.StatusOK)
	post(p.t, p.rita, fmt.Sprintf("/api/admin/notices/%d/approve", id), map[string]string{"reason": "经审查，同意公开"}, http.StatusOK)
}

func (p *publisher) publish(body map[string]any) int64 {
	id := p.write(body)
	p.approve(id)
	return id
}

// waitIndexed waits until the search index has n notices.
func waitIndexed(t *testing.T, s *servertest.Server, n int) {
	t.Helper()
	for i := 0; ; i++ {
		if got, _ := s.App.Search.Count(t.Context()); got == n {
			return
		}
		if i > 500 {
			t.Fatalf("the search index did not follow the notices (want %d)", n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// sampleContent publishes a few real-looking notices through the real
// workflow: a 低保 公示 (notice period from its category) with an image
// attachment, a 征地 announcement, a service guide, and a policy document
// published together with its interpretation.
func sampleContent(t *testing.T, s *servertest.Server) sample {
	t.Helper()
	p := newPublisher(t, s)
	png, _ := base64.StdEncoding.DecodeString(tinyPNG)
	res := p.ed.Upload("/api/admin/uploads", "file", "低保对象名单.png", png)
	if res.Status != http.StatusCreated {
		t.Fatalf("upload: %d %s", res.Status, res.Body)
	}
	var up map[string]any
	res.JSON(t, &up)
	out := sample{p: p, social: p.category("SHJZ")}
	out.lowbao = p.publish(map[string]any{"title": "关于2026年城乡低保对象名单的公示", "kind": "publicity", "category_id": out.social,
		"body":        "根据《最低生活保障审核确认办法》，经入户调查、民主评议，拟将以下**12户**家庭纳入城乡低保范围，现予以公示。\n\n公示期间如有异议，请向县民政局反映。",
		"attachments": []map[string]any{{"sha256": up["sha256"], "name": "低保对象名单.png"}}})
	out.zhengdi = p.publish(map[string]any{"title": "石桥镇集体土地征地补偿安置方案公告", "kind": "announcement", "category_id": p.category("ZDXX"),
		"body": "本次征地涉及石桥镇三个村，补偿标准按照省政府批复执行。"})
	out.guide = p.publish(map[string]any{"title": "城乡最低生活保障申请办事指南", "kind": "guide", "category_id": p.category("BSZN"),
		"body": "城乡低保申请的办理指南。", "guide": map[string]any{
			"basis": "《社会救助暂行办法》", "conditions": "共同生活的家庭成员人均收入低于当地低保标准，且财产状况符合规定。",
			"materials": []string{"身份证、户口簿", "家庭收入证明", "授权核对声明"}, "steps": []string{"申请", "审核", "公示", "审批"},
			"fees": "不收费", "time_limit": "20个工作日", "location": "县政务服务中心一楼 12 号窗口", "phone": "0755-12345678"}})
	out.interp = p.write(map[string]any{"title": "一图读懂：城乡低保认定新规", "kind": "interpretation", "category_id": p.category("ZCJD"),
		"body": "新规明确了低保家庭收入和财产的认定标准。"})
	out.policyCat = p.category("ZCWJ")
	out.policy = p.write(map[string]any{"title": "县人民政府关于印发城乡低保认定办法的通知", "kind": "policy", "category_id": out.policyCat,
		"body": "现将《城乡低保认定办法》印发给你们，请认真贯彻执行。", "interpretations": []int64{out.interp}})
	post(t, p.ed, fmt.Sprintf("/api/admin/notices/%d/submit", out.interp), nil, http.StatusOK)
	p.approve(out.policy) // publishes the interpretation with it (三同步)
	waitIndexed(t, s, 5)
	return out
}
