package alerttest

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Mail is one message the SMTP server accepted.
type Mail struct {
	From    string
	To      []string
	Subject string
	Body    string
	// TLS and User say how the client came: over STARTTLS, logged in as.
	TLS  bool
	User string
}

// SMTP is a mail server on 127.0.0.1 that offers STARTTLS and refuses to
// take mail without it or without AUTH PLAIN as User/Password.
type SMTP struct {
	Host           string
	Port           int
	User, Password string
	// RootCAs trusts the server's certificate.
	RootCAs *x509.CertPool

	mu    sync.Mutex
	mails []Mail
}

// StartSMTP starts the server for the test.
func StartSMTP(t *testing.T) *SMTP {
	t.Helper()
	cert, pool := certificate(t)
	s := &SMTP{Host: "127.0.0.1", User: "alerts@hall.example", Password: "smtp-secret-1", RootCAs: pool}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{s: s, conn: c}, nil }))
	srv.Domain = "mail.hall.example"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Port = ln.Addr().(*net.TCPAddr).Port
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close() })
	return s
}

// Mails returns the messages received so far.
func (s *SMTP) Mails() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.mails...)
}

// To returns the messages received for one address.
func (s *SMTP) To(addr string) []Mail {
	var out []Mail
	for _, m := range s.Mails() {
		for _, to := range m.To {
			if to == addr {
				out = append(out, m)
			}
		}
	}
	return out
}

type session struct {
	s    *SMTP
	conn *smtp.Conn
	user string
	mail Mail
}

func (se *session) tls() bool { _, ok := se.conn.TLSConnectionState(); return ok }

func (se *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (se *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != se.s.User || password != se.s.Password {
			return errors.New("invalid credentials")
		}
		se.user = username
		return nil
	}), nil
}

func (se *session) Mail(from string, _ *smtp.MailOptions) error {
	if !se.tls() {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "Must issue a STARTTLS command first"}
	}
	if se.user == "" {
		return smtp.ErrAuthRequired
	}
	se.mail = Mail{From: from, TLS: true, User: se.user}
	return nil
}

func (se *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	se.mail.To = append(se.mail.To, to)
	return nil
}

func (se *session) Data(r io.Reader) error {
	msg, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	dec := new(mime.WordDecoder)
	se.mail.Subject, _ = dec.DecodeHeader(msg.Header.Get("Subject"))
	var body io.Reader = msg.Body
	switch strings.ToLower(msg.Header.Get("Content-Transfer-Encoding")) {
	case "quoted-printable":
		body = quotedprintable.NewReader(msg.Body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, msg.Body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	se.mail.Body = string(b)
	se.s.mu.Lock()
	se.s.mails = append(se.s.mails, se.mail)
	se.s.mu.Unlock()
	return nil
}

func (se *session) Reset()        { se.mail = Mail{} }
func (se *session) Logout() error { return nil }
