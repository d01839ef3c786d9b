package server_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hallcast/hallcast/server/servertest"
)

// documented are the route prefixes docs/api.yaml describes.
var documented = regexp.MustCompile(`^/api/admin/(notices|review|uploads|attachments|stats|categories|calendar|screen-groups|screens|proof|emergencies|devices|alerts)\b|^/api/admin/me$|^/files/`)

type apiDoc struct {
	OpenAPI string                                       `yaml:"openapi"`
	Paths   map[string]map[string]yaml.Node              `yaml:"paths"`
	Comps   map[string]map[string]any                    `yaml:"components"`
	Info    struct{ Title, Version, Description string } `yaml:"info"`
}

type operation struct {
	Summary   string               `yaml:"summary"`
	Role      string               `yaml:"x-role"`
	Responses map[string]yaml.Node `yaml:"responses"`
}

// Every admin route of the notice, catalogue, calendar, statistics,
// screens, proof-of-play, emergency and device API is in docs/api.yaml
// with its method and role, and the document names no route the server
// does not have.
func TestAPIDocumentMatchesTheRoutes(t *testing.T) {
	raw, err := os.ReadFile("../docs/api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc apiDoc
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("docs/api.yaml is not valid YAML: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || doc.Info.Description == "" {
		t.Fatalf("not an OpenAPI 3 document: %q", doc.OpenAPI)
	}
	param := regexp.MustCompile(`\{(\w+)\}`)
	inDoc := map[string]string{} // "GET /api/admin/notices/:id" -> role
	for path, ops := range doc.Paths {
		echoPath := param.ReplaceAllString(path, ":$1")
		for method, node := range ops {
			if method == "parameters" {
				continue
			}
			var op operation
			if err := node.Decode(&op); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
			if op.Summary == "" || op.Role == "" || len(op.Responses) == 0 {
				t.Errorf("%s %s lacks a summary, x-role or responses", method, path)
			}
			inDoc[strings.ToUpper(method)+" "+echoPath] = op.Role
		}
	}
	if len(inDoc) < 30 {
		t.Fatalf("only %d operations read from docs/api.yaml", len(inDoc))
	}
	s := servertest.Start(t)
	served := map[string]bool{}
	for _, r := range s.App.Handler().Routes() {
		served[r.Method+" "+r.Path] = true
	}
	for _, r := range s.App.AdminRoutes() {
		if !documented.MatchString(r.Path) {
			continue
		}
		key := r.Method + " " + r.Path
		role, ok := inDoc[key]
		if !ok {
			t.Errorf("%s is not in docs/api.yaml", key)
			continue
		}
		want := string(r.Need)
		if want == "" {
			want = "any"
		}
		if role != want {
			t.Errorf("%s: docs/api.yaml says role %s, the route needs %s", key, role, want)
		}
	}
	for key := range inDoc {
		if !served[key] {
			t.Errorf("docs/api.yaml describes %s, which the server does not have", key)
		}
	}
}
