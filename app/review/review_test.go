package review_test

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"followthrough/app/review"
	"followthrough/contacts"
	"followthrough/ocr"
)

// writeCard writes a card-sized PNG of w×h to dir.
func writeCard(t *testing.T, dir, name string, w, h int) (string, *image.NRGBA) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(10, 10, color.Black)
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return p, img
}

func reading(img image.Image) *ocr.Reading {
	box := image.Rect(100, 60, 600, 130)
	return &ocr.Reading{
		Image: img,
		Lines: []ocr.Line{{Text: "Jane Q. Doe", Box: box, Conf: 95, Words: []ocr.Word{{Text: "Jane", Box: box, Conf: 95}}}},
		Fields: []ocr.Field{
			{Kind: ocr.FieldName, Value: "Jane Q. Doe", Conf: 95, Box: box, Reason: "largest text"},
			{Kind: ocr.FieldCompany, Value: "Acme", Conf: ocr.LowConfidence - 1, Reason: "the email's domain", Suggested: true},
		},
	}
}

// TestQueueSurvivesQuit checks that what was read and typed is all there
// when the queue is opened again, as after quitting or a crash: the image,
// the fields read, the edits and the batch's event.
func TestQueueSurvivesQuit(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "review")
	q, err := review.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	pathA, imgA := writeCard(t, src, "a.png", 2400, 1400)
	pathB, imgB := writeCard(t, src, "b.png", 1050, 600)
	batch := review.NewBatch()
	a, err := q.AddRead(ctx, pathA, reading(imgA), batch, "Founders Breakfast", false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := q.AddRead(ctx, pathB, reading(imgB), batch, "Founders Breakfast", false)
	if err != nil {
		t.Fatal(err)
	}
	draft := review.Draft{
		Contact:    contacts.Contact{FullName: "Jane Doe", Company: "Acme", Event: "Founders Breakfast", MetOn: contacts.Day{Year: 2026, Month: 11, Day: 20}},
		FollowOn:   true,
		FollowKind: contacts.KindCall,
		FollowDue:  contacts.Day{Year: 2026, Month: 11, Day: 27},
		FollowLine: "send the article",
		Promise:    "an intro to Sam",
	}
	if err := q.SetDraft(ctx, a.ID, draft); err != nil {
		t.Fatal(err)
	}
	// The event is changed during the review: it reaches both cards,
	// the edits too.
	if err := q.SetEvent(ctx, batch, "Springfield Breakfast"); err != nil {
		t.Fatal(err)
	}
	// A card the phone sent, not yet read.
	sent, err := q.Add(ctx, "IMG_0001.jpg", []byte("jpeg bytes"), "Springfield Breakfast")
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(pathA)
	os.Remove(pathB)

	again, err := review.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := again.Cards(ctx)
	if err != nil {
		t.Fatal(err)
	}
	draft.Contact.Event = "Springfield Breakfast"
	r := reading(nil)
	want := []review.Card{
		{ID: a.ID, Batch: batch, Event: "Springfield Breakfast", Name: "a.png", Added: a.Added, Read: true, Size: image.Pt(2400, 1400),
			Lines: r.Lines, Fields: r.Fields, Draft: &draft, Original: "original.png"},
		{ID: b.ID, Batch: batch, Event: "Springfield Breakfast", Name: "b.png", Added: b.Added, Read: true, Size: image.Pt(1050, 600),
			Lines: r.Lines, Fields: r.Fields, Original: "original.png"},
		{ID: sent.ID, Batch: sent.Batch, Event: "Springfield Breakfast", Name: "IMG_0001.jpg", Added: sent.Added, Original: "original.jpg"},
	}
	for i := range want {
		want[i].Added = want[i].Added.Round(0).UTC()
	}
	for i := range got {
		got[i].Added = got[i].Added.Round(0).UTC()
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after reopening:\n got %+v\nwant %+v", got, want)
	}
	tests := []struct {
		name string
		card review.Card
		size image.Point
		file string
	}{
		{"large card kept at review size", got[0], image.Pt(review.ViewSize, review.ViewSize*1400/2400), pathA},
		{"small card kept as it is", got[1], image.Pt(1050, 600), pathB},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := again.Image(tt.card)
			if err != nil {
				t.Fatal(err)
			}
			if s := img.Bounds().Size(); s != tt.size {
				t.Errorf("image kept at %v, want %v", s, tt.size)
			}
			if _, err := os.Stat(again.OriginalPath(tt.card)); err != nil {
				t.Errorf("copy of the image file: %v", err)
			}
		})
	}
	if data, err := os.ReadFile(again.OriginalPath(got[2])); err != nil || string(data) != "jpeg bytes" {
		t.Errorf("the phone's image kept as %q, %v", data, err)
	}

	// A card saved can be brought back by Undo; one done is gone.
	if err := again.Done(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := again.Restore(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := again.Done(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := again.Remove(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := again.Remove(ctx, sent.ID); err != nil {
		t.Fatal(err)
	}
	left, err := review.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if cs, err := left.Cards(ctx); err != nil || len(cs) != 0 {
		t.Errorf("after every card was saved or skipped, %d wait (%v)", len(cs), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the queue's folder still holds %d entries", len(entries))
	}
}

// TestSetReadShiftsBoxes: the boxes of what was read are kept on the
// upright card from its corner, and a suggested field, printed nowhere on
// the card, keeps no box.
func TestSetReadShiftsBoxes(t *testing.T) {
	ctx := context.Background()
	q, err := review.Open(filepath.Join(t.TempDir(), "review"))
	if err != nil {
		t.Fatal(err)
	}
	path, img := writeCard(t, t.TempDir(), "a.png", 1200, 700)
	upright := img.SubImage(image.Rect(100, 50, 1100, 650)) // its origin at (100, 50)
	c, err := q.AddRead(ctx, path, reading(upright), review.NewBatch(), "", false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.Card(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := reading(nil).Fields
	want[0].Box = want[0].Box.Sub(image.Pt(100, 50))
	if !reflect.DeepEqual(got.Fields, want) {
		t.Errorf("fields kept\n %+v\nwant\n %+v", got.Fields, want)
	}
}
