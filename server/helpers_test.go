package server_test

import (
	"strconv"
	"time"

	"github.com/hallcast/hallcast/audit"
)

var testActor = audit.Actor{Name: "test"}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func waitABit() { time.Sleep(10 * time.Millisecond) }
