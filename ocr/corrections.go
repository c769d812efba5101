package ocr

import (
	"slices"
	"strings"

	"followthrough/contacts"
)

// Learn compares what was read from a card with the contact the user
// saved from it, and returns the corrections worth using on later cards
// from the same email domain or company: a company, website or address
// changed, or an email's domain mended. Those are what people of one firm
// share; a person's name and title are their own.
func Learn(read, saved contacts.Contact) []contacts.Correction {
	domain := emailDomain(saved.Emails)
	if domain == "" {
		domain = emailDomain(read.Emails)
	}
	// A free-mail or ISP address says nothing of the firm: what was
	// typed on such a card is kept for its company alone, if it names one.
	if contacts.FreeMailDomain(domain) {
		domain = ""
	}
	company := strings.TrimSpace(saved.Company)
	if domain == "" && company == "" {
		return nil
	}
	var out []contacts.Correction
	add := func(field, was, now string) {
		was, now = strings.TrimSpace(was), strings.TrimSpace(now)
		if now == "" || squash(was) == squash(now) {
			return
		}
		out = append(out, contacts.Correction{Domain: domain, Company: company, Field: field, Read: was, Value: now})
	}
	add("company", read.Company, saved.Company)
	add("website", first(read.Websites), first(saved.Websites))
	add("address", read.AddressLine(), saved.AddressLine())
	// An email whose local part stayed and whose domain was mended.
	for _, r := range read.Emails {
		rl, rd, _ := strings.Cut(strings.ToLower(r), "@")
		for _, s := range saved.Emails {
			sl, sd, _ := strings.Cut(strings.ToLower(s), "@")
			if rl == sl && rd != sd && rd != "" && sd != "" && !contacts.FreeMailDomain(sd) {
				out = append(out, contacts.Correction{Domain: sd, Company: company, Field: "domain", Read: rd, Value: sd})
			}
		}
	}
	return out
}

// ApplyCorrections returns fields with the corrections that apply to the
// card they were read from: those learnt from a card with the same email
// domain, or the same company. A domain correction mends the emails and
// websites read with the misread domain. A company, website or address
// is put in only where this card read it as the corrected card did, read
// it unsure (below LowConfidence, as a suggestion is), or did not read it
// at all. Fields changed say so in their Reason, with full confidence,
// and are no longer suggestions: a suggestion the user took on an earlier
// card is put in. used lists the corrections that changed something.
//
// A correction keyed on a free-mail or ISP domain, learnt before Learn
// refused them, is never applied: it is one person's. A field the card
// reads clearly, and otherwise than the corrected card did, is the card's.
func ApplyCorrections(fields []Field, cs []contacts.Correction) (out []Field, used []int64) {
	out = append([]Field(nil), fields...)
	cs = slices.DeleteFunc(slices.Clone(cs), func(c contacts.Correction) bool { return contacts.FreeMailDomain(c.Domain) })
	if len(cs) == 0 {
		return out, nil
	}
	note := func(c contacts.Correction) string {
		from := c.Domain
		if from == "" {
			from = c.Company
		}
		return "corrected by you on an earlier card from " + from
	}
	mark := func(id int64) {
		for _, u := range used {
			if u == id {
				return
			}
		}
		used = append(used, id)
	}
	// Domains first: the card's domain decides which other corrections
	// apply.
	for _, c := range cs {
		if c.Field != "domain" {
			continue
		}
		for i, f := range out {
			switch f.Kind {
			case FieldEmail:
				if l, d, ok := strings.Cut(f.Value, "@"); ok && strings.EqualFold(d, c.Read) {
					out[i].Value, out[i].Conf, out[i].Reason = l+"@"+c.Value, 100, note(c)
					mark(c.ID)
				}
			case FieldWebsite:
				if h := strings.TrimPrefix(hostOf(f.Value), "www."); strings.EqualFold(h, c.Read) {
					out[i].Value, out[i].Conf, out[i].Reason = replaceHost(f.Value, c.Value), 100, note(c)
					mark(c.ID)
				}
			}
		}
	}
	var domains []string
	company := ""
	for _, f := range out {
		switch f.Kind {
		case FieldEmail:
			if _, d, ok := strings.Cut(f.Value, "@"); ok {
				domains = append(domains, strings.ToLower(d))
			}
		case FieldCompany:
			company = f.Value
		}
	}
	applies := func(c contacts.Correction) bool {
		for _, d := range domains {
			if c.Domain != "" && d == c.Domain {
				return true
			}
		}
		if company == "" || c.Company == "" {
			return false
		}
		return TokenF1(c.Company, company) >= 0.8 || c.Field == "company" && c.Read != "" && TokenF1(c.Read, company) >= 0.8
	}
	for _, c := range cs {
		if c.Field == "domain" || !applies(c) {
			continue
		}
		kind := map[string]FieldKind{"company": FieldCompany, "website": FieldWebsite, "address": FieldAddress}[c.Field]
		if kind == "" {
			continue
		}
		at := -1
		for i, f := range out {
			if f.Kind == kind {
				at = i
				break
			}
		}
		switch {
		case at < 0:
			out = append(out, Field{Kind: kind, Value: c.Value, Conf: 100, Reason: note(c)})
			mark(c.ID)
		case squash(out[at].Value) == squash(c.Value) && !out[at].Suggested:
		case TokenF1(c.Read, out[at].Value) >= 0.7 || out[at].Conf < LowConfidence:
			// A suggestion corrected by the user is theirs, no longer a guess.
			out[at].Value, out[at].Conf, out[at].Reason, out[at].Suggested = c.Value, 100, note(c), false
			mark(c.ID)
		}
	}
	return out, used
}

func emailDomain(emails []string) string {
	for _, e := range emails {
		if _, d, ok := strings.Cut(e, "@"); ok && d != "" {
			return strings.ToLower(strings.TrimSpace(d))
		}
	}
	return ""
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
