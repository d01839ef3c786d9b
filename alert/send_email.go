package alert

import (
	"context"
	"crypto/tls"
	"fmt"

	mail "github.com/wneessen/go-mail"
)

// sendEmail sends one e-mail to the channel's addresses over SMTP:
// STARTTLS required (or TLS from the start), AUTH when a username is set.
func (s *Service) sendEmail(ctx context.Context, st Settings, sec Secrets, q queued) (string, error) {
	m := mail.NewMsg()
	if err := m.From(st.From); err != nil {
		return "", fmt.Errorf("from: %w", err)
	}
	if err := m.To(st.To...); err != nil {
		return "", fmt.Errorf("to: %w", err)
	}
	m.Subject(q.Subject)
	m.SetDateWithValue(s.opts.Clock.Now())
	m.SetMessageID()
	m.SetGenHeader("X-Hallcast-Event", q.Event)
	m.SetBodyString(mail.TypeTextPlain, q.Body)
	opts := []mail.Option{mail.WithPort(st.Port), mail.WithTimeout(sendTimeout), mail.WithHELO("hallcast"),
		mail.WithTLSConfig(&tls.Config{ServerName: st.Host, RootCAs: s.opts.RootCAs, MinVersion: tls.VersionTLS12})}
	switch st.Security {
	case SecurityTLS:
		opts = append(opts, mail.WithSSL())
	case SecurityNone:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	}
	if st.Username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithUsername(st.Username), mail.WithPassword(sec.Password))
	}
	c, err := mail.NewClient(st.Host, opts...)
	if err != nil {
		return "", err
	}
	if err := c.DialAndSendWithContext(ctx, m); err != nil {
		return "", err
	}
	return fmt.Sprintf("accepted by %s:%d for %d recipients", st.Host, st.Port, len(st.To)), nil
}
