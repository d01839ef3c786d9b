package auth

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/trustelem/zxcvbn"

	"github.com/hallcast/hallcast/web"
)

// CodeWeakPassword is the error code of a password that is too easy to
// guess.
const CodeWeakPassword web.Code = "weak_password"

// Password rules: 10 characters at least, 72 bytes at most (bcrypt's
// limit), and a zxcvbn score of 3 or more (about 10^8 guesses; Dropbox's
// estimator, MIT licence). zxcvbn knows 30,000 common passwords, English
// words and names, keyboard walks, dates, repetitions (aaaaaaaaaaaa) and
// sequences (abcdefghijkl, 1234567890); to it we add the user's own name,
// words of this product and the 1,000 most common Chinese passwords
// (passwords-zh.txt, SecLists' Chinese-common-password-list-top-1000, MIT
// licence, Copyright (c) 2025 Daniel Miessler, see passwords-zh.LICENSE),
// so that woaini1314520 or zhangwei1990 are refused too.
const (
	minPasswordRunes = 10
	maxPasswordBytes = 72
	minPasswordScore = 3
)

//go:embed passwords-zh.txt
var zhPasswords string

// passwordWords are ranked like a dictionary by zxcvbn: product words
// first, then the Chinese list in its order of frequency.
var passwordWords = sync.OnceValue(func() []string {
	words := []string{"hallcast", "admin", "administrator", "zhengwu", "gongkai", "zhengfu", "dating", "mima", "guanliyuan"}
	return append(words, strings.Fields(zhPasswords)...)
})

// checkPassword validates a new password; context holds the account's own
// words (user name, display name), which make a password easy to guess.
func checkPassword(c *web.Check, field, pw string, context ...string) {
	switch {
	case pw == "":
		c.Add(web.Invalid(field, web.CodeRequired, "required"))
	case len([]rune(pw)) < minPasswordRunes:
		e := web.Invalid(field, web.CodeTooShort, "at least %d characters", minPasswordRunes)
		e.Params = map[string]any{"min": minPasswordRunes}
		c.Add(e)
	case len(pw) > maxPasswordBytes:
		e := web.Invalid(field, web.CodeTooLong, "at most %d bytes", maxPasswordBytes)
		e.Params = map[string]any{"max": maxPasswordBytes}
		c.Add(e)
	default:
		inputs := append([]string(nil), context...)
		inputs = append(inputs, passwordWords()...)
		if zxcvbn.PasswordStrength(pw, inputs).Score < minPasswordScore {
			c.Add(web.Invalid(field, CodeWeakPassword,
				"too easy to guess: a common password, a repetition or sequence, or built on the user name; choose a longer, less regular one"))
		}
	}
}
