package cli

import (
	"fmt"
	"os"

	"golang.org/x/term"
)

// terminalPrompt returns a prompt that reads a secret from the terminal
// without showing it, or nil when the input is not a terminal.
func terminalPrompt() func(question string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil
	}
	return func(question string) (string, error) {
		fmt.Fprint(os.Stderr, question)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(os.Stderr)
		if err != nil {
			return "", fmt.Errorf("read the password: %w", err)
		}
		return string(b), nil
	}
}
