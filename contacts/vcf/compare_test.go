package vcf

import "followthrough/contacts"

// names returns the display names of cs.
func names(cs []contacts.Contact) []string {
	var ns []string
	for _, c := range cs {
		ns = append(ns, c.DisplayName())
	}
	return ns
}
