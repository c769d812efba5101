package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"followthrough/contacts"
)

// searchWords splits s into the words search compares: runs of letters
// and digits, in lower case and without accents ("Jürgen" is "jurgen").
// Chinese, Japanese and Korean have no spaces between words, so each of
// their characters is a word of its own, and a query of several of them
// finds them anywhere in a name.
func searchWords(s string) []string {
	var words []string
	var b strings.Builder
	end := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// an accent, dropped
		case isCJK(r):
			end()
			words = append(words, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			end()
		}
	}
	end()
	return words
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// searchText is what the search index holds of c: the words of its names
// (the phonetic name too, so that "yamamoto" finds 山本 健太), company,
// title, event, tags and emails, each once.
func searchText(c contacts.Contact) string {
	seen := map[string]bool{}
	var words []string
	add := func(s string) {
		for _, w := range searchWords(s) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	for _, s := range []string{c.FullName, c.GivenName, c.FamilyName, c.PhoneticGivenName, c.PhoneticFamilyName,
		c.Company, c.Title, c.Event} {
		add(s)
	}
	for _, t := range c.Tags {
		add(t)
	}
	for _, e := range c.Emails {
		add(e)
	}
	return strings.Join(words, " ")
}

// phoneDigits is what the phone index holds of c: the digits of each
// number as printed and in E.164, leaving out those that another already
// contains (the national "6505550100" is in "16505550100").
func phoneDigits(c contacts.Contact, region string) string {
	var all []string
	for _, p := range c.Phones {
		all = append(all, contacts.Digits(p.Number))
		if e, ok := contacts.NormalizePhone(p.Number, region); ok {
			all = append(all, contacts.Digits(e))
		}
	}
	var keep []string
	for i, d := range all {
		if d == "" {
			continue
		}
		inOther := false
		for j, o := range all {
			if j != i && strings.Contains(o, d) && (len(o) > len(d) || j < i) {
				inOther = true
				break
			}
		}
		if !inOther {
			keep = append(keep, d)
		}
	}
	return strings.Join(keep, " ")
}

// matchQuery is the FTS5 query for what the user typed: every word of it
// must begin a word of the contact, so that results narrow as they type.
// It is "" when query has no word at all, such as "%".
func matchQuery(query string) string {
	words := searchWords(query)
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}

// phoneQuery is the FTS5 query that finds phone numbers containing the
// digits d, or "" when d is too short for the trigram index to find.
func phoneQuery(d string) string {
	if len(d) < 3 {
		return ""
	}
	return `"` + d + `"`
}

// indexPending writes the search words of the contacts that triggers
// marked as changed in tx, and clears the marks.
func indexPending(ctx context.Context, tx *sql.Tx, region string) error {
	rows, err := tx.QueryContext(ctx, "SELECT contact_id FROM search_pending")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return err
	}
	// The statements are prepared once a connection: see dsn.
	execSQL := func(q string, args ...any) error {
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	}
	const batch = 500
	for start := 0; start < len(ids); start += batch {
		chunk := ids[start:min(start+batch, len(ids))]
		cs, err := contactsByID(ctx, tx, chunk)
		if err != nil {
			return err
		}
		for _, id := range chunk {
			if err := execSQL("DELETE FROM contacts_fts WHERE rowid = ?", id); err != nil {
				return err
			}
			if err := execSQL("DELETE FROM phones_fts WHERE rowid = ?", id); err != nil {
				return err
			}
		}
		for _, c := range cs {
			if w := searchText(c); w != "" {
				if err := execSQL("INSERT INTO contacts_fts (rowid, words) VALUES (?, ?)", c.ID, w); err != nil {
					return err
				}
			}
			if d := phoneDigits(c, region); d != "" {
				if err := execSQL("INSERT INTO phones_fts (rowid, digits) VALUES (?, ?)", c.ID, d); err != nil {
					return err
				}
			}
		}
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM search_pending")
	return err
}
