package search

import "testing"

func TestFoldHan(t *testing.T) {
	cases := map[string]string{
		"政務公開":    "政务公开",
		"政务公开":    "政务公开",
		"最低生活保障":  "最低生活保障",
		"臺灣後來發展":  "台湾后来发展",
		"低保ABC２０": "低保ABC２０",
	}
	for in, want := range cases {
		if got := FoldHan(in); got != want {
			t.Errorf("FoldHan(%q) = %q, want %q", in, got, want)
		}
	}
	// Normalize (index and query) folds too, so both spellings tokenise
	// alike.
	if a, b := IndexText("政務公開目錄"), IndexText("政务公开目录"); a != b {
		t.Errorf("tokens differ: %q and %q", a, b)
	}
}
