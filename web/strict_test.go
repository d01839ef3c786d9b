package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

type item struct {
	Text string `json:"text"`
}

type embedded struct {
	Note string `json:"note"`
}

type input struct {
	embedded
	Title string            `json:"title"`
	Body  string            `json:"body"`
	Items []item            `json:"items"`
	Keys  map[string]string `json:"keys"`
	Extra json.RawMessage   `json:"extra"`
	Any   any               `json:"any"`
}

func bind(t *testing.T, body string) (*input, *web.Error) {
	t.Helper()
	e := echo.New()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	c := e.NewContext(req, httptest.NewRecorder())
	var in input
	err := web.Bind(c, &in)
	if err == nil {
		return &in, nil
	}
	we, ok := err.(*web.Error)
	if !ok {
		t.Fatalf("%s: %T %v", body, err, err)
	}
	return nil, we
}

// Issue 15, point 9: duplicate and case-folded keys were accepted
// ({"title":"a","Title":"b"} stored b); control characters and U+202E were
// stored. Bind refuses them, naming the field.
func TestBindRefusesDuplicateAndCaseFoldedKeys(t *testing.T) {
	cases := []struct{ body, field string }{
		{`{"title":"a","Title":"b"}`, "Title"},
		{`{"title":"a","title":"b"}`, "title"},
		{`{"Title":"b"}`, "Title"},
		{`{"TITLE":"b"}`, "TITLE"},
		{`{"note":"a","NOTE":"b"}`, "NOTE"},
		{`{"items":[{"text":"a"},{"text":"a","Text":"b"}]}`, "items.Text"},
		{`{"keys":{"id_number":"1","ID_NUMBER":"2"}}`, "keys.ID_NUMBER"},
		{`{"keys":{"k":"1","\u212a":"2"}}`, "keys.\u212a"}, // KELVIN SIGN folds to k
		{`{"any":{"a":1,"A":2}}`, "any.A"},
		{`{"extra":{"a":1,"a":2}}`, "extra.a"},
	}
	for _, c := range cases {
		_, err := bind(t, c.body)
		if err == nil || err.Status != http.StatusBadRequest || err.Field != c.field ||
			(err.Code != web.CodeDuplicateField && err.Code != web.CodeUnknownField) {
			t.Errorf("%s: %v, want 400 naming %q", c.body, err, c.field)
		}
	}
	in, err := bind(t, `{"title":"a","body":"b","note":"n","items":[{"text":"x"},{"text":"y"}],"keys":{"a":"1","b":"2"},"extra":{"A":1,"a":null}}`)
	if err == nil {
		t.Errorf("raw JSON with a case-folded duplicate was accepted: %+v", in)
	}
	in, err = bind(t, `{"title":"a","body":"b","note":"n","items":[{"text":"x"},{"text":"y"}],"keys":{"a":"1","b":"2"}}`)
	if err != nil || in.Title != "a" || in.Note != "n" || len(in.Items) != 2 || in.Keys["b"] != "2" {
		t.Fatalf("good input: %+v %v", in, err)
	}
}

func TestBindRefusesControlAndBidiCharacters(t *testing.T) {
	bad := []struct{ body, field, char string }{
		{`{"title":"a\u0000b"}`, "title", "U+0000"},
		{`{"title":"\u001b[31mred"}`, "title", "U+001B"},
		{`{"body":"one\rtwo"}`, "body", "U+000D"},
		{`{"body":"x\u007f"}`, "body", "U+007F"},
		{`{"body":"x\u0085"}`, "body", "U+0085"},
		{`{"title":"账户 \u202e8210 6222"}`, "title", "U+202E"},
		{`{"title":"\u202atext\u202c"}`, "title", "U+202A"},
		{`{"title":"\u2066text\u2069"}`, "title", "U+2066"},
		{`{"items":[{"text":"a\u0000"}]}`, "items.text", "U+0000"},
		{`{"keys":{"id\u0000":"1"}}`, "keys.id\x00", "U+0000"},
		{`{"any":["ok","\u0007"]}`, "any", "U+0007"},
	}
	for _, c := range bad {
		_, err := bind(t, c.body)
		if err == nil || err.Status != http.StatusBadRequest || err.Code != web.CodeInvalidCharacter || err.Field != c.field || err.Params["char"] != c.char {
			t.Errorf("%s: %v, want 400 invalid_character %s naming %q", c.body, err, c.char, c.field)
		}
	}
	in, err := bind(t, `{"title":"第一行","body":"第一段\n\t第二段\r\n第三段（含 العربية 与 ‎标记）"}`)
	if err != nil || !strings.Contains(in.Body, "\r\n") {
		t.Fatalf("multi-line text: %v", err)
	}
}

func TestCheckLineRefusesLineBreaks(t *testing.T) {
	var c web.Check
	if v := c.Line("name", "  大厅东侧条屏 ", 64); v != "大厅东侧条屏" || c.Err() != nil {
		t.Fatalf("good name: %q %v", v, c.Err())
	}
	for _, bad := range []string{"大厅\n东侧", "大厅\t东侧", "大厅\r\n东侧"} {
		var c web.Check
		c.Line("name", bad, 64)
		if e, _ := c.Err().(*web.Error); e == nil || e.Field != "name" || e.Code != web.CodeInvalidCharacter {
			t.Errorf("%q: %v", bad, c.Err())
		}
	}
}
