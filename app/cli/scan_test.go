package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/vcf"
	"followthrough/ocr"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
	"followthrough/ocr/tesseract/tesstest"
)

func TestScanSaveSchedulesFirstFollowUp(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	tests := []struct {
		name    string
		flag    string
		setting string
		none    bool
		wantDue contacts.Day
	}{
		{"default", "", "", false, today.AddDays(contacts.DefaultFollowUpDelay)},
		{"from the settings", "", "1w", false, today.AddDays(7)},
		{"flag over the settings", "2d", "1w", false, today.AddDays(2)},
		{"no follow-up", "", "", true, contacts.Day{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			ctx := context.Background()
			if tt.setting != "" {
				if err := store.SetSetting(ctx, app.SettingFollowUpDelay, tt.setting); err != nil {
					t.Fatal(err)
				}
			}
			in := t.TempDir()
			apptest.WriteImage(t, in, "card.png")
			cmd := testProgram(new(bytes.Buffer), &apptest.FakeEngine{Lines: apptest.JaneCard}).scanCommand()
			args := []string{"--save", "--out", t.TempDir()}
			if tt.flag != "" {
				args = append(args, "--follow-up-in", tt.flag)
			}
			if tt.none {
				args = append(args, "--no-follow-up")
			}
			if err := cmd.FlagSet().Parse(append(args, in)); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Run(ctx, store, cmd.FlagSet().Args()); err != nil {
				t.Fatal(err)
			}
			people, err := store.People(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if tt.none {
				if len(people) != 0 {
					t.Errorf("follow-ups scheduled with --no-follow-up: %+v", people)
				}
				return
			}
			if len(people) != 1 || len(people[0].Open) != 1 || people[0].Open[0].Due != tt.wantDue {
				t.Fatalf("people = %+v, want one follow-up due %s", people, tt.wantDue)
			}
		})
	}
}

func TestScanCommand(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	apptest.WriteImage(t, in, "first.png")
	apptest.WriteImage(t, in, "second.jpg.png")
	if err := os.WriteFile(filepath.Join(in, "broken.png"), []byte("\x89PNG\r\n\x1a\n broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(in, "more")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	apptest.WriteImage(t, sub, "first.png") // same name in a subfolder

	tests := []struct {
		name      string
		save      bool
		merge     bool
		wantSaved int
		wantOut   string
	}{
		{"vcards only", false, false, 0, "ok   "},
		// The three cards are of the same person: the first is saved, the
		// others are not, or are merged into it.
		{"and save", true, false, 1, "as Jane Q. Doe (#1); --merge merges it"},
		{"and merge", true, true, 1, "merged into #1 (same email"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			var stdout bytes.Buffer
			s := scanRun{store: store, out: out, event: "Spring Expo", save: tt.save, merge: tt.merge, w: &stdout,
				newEngine: func([]string) (ocr.Engine, error) { return &apptest.FakeEngine{Lines: apptest.JaneCard}, nil }}
			err := s.run(context.Background(), []string{in}, 2)
			if err == nil || !strings.Contains(err.Error(), "1 of 4 cards") {
				t.Errorf("error = %v, want one of four failed", err)
			}
			if !strings.Contains(stdout.String(), tt.wantOut) {
				t.Errorf("output lacks %q:\n%s", tt.wantOut, stdout.String())
			}
			broken := filepath.Join(in, "broken.png")
			if !strings.Contains(stdout.String(), "FAIL "+broken+": ") {
				t.Errorf("output does not name the broken file:\n%s", stdout.String())
			}
			if n := strings.Count(stdout.String(), broken); n != 1 {
				t.Errorf("output names the broken file %d times, want once:\n%s", n, stdout.String())
			}
			for _, name := range []string{"first.vcf", "first-2.vcf", "second.jpg.vcf"} {
				f, err := os.Open(filepath.Join(out, name))
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				cs, err := vcf.Read(f)
				f.Close()
				if err != nil || len(cs) != 1 || cs[0].FullName != "Jane Q. Doe" || cs[0].Event != "Spring Expo" {
					t.Errorf("%s: %+v, %v", name, cs, err)
				}
			}
			n, err := store.Count(context.Background())
			if err != nil || n != tt.wantSaved {
				t.Errorf("store holds %d contacts (%v), want %d", n, err, tt.wantSaved)
			}
		})
	}
}

// TestScanCommandTesseract reads a rendered card with the real engine, end
// to end, into a vCard file.
func TestScanCommandTesseract(t *testing.T) {
	tesstest.Languages(t, tesseract.Installed, ocr.DefaultLanguages...)
	eng, err := app.NewEngine(ocr.DefaultLanguages)
	if err != nil {
		t.Fatalf("tesseract: %v", err)
	}
	eng.Close()
	in, out := t.TempDir(), t.TempDir()
	if err := imaging.Save(render.Draw(render.Samples()[0], 1200), filepath.Join(in, "card.png")); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	s := scanRun{store: apptest.OpenStore(t), out: out, save: true, w: &stdout, newEngine: app.NewEngine}
	if err := s.run(context.Background(), []string{in}, 1); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "card.vcf"))
	if err != nil {
		t.Fatal(err)
	}
	want := render.SampleExpected()[0]
	for _, s := range []string{"VERSION:3.0", "FN:" + want.Name, "EMAIL;TYPE=internet:" + want.Email} {
		if !bytes.Contains(data, []byte(s)) {
			t.Errorf("card.vcf lacks %q:\n%s", s, data)
		}
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Errorf("card.vcf lines do not end in CRLF")
	}
}

// TestScanCommandBadInput scans a folder of cards among which are files
// that are not cards to read: each fails on a line naming the file and
// the problem, the others are saved, and a card with no text is not saved
// as an empty contact.
func TestScanCommandBadInput(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	apptest.WriteImage(t, in, "good.png")
	if err := os.WriteFile(filepath.Join(in, "scan.jpg"), []byte("%PDF-1.7\n1 0 obj\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "empty.png"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "IMG_0001.jpeg"), append([]byte{0, 0, 0, 24}, []byte("ftypheic\x00\x00\x00\x00mif1heic")...), 0o600); err != nil {
		t.Fatal(err)
	}
	blank := filepath.Join(t.TempDir(), "blank")
	if err := os.Mkdir(blank, 0o700); err != nil {
		t.Fatal(err)
	}
	apptest.WriteImage(t, blank, "back.png")

	store := apptest.OpenStore(t)
	var stdout bytes.Buffer
	s := scanRun{store: store, out: out, save: true, w: &stdout, followUpDays: 3,
		newEngine: func([]string) (ocr.Engine, error) { return &apptest.FakeEngine{Lines: apptest.JaneCard}, nil }}
	err := s.run(context.Background(), []string{in}, 1)
	if err == nil || !strings.Contains(err.Error(), "3 of 4 cards") {
		t.Errorf("error %v, want three of four failed", err)
	}
	for _, want := range []string{
		"FAIL " + filepath.Join(in, "scan.jpg") + ": It is a PDF document, not an image",
		"FAIL " + filepath.Join(in, "empty.png") + ": It is an empty file.",
		"FAIL " + filepath.Join(in, "IMG_0001.jpeg") + ": It is an HEIC photo",
		"ok   " + filepath.Join(in, "good.png"),
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}

	// The back of a card: nothing read, nothing saved.
	stdout.Reset()
	s.newEngine = func([]string) (ocr.Engine, error) { return &apptest.FakeEngine{}, nil }
	if err := s.run(context.Background(), []string{blank}, 1); err == nil {
		t.Error("a card with no text scanned without an error")
	}
	if !strings.Contains(stdout.String(), "FAIL "+filepath.Join(blank, "back.png")+": no text found on the card") {
		t.Errorf("output %q does not say the card has no text", stdout.String())
	}
	if n, _ := store.Count(context.Background()); n != 1 {
		t.Errorf("%d contacts saved, want only the good card", n)
	}
}

// TestScanSuggestedCompany: a company the card does not print is left out
// of the vCard written, and the scan's line offers it.
func TestScanSuggestedCompany(t *testing.T) {
	tests := []struct {
		name     string
		lines    []apptest.FakeLine
		wantLine string
		wantOrg  string // the vCard's ORG line, "" for none
	}{
		{
			name: "no company printed",
			lines: []apptest.FakeLine{
				{Text: "Pauline Martin", X0: 0.1, Y0: 0.10, X1: 0.6, Y1: 0.22, Conf: 95},
				{Text: "pauline@quaywell.example.com", X0: 0.1, Y0: 0.70, X1: 0.8, Y1: 0.76, Conf: 92},
			},
			wantLine: ": Pauline Martin · 1 email · company? Quaywell (from the email's domain)\n",
		},
		{
			name:     "the company printed",
			lines:    apptest.JaneCard,
			wantLine: ": Jane Q. Doe · Head of Partnerships · Acme Widgets Ltd · 1 phone · 1 email · address\n",
			wantOrg:  "ORG:Acme Widgets Ltd",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := t.TempDir(), t.TempDir()
			apptest.WriteImage(t, in, "card.png")
			var stdout bytes.Buffer
			s := scanRun{out: out, w: &stdout,
				newEngine: func([]string) (ocr.Engine, error) { return &apptest.FakeEngine{Lines: tt.lines}, nil }}
			if err := s.run(context.Background(), []string{in}, 1); err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(stdout.String(), tt.wantLine) {
				t.Errorf("output %q, want it to end %q", stdout.String(), tt.wantLine)
			}
			data, err := os.ReadFile(filepath.Join(out, "card.vcf"))
			if err != nil {
				t.Fatal(err)
			}
			org := ""
			for _, l := range strings.Split(string(data), "\r\n") {
				if strings.HasPrefix(l, "ORG") {
					org = l
				}
			}
			if org != tt.wantOrg {
				t.Errorf("vCard's ORG %q, want %q:\n%s", org, tt.wantOrg, data)
			}
		})
	}
}

// TestSummary: a scan's line says the name, with how it is said when the
// card gives that, and what else the card has.
func TestSummary(t *testing.T) {
	tests := []struct {
		name string
		c    contacts.Contact
		want string
	}{
		{"a Japanese card", contacts.Contact{FullName: "山本 健太", PhoneticGivenName: "Kenta", PhoneticFamilyName: "YAMAMOTO",
			Company: "Acme", Emails: []string{"k@acme.example"}}, "山本 健太 (Kenta YAMAMOTO) · Acme · 1 email"},
		{"no phonetic name", contacts.Contact{FullName: "Jane Doe", Title: "CTO"}, "Jane Doe · CTO"},
		{"the phonetic name is the name", contacts.Contact{FullName: "Kenta Yamamoto", PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto"}, "Kenta Yamamoto"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(tt.c); got != tt.want {
				t.Errorf("summary = %q, want %q", got, tt.want)
			}
		})
	}
}
