package server_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hallcast/hallcast/server/servertest"
)

// kioskDocumented are the route prefixes docs/kiosk-api.yaml describes.
var kioskDocumented = regexp.MustCompile(`^/api/kiosk/|^/api/admin/(kiosk|ratings|suggestions|disclosure|assignees)\b`)

// Every kiosk route and every admin route of ratings, suggestions and
// disclosure requests is in docs/kiosk-api.yaml with its role, and the
// document names no route the server does not have.
func TestKioskAPIDocumentMatchesTheRoutes(t *testing.T) {
	raw, err := os.ReadFile("../docs/kiosk-api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc apiDoc
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("docs/kiosk-api.yaml is not valid YAML: %v", err)
	}
	param := regexp.MustCompile(`\{(\w+)\}`)
	inDoc := map[string]string{}
	for path, ops := range doc.Paths {
		for method, node := range ops {
			var op operation
			if err := node.Decode(&op); err != nil || op.Summary == "" || op.Role == "" || len(op.Responses) == 0 {
				t.Errorf("%s %s lacks a summary, x-role or responses (%v)", method, path, err)
			}
			inDoc[strings.ToUpper(method)+" "+param.ReplaceAllString(path, ":$1")] = op.Role
		}
	}
	s := servertest.Start(t)
	need := map[string]string{}
	for _, r := range s.App.AdminRoutes() {
		need[r.Method+" "+r.Path] = string(r.Need)
	}
	served := map[string]bool{}
	for _, r := range s.App.Handler().Routes() {
		key := r.Method + " " + r.Path
		served[key] = true
		if !kioskDocumented.MatchString(r.Path) || r.Method == "echo_route_not_found" || strings.HasSuffix(r.Path, "/*") {
			continue
		}
		want := "kiosk"
		if strings.HasPrefix(r.Path, "/api/admin/") {
			want = need[key]
		}
		if role, ok := inDoc[key]; !ok {
			t.Errorf("%s is not in docs/kiosk-api.yaml", key)
		} else if role != want {
			t.Errorf("%s: the document says role %s, the route needs %s", key, role, want)
		}
	}
	for key := range inDoc {
		if !served[key] {
			t.Errorf("docs/kiosk-api.yaml describes %s, which the server does not have", key)
		}
	}
}
