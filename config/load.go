package config

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/joho/godotenv"
)

// Error reports a configuration value that cannot be used. It names the
// setting and where the value came from.
type Error struct {
	Setting string // e.g. HALLCAST_LISTEN or --listen
	Source  string // default, file, environment or flag
	Value   string // empty for secrets
	Reason  string
}

func (e *Error) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("config: %s (%s): %s", e.Setting, e.Source, e.Reason)
	}
	return fmt.Sprintf("config: %s=%q (%s): %s", e.Setting, e.Value, e.Source, e.Reason)
}

// Loader binds the settings to a flag set and later builds the Config.
type Loader struct {
	fs     *flag.FlagSet
	values map[string]*string
	file   *string
}

// NewLoader registers --config and one flag per setting on fs.
func NewLoader(fs *flag.FlagSet) *Loader {
	l := &Loader{fs: fs, values: map[string]*string{}}
	l.file = fs.String("config", "", "optional configuration file of HALLCAST_NAME=value lines (env: HALLCAST_CONFIG)")
	for _, s := range Settings {
		usage := fmt.Sprintf("%s (env: %s", s.Usage, s.Env())
		if s.Secret {
			usage += ", or " + s.Env() + "_FILE"
		}
		usage += ")"
		l.values[s.Flag] = fs.String(s.Flag, s.Default, usage)
	}
	return l
}

// Load builds and validates the Config after the flag set was parsed.
// lookupEnv is usually os.LookupEnv.
func (l *Loader) Load(lookupEnv func(string) (string, bool)) (*Config, error) {
	set := map[string]bool{}
	l.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	c := &Config{}
	file := *l.file
	if !set["config"] {
		file, _ = lookupEnv("HALLCAST_CONFIG")
	}
	var fileValues map[string]string
	if file != "" {
		var err error
		if fileValues, err = readFile(file); err != nil {
			return nil, err
		}
		c.File = file
	}
	for _, s := range Settings {
		v, src, err := pick(s, set[s.Flag], *l.values[s.Flag], fileValues, lookupEnv)
		if err != nil {
			return nil, err
		}
		if err := s.apply(c, v); err != nil {
			name := s.Env()
			if src == "flag" {
				name = "--" + s.Flag
			}
			e := &Error{Setting: name, Source: src, Value: v, Reason: err.Error()}
			if s.Secret {
				e.Value = ""
			}
			return nil, e
		}
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return nil, &Error{Setting: "HALLCAST_TLS_KEY", Source: "combined", Reason: "tls-cert and tls-key must be set together"}
	}
	return c, nil
}

// pick returns the value of one setting by precedence: flag, environment,
// file, default.
func pick(s Setting, flagSet bool, flagValue string, file map[string]string, lookupEnv func(string) (string, bool)) (string, string, error) {
	if flagSet {
		return flagValue, "flag", nil
	}
	env, envOK := lookupEnv(s.Env())
	if s.Secret {
		if path, ok := lookupEnv(s.Env() + "_FILE"); ok && path != "" {
			if envOK {
				return "", "", &Error{Setting: s.Env() + "_FILE", Source: "environment", Reason: "set either " + s.Env() + " or " + s.Env() + "_FILE, not both"}
			}
			b, err := os.ReadFile(path)
			if err != nil {
				reason := err.Error()
				var pe *fs.PathError
				if errors.As(err, &pe) {
					reason = pe.Err.Error()
				}
				return "", "", &Error{Setting: s.Env() + "_FILE", Source: "environment", Value: path, Reason: "cannot read the file: " + reason}
			}
			return strings.TrimRight(string(b), "\r\n"), "file " + path, nil
		}
	}
	if envOK {
		return env, "environment", nil
	}
	if v, ok := file[s.Env()]; ok {
		return v, "config file", nil
	}
	return s.Default, "default", nil
}

func readFile(path string) (map[string]string, error) {
	m, err := godotenv.Read(path)
	if err != nil {
		return nil, &Error{Setting: "HALLCAST_CONFIG", Source: "config file", Value: path, Reason: err.Error()}
	}
	known := map[string]bool{}
	for _, s := range Settings {
		known[s.Env()] = true
	}
	for k := range m {
		if !known[k] {
			return nil, &Error{Setting: k, Source: "config file " + path, Reason: "unknown setting"}
		}
	}
	return m, nil
}
