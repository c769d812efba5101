package contacts

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sqlCalls are the functions whose argument at the index given is SQL.
var sqlCalls = map[string]int{
	"ExecContext": 1, "QueryContext": 1, "QueryRowContext": 1, "PrepareContext": 1,
	"Exec": 0, "Query": 0, "QueryRow": 0, "Prepare": 0,
	// The store's own helpers that take SQL; their callers are checked
	// like the others.
	"queryContacts": 2, "eachChild": 2, "openFollowUps": 2, "oneEvent": 1,
}

// TestSQLIsParameterised reads the store's source and checks that every
// SQL statement it runs is built only from string constants, so that no
// value can ever become part of SQL: values go in as parameters. A
// statement may also be a helper's parameter (its callers are checked),
// or a loop variable over a list of string literals. The one exception is
// the PRAGMAs that set the schema version and the page size, which take
// no parameters, to an int.
func TestSQLIsParameterised(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]bool{}
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, spec := range g.Specs {
					for _, n := range spec.(*ast.ValueSpec).Names {
						consts[n.Name] = true
					}
				}
			}
		}
	}
	calls := 0
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			fn, ok := n.(*ast.FuncDecl)
			if !ok {
				return true
			}
			// What a name means inside this function: a parameter of a
			// helper that takes SQL, or a loop variable over literals.
			static := map[string]bool{}
			if _, helper := sqlCalls[fn.Name.Name]; helper {
				for _, p := range fn.Type.Params.List {
					for _, n := range p.Names {
						static[n.Name] = true
					}
				}
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if d, ok := n.(*ast.DeclStmt); ok {
					if g, ok := d.Decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
						for _, spec := range g.Specs {
							for _, n := range spec.(*ast.ValueSpec).Names {
								static[n.Name] = true
							}
						}
					}
				}
				if r, ok := n.(*ast.RangeStmt); ok {
					if lit, ok := r.X.(*ast.CompositeLit); ok && allStringLits(lit.Elts) {
						if v, ok := r.Value.(*ast.Ident); ok {
							static[v.Name] = true
						}
					}
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var name string
				switch f := call.Fun.(type) {
				case *ast.SelectorExpr:
					name = f.Sel.Name
				case *ast.Ident:
					name = f.Name
				}
				i, isSQL := sqlCalls[name]
				if !isSQL || i >= len(call.Args) {
					return true
				}
				calls++
				if arg := call.Args[i]; !isStatic(arg, consts, static) {
					t.Errorf("%s: %s is given SQL built from something other than constants: %s",
						fset.Position(arg.Pos()), name, source(fset, arg))
				}
				return true
			})
			return false
		})
	}
	if calls < 50 {
		t.Errorf("found only %d SQL calls: is the test still reading the store?", calls)
	}
}

func allStringLits(es []ast.Expr) bool {
	for _, e := range es {
		if b, ok := e.(*ast.BasicLit); !ok || b.Kind != token.STRING {
			return false
		}
	}
	return len(es) > 0
}

// isStatic reports whether e is made of string constants only.
func isStatic(e ast.Expr, consts, static map[string]bool) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.Ident:
		return consts[e.Name] || static[e.Name]
	case *ast.BinaryExpr:
		return e.Op == token.ADD && isStatic(e.X, consts, static) && isStatic(e.Y, consts, static)
	case *ast.ParenExpr:
		return isStatic(e.X, consts, static)
	case *ast.SelectorExpr:
		// A migration's SQL, read from the embedded files.
		x, ok := e.X.(*ast.Ident)
		return ok && x.Name == "m" && e.Sel.Name == "sql"
	case *ast.CallExpr:
		// fmt.Sprintf("PRAGMA user_version = %d", m.version): a PRAGMA
		// takes no parameters, and the value is an int.
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(e.Args) == 2 {
			if lit, ok := e.Args[0].(*ast.BasicLit); ok {
				s, _ := strconv.Unquote(lit.Value)
				return s == "PRAGMA user_version = %d" || s == "PRAGMA page_size = %d"
			}
		}
	}
	return false
}

func source(fset *token.FileSet, e ast.Expr) string {
	start, end := fset.Position(e.Pos()), fset.Position(e.End())
	data, err := os.ReadFile(start.Filename)
	if err != nil || start.Line != end.Line {
		return "(expression)"
	}
	lines := strings.Split(string(data), "\n")
	return strings.TrimSpace(lines[start.Line-1][start.Column-1 : end.Column-1])
}

// TestOnlyTheStoreTouchesSQL: no package but contacts imports database/sql
// or the SQLite driver, so SQL is only ever written where the test above
// checks it.
func TestOnlyTheStoreTouchesSQL(t *testing.T) {
	root := filepath.Join("..")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || filepath.Dir(path) == filepath.Join(root, "contacts") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if slices.Contains([]string{"database/sql", "github.com/mattn/go-sqlite3"}, p) {
				t.Errorf("%s imports %s: SQL belongs in the contacts package", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
