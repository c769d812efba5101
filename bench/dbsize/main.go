// Command dbsize says how the space of a Follow Through database is spent:
// the bytes of each table and index, as SQLite's dbstat table counts the
// pages they use, and the bytes per contact and per interaction.
//
//	go run -tags sqlite_fts5,sqlite_dbstat ./bench/dbsize DIR
package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: dbsize DATA_DIR")
		os.Exit(2)
	}
	if err := run(filepath.Join(os.Args[1], "followthrough.db")); err != nil {
		fmt.Fprintln(os.Stderr, "dbsize:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	count := func(table string) (n int64) {
		db.QueryRow("SELECT count(*) FROM " + table).Scan(&n)
		return n
	}
	contacts, interactions := count("contacts"), count("interactions")
	rows, err := db.Query("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
	if err != nil {
		return fmt.Errorf("%w (build with the tag sqlite_dbstat)", err)
	}
	defer rows.Close()
	type part struct {
		name  string
		bytes int64
	}
	var parts []part
	var total int64
	for rows.Next() {
		var p part
		if err := rows.Scan(&p.name, &p.bytes); err != nil {
			return err
		}
		parts = append(parts, p)
		total += p.bytes
	}
	if err := rows.Err(); err != nil {
		return err
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].bytes > parts[j].bytes })
	// Group by what the space is for.
	groups := map[string]int64{}
	for _, p := range parts {
		groups[group(p.name)] += p.bytes
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes on disk, %d in pages; %d contacts, %d interactions\n", path, st.Size(), total, contacts, interactions)
	fmt.Printf("%-34s %12s %10s\n", "table or index", "bytes", "per contact")
	for _, p := range parts {
		fmt.Printf("%-34s %12d %10.1f\n", p.name, p.bytes, float64(p.bytes)/float64(contacts))
	}
	fmt.Println()
	for _, g := range []string{"contacts", "interactions", "follow-ups", "search", "other"} {
		per, of := float64(groups[g])/float64(contacts), "contact"
		if g == "interactions" {
			per, of = float64(groups[g])/float64(max(1, interactions)), "interaction"
		}
		fmt.Printf("%-13s %12d bytes  %6.1f per %s\n", g, groups[g], per, of)
	}
	fmt.Printf("%-13s %12d bytes  %6.1f per contact with its interactions\n", "all", st.Size(), float64(st.Size())/float64(contacts))
	return nil
}

// group says what a table or index is for.
func group(name string) string {
	switch {
	case strings.HasPrefix(name, "interactions"):
		return "interactions"
	case strings.HasPrefix(name, "follow_ups"):
		return "follow-ups"
	case strings.Contains(name, "_fts") || name == "search_pending":
		return "search"
	case strings.HasPrefix(name, "contacts"), strings.HasPrefix(name, "phones"), strings.HasPrefix(name, "emails"),
		strings.HasPrefix(name, "websites"), strings.HasPrefix(name, "tags"),
		strings.HasPrefix(name, "sqlite_autoindex_phones"), strings.HasPrefix(name, "sqlite_autoindex_emails"),
		strings.HasPrefix(name, "sqlite_autoindex_websites"), strings.HasPrefix(name, "sqlite_autoindex_tags"):
		return "contacts"
	}
	return "other"
}
