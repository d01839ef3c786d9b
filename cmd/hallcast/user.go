package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"text/tabwriter"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
)

const userUsage = `Usage: hallcast user <action> [flags]

Actions:
  add --username NAME --role admin|editor|reviewer [--display-name TEXT] [--password-stdin]
  passwd NAME [--password-stdin]     set a new password (random when not given)
  list                               list accounts
  disable NAME                       disable an account and end its sessions
  enable NAME                        enable an account again

Without --password-stdin a random password is generated and printed once;
the user must change it at first login.
Run 'hallcast user <action> --help' for the database flags.
`

func runUser(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, userUsage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	action, args := args[0], args[1:]
	fs := newFlags("user "+action, "user "+action+" [flags]", stdout, stderr)
	username := fs.String("username", "", "account user name (add)")
	role := fs.String("role", "", "admin, editor or reviewer (add)")
	display := fs.String("display-name", "", "name shown in the admin UI (add)")
	stdinPW := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	loader := config.NewLoader(fs)
	if code, stop := parse(fs, args); stop {
		return code
	}
	cfg, code, stop := loadConfig(loader, stderr)
	if stop {
		return code
	}
	password := ""
	if *stdinPW {
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		if err != nil && line == "" {
			fmt.Fprintln(stderr, "hallcast user: no password on standard input")
			return exitUsage
		}
		password = strings.TrimRight(line, "\r\n")
	}
	ctx := context.Background()
	db, err := openDB(ctx, cfg, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "hallcast user: %v\n", err)
		return exitError
	}
	defer db.Close()
	if _, err := db.Migrate(ctx, server.Migrations()...); err != nil {
		fmt.Fprintf(stderr, "hallcast user: %v\n", err)
		return exitError
	}
	svc := auth.New(db, auth.Options{Logger: newLogger(cfg, stderr)})
	who := cliActor()
	switch action {
	case "add":
		u, pw, err := svc.Create(ctx, who, auth.NewUser{Username: *username, DisplayName: *display, Role: auth.Role(*role), Password: password})
		if err != nil {
			return userError(stderr, err)
		}
		fmt.Fprintf(stdout, "created %s (%s)\n", u.Username, u.Role)
		if password == "" {
			fmt.Fprintf(stdout, "password: %s\n(shown once; it must be changed at first login)\n", pw)
		}
	case "passwd", "disable", "enable":
		if fs.NArg() != 1 {
			fmt.Fprintf(stderr, "hallcast user %s: give exactly one user name\n", action)
			return exitUsage
		}
		u, err := svc.ByUsername(ctx, fs.Arg(0))
		if err != nil {
			return userError(stderr, err)
		}
		if action == "passwd" {
			pw, err := svc.SetPassword(ctx, who, u.ID, password, password == "")
			if err != nil {
				return userError(stderr, err)
			}
			fmt.Fprintf(stdout, "password of %s changed\n", u.Username)
			if password == "" {
				fmt.Fprintf(stdout, "password: %s\n(shown once; it must be changed at first login)\n", pw)
			}
			return exitOK
		}
		disabled := action == "disable"
		if _, err := svc.Update(ctx, who, u.ID, auth.Change{Disabled: &disabled}); err != nil {
			return userError(stderr, err)
		}
		fmt.Fprintf(stdout, "%s %sd\n", u.Username, action)
	case "list":
		users, err := svc.List(ctx)
		if err != nil {
			return userError(stderr, err)
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "USERNAME\tROLE\tSTATUS\tNAME")
		for _, u := range users {
			status := "active"
			if u.Disabled {
				status = "disabled"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Username, u.Role, status, u.DisplayName)
		}
		tw.Flush()
	default:
		fmt.Fprintf(stderr, "hallcast user: unknown action %q\n\n%s", action, userUsage)
		return exitUsage
	}
	return exitOK
}

func cliActor() audit.Actor {
	name := "cli"
	if u, err := user.Current(); err == nil {
		name = "cli:" + u.Username
	}
	return audit.Actor{Name: name, IP: "local"}
}

func userError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "hallcast user: %v\n", err)
	return exitError
}
