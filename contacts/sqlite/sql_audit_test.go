package sqlite

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

// sqlCalls are the functions whose arguments at the indexes given are
// SQL.
var sqlCalls = map[string][]int{
	"ExecContext": {1}, "QueryContext": {1}, "QueryRowContext": {1}, "PrepareContext": {1},
	"Exec": {0}, "Query": {0}, "QueryRow": {0}, "Prepare": {0},
	// The store's own helpers that take SQL, functions and closures; their
	// callers are checked like the others.
	"queryContacts": {2}, "queryContactsN": {3}, "eachChild": {2}, "openFollowUps": {2}, "oneEvent": {1},
	"sectionPage": {3}, "execSQL": {0}, "readSection": {0, 1}, "purge": {1},
}

// TestSQLIsParameterised reads the store's source and checks that every
// SQL statement it runs is built only from string constants, so that no
// value can ever become part of SQL: values go in as parameters.
//
// Built from constants means: string literals and constants joined with
// +; a helper's parameter (its callers are checked); a loop variable over
// a list of string literals; a local variable whose every assignment is
// built from constants, including appends and strings.Join of such
// lists; a value from a package map of string literals; and the first
// result of a function whose every return is built from constants (such
// as the WHERE clause of a search, whose values are its parameters). The
// one exception is the PRAGMAs that set the schema version and the page
// size, which take no parameters, to an int.
func TestSQLIsParameterised(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	pkg := sqlScope{consts: map[string]bool{}, maps: map[string]bool{}, builders: map[string]bool{}}
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
			g, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range g.Specs {
				v, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, n := range v.Names {
					switch {
					case g.Tok == token.CONST:
						pkg.consts[n.Name] = true
					case i < len(v.Values) && isStringMap(v.Values[i]):
						pkg.maps[n.Name] = true
					}
				}
			}
		}
	}
	var funcs []*ast.FuncDecl
	for _, f := range parsed {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Body != nil {
				funcs = append(funcs, fn)
			}
		}
	}
	// Builders: functions whose first result, a string, is always built
	// from constants. One may build on another, so look until no more
	// are found.
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if pkg.builders[fn.Name.Name] || !returnsStringFirst(fn) {
				continue
			}
			static := pkg.locals(fn)
			all := true
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false // its returns are its own
				}
				if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) > 0 && !pkg.isStatic(r.Results[0], static) {
					all = false
				}
				return true
			})
			if all {
				pkg.builders[fn.Name.Name] = true
				changed = true
			}
		}
	}

	calls := 0
	for _, fn := range funcs {
		static := pkg.locals(fn)
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for _, i := range sqlCalls[callName(call)] {
				if i >= len(call.Args) {
					continue
				}
				calls++
				if arg := call.Args[i]; !pkg.isStatic(arg, static) {
					t.Errorf("%s: %s is given SQL built from something other than constants: %s",
						fset.Position(arg.Pos()), callName(call), source(fset, arg))
				}
			}
			return true
		})
	}
	if calls < 50 {
		t.Errorf("found only %d SQL calls: is the test still reading the store?", calls)
	}
}

// sqlScope is what TestSQLIsParameterised knows of the package.
type sqlScope struct {
	consts   map[string]bool // constants
	maps     map[string]bool // package variables that are maps of string literals
	builders map[string]bool // functions whose first result is built from constants
}

// locals returns the names in fn that hold SQL built from constants: the
// parameters of a helper that takes SQL (or of a closure that is one),
// loop variables over string literals, local constants, and variables
// every assignment of which is built from constants.
func (p sqlScope) locals(fn *ast.FuncDecl) map[string]bool {
	static := map[string]bool{}
	params := func(ft *ast.FuncType) {
		for _, f := range ft.Params.List {
			for _, n := range f.Names {
				static[n.Name] = true
			}
		}
	}
	if _, helper := sqlCalls[fn.Name.Name]; helper {
		params(fn.Type)
	}
	// What is assigned to each name; nil for what is never static.
	assigned := map[string][]ast.Expr{}
	assign := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				if lit, ok := rhs[i].(*ast.FuncLit); ok {
					if _, helper := sqlCalls[id.Name]; helper {
						params(lit.Type)
					}
				}
				assigned[id.Name] = append(assigned[id.Name], rhs[i])
			case len(rhs) == 1 && i == 0:
				assigned[id.Name] = append(assigned[id.Name], rhs[0]) // a call's first result
			default:
				assigned[id.Name] = append(assigned[id.Name], nil)
			}
		}
	}
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			assign(n.Lhs, n.Rhs)
		case *ast.DeclStmt:
			g, ok := n.Decl.(*ast.GenDecl)
			if !ok {
				break
			}
			for _, spec := range g.Specs {
				v, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, name := range v.Names {
					switch {
					case g.Tok == token.CONST:
						static[name.Name] = true
					case len(v.Values) == 0:
						// The zero value: an empty string or list.
					default:
						var lhs []ast.Expr
						for _, n := range v.Names {
							lhs = append(lhs, n)
						}
						if i == 0 {
							assign(lhs, v.Values)
						}
					}
				}
			}
		case *ast.RangeStmt:
			if v, ok := n.Value.(*ast.Ident); ok {
				if lit, ok := n.X.(*ast.CompositeLit); ok && allStringLits(lit.Elts) {
					static[v.Name] = true
				} else {
					assigned[v.Name] = append(assigned[v.Name], nil)
				}
			}
		}
		return true
	})
	// A name is static once all that is assigned to it is; assume so, and
	// take back each that is not until nothing changes.
	for name := range assigned {
		if !static[name] {
			static[name] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for name, values := range assigned {
			if !static[name] {
				continue
			}
			for _, v := range values {
				if v == nil || !p.isStatic(v, static) {
					static[name] = false
					changed = true
					break
				}
			}
		}
	}
	return static
}

func allStringLits(es []ast.Expr) bool {
	for _, e := range es {
		if b, ok := e.(*ast.BasicLit); !ok || b.Kind != token.STRING {
			return false
		}
	}
	return len(es) > 0
}

// isStringMap reports whether e is a map literal whose values are all
// string literals.
func isStringMap(e ast.Expr) bool {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	if _, ok := lit.Type.(*ast.MapType); !ok {
		return false
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if b, ok := kv.Value.(*ast.BasicLit); !ok || b.Kind != token.STRING {
			return false
		}
	}
	return true
}

func returnsStringFirst(fn *ast.FuncDecl) bool {
	r := fn.Type.Results
	if r == nil || len(r.List) == 0 {
		return false
	}
	id, ok := r.List[0].Type.(*ast.Ident)
	return ok && id.Name == "string"
}

func callName(call *ast.CallExpr) string {
	switch f := call.Fun.(type) {
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.Ident:
		return f.Name
	}
	return ""
}

// isStatic reports whether e is built from string constants only.
func (p sqlScope) isStatic(e ast.Expr, static map[string]bool) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.Ident:
		return p.consts[e.Name] || static[e.Name]
	case *ast.BinaryExpr:
		return e.Op == token.ADD && p.isStatic(e.X, static) && p.isStatic(e.Y, static)
	case *ast.ParenExpr:
		return p.isStatic(e.X, static)
	case *ast.SelectorExpr:
		// A migration's SQL, read from the embedded files.
		x, ok := e.X.(*ast.Ident)
		return ok && x.Name == "m" && e.Sel.Name == "sql"
	case *ast.IndexExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && p.maps[x.Name]
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if !p.isStatic(el, static) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		name := callName(e)
		switch {
		case name == "append" || name == "Join":
			if sel, ok := e.Fun.(*ast.SelectorExpr); name == "Join" && (!ok || sel.X.(*ast.Ident).Name != "strings") {
				return false
			}
			for _, a := range e.Args {
				if !p.isStatic(a, static) {
					return false
				}
			}
			return true
		case p.builders[name]:
			return true
		case name == "Sprintf" && len(e.Args) == 2:
			// fmt.Sprintf("PRAGMA user_version = %d", m.version): a PRAGMA
			// takes no parameters, and the value is an int.
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

// TestOnlyTheStoreTouchesSQL: no package of the app but contacts/sqlite imports
// database/sql or the SQLite driver, so SQL is only ever written where the
// test above checks it. The tools under bench/ are not part of the app:
// bench/dbsize measures a database file from outside, opened read-only.
func TestOnlyTheStoreTouchesSQL(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || path == filepath.Join(root, "bench")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || filepath.Dir(path) == filepath.Join(root, "contacts", "sqlite") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if slices.Contains([]string{"database/sql", "github.com/mattn/go-sqlite3"}, p) {
				t.Errorf("%s imports %s: SQL belongs in the contacts/sqlite package", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
