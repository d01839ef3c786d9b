package site

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/disclosure"
)

// applyLabels name the fields of the application (政府信息公开申请表).
var applyLabels = map[string]string{
	"applicant_type": "申请人类型", "name": "姓名或名称", "id_type": "证件类型", "id_number": "证件号码",
	"org_code": "统一社会信用代码", "legal_rep": "法定代表人", "contact_name": "联系人", "org_kind": "机构类别",
	"phone": "联系电话", "email": "电子邮箱", "address": "通信地址", "postcode": "邮政编码",
	"description": "所需信息的内容描述", "doc_ref": "文号", "form": "获取信息的形式", "delivery": "获取信息的方式",
}

// applyPage is what the application form shows.
type applyPage struct {
	*Form
	OrgKinds []disclosure.Category
}

// HandleApplyForm is GET /gk/apply: the 依申请公开 form, the kiosk's.
func (s *Site) HandleApplyForm(c echo.Context) error {
	return s.applyForm(c, http.StatusOK, s.newForm("apply"))
}

func (s *Site) applyForm(c echo.Context, status int, f *Form) error {
	v := s.newView(c, "apply", "依申请公开", "在线提交政府信息公开申请，凭编号和手机号后四位查询办理进度。", Prefix+"/apply")
	v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "依申请公开"}}
	v.Data = applyPage{Form: f, OrgKinds: disclosure.OrgKinds}
	return s.private(c, status, "apply", v)
}

// HandleApply is POST /gk/apply: the application, received online
// (disclosure.Service.SubmitOnline: the day it is submitted and the
// receipt shown, 条例 第三十一条（三）). It answers with a redirect to the
// receipt (POST-redirect-GET), or the form again with its problems.
func (s *Site) HandleApply(c echo.Context) error {
	vals, _, back, err := s.accept(c, "apply", true)
	if err != nil {
		return err
	}
	if back != nil {
		return s.applyForm(c, http.StatusOK, back)
	}
	a := disclosure.Application{ApplicantType: vals.Get("applicant_type"), Name: vals.Get("name"), IDType: vals.Get("id_type"),
		IDNumber: vals.Get("id_number"), OrgCode: vals.Get("org_code"), LegalRep: vals.Get("legal_rep"), ContactName: vals.Get("contact_name"),
		Phone: vals.Get("phone"), Email: vals.Get("email"), Address: vals.Get("address"), Postcode: vals.Get("postcode"),
		Description: vals.Get("description"), DocRef: vals.Get("doc_ref"), Form: vals.Get("form"), Delivery: vals.Get("delivery"),
		OrgKind: vals.Get("org_kind")}
	rc, err := s.o.Disclosure.SubmitOnline(c.Request().Context(), a)
	if err != nil {
		f, err := s.problems("apply", vals, err, applyLabels)
		if err != nil {
			return err
		}
		return s.applyForm(c, http.StatusUnprocessableEntity, f)
	}
	if err := s.setReceipt(c, "apply", rc); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, Prefix+"/apply/done")
}

// HandleApplyDone is GET /gk/apply/done: the receipt of the application
// just submitted (tracking number, day of receipt, due date, the name and
// phone masked), or the form when there is none.
func (s *Site) HandleApplyDone(c echo.Context) error {
	var rc disclosure.Receipt
	if !s.receipt(c, "apply", &rc) {
		return c.Redirect(http.StatusSeeOther, Prefix+"/apply")
	}
	v := s.newView(c, "apply", "申请已提交", "政府信息公开申请的回执。", Prefix+"/apply/done")
	v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "依申请公开", Href: Prefix + "/apply"}, {Label: "回执"}}
	v.Data = &rc
	return s.private(c, http.StatusOK, "apply_done", v)
}
