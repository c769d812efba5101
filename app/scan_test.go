package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// TestSplitAddresses: an address read from a card as one line is split
// into its components; one the user gave components stays as given.
func TestSplitAddresses(t *testing.T) {
	tests := []struct {
		name string
		in   []contacts.Address
		want []contacts.Address
	}{
		{"one line", []contacts.Address{{Label: contacts.LabelWork, Street: "Storgata 1, 0155 Oslo, Norway"}},
			[]contacts.Address{{Label: contacts.LabelWork, Street: "Storgata 1", City: "Oslo", PostalCode: "0155", Country: "Norway"}}},
		{"components kept", []contacts.Address{{Street: "Storgata 1, bakgården", City: "Oslo"}},
			[]contacts.Address{{Street: "Storgata 1, bakgården", City: "Oslo"}}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitAddresses(contacts.Contact{Addresses: tt.in}, "NO").Addresses
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestSaveCardSplitsTheAddress: a scanned card's address is stored in its
// components.
func TestSaveCardSplitsTheAddress(t *testing.T) {
	store, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	read := contacts.Contact{FullName: "Jane Doe", Addresses: []contacts.Address{{Street: "500 Mission St, Fl 12, San Francisco, CA 94105"}}}
	saved, err := SaveCard(t.Context(), store, Card{Contact: read})
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.Get(t.Context(), saved.ID)
	want := []contacts.Address{{Street: "500 Mission St, Fl 12", City: "San Francisco", Region: "CA", PostalCode: "94105"}}
	if err != nil || !slices.Equal(got.Addresses, want) {
		t.Errorf("stored %+v, %v; want %+v", got.Addresses, err, want)
	}
}

// TestSaveCardMergedAddsNoSecondFollowUp: a card scanned again and merged
// into its contact does not schedule the same follow-up twice, and keeps
// a new promise; the rest of the contact stays as it was.
func TestSaveCardMergedAddsNoSecondFollowUp(t *testing.T) {
	store, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	due := contacts.Day{Year: 2026, Month: 12, Day: 9}
	first := []contacts.FollowUp{{Kind: contacts.KindEmail, Due: due}}
	saved, err := SaveCard(t.Context(), store, Card{Contact: contacts.Contact{FullName: "Dana Whitfield", Emails: []string{"dana@example.com"}}, FollowUps: first})
	if err != nil {
		t.Fatal(err)
	}
	before, err := store.FollowUps(t.Context(), saved.ID)
	if err != nil || len(before) != 1 {
		t.Fatalf("follow-ups after the first save: %+v, %v", before, err)
	}
	again := []contacts.FollowUp{{Kind: contacts.KindEmail, Due: due.AddDays(8)}, {Kind: contacts.KindPromise, Due: due, Line: "send the deck"}}
	merged, err := SaveCard(t.Context(), store, Card{Contact: contacts.Contact{FullName: "Dana Whitfield", Title: "CTO", Emails: []string{"dana@example.com"}},
		FollowUps: again, MergeInto: &saved})
	if err != nil {
		t.Fatal(err)
	}
	after, err := store.FollowUps(t.Context(), saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range after {
		got = append(got, fmt.Sprintf("%s %s %s %s", f.Kind, f.Due, f.Line, f.State))
	}
	slices.Sort(got)
	want := []string{"email 2026-12-09  open", "promise 2026-12-09 send the deck open"}
	if !slices.Equal(got, want) {
		t.Errorf("follow-ups after the merge:\n%q\nwant\n%q", got, want)
	}
	stored, err := store.Get(t.Context(), saved.ID)
	if err != nil || stored.Title != "CTO" || stored.FullName != "Dana Whitfield" || !slices.Equal(stored.Emails, []string{"dana@example.com"}) || merged.ID != saved.ID {
		t.Errorf("stored after the merge: %+v, %v", stored, err)
	}
}

// TestSaveCardKeepsTheCardUpright: the store keeps the card as the reader
// stood it up: a turned card's image is turned (a PNG losslessly), an
// upright one is kept as the file was, and a file that cannot be turned
// saves nothing and says which file.
func TestSaveCardKeepsTheCardUpright(t *testing.T) {
	upright := image.NewNRGBA(image.Rect(0, 0, 300, 180))
	for i := range upright.Pix {
		upright.Pix[i] = 0xff
	}
	for y := 10; y < 40; y++ { // a mark at the top left, to tell the turns apart
		for x := 10; x < 60; x++ {
			upright.Set(x, y, color.NRGBA{0x20, 0x30, 0x90, 0xff})
		}
	}
	dir := t.TempDir()
	write := func(name string, img image.Image) string {
		p := filepath.Join(dir, name)
		if err := imaging.Save(img, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	notImage := filepath.Join(dir, "notes.png")
	if err := os.WriteFile(notImage, []byte("not an image"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		path  string
		turn  int
		exact bool // the points are the upright card's, to the byte
		same  bool // the file is kept as it was
		fail  bool
	}{
		{"a PNG on its side", write("side.png", imaging.Rotate270(upright)), 270, true, false, false},
		{"a JPEG upside down", write("down.jpg", imaging.Rotate180(upright)), 180, false, false, false},
		{"upright: the file as it was", write("up.png", upright), 0, true, true, false},
		{"no image", notImage, 90, false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store, err := sqlite.Open(t.Context(), t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			saved, err := SaveCard(t.Context(), store, Card{Contact: contacts.Contact{FullName: "Dana Whitfield"}, ImagePath: tt.path, Turn: tt.turn})
			all, lerr := store.List(t.Context(), "", 0)
			if lerr != nil {
				t.Fatal(lerr)
			}
			if tt.fail {
				var fe *ocr.FileError
				if !errors.As(err, &fe) || fe.Path != tt.path || len(all) != 0 {
					t.Fatalf("SaveCard = %v, %d contacts stored; want an error naming %s and none stored", err, len(all), tt.path)
				}
				return
			}
			if err != nil || len(all) != 1 {
				t.Fatalf("SaveCard = %v, %d contacts stored", err, len(all))
			}
			got, err := store.Get(t.Context(), saved.ID)
			if err != nil {
				t.Fatal(err)
			}
			stored, err := imaging.Open(store.ImagePath(got.Image))
			if err != nil {
				t.Fatal(err)
			}
			if stored.Bounds().Size() != upright.Bounds().Size() {
				t.Fatalf("stored %v, want the upright card's %v", stored.Bounds().Size(), upright.Bounds().Size())
			}
			// The mark is at the top left, whatever the encoding did to it.
			if r, _, b, _ := stored.At(35, 25).RGBA(); r>>8 > 0x60 || b>>8 < 0x60 {
				t.Errorf("the card's mark is not at its top left: the card was not stood up")
			}
			if tt.exact && !bytes.Equal(imaging.Clone(stored).Pix, upright.Pix) {
				t.Errorf("stored points differ from the upright card's")
			}
			src, _ := os.ReadFile(tt.path)
			kept, _ := os.ReadFile(store.ImagePath(got.Image))
			if bytes.Equal(src, kept) != tt.same {
				t.Errorf("stored file the same as the one given: %v, want %v", !tt.same, tt.same)
			}
		})
	}
}
