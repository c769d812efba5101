// Command gendb makes a large, realistic Follow Through database for the
// benchmarks: by default 100,000 contacts, 1,000,000 interactions and
// 20,000 open follow-ups, through the app's own store, in a data folder
// that the app opens with --data.
//
//	go run -tags sqlite_fts5 ./bench/gendb -data /tmp/big [-scale 10]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"followthrough/bench/largedb"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func main() {
	data := flag.String("data", "", "make the database in `DIR`, which must not hold one yet")
	scale := flag.Int("scale", 1, "make 1/`N` of the full size")
	seed := flag.Uint64("seed", 1, "the random seed: the same seed makes the same people")
	images := flag.String("images", ".", "take card images from `ROOT`/assets/samples; \"\" for none")
	flag.Parse()
	if *data == "" || *scale < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*data, *scale, *seed, *images); err != nil {
		fmt.Fprintln(os.Stderr, "gendb:", err)
		os.Exit(1)
	}
}

func run(data string, scale int, seed uint64, imageRoot string) error {
	if _, err := os.Stat(filepath.Join(data, "followthrough.db")); err == nil {
		return fmt.Errorf("%s already holds a database", data)
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, data)
	if err != nil {
		return err
	}
	defer store.Close()
	var images []string
	if imageRoot != "" {
		if images, err = largedb.SampleCards(imageRoot); err != nil {
			return err
		}
	}
	sz := largedb.Full.Scaled(scale)
	start := time.Now()
	err = largedb.Generate(ctx, store, sz, contacts.DayOf(time.Now()), seed, images, func(s string) {
		fmt.Fprintf(os.Stderr, "%6.1fs %s\n", time.Since(start).Seconds(), s)
	})
	if err != nil {
		return err
	}
	fmt.Printf("made %d contacts, %d interactions, %d open follow-ups in %s in %.0fs\n",
		sz.Contacts, sz.Interactions, sz.Open, data, time.Since(start).Seconds())
	return nil
}
