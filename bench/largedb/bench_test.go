package largedb

import (
	"bufio"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// The benchmarks read the database in the data folder named by
// FOLLOWTHROUGH_BENCH_DATA, made by bench/gendb (bench/large.sh makes one
// and runs them). Without it they make one at a twentieth of the full
// size, once, which is quicker but measures less.
var (
	benchOnce  sync.Once
	benchStore *sqlite.Store
	benchErr   error
	benchToday contacts.Day
)

func openBench(b *testing.B) *sqlite.Store {
	b.Helper()
	benchOnce.Do(func() {
		ctx := context.Background()
		benchToday = contacts.DayOf(time.Now())
		dir := os.Getenv("FOLLOWTHROUGH_BENCH_DATA")
		if dir == "" {
			if dir, benchErr = os.MkdirTemp("", "largedb-"); benchErr != nil {
				return
			}
			b.Logf("FOLLOWTHROUGH_BENCH_DATA is not set: making a database at 1/20 of the full size in %s", dir)
			if benchStore, benchErr = sqlite.Open(ctx, dir); benchErr != nil {
				return
			}
			images, _ := SampleCards("../..")
			benchErr = Generate(ctx, benchStore, Full.Scaled(20), benchToday, 1, images, nil)
			return
		}
		benchStore, benchErr = sqlite.Open(ctx, dir)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

// BenchmarkReconnect is what the Reconnect screen does when it opens: count
// each section, and read the first page of the first section shown.
func BenchmarkReconnect(b *testing.B) {
	s := openBench(b)
	ctx := b.Context()
	var n int
	defer cpuTime(b)()
	for b.Loop() {
		counts, err := s.ReconnectCounts(ctx, benchToday, 30)
		if err != nil {
			b.Fatal(err)
		}
		n = 0
		first := contacts.Section(-1)
		for _, sec := range contacts.Sections {
			n += counts[sec]
			if first < 0 && counts[sec] > 0 {
				first = sec
			}
		}
		if _, err := s.ReconnectItems(ctx, sqlite.ReconnectQuery{Today: benchToday, Horizon: 30, Section: first, Limit: 40}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "entries")
}

// BenchmarkReconnectPage reads a page further down the list, as scrolling
// does.
func BenchmarkReconnectPage(b *testing.B) {
	s := openBench(b)
	ctx := b.Context()
	counts, err := s.ReconnectCounts(ctx, benchToday, 30)
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	defer cpuTime(b)()
	for b.Loop() {
		sec := contacts.Sections[r.IntN(len(contacts.Sections))]
		if _, err := s.ReconnectItems(ctx, sqlite.ReconnectQuery{Today: benchToday, Horizon: 30, Section: sec, Offset: r.IntN(max(1, counts[sec])), Limit: 40}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch is what the Contacts screen does on each key typed: count
// the matches and read the first page of them.
func BenchmarkSearch(b *testing.B) {
	s := openBench(b)
	ctx := b.Context()
	// Fragments of real contacts in the database, a different one each
	// time round.
	sample, err := s.Find(ctx, sqlite.Filter{Offset: 5000 % max(1, countAll(b, s)), Limit: 200})
	if err != nil || len(sample) == 0 {
		b.Fatalf("sample: %d, %v", len(sample), err)
	}
	kinds := []struct {
		name     string
		fragment func(c contacts.Contact) string
	}{
		{"name", func(c contacts.Contact) string { return c.FamilyName[:min(4, len(c.FamilyName))] }},
		{"full name", func(c contacts.Contact) string { return c.GivenName + " " + c.FamilyName[:min(2, len(c.FamilyName))] }},
		{"company", func(c contacts.Contact) string { return c.Company[:min(5, len(c.Company))] }},
		{"email", func(c contacts.Contact) string { return c.Emails[0][:min(len(c.Emails[0]), 8)] }},
		{"phone", func(c contacts.Contact) string { n := c.Phones[0].Number; return n[len(n)-8:] }},
		{"one letter", func(c contacts.Contact) string { return c.FamilyName[:1] }},
	}
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			i, found := 0, 0
			defer cpuTime(b)()
			for b.Loop() {
				q := k.fragment(sample[i%len(sample)])
				i++
				n, err := s.FindCount(ctx, sqlite.Filter{Query: q})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Find(ctx, sqlite.Filter{Query: q, Limit: pageSize}); err != nil {
					b.Fatal(err)
				}
				found += n
			}
			b.ReportMetric(float64(found)/float64(i), "matches/op")
		})
	}
}

// pageSize is how many rows the contacts list reads at a time.
const pageSize = 100

// BenchmarkListPage reads a page of the whole list at a random place, as
// scrolling does, and the count the list is sized by.
func BenchmarkListPage(b *testing.B) {
	s := openBench(b)
	ctx := b.Context()
	n := countAll(b, s)
	r := rand.New(rand.NewPCG(1, 2))
	tags, err := s.Tags(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []sqlite.Filter{{}, {Tag: tags[len(tags)/2]}} {
		name := "all"
		if f.Tag != "" {
			name = "tag"
		}
		b.Run(name, func(b *testing.B) {
			defer cpuTime(b)()
			for b.Loop() {
				f.Offset = r.IntN(max(1, n-pageSize))
				f.Limit = pageSize
				if f.Tag != "" {
					f.Offset /= 20
				}
				if _, err := s.FindCount(ctx, f); err != nil {
					b.Fatal(err)
				}
				if _, err := s.Find(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOpenContact is what opening a contact reads: the contact, its
// follow-ups and its history.
func BenchmarkOpenContact(b *testing.B) {
	s := openBench(b)
	ctx := b.Context()
	next := randomContacts(b, s, 3)
	defer cpuTime(b)()
	for b.Loop() {
		c, err := s.Get(ctx, next())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.FollowUps(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Interactions(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDuplicates is what saving a scanned card does first: look for
// the same person among those stored. Each card is a stored contact's,
// as a card would give it again (a different contact each time).
func BenchmarkDuplicates(b *testing.B) {
	s := openBench(b)
	ctx := b.Context()
	next := randomContacts(b, s, 5)
	var found int
	defer cpuTime(b)()
	for b.Loop() {
		c, err := s.Get(ctx, next())
		if err != nil {
			b.Fatal(err)
		}
		card := contacts.Contact{FullName: c.FullName, Company: c.Company, Emails: c.Emails, Phones: c.Phones}
		ms, err := s.Duplicates(ctx, card)
		if err != nil {
			b.Fatal(err)
		}
		if slices.ContainsFunc(ms, func(m contacts.Match) bool { return m.Contact.ID == c.ID }) {
			found++
		}
	}
	b.ReportMetric(float64(found)/float64(b.N), "found/op")
}

// BenchmarkExportAll writes every contact to a .vcf file, as Export these…
// does with no search, and the export command.
func BenchmarkExportAll(b *testing.B) {
	s := openBench(b)
	ctx := b.Context()
	path := filepath.Join(b.TempDir(), "all.vcf")
	var size int64
	defer cpuTime(b)()
	for b.Loop() {
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(f)
		_, err = vcf.Export(ctx, w, func(ctx context.Context, fn func([]contacts.Contact) error) error {
			return s.EachContact(ctx, sqlite.Filter{}, fn)
		}, false, nil)
		if err == nil {
			err = w.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			b.Fatal(err)
		}
		st, _ := os.Stat(path)
		size = st.Size()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkThumbnail is what the contact page shows of a card: its
// thumbnail, made once and then read from the cache.
func BenchmarkThumbnail(b *testing.B) {
	s := openBench(b)
	ctx := b.Context()
	cs, err := s.Find(ctx, sqlite.Filter{Limit: 50})
	if err != nil {
		b.Fatal(err)
	}
	i := slices.IndexFunc(cs, func(c contacts.Contact) bool { return c.Image != "" })
	if i < 0 {
		b.Skip("no contact with a card image")
	}
	defer cpuTime(b)()
	for b.Loop() {
		if _, err := s.Thumbnail(ctx, cs[i].Image); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime measures the processor time the benchmark's process spends,
// which other programs on the machine do not inflate as they do the time
// on the clock: stop reports it per operation as cpu-ns/op.
func cpuTime(b *testing.B) (stop func()) {
	start := processTime()
	return func() {
		b.ReportMetric(float64(processTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

func processTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// randomContacts returns a function that gives the ID of a contact of
// s picked at random, the same ones for the same seed. The generator's
// contacts have consecutive IDs up to the one listed first.
func randomContacts(b *testing.B, s *sqlite.Store, seed uint64) func() int64 {
	b.Helper()
	n := countAll(b, s)
	r := rand.New(rand.NewPCG(seed, seed+1))
	page, err := s.Find(b.Context(), sqlite.Filter{Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	top := page[0].ID
	return func() int64 { return top - int64(r.IntN(n)) }
}

func countAll(b *testing.B, s *sqlite.Store) int {
	b.Helper()
	n, err := s.Count(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	return n
}
