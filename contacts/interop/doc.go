// Package interop holds the tests that feed what the app writes to
// programs the project did not write, and reads back what they write:
// khard and vdirsyncer (vCards and CardDAV), khal and Python's icalendar
// (calendars), Python's vobject. It has no code of its own.
//
// The programs are Debian's, installed by ./setup.sh --test; a test whose
// program is missing fails under make test (FOLLOWTHROUGH_REQUIRE_TOOLS=1)
// and is skipped otherwise.
package interop
