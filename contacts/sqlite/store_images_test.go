package sqlite

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"followthrough/contacts"
)

func TestImagePathIsStrict(t *testing.T) {
	s, _ := openTestStore(t)
	for _, rel := range []string{
		"images/../followthrough.db", "images/.import-123", "images/sub/x.jpg",
		"images/", "images", "./images/a.jpg", "images/a\\..\\b.jpg", "images/a b.jpg",
	} {
		if got := s.ImagePath(rel); got != "" {
			t.Errorf("ImagePath(%q) = %q, want \"\"", rel, got)
		}
	}
}

func TestImportImagePrivateAndExtension(t *testing.T) {
	s, _ := openTestStore(t)
	src := t.TempDir()
	tests := []struct{ name, wantExt string }{
		{"card.JPEG", ".jpeg"},
		{"card.j p g", ""},
		{"card.verylongext", ""},
		{"card.ü", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(src, tt.name)
			if err := os.WriteFile(p, []byte(tt.name), 0o644); err != nil {
				t.Fatal(err)
			}
			rel, err := s.ImportImage(t.Context(), p)
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Ext(rel) != tt.wantExt && !(tt.wantExt == "" && len(filepath.Ext(rel)) == 0) {
				t.Errorf("ImportImage = %q, want extension %q", rel, tt.wantExt)
			}
			if s.ImagePath(rel) == "" {
				t.Errorf("ImagePath refuses what ImportImage made: %q", rel)
			}
			if m := mode(t, s.ImagePath(rel)); m != 0o600 {
				t.Errorf("image mode %v, want 0600", m)
			}
		})
	}
}

func TestCleanAndDropImages(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	dir := filepath.Join(s.Dir(), imagesDir)
	old := time.Now().Add(-time.Hour)
	write := func(name string, age time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, age, age); err != nil {
			t.Fatal(err)
		}
		return "images/" + name
	}
	used := write("used.jpg", old)
	unused := write("unused.jpg", old)
	fresh := write("fresh.jpg", time.Now())
	tmp := write(".import-123", old)
	staleRestore := filepath.Join(s.Dir(), ".restore-1.db")
	freshRestore := filepath.Join(s.Dir(), ".restore-2.db")
	if err := os.WriteFile(staleRestore, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(staleRestore, old.Add(-time.Hour), old.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(freshRestore, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	freshTmp := write(".import-456", time.Now())
	outside := filepath.Join(s.Dir(), "keep.txt")
	if err := os.WriteFile(outside, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.jpg")); err != nil {
		t.Fatal(err)
	}
	c := contacts.Contact{FullName: "Ann", Image: used}
	if err := s.Add(ctx, &c); err != nil {
		t.Fatal(err)
	}

	n, err := s.CleanImages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exists := func(rel string) bool {
		_, err := os.Lstat(filepath.Join(s.Dir(), filepath.FromSlash(rel)))
		return err == nil
	}
	for rel, want := range map[string]bool{used: true, unused: false, fresh: true, tmp: false, freshTmp: true, "images/link.jpg": true, "keep.txt": true} {
		if got := exists(rel); got != want {
			t.Errorf("after CleanImages, %s exists: %v, want %v", rel, got, want)
		}
	}
	if n != 2 {
		t.Errorf("CleanImages removed %d, want 2", n)
	}
	if _, err := os.Stat(staleRestore); err == nil {
		t.Error("a restore's temporary file of two hours ago is still there")
	}
	if _, err := os.Stat(freshRestore); err != nil {
		t.Error("a restore's temporary file being written was removed")
	}

	// Purge and DropImages remove only what no contact uses, and never follows a
	// path out of the image directory.
	if _, err := s.Delete(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	other := contacts.Contact{FullName: "Bo", Image: write("shared.jpg", old)}
	twin := contacts.Contact{FullName: "Bo again", Image: other.Image}
	if err := s.Add(ctx, &other); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(ctx, &twin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	// A deleted contact keeps its image until it is purged.
	if err := s.DropImages(ctx, used); err != nil || !exists(used) {
		t.Errorf("DropImages removed the image of a contact deleted and not purged (%v)", err)
	}
	for _, id := range []int64{c.ID, other.ID} {
		if err := s.Purge(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DropImages(ctx, used, other.Image, "images/../keep.txt", "../keep.txt", ""); err != nil {
		t.Fatal(err)
	}
	if exists(used) || !exists(other.Image) || !exists("keep.txt") {
		t.Errorf("after DropImages: deleted contact's image there %v (want false), shared image %v (want true), keep.txt %v (want true)",
			exists(used), exists(other.Image), exists("keep.txt"))
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if slices.Contains(names, "used.jpg") {
		t.Errorf("images left: %v", names)
	}
}

// TestCleanImagesDailyOwnSchedule: the clean-up of unused images runs
// once a day whether or not a backup was made that day, by hand or not
// (issue 21, A.12).
func TestCleanImagesDailyOwnSchedule(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	c := contacts.Contact{FullName: "Ann"}
	if err := s.Add(ctx, &c); err != nil {
		t.Fatal(err)
	}
	unused := func(name string) string {
		p := filepath.Join(s.Dir(), imagesDir, name)
		if err := os.WriteFile(p, []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gone := func(p string) bool {
		_, err := os.Stat(p)
		return os.IsNotExist(err)
	}
	steps := []struct {
		name     string
		backUp   bool // a backup by hand first, as Settings > Back up now does
		nextDay  bool
		wantRan  bool
		wantGone bool
	}{
		{name: "a backup made by hand, then the first start of the day", backUp: true, wantRan: true, wantGone: true},
		{name: "the second start of the day", wantRan: false, wantGone: false},
		{name: "the next day", nextDay: true, wantRan: true, wantGone: true},
	}
	for i, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.nextDay {
				clk.advance(24 * time.Hour)
			}
			if st.backUp {
				if _, err := s.Backup(ctx); err != nil {
					t.Fatal(err)
				}
			}
			p := unused(fmt.Sprintf("unused-%d.jpg", i))
			_, ran, err := s.CleanImagesDaily(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if ran != st.wantRan || gone(p) != st.wantGone {
				t.Errorf("ran %v, image removed %v; want %v, %v", ran, gone(p), st.wantRan, st.wantGone)
			}
		})
	}
}
