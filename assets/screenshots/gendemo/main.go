// Command gendemo fills a data folder with invented contacts, events and
// follow-ups, for the screenshots in the README: the five sample cards of
// assets/samples with their images, and a few more people, met at two
// events, with follow-ups overdue, due, fading and upcoming as of today.
//
//	go run ./assets/screenshots/gendemo DIR
//	followthrough --data DIR
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"followthrough/app"
	"followthrough/assets"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr/render"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gendemo DIR")
		os.Exit(2)
	}
	if err := run(context.Background(), os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gendemo:", err)
		os.Exit(1)
	}
}

// person is one invented contact, and what to do about them.
type person struct {
	card    int // 1 to 5: the sample card they gave; 0 for none
	contact contacts.Contact
	// follow is a follow-up due this many days from today, if kind is set.
	kind   contacts.Kind
	dueIn  int
	line   string
	talked []string // interactions logged, one a week back from metAgo
	metAgo int      // days ago they were met
}

func people() []person {
	const (
		summit = "Cascadia Logistics Summit"
		meetup = "Design Systems Meetup"
	)
	exp := render.SampleExpected()
	fromCard := func(i int, event string, tags ...string) contacts.Contact {
		e := exp[i-1]
		c := contacts.Contact{FullName: e.Name, Title: e.Title, Company: e.Company, Addresses: []contacts.Address{contacts.ParseAddress(e.Address, "")},
			Emails: []string{e.Email}, Websites: []string{e.Website}, Event: event, Tags: tags}
		for i, p := range e.Phones {
			kind := contacts.PhoneWork
			if i > 0 {
				kind = contacts.PhoneMobile
			}
			c.Phones = append(c.Phones, contacts.Phone{Number: p, Kind: kind})
		}
		c.GivenName, c.FamilyName = contacts.SplitName(c.FullName)
		return c
	}
	withTalk := func(c contacts.Contact, talk string) contacts.Contact { c.TalkedAbout = talk; return c }
	return []person{
		{card: 3, contact: withTalk(fromCard(3, summit, "legal"), "contracts for cross-border freight"),
			kind: contacts.KindCall, dueIn: -3, line: "ask how the Hamburg contract went", metAgo: 12},
		{card: 2, contact: withTalk(fromCard(2, meetup, "design"), "hiring a second product designer"),
			kind: contacts.KindEmail, dueIn: 0, line: "send the article on design critiques", metAgo: 3},
		{card: 1, contact: withTalk(fromCard(1, summit, "prospect"), "moving their warehouse scheduling off spreadsheets"),
			kind: contacts.KindCoffee, dueIn: 2, line: "coffee near the Pearl District office", metAgo: 12},
		{card: 4, contact: withCadence(withTalk(fromCard(4, summit, "friend"), "solar farms in the outback"), 1),
			metAgo: 80, talked: []string{"his new field engineering team"}},
		{card: 5, contact: withTalk(fromCard(5, meetup, "prospect", "data"), "a data strategy for a small team"),
			kind: contacts.KindMeeting, dueIn: 12, line: "demo for her analytics team", metAgo: 3},
		{contact: contacts.Contact{FullName: "Tomás Ferreira", Title: "Founder", Company: "Harbourlight Coffee", Event: meetup,
			TalkedAbout: "opening a second café", Tags: []string{"friend"}},
			kind: contacts.KindNote, dueIn: 5, line: "thank-you card for the introduction", metAgo: 3},
		{contact: contacts.Contact{FullName: "Grace Achterberg", Title: "Operations Director", Company: "Northwind Freight", Event: summit,
			TalkedAbout: "a pilot in the spring"},
			kind: contacts.KindPromise, dueIn: -1, line: "introduce her to Dana Whitfield", metAgo: 12},
		{contact: contacts.Contact{FullName: "Hiro Tanaka", Title: "Engineering Manager", Company: "Lumen Works", Event: meetup,
			TalkedAbout: "design tokens"}, metAgo: 3},
	}
}

func withCadence(c contacts.Contact, preset int) contacts.Contact {
	c.Cadence = contacts.CadencePresets[preset].Cadence
	return c
}

func run(ctx context.Context, dir string) error {
	store, err := sqlite.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer store.Close()
	if n, err := store.Count(ctx); err != nil || n > 0 {
		return fmt.Errorf("%s already holds %d contacts (%v): give an empty folder", dir, n, err)
	}
	cards, err := os.MkdirTemp("", "gendemo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cards)
	images, err := assets.WriteSamples(cards)
	if err != nil {
		return err
	}
	today := contacts.DayOf(time.Now())
	for _, p := range people() {
		c := p.contact
		c.MetOn = today.AddDays(-p.metAgo)
		image := ""
		if p.card > 0 {
			image = images[p.card-1]
		}
		var follow []contacts.FollowUp
		if p.kind != "" {
			follow = append(follow, contacts.FollowUp{Kind: p.kind, Due: today.AddDays(p.dueIn), Line: p.line})
		}
		saved, err := app.SaveCard(ctx, store, app.Card{Contact: c, ImagePath: image, FollowUps: follow})
		if err != nil {
			return fmt.Errorf("%s: %w", c.FullName, err)
		}
		for i, note := range p.talked {
			it := contacts.Interaction{ContactID: saved.ID, Kind: contacts.KindCall, On: c.MetOn.AddDays(7 * (i + 1)), Note: note}
			if err := store.LogInteraction(ctx, &it); err != nil {
				return err
			}
		}
	}
	fmt.Printf("Wrote %d invented contacts to %s\n", len(people()), filepath.Clean(dir))
	return nil
}
