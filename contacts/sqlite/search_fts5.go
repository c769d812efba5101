//go:build sqlite_fts5

package sqlite

// fullTextSearch says whether SQLite was built with FTS5, which the
// search index (migration 005) needs: go-sqlite3 builds it with the tag
// sqlite_fts5.
const fullTextSearch = true
