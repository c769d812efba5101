package cli

import (
	"io"
	"time"

	"followthrough/app/internal/apptest"
	"followthrough/ocr"
)

// testProgram is the program the tests run commands with: it prints to
// out, its clock stands at apptest.Today, and it reads every card with
// eng.
func testProgram(out io.Writer, eng ocr.Engine) *program {
	return &program{
		stdout:    out,
		clock:     func() time.Time { return apptest.Today },
		newEngine: func([]string) (ocr.Engine, error) { return eng, nil },
	}
}
