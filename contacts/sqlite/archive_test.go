package sqlite

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
)

// testPNG is a small PNG, different for each seed.
func testPNG(seed byte) []byte {
	img := image.NewGray(image.Rect(0, 0, 8, 5))
	for i := range img.Pix {
		img.Pix[i] = seed + byte(i)
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// storeWithCards opens a store holding two contacts with card images.
func storeWithCards(t *testing.T) *Store {
	t.Helper()
	s, _ := openTestStore(t)
	ctx := t.Context()
	for i, name := range []string{"Ann Example", "Bo Example"} {
		src := filepath.Join(t.TempDir(), "card.png")
		if err := os.WriteFile(src, testPNG(byte(i)), 0o600); err != nil {
			t.Fatal(err)
		}
		rel, err := s.ImportImage(ctx, src)
		if err != nil {
			t.Fatal(err)
		}
		c := contacts.Contact{FullName: name, Image: rel}
		if err := s.Add(ctx, &c, contacts.FollowUp{Kind: contacts.KindCall, Due: contacts.Day{Year: 2026, Month: 5, Day: 1}}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestArchiveToAnotherComputer(t *testing.T) {
	ctx := t.Context()
	from := storeWithCards(t)
	path := filepath.Join(t.TempDir(), "everything.zip")
	info, err := from.WriteArchive(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Contacts != 2 || info.Images != 2 {
		t.Errorf("archive info %+v", info)
	}
	if m := mode(t, path); m != 0o600 {
		t.Errorf("archive mode %v, want 0600", m)
	}

	// Another computer, with a contact of its own.
	to, _ := openTestStore(t)
	mine := contacts.Contact{FullName: "Cy Example"}
	if err := to.Add(ctx, &mine); err != nil {
		t.Fatal(err)
	}
	if got, err := to.CheckArchive(ctx, path); err != nil || got.Contacts != 2 {
		t.Fatalf("CheckArchive = %+v, %v", got, err)
	}
	aside, got, skipped, err := to.RestoreArchive(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if skipped != 0 || got.Images != 2 {
		t.Errorf("restored %+v, skipped %d", got, skipped)
	}
	if names := storedNames(t, to); !slices.Equal(names, []string{"Ann Example", "Bo Example"}) {
		t.Errorf("restored contacts %v", names)
	}
	integrityOK(t, to)
	cs, _ := to.List(ctx, "", 0)
	for _, c := range cs {
		data, err := os.ReadFile(to.ImagePath(c.Image))
		if err != nil {
			t.Errorf("%s: card image: %v", c.FullName, err)
			continue
		}
		sum := sha256.Sum256(data)
		if !strings.Contains(c.Image, hex.EncodeToString(sum[:])) {
			t.Errorf("%s: image %s does not hash to its name", c.FullName, c.Image)
		}
		if fs, _ := to.FollowUps(ctx, c.ID); len(fs) != 1 {
			t.Errorf("%s: follow-ups %v", c.FullName, fs)
		}
	}
	// What was there is kept aside.
	if info, err := CheckBackup(ctx, aside.Path); err != nil || info.Contacts != 1 {
		t.Errorf("the copy kept aside: %+v, %v", info, err)
	}
}

type zipEntry struct {
	name string
	data []byte
	mode os.FileMode
	// size, when set, is the uncompressed size the header claims.
	size uint64
}

// writeZip writes a zip of the entries to a file and returns its path.
func writeZip(t *testing.T, entries ...zipEntry) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "archive.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Store}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		var w io.Writer
		if e.size != 0 {
			h.CRC32 = crc32.ChecksumIEEE(e.data)
			h.CompressedSize64, h.UncompressedSize64 = uint64(len(e.data)), e.size
			w, err = zw.CreateRaw(h)
		} else {
			w, err = zw.CreateHeader(h)
		}
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// TestRestoreHostileArchives: an archive with entries that lead out of
// their folder, links, entries not of an archive, lies about sizes, or no
// manifest is refused before anything is written; images that are not
// what their names say are left out.
func TestRestoreHostileArchives(t *testing.T) {
	ctx := t.Context()
	src := storeWithCards(t)
	good := filepath.Join(t.TempDir(), "good.zip")
	if _, err := src.WriteArchive(ctx, good); err != nil {
		t.Fatal(err)
	}
	// The good archive's own entries, to build bad ones from.
	zr, err := zip.OpenReader(good)
	if err != nil {
		t.Fatal(err)
	}
	var manifest, db []byte
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		switch f.Name {
		case "manifest.json":
			manifest = data
		case "followthrough.db":
			db = data
		}
	}
	zr.Close()
	if len(manifest) == 0 || len(db) == 0 {
		t.Fatalf("the good archive has a manifest of %d bytes and a database of %d", len(manifest), len(db))
	}
	ok := []zipEntry{{name: "manifest.json", data: manifest}, {name: "followthrough.db", data: db}}
	outside := filepath.Join(t.TempDir(), "evil")
	bomb := testPNG(9)
	binary.BigEndian.PutUint32(bomb[16:], 60000)
	binary.BigEndian.PutUint32(bomb[20:], 60000)
	binary.BigEndian.PutUint32(bomb[29:], crc32.ChecksumIEEE(bomb[12:29]))
	liar := testPNG(7)
	liarSum := sha256.Sum256(testPNG(8))

	tests := []struct {
		name        string
		path        string
		wantErr     string // "" when the archive is restored
		wantSkipped int
	}{
		{"zip slip", writeZip(t, append(ok, zipEntry{name: "../../" + filepath.Base(outside), data: []byte("x")})...), "lead out of their folder", 0},
		{"zip slip in images", writeZip(t, append(ok, zipEntry{name: "images/../../evil", data: []byte("x")})...), "lead out of their folder", 0},
		{"absolute path", writeZip(t, append(ok, zipEntry{name: outside, data: []byte("x")})...), "lead out of their folder", 0},
		{"backslashes", writeZip(t, append(ok, zipEntry{name: `images\..\..\evil`, data: []byte("x")})...), "lead out of their folder", 0},
		{"a backslash", writeZip(t, append(ok, zipEntry{name: `images\x.png`, data: testPNG(1)})...), "not one Follow Through writes", 0},
		{"a folder under images", writeZip(t, append(ok, zipEntry{name: "images/sub/x.png", data: testPNG(1)})...), "not one Follow Through writes", 0},
		{"another file", writeZip(t, append(ok, zipEntry{name: ".bashrc", data: []byte("rm -rf ~")})...), "not one Follow Through writes", 0},
		{"a link", writeZip(t, append(ok, zipEntry{name: "images/link.png", data: []byte("/etc/passwd"), mode: os.ModeSymlink | 0o777})...), "not a plain file", 0},
		{"the same entry twice", writeZip(t, append(ok, ok[1])...), "holds \"followthrough.db\" twice", 0},
		{"no manifest", writeZip(t, ok[1]), "no manifest", 0},
		{"no database", writeZip(t, ok[0]), "no database", 0},
		{"another format", writeZip(t, zipEntry{name: "manifest.json", data: []byte(`{"format": 7}`)}, ok[1]), "format 7", 0},
		{"a manifest that is not JSON", writeZip(t, zipEntry{name: "manifest.json", data: []byte("{{{")}, ok[1]), "manifest cannot be read", 0},
		{"a database that is not one", writeZip(t, ok[0], zipEntry{name: "followthrough.db", data: []byte("nope")}), "not an SQLite database", 0},
		{"an image claiming 10 GB", writeZip(t, append(ok, zipEntry{name: "images/big.png", data: testPNG(1), size: 10 << 30})...), "larger than 64 MiB", 0},
		{"not a zip", func() string {
			p := filepath.Join(t.TempDir(), "x.zip")
			if err := os.WriteFile(p, []byte("PK nope"), 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}(), "not a zip file", 0},
		{
			"images that are not what they say",
			writeZip(t, append(ok,
				zipEntry{name: "images/" + hex.EncodeToString(liarSum[:]) + ".png", data: liar},
				zipEntry{name: "images/bomb.png", data: bomb},
				zipEntry{name: "images/text.png", data: []byte("not an image")},
				zipEntry{name: "images/fine.png", data: testPNG(3)},
			)...),
			"", 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTestStore(t)
			mine := contacts.Contact{FullName: "Cy Example"}
			if err := s.Add(ctx, &mine); err != nil {
				t.Fatal(err)
			}
			_, _, skipped, err := s.RestoreArchive(ctx, tt.path)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if skipped != tt.wantSkipped {
					t.Errorf("skipped %d images, want %d", skipped, tt.wantSkipped)
				}
				entries, err := os.ReadDir(filepath.Join(s.Dir(), "images"))
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, e := range entries {
					got = append(got, e.Name())
				}
				if !slices.Equal(got, []string{"fine.png"}) {
					t.Errorf("images %v: want fine.png alone", got)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, ErrNotArchive) && !strings.Contains(tt.wantErr, "SQLite") {
				t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
			}
			if names := storedNames(t, s); !slices.Equal(names, []string{"Cy Example"}) {
				t.Errorf("after a refused archive: %v", names)
			}
			entries, _ := os.ReadDir(filepath.Join(s.Dir(), "images"))
			if len(entries) != 0 {
				t.Errorf("a refused archive wrote %d images", len(entries))
			}
			if _, err := os.Lstat(outside); err == nil {
				t.Errorf("a file was written outside the data folder")
			}
			if bs, _ := s.Backups(); len(bs) != 0 {
				t.Errorf("a refused archive kept a copy aside")
			}
		})
	}
}
