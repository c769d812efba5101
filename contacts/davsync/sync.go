package davsync

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// A Syncer syncs the contacts of Store with the address book Book on the
// server that Client talks to.
type Syncer struct {
	Store  *sqlite.Store
	Client *Client
	Book   string // the address book's path, from Client.AddressBooks
}

// Result says what Sync did, and what waits for the user.
type Result struct {
	Pushed int // contacts put on the server, new or changed
	Pulled int // contacts added or changed from the server
	// Conflicts are contacts changed on both sides, or changed on one
	// and deleted on the other: nothing was written for them. Resolve
	// each.
	Conflicts []Conflict
	// Deletions are contacts deleted on one side, not yet deleted on
	// the other. Delete or Keep each.
	Deletions []Deletion
	// Failed are the contacts or cards that could not be synced; the
	// others were.
	Failed []error
}

// String sums r up in a sentence.
func (r Result) String() string {
	s := fmt.Sprintf("Pushed %d, pulled %d", r.Pushed, r.Pulled)
	if n := len(r.Conflicts); n > 0 {
		s += "; " + contacts.Plural(n, "conflict") + " to resolve"
	}
	if n := len(r.Deletions); n > 0 {
		s += "; " + contacts.Plural(n, "deletion") + " to confirm"
	}
	if n := len(r.Failed); n > 0 {
		s += fmt.Sprintf("; %d failed", n)
	}
	return s + "."
}

// A Conflict is a contact changed on both sides, or changed on one and
// deleted on the other. Mine is the contact here and Theirs the server's
// card, as a contact; the deleted side is the zero Contact.
type Conflict struct {
	Href          string
	Mine          contacts.Contact
	Theirs        contacts.Contact
	MineDeleted   bool
	TheirsDeleted bool

	rec       sqlite.SyncRecord
	mineHash  string
	theirETag string
	theirCard string
}

// Name is the name of the person the conflict is about.
func (c Conflict) Name() string {
	if c.MineDeleted {
		return c.Theirs.DisplayName()
	}
	return c.Mine.DisplayName()
}

// A Deletion is a contact deleted on one side since the last sync. With
// OnServer, it was deleted here and its card is to be deleted on the
// server; Contact is then the contact as the server has it. Otherwise
// its card was deleted on the server and the contact is to be deleted
// here.
type Deletion struct {
	Contact  contacts.Contact
	OnServer bool

	rec  sqlite.SyncRecord
	etag string // the card's ETag now, for OnServer
	hash string // the contact's hash now, otherwise
}

// Sync pushes the contacts new or changed here, pulls the cards new or
// changed on the server, and returns the conflicts and deletions that
// need the user. It stops at the first error that stops everything, such
// as the server not answering; a contact that alone cannot be synced is
// put in Failed.
func (s *Syncer) Sync(ctx context.Context) (Result, error) {
	var res Result
	remote, err := s.Client.list(ctx, s.Book)
	if err != nil {
		return res, err
	}
	recs, err := s.Store.SyncRecords(ctx, s.Book)
	if err != nil {
		return res, err
	}
	all, err := s.Store.List(ctx, "", 0)
	if err != nil {
		return res, err
	}
	byID := make(map[int64]contacts.Contact, len(all))
	for _, c := range all {
		byID[c.ID] = c
	}
	recByID := make(map[int64]sqlite.SyncRecord, len(recs))
	recByHref := make(map[string]sqlite.SyncRecord, len(recs))
	for _, r := range recs {
		recByID[r.ContactID] = r
		recByHref[r.Href] = r
	}
	// Before anything is added on either side, the cards new on the
	// server are matched with the contacts never synced: by UID, as a
	// card this app put and could not record, or a phone's card imported
	// here; then as the same person (contacts.SamePerson).
	fetched, matched, err := s.match(ctx, &res, all, recByID, recByHref, remote)
	if err != nil {
		return res, err
	}
	local := make([]LocalState, 0, len(all)+len(recs))
	for _, c := range all {
		if matched[c.ID] {
			continue
		}
		l := LocalState{ContactID: c.ID, Hash: vcf.CardHash(c)}
		if r, ok := recByID[c.ID]; ok {
			l.Href, l.ETag, l.SyncedHash = r.Href, r.ETag, r.Hash
		}
		local = append(local, l)
	}
	for _, r := range recs {
		if _, ok := byID[r.ContactID]; !ok {
			local = append(local, LocalState{ContactID: r.ContactID, Deleted: true,
				Href: r.Href, ETag: r.ETag, SyncedHash: r.Hash})
		}
	}

	unmatched := remote[:0:0]
	for _, r := range remote {
		if _, ok := recByHref[r.Href]; ok || !fetched[r.Href].matched {
			unmatched = append(unmatched, r)
		}
	}
	for _, st := range Plan(local, unmatched) {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		c, rec := byID[st.ContactID], recByHref[st.Href]
		var err error
		switch st.Action {
		case PushNew:
			var pushed bool
			pushed, err = s.pushNew(ctx, &res, c)
			res.Pushed += countIf(pushed)
		case Push:
			err = s.push(ctx, c, rec)
			if errors.Is(err, ErrChanged) {
				// Changed on the server since it was listed.
				err = s.conflict(ctx, &res, rec, c, true)
			} else {
				res.Pushed += countIf(err == nil)
			}
		case PullNew:
			err = s.pullNew(ctx, st.Href, fetched[st.Href])
			res.Pulled += countIf(err == nil)
		case Pull:
			err = s.pull(ctx, c, rec)
			res.Pulled += countIf(err == nil)
		case Conflicting:
			_, exists := byID[st.ContactID]
			err = s.conflict(ctx, &res, rec, c, exists)
		case DeleteRemote:
			theirs, _ := parseCard([]byte(rec.Card))
			res.Deletions = append(res.Deletions, Deletion{Contact: theirs, OnServer: true, rec: rec, etag: st.ETag})
		case DeleteLocal:
			res.Deletions = append(res.Deletions, Deletion{Contact: c, rec: rec, hash: vcf.CardHash(c)})
		case Forget:
			err = s.Store.DeleteSyncRecord(ctx, s.Book, st.Href)
		}
		if err != nil {
			res.Failed = append(res.Failed, err)
		}
	}
	return res, nil
}

func countIf(ok bool) int {
	if ok {
		return 1
	}
	return 0
}

// cardPath is where a new card with the UID uid goes in book: a name
// made from the UID, so that a sync cut short between putting the card and
// recording it finds the card there when it tries again. A UID with
// characters that are not safe in a file name is hashed.
func cardPath(book, uid string) string { return objectPath(book, uid, ".vcf") }

// objectPath is cardPath for a collection dir and the file extension ext.
func objectPath(dir, uid, ext string) string {
	name := uid
	if name == "" || strings.ContainsFunc(name, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.')
	}) || strings.HasPrefix(name, ".") {
		sum := sha256.Sum256([]byte(uid))
		name = hex.EncodeToString(sum[:16])
	}
	return path.Join(dir, name+ext)
}

// pushNew puts c, never synced, on the server as a new card under its
// UID, and says whether it did. If a card is there already, as when a
// sync was cut short after putting it, it takes that card: recorded if it
// is c's, a conflict in res if it changed since.
func (s *Syncer) pushNew(ctx context.Context, res *Result, c contacts.Contact) (bool, error) {
	uid := c.UID
	if uid == "" {
		uid = newUID()
	}
	href := cardPath(s.Book, uid)
	card, err := vcf.SyncCard(c, uid, "")
	if err != nil {
		return false, err
	}
	etag, err := s.Client.put(ctx, href, card, "")
	if errors.Is(err, ErrChanged) {
		data, etag, gerr := s.Client.get(ctx, href)
		if gerr != nil {
			return false, gerr
		}
		if uidOf(data, href) != uid {
			return false, fmt.Errorf("carddav: %s holds another card than %s", href, c.DisplayName())
		}
		theirs, perr := parseCard(data)
		if perr != nil {
			return false, fmt.Errorf("carddav: %s: %w", href, perr)
		}
		return false, s.link(ctx, res, c, theirs, sqlite.SyncRecord{Book: s.Book, Href: href, ContactID: c.ID,
			UID: uid, ETag: etag, Card: string(data)})
	}
	if err != nil {
		return false, err
	}
	return true, s.Store.SaveSyncRecord(ctx, sqlite.SyncRecord{Book: s.Book, Href: href, ContactID: c.ID,
		UID: uid, ETag: etag, Hash: vcf.CardHash(c), Card: string(card)})
}

// link makes rec, a card on the server never recorded, the record of
// mine, a contact never synced, when they are the same person: recorded
// as synced if the card says what mine does, or a conflict in res for the
// user to settle otherwise (Resolve records it).
func (s *Syncer) link(ctx context.Context, res *Result, mine, theirs contacts.Contact, rec sqlite.SyncRecord) error {
	theirs = withLocal(theirs, mine)
	mineHash := vcf.CardHash(mine)
	if vcf.CardHash(theirs) == mineHash {
		rec.Hash = mineHash
		return s.Store.SaveSyncRecord(ctx, rec)
	}
	res.Conflicts = append(res.Conflicts, Conflict{Href: rec.Href, Mine: mine, Theirs: theirs,
		rec: rec, mineHash: mineHash, theirETag: rec.ETag, theirCard: rec.Card})
	return nil
}

// fetchedCard is a card new on the server, read before the plan.
type fetchedCard struct {
	data    []byte
	etag    string
	matched bool // linked to a contact here: no PullNew
}

// match reads the cards new on the server (not in recByHref) and links
// each to a contact never synced that has its UID or, failing that, is
// the same person (contacts.SamePerson), as link does. It returns the
// cards it read, by href, and the contacts it linked, by ID. A card it
// cannot read is left for PullNew, which reports it.
func (s *Syncer) match(ctx context.Context, res *Result, all []contacts.Contact, recByID map[int64]sqlite.SyncRecord,
	recByHref map[string]sqlite.SyncRecord, remote []RemoteState) (map[string]*fetchedCard, map[int64]bool, error) {
	fetched := make(map[string]*fetchedCard)
	matched := make(map[int64]bool)
	var never []contacts.Contact
	for _, c := range all {
		if _, ok := recByID[c.ID]; !ok {
			never = append(never, c)
		}
	}
	// The contacts that could be the same person as a card share a key
	// with it: SamePerson runs on those only, not on every pair.
	region := s.Store.Region
	byKey := make(map[string][]int)
	for i, c := range never {
		for _, k := range personKeys(c, region) {
			byKey[k] = append(byKey[k], i)
		}
	}
	for _, r := range remote {
		if _, ok := recByHref[r.Href]; ok {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		data, etag, err := s.Client.get(ctx, r.Href)
		if err != nil {
			if errors.Is(err, ErrGone) {
				continue
			}
			res.Failed = append(res.Failed, err)
			fetched[r.Href] = &fetchedCard{matched: true} // not pulled either
			continue
		}
		f := &fetchedCard{data: data, etag: etag}
		fetched[r.Href] = f
		if len(never) == 0 {
			continue
		}
		theirs, err := parseCard(data)
		if err != nil {
			continue // PullNew reports it
		}
		uid := uidOf(data, r.Href)
		i := slices.IndexFunc(never, func(c contacts.Contact) bool { return !matched[c.ID] && c.UID == uid })
		if i < 0 {
			var candidates []int
			for _, k := range personKeys(theirs, region) {
				candidates = append(candidates, byKey[k]...)
			}
			slices.Sort(candidates)
			for _, j := range slices.Compact(candidates) {
				if c := never[j]; !matched[c.ID] && len(contacts.SamePerson(c, theirs, region)) > 0 {
					i = j
					break
				}
			}
		}
		if i < 0 {
			continue
		}
		mine := never[i]
		err = s.link(ctx, res, mine, theirs, sqlite.SyncRecord{Book: s.Book, Href: r.Href, ContactID: mine.ID,
			UID: uid, ETag: etag, Card: string(data)})
		if err != nil {
			res.Failed = append(res.Failed, err)
		}
		matched[mine.ID], f.matched = true, true
	}
	return fetched, matched, nil
}

// push replaces the card of rec with c if the card is still as last
// synced; if not, it fails with ErrChanged.
func (s *Syncer) push(ctx context.Context, c contacts.Contact, rec sqlite.SyncRecord) error {
	card, err := vcf.SyncCard(c, rec.UID, rec.Card)
	if err != nil {
		return err
	}
	etag, err := s.Client.put(ctx, rec.Href, card, rec.ETag)
	if err != nil {
		return err
	}
	rec.ETag, rec.Hash, rec.Card = etag, vcf.CardHash(c), string(card)
	return s.Store.SaveSyncRecord(ctx, rec)
}

// personKeys are what two contacts that contacts.SamePerson takes for the
// same person share at least one of: an email, a phone number in E.164,
// or the company (a close name counts only at the same company).
func personKeys(c contacts.Contact, region string) []string {
	var keys []string
	for _, e := range c.Emails {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" {
			keys = append(keys, "email:"+e)
		}
	}
	for _, p := range c.Phones {
		if e, ok := contacts.NormalizePhone(p.Number, region); ok {
			keys = append(keys, "phone:"+e)
		}
	}
	if k := contacts.CompanyKey(c.Company); k != "" {
		keys = append(keys, "company:"+k)
	}
	return keys
}

// pullNew adds the card at href as a new contact; f is the card if match
// read it already.
func (s *Syncer) pullNew(ctx context.Context, href string, f *fetchedCard) error {
	var data []byte
	var etag string
	if f != nil && f.data != nil {
		data, etag = f.data, f.etag
	} else {
		var err error
		if data, etag, err = s.Client.get(ctx, href); err != nil {
			return err
		}
	}
	c, err := parseCard(data)
	if err != nil {
		return fmt.Errorf("carddav: %s: %w", href, err)
	}
	_, err = s.Store.AddSynced(ctx, &c, sqlite.SyncRecord{Book: s.Book, Href: href,
		UID: uidOf(data, href), ETag: etag, Card: string(data)}, vcf.CardHash)
	return err
}

// pull replaces mine, unchanged here since the last sync, with its card
// from the server.
func (s *Syncer) pull(ctx context.Context, mine contacts.Contact, rec sqlite.SyncRecord) error {
	data, etag, err := s.Client.get(ctx, rec.Href)
	if err != nil {
		return err
	}
	theirs, err := parseCard(data)
	if err != nil {
		return fmt.Errorf("carddav: %s: %w", rec.Href, err)
	}
	if err := s.unchangedHere(ctx, mine.ID, vcf.CardHash(mine)); err != nil {
		return err
	}
	return s.takeTheirs(ctx, withLocal(theirs, mine), rec, etag, data)
}

// takeTheirs stores c, the server's card at etag, data, over the contact
// here, and records it.
func (s *Syncer) takeTheirs(ctx context.Context, c contacts.Contact, rec sqlite.SyncRecord, etag string, data []byte) error {
	rec.ETag, rec.Card = etag, string(data)
	_, err := s.Store.UpdateSynced(ctx, c, rec, vcf.CardHash)
	return err
}

// conflict fetches the server's card of rec and adds the conflict between
// it and mine (deleted here unless mineExists) to res, unless both sides
// came to the same card, which it records.
func (s *Syncer) conflict(ctx context.Context, res *Result, rec sqlite.SyncRecord, mine contacts.Contact, mineExists bool) error {
	cf := Conflict{Href: rec.Href, rec: rec, MineDeleted: !mineExists}
	if mineExists {
		cf.Mine, cf.mineHash = mine, vcf.CardHash(mine)
	}
	data, etag, err := s.Client.get(ctx, rec.Href)
	switch {
	case errors.Is(err, ErrGone):
		cf.TheirsDeleted = true
	case err != nil:
		return err
	default:
		theirs, err := parseCard(data)
		if err != nil {
			return fmt.Errorf("carddav: %s: %w", rec.Href, err)
		}
		cf.Theirs, cf.theirETag, cf.theirCard = withLocal(theirs, cf.Mine), etag, string(data)
	}
	switch {
	case cf.MineDeleted && cf.TheirsDeleted:
		return s.Store.DeleteSyncRecord(ctx, s.Book, rec.Href)
	case !cf.MineDeleted && !cf.TheirsDeleted && vcf.CardHash(cf.Theirs) == cf.mineHash:
		// The same edit on both sides.
		rec.ETag, rec.Hash, rec.Card = etag, cf.mineHash, cf.theirCard
		return s.Store.SaveSyncRecord(ctx, rec)
	}
	res.Conflicts = append(res.Conflicts, cf)
	return nil
}

// Resolve settles a conflict from Sync: with keepMine, the contact here
// (or its deletion) goes to the server; otherwise the server's card (or
// its deletion) replaces the contact here. It fails, and changes nothing,
// if either side changed again since Sync: sync again.
func (s *Syncer) Resolve(ctx context.Context, cf Conflict, keepMine bool) error {
	if err := s.resolve(ctx, cf, keepMine); err != nil {
		return fmt.Errorf("carddav: resolve %s: %w", cf.Name(), err)
	}
	return nil
}

func (s *Syncer) resolve(ctx context.Context, cf Conflict, keepMine bool) error {
	rec := cf.rec
	if !cf.MineDeleted {
		if err := s.unchangedHere(ctx, cf.Mine.ID, cf.mineHash); err != nil {
			return err
		}
	}
	switch {
	case keepMine && cf.MineDeleted:
		if !cf.TheirsDeleted {
			if err := s.Client.remove(ctx, rec.Href, cf.theirETag); err != nil {
				return err
			}
		}
		return s.Store.DeleteSyncRecord(ctx, s.Book, rec.Href)
	case keepMine:
		base := rec.Card
		if !cf.TheirsDeleted {
			base = cf.theirCard
		}
		card, err := vcf.SyncCard(cf.Mine, rec.UID, base)
		if err != nil {
			return err
		}
		// No ETag to match recreates the card deleted on the server,
		// unless it came back since.
		etag, err := s.Client.put(ctx, rec.Href, card, cf.theirETag)
		if err != nil {
			return err
		}
		rec.ETag, rec.Hash, rec.Card = etag, cf.mineHash, string(card)
		return s.Store.SaveSyncRecord(ctx, rec)
	case cf.TheirsDeleted:
		_, err := s.Store.DeleteSynced(ctx, rec)
		return err
	case cf.MineDeleted:
		c := cf.Theirs
		rec.ETag, rec.Card = cf.theirETag, cf.theirCard
		_, err := s.Store.AddSynced(ctx, &c, rec, vcf.CardHash)
		return err
	default:
		return s.takeTheirs(ctx, cf.Theirs, rec, cf.theirETag, []byte(cf.theirCard))
	}
}

// Delete carries out a deletion from Sync that the user confirmed. It
// fails, and deletes nothing, if the contact or card changed since Sync.
func (s *Syncer) Delete(ctx context.Context, d Deletion) error {
	if d.OnServer {
		if err := s.Client.remove(ctx, d.rec.Href, d.etag); err != nil {
			return err
		}
		return s.Store.DeleteSyncRecord(ctx, s.Book, d.rec.Href)
	}
	if err := s.unchangedHere(ctx, d.rec.ContactID, d.hash); err != nil {
		return fmt.Errorf("carddav: delete %s: %w", d.Contact.DisplayName(), err)
	}
	_, err := s.Store.DeleteSynced(ctx, d.rec)
	return err
}

// Keep turns down a deletion from Sync: the next sync puts the contact
// back where it was deleted, as a new card or contact.
func (s *Syncer) Keep(ctx context.Context, d Deletion) error {
	return s.Store.DeleteSyncRecord(ctx, s.Book, d.rec.Href)
}

// unchangedHere fails unless contact id exists with the hash want.
func (s *Syncer) unchangedHere(ctx context.Context, id int64, want string) error {
	c, err := s.Store.Get(ctx, id)
	if err != nil {
		return err
	}
	if vcf.CardHash(c) != want {
		return fmt.Errorf("%s changed here during the sync: sync again", c.DisplayName())
	}
	return nil
}

// parseCard returns the contact the first card in data describes.
func parseCard(data []byte) (contacts.Contact, error) {
	cs, err := vcf.Read(bytes.NewReader(data))
	if err != nil {
		return contacts.Contact{}, err
	}
	if len(cs) == 0 {
		return contacts.Contact{}, errors.New("no vCard")
	}
	return cs[0], nil
}

// withLocal returns theirs, a contact read from the server, with what
// mine, the same contact here, has that a card does not carry: its ID,
// card image, cadence, creation time and the link to its introducer, and
// its UID, which is its for life whatever UID the server's card has.
func withLocal(theirs, mine contacts.Contact) contacts.Contact {
	theirs.UID = mine.UID
	theirs.ID, theirs.Image, theirs.Cadence, theirs.Created = mine.ID, mine.Image, mine.Cadence, mine.Created
	if theirs.IntroducedBy == mine.IntroducedBy {
		theirs.IntroducedByID = mine.IntroducedByID
	}
	return theirs
}

// uidOf returns the UID of the card in data, or, for a card without one,
// the name of its file, which is what servers such as Radicale use.
func uidOf(data []byte, href string) string {
	text := strings.NewReplacer("\r\n ", "", "\r\n\t", "", "\n ", "", "\n\t", "").Replace(string(data))
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		name, value, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(strings.SplitN(name, ";", 2)[0], "UID") && value != "" {
			return value
		}
	}
	return strings.TrimSuffix(path.Base(href), ".vcf")
}
