// Command hallcast is the hallcast server and its administration commands.
package main

import (
	"os"
	_ "time/tzdata" // time zones work on hosts without tzdata
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
