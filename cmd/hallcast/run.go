package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hallcast/hallcast/config"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the command failed
	exitUsage = 2 // bad arguments or configuration
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"serve", "run the server (the default command)", runServe},
		{"migrate", "apply database migrations and show the schema versions", runMigrate},
		{"user", "manage admin accounts: add, passwd, list, disable, enable", runUser},
		{"backup", "copy the SQLite database to the backups folder", runBackup},
		{"import", "import a CSV or XLSX file into an archive dataset", runImport},
		{"device", "pair screens or kiosks in bulk and write their tokens: device add", runDevice},
		{"keys", "rotate the keys that seal personal data: keys status|rotate|retire --contact", runKeys},
		{"version", "print the version", runVersion},
	}
}

// run is the whole program, testable: it parses args, runs one command and
// returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" {
		return runServe(args, stdout, stderr)
	}
	switch args[0] {
	case "help", "-h", "--help", "-help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "hallcast: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "hallcast: public-disclosure screens, kiosks and deadlines for government service halls.")
	fmt.Fprintln(w, "\nUsage: hallcast [command] [flags]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'hallcast <command> --help' for the flags of a command.")
	fmt.Fprintln(w, "Every setting can also come from a HALLCAST_* environment variable or a --config file.")
	fmt.Fprintln(w, "\nFlags of serve:")
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	config.NewLoader(fs)
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// newFlags returns a flag set that prints its help to stdout on --help and
// errors to stderr.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fs.SetOutput(stdout)
		fmt.Fprintf(stdout, "Usage: hallcast %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	return fs
}

// parse parses flags, also those after positional arguments ("user
// disable bob --data-dir x"), returning (exit code, true) when the caller
// should stop: --help (0) or a bad flag (2). Positional arguments are
// left in fs.Args().
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK, true
			}
			return exitUsage, true
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	_ = fs.Parse(append([]string{"--"}, positional...))
	return exitOK, false
}

// loadConfig builds the configuration, printing a config error that names
// the setting.
func loadConfig(l *config.Loader, stderr io.Writer) (*config.Config, int, bool) {
	cfg, err := l.Load(os.LookupEnv)
	if err != nil {
		fmt.Fprintf(stderr, "hallcast: %v\n", err)
		return nil, exitUsage, true
	}
	return cfg, exitOK, false
}
