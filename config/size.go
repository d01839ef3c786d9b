package config

import (
	"fmt"
	"strconv"
	"strings"
)

var sizeUnits = []struct {
	suffix string
	mult   int64
}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}}

// ParseSize reads a byte size such as "512KB", "20MB" or "1048576".
// Units are binary (1KB = 1024 bytes) and case-insensitive.
func ParseSize(s string) (int64, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, unit := range sizeUnits {
		if strings.HasSuffix(u, unit.suffix) {
			u, mult = strings.TrimSpace(strings.TrimSuffix(u, unit.suffix)), unit.mult
			break
		}
	}
	n, err := strconv.ParseInt(u, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("config: %q is not a size", s)
	}
	return n * mult, nil
}

// FormatSize writes n bytes with the largest exact binary unit.
func FormatSize(n int64) string {
	for _, unit := range sizeUnits {
		if n >= unit.mult && n%unit.mult == 0 {
			return strconv.FormatInt(n/unit.mult, 10) + unit.suffix
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}
