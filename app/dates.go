package app

import "followthrough/contacts"

// SystemDateFormat is how the locale set for times writes a day: the
// locale named by LC_ALL, else LC_TIME, else LANG, as POSIX reads them,
// getenv being os.Getenv outside tests.
func SystemDateFormat(getenv func(string) string) contacts.DateFormat {
	for _, v := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		if l := getenv(v); l != "" {
			return contacts.DateFormatFor(l)
		}
	}
	return contacts.DateFormatFor("C")
}
