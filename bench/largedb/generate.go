// Package largedb makes a large, realistic address book through the
// contacts store, as ten years of networking would leave it, and
// measures the store on it: the reconnect list, search, opening a
// contact and exporting everyone. The command bench/gendb writes one to
// a data folder; the benchmarks here read one (see BENCHMARKS.md).
package largedb

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"time"

	"github.com/brianvoe/gofakeit/v7"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// Sizes says how much to make.
type Sizes struct {
	Contacts     int
	Interactions int // logged, including the follow-ups done
	Open         int // open follow-ups
}

// Full is the size the targets are set at: 100,000 contacts, 1,000,000
// interactions, 20,000 open follow-ups.
var Full = Sizes{Contacts: 100_000, Interactions: 1_000_000, Open: 20_000}

// Scaled is s divided by n.
func (s Sizes) Scaled(n int) Sizes {
	return Sizes{Contacts: s.Contacts / n, Interactions: s.Interactions / n, Open: s.Open / n}
}

// Years is how far back the address book goes.
const Years = 10

// Generate fills store with sizes of made-up people met over Years years
// up to today: at events and not, with phones, emails, websites, tags,
// cadences, introductions, card images, a history of interactions and
// follow-ups, some done, some cancelled and the open ones overdue, due and
// ahead. The same seed makes the same people. images are card image
// files to give to three contacts in five (the store keeps one copy of
// each); none if empty. progress, if not nil, hears how far it got.
func Generate(ctx context.Context, store *sqlite.Store, sz Sizes, today contacts.Day, seed uint64, images []string, progress func(string)) error {
	g := &generator{f: gofakeit.New(seed), store: store, today: today, sz: sz}
	g.start = today.AddDays(-365 * Years)
	say := func(format string, args ...any) {
		if progress != nil {
			progress(fmt.Sprintf(format, args...))
		}
	}
	for _, img := range images {
		rel, err := store.ImportImage(ctx, img)
		if err != nil {
			return err
		}
		g.images = append(g.images, rel)
	}
	restore := store.Now
	defer func() { store.Now = restore }()
	store.Now = func() time.Time { return g.clock }

	if err := g.events(ctx); err != nil {
		return err
	}
	say("%d events", len(g.evs))
	// A batch of cards at a time, as a scan or an import saves them.
	const batch = 200
	for i := 0; i < sz.Contacts; i += batch {
		var cs []contacts.Contact
		var met []contacts.Day
		for k := i; k < min(i+batch, sz.Contacts); k++ {
			c, m := g.contact(k)
			cs, met = append(cs, c), append(met, m)
		}
		// Cards go in a day or two after meeting.
		g.clock = dayTime(met[len(met)-1].AddDays(g.f.IntRange(0, 2))).Add(time.Duration(g.f.IntRange(0, 3600)) * time.Second)
		if err := store.AddAll(ctx, cs); err != nil {
			return err
		}
		for k, c := range cs {
			g.people = append(g.people, person{id: c.ID, name: c.FullName, met: met[k], cadence: !c.Cadence.IsZero()})
		}
		if n := i + len(cs); n%10_000 == 0 {
			say("%d contacts", n)
		}
	}
	if err := g.history(ctx, say); err != nil {
		return err
	}
	return g.openFollowUps(ctx)
}

type generator struct {
	f      *gofakeit.Faker
	store  *sqlite.Store
	today  contacts.Day
	start  contacts.Day
	sz     Sizes
	clock  time.Time
	images []string

	evs     []contacts.Event
	people  []person
	tagPool []string
	kinds   []contacts.Kind
}

// person is what the generator keeps of each contact it added.
type person struct {
	id      int64
	name    string
	met     contacts.Day
	cadence bool
}

// dayTime is noon of d in the local time zone, to stamp what happened on d.
func dayTime(d contacts.Day) time.Time { return d.In(time.Local).Add(12 * time.Hour) }

func (g *generator) events(ctx context.Context) error {
	kinds := []string{"Summit", "Meetup", "Expo", "Conference", "Forum", "Mixer", "Week", "Fair"}
	n := max(4, g.sz.Contacts/250) // 400 events for 100,000 people
	for i := range n {
		day := g.start.AddDays(i * 365 * Years / n)
		e := contacts.Event{
			Name:  fmt.Sprintf("%s %s %s %d", g.f.City(), g.f.BuzzWord(), kinds[g.f.IntRange(0, len(kinds)-1)], day.Year),
			Start: day,
			Place: g.f.City(),
		}
		if g.f.IntRange(0, 2) == 0 {
			e.End = day.AddDays(g.f.IntRange(1, 3))
		}
		e.Name = strings.ToUpper(e.Name[:1]) + e.Name[1:]
		g.clock = dayTime(day)
		if err := g.store.AddEvent(ctx, &e); err != nil {
			// Two events of the same name in a year: keep the first.
			continue
		}
		g.evs = append(g.evs, e)
	}
	for range 40 {
		g.tagPool = append(g.tagPool, strings.ToLower(g.f.BuzzWord()))
	}
	g.tagPool = append(g.tagPool, "prospect", "investor", "friend", "referral partner", "press", "hiring")
	g.kinds = []contacts.Kind{contacts.KindEmail, contacts.KindEmail, contacts.KindCall, contacts.KindCall,
		contacts.KindCoffee, contacts.KindMeeting, contacts.KindNote, contacts.KindPromise}
	return nil
}

// contact makes the i-th person, met on a day that moves through the
// years in order, and returns them with that day.
func (g *generator) contact(i int) (contacts.Contact, contacts.Day) {
	f := g.f
	met := g.start.AddDays(i * 365 * Years / g.sz.Contacts)
	given, family := f.FirstName(), f.LastName()
	company := f.Company()
	domain := strings.ToLower(strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, company)) + "." + f.DomainSuffix()
	c := contacts.Contact{
		FullName:   given + " " + family,
		GivenName:  given,
		FamilyName: family,
		Title:      f.JobTitle(),
		Company:    company,
		Emails:     []string{strings.ToLower(given+"."+family) + "@" + domain},
		Phones:     []contacts.Phone{{Number: usPhone(f), Kind: contacts.PhoneWork}},
	}
	if f.IntRange(0, 9) < 4 {
		c.Phones = append(c.Phones, contacts.Phone{Number: usPhone(f), Kind: contacts.PhoneMobile})
	}
	if f.IntRange(0, 9) == 0 {
		c.Emails = append(c.Emails, strings.ToLower(given)+f.Zip()[:2]+"@gmail.com")
	}
	if f.IntRange(0, 1) == 0 {
		c.Websites = []string{"https://www." + domain}
	}
	if f.IntRange(0, 9) < 4 {
		c.Addresses = []contacts.Address{{Street: f.Street(), City: f.City(), Region: f.StateAbr(), PostalCode: f.Zip()}}
	}
	if len(g.evs) > 0 && f.IntRange(0, 9) < 7 {
		// Met at the last event before that day.
		k := min(len(g.evs)-1, i*len(g.evs)/g.sz.Contacts)
		e := g.evs[k]
		c.Event, met = e.Name, e.Start
		if f.IntRange(0, 2) == 0 {
			c.MetOn = e.Start.AddDays(f.IntRange(0, 2))
		}
	} else {
		c.MetOn = met
	}
	if f.IntRange(0, 9) < 4 {
		c.TalkedAbout = g.topic()
	}
	if f.IntRange(0, 4) == 0 {
		c.Note = f.BuzzWord() + " " + f.Noun()
	}
	for range f.IntRange(0, 4) - 1 { // none for two in five
		c.Tags = append(c.Tags, g.tagPool[f.IntRange(0, len(g.tagPool)-1)])
	}
	if f.IntRange(0, 99) < 8 {
		c.Cadence = contacts.CadencePresets[f.IntRange(0, len(contacts.CadencePresets)-1)].Cadence
	}
	if len(g.people) > 10 && f.IntRange(0, 19) == 0 {
		by := g.people[f.IntRange(max(0, len(g.people)-2000), len(g.people)-1)]
		c.IntroducedBy, c.IntroducedByID = by.name, by.id
	}
	if len(g.images) > 0 && f.IntRange(0, 4) < 3 {
		c.Image = g.images[f.IntRange(0, len(g.images)-1)]
	}
	return c, met
}

func usPhone(f *gofakeit.Faker) string {
	p := f.Phone() // ten digits
	switch f.IntRange(0, 2) {
	case 0:
		return fmt.Sprintf("(%s) %s-%s", p[:3], p[3:6], p[6:])
	case 1:
		return fmt.Sprintf("+1 %s %s %s", p[:3], p[3:6], p[6:])
	}
	return fmt.Sprintf("%s.%s.%s", p[:3], p[3:6], p[6:])
}

// topic is a line of what was talked about.
func (g *generator) topic() string {
	f := g.f
	switch f.IntRange(0, 4) {
	case 0:
		return "their " + f.BuzzWord() + " " + f.Noun() + " project"
	case 1:
		return "hiring a " + strings.ToLower(f.JobTitle())
	case 2:
		return "moving to " + f.City()
	case 3:
		return f.Hobby()
	}
	return "an intro to someone at " + f.Company()
}

// history logs the interactions: most people get a few, those with a
// cadence many more, spread from the day they met to today. One in
// fifty is a follow-up done; one in two hundred comes after a follow-up
// that was cancelled.
func (g *generator) history(ctx context.Context, say func(string, ...any)) error {
	f := g.f
	// Weights: a cadence makes someone ten times as talked-to.
	total := 0.0
	for _, p := range g.people {
		total += weight(p)
	}
	logged, sum := 0, 0.0
	var pending []contacts.Interaction
	for i, p := range g.people {
		// Rounded on the running total, so that they add up exactly.
		sum += weight(p)
		n := int(math.Round(float64(g.sz.Interactions)*sum/total)) - logged
		span := max(1, g.today.Sub(p.met))
		for range n {
			on := p.met.AddDays(f.IntRange(0, span))
			kind := g.kinds[f.IntRange(0, len(g.kinds)-1)]
			note := ""
			if f.IntRange(0, 9) < 4 {
				note = g.outcome()
			}
			switch r := f.IntRange(0, 199); {
			case r < 4: // a follow-up, done that day
				g.clock = dayTime(on)
				fu := contacts.FollowUp{ContactID: p.id, Kind: kind, Due: on, Line: g.line()}
				if err := g.store.AddFollowUp(ctx, &fu); err != nil {
					return err
				}
				if _, err := g.store.CompleteFollowUp(ctx, fu.ID, on, note); err != nil {
					return err
				}
			case r == 4: // a follow-up cancelled, and something else done
				g.clock = dayTime(on)
				fu := contacts.FollowUp{ContactID: p.id, Kind: kind, Due: on, Line: g.line()}
				if err := g.store.AddFollowUp(ctx, &fu); err != nil {
					return err
				}
				if err := g.store.CancelFollowUp(ctx, fu.ID); err != nil {
					return err
				}
				fallthrough
			default:
				pending = append(pending, contacts.Interaction{ContactID: p.id, Kind: kind, On: on, Note: note})
			}
			logged++
			if logged%100_000 == 0 {
				say("%d interactions", logged)
			}
		}
		if len(pending) >= 5000 || i == len(g.people)-1 {
			g.clock = dayTime(g.today)
			if err := g.store.LogInteractions(ctx, pending); err != nil {
				return err
			}
			pending = pending[:0]
		}
	}
	return nil
}

func weight(p person) float64 {
	if p.cadence {
		return 10
	}
	return 1
}

func (g *generator) outcome() string {
	f := g.f
	switch f.IntRange(0, 3) {
	case 0:
		return "their " + f.BuzzWord() + " " + f.Noun()
	case 1:
		return "sent the " + f.Noun() + " article"
	case 2:
		return "coffee in " + f.City()
	}
	return "left a message"
}

func (g *generator) line() string {
	if g.f.IntRange(0, 1) == 0 {
		return ""
	}
	return "ask about the " + g.f.BuzzWord() + " " + g.f.Noun()
}

// openFollowUps schedules the open follow-ups, each for a different
// person, mostly of the last two years: an eighth overdue (some for
// months), a tenth due this week, a quarter in the next month, and the
// rest up to half a year ahead. They go to the people met in the last
// four years.
func (g *generator) openFollowUps(ctx context.Context) error {
	f := g.f
	recent := g.people[len(g.people)*6/10:]
	if len(recent) < g.sz.Open {
		recent = g.people
	}
	perm := rand.New(rand.NewPCG(uint64(len(recent)), 6)).Perm(len(recent))
	for k := range min(g.sz.Open, len(recent)) {
		p := recent[perm[k]]
		var due contacts.Day
		switch r := f.IntRange(0, 99); {
		case r < 12:
			due = g.today.AddDays(-f.IntRange(1, 180))
		case r < 22:
			due = g.today.AddDays(f.IntRange(0, 6))
		case r < 47:
			due = g.today.AddDays(f.IntRange(7, 30))
		default:
			due = g.today.AddDays(f.IntRange(31, 180))
		}
		scheduled := due
		if g.today.Before(due) {
			scheduled = g.today
		}
		g.clock = dayTime(scheduled.AddDays(-f.IntRange(1, 20)))
		fu := contacts.FollowUp{ContactID: p.id, Kind: g.kinds[f.IntRange(0, len(g.kinds)-1)], Due: due, Line: g.line()}
		if err := g.store.AddFollowUp(ctx, &fu); err != nil {
			return err
		}
	}
	return nil
}

// SampleCards returns the rendered sample cards of the repository at
// root, to use as card images.
func SampleCards(root string) ([]string, error) {
	return filepath.Glob(filepath.Join(root, "assets", "samples", "*.png"))
}
