package ocr

import (
	"context"
	"image"
	"regexp"
	"slices"
	"strings"
)

// hostWordRe finds, in a word, the host of an email or of a website that
// says so ("www."), however its suffix was read.
var hostWordRe = regexp.MustCompile(`(?i)(?:@|^(?:https?://)?www\.)([\p{L}0-9\-]+(?:\.[\p{L}0-9\-]*)+)`)

// cutHost is the host in word whose last label is no suffix that exists,
// nor one fixSuffix mends, as "acme.a" in "jane@acme.a", or "".
func cutHost(word string) string {
	m := hostWordRe.FindStringSubmatch(word)
	if m == nil {
		return ""
	}
	host := strings.ToLower(strings.TrimRight(m[1], ".,;:"))
	if !strings.Contains(host, ".") || validSuffix(fixSuffix(host)) {
		return ""
	}
	return host
}

// rereadCutDomains reads again, each on its own, the lines holding an
// email or a website whose domain ends in a suffix that does not exist
// ("jane@acme.a"): read with the whole card, a line's last letter, thin
// and small at the end of a long line, is dropped more often than read
// alone with a margin ("acme.ai"). What the line read alone gives is kept
// only where it completes the host, the host as first read followed by
// more letters and making a suffix that exists; the rest of the line
// stays as first read. A website cut the same way is then mended from
// the email's domain (see reconcileDomains). It returns lines, and how
// many reads it made.
func rereadCutDomains(ctx context.Context, eng Engine, up image.Image, lines []Line) ([]Line, int, error) {
	var out []Line
	reads := 0
	for i, l := range lines {
		at, host := -1, ""
		for k, w := range l.Words {
			if host = cutHost(w.Text); host != "" {
				at = k
				break
			}
		}
		if at < 0 {
			continue
		}
		got, ok, err := readBoxIn(ctx, eng, up, aloneBox(l.Box), Pass{Mode: ModeLine, Langs: []string{"eng"}, Only: true})
		if err != nil {
			return lines, reads, err
		}
		if !ok {
			continue
		}
		reads++
		word, ok := completedHost(l.Words[at].Text, host, got)
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(lines)
		}
		words := slices.Clone(l.Words)
		words[at].Text = word
		out[i] = NewLine(words)
	}
	if out == nil {
		return lines, reads, nil
	}
	return out, reads, nil
}

// completedHost is word with cut, its cut host (see cutHost), completed
// from what reading its line again gave, got: a host that starts with
// the cut one and has a suffix that exists ("jane@acme.a" with "acme.ai"
// read again gives "jane@acme.ai"). ok is false when got holds no such
// host.
func completedHost(word, cut string, got []Line) (string, bool) {
	lower := strings.ToLower(word)
	if cut == "" || len(lower) != len(word) {
		return word, false
	}
	for _, l := range got {
		for _, w := range l.Words {
			m := hostWordRe.FindStringSubmatch(w.Text)
			if m == nil {
				continue
			}
			read := strings.TrimRight(m[1], ".,;:")
			host := strings.ToLower(read)
			if len(host) == len(read) && len(host) > len(cut) && strings.HasPrefix(host, cut) &&
				validSuffix(host) && !strings.Contains(host[len(cut):], ".") {
				k := strings.LastIndex(lower, cut)
				return word[:k] + word[k:k+len(cut)] + read[len(cut):] + word[k+len(cut):], true
			}
		}
	}
	return word, false
}
