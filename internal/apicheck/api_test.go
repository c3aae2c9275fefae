package apicheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// module is the module's import path.
const module = "github.com/journeymap/journeymap"

// publicFiles yields the non-test Go files of the module's public library
// packages: not internal, not a command or example (package main), not a
// separate module, not testdata.
func publicFiles(t *testing.T) map[string]*ast.File {
	t.Helper()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(root, "go.mod"))
	require.NoError(t, err, "the module root is two levels up")
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			name := d.Name()
			if rel != "." && (name == "internal" || name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			if rel != "." {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // a separate module
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if f.Name.Name != "main" {
			files[filepath.ToSlash(rel)] = f
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

// internalImports returns the names under which f imports a package of
// this module's internal tree.
func internalImports(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if !strings.HasPrefix(p, module+"/") || !slices.Contains(strings.Split(p, "/"), "internal") {
			continue
		}
		name := p[strings.LastIndex(p, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		out[name] = p
	}
	return out
}

// mentions returns the internal packages' identifiers that node refers to.
func mentions(node ast.Node, internal map[string]string) []string {
	var out []string
	if node == nil {
		return nil
	}
	ast.Inspect(node, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok {
				if _, ok := internal[x.Name]; ok {
					out = append(out, x.Name+"."+sel.Sel.Name)
				}
			}
		}
		return true
	})
	return out
}

// exportedFields keeps only the exported fields of a struct type
// expression, so unexported fields may use internal types.
func exportedOnly(expr ast.Expr) ast.Node {
	st, ok := expr.(*ast.StructType)
	if !ok {
		return expr
	}
	var keep []*ast.Field
	for _, f := range st.Fields.List {
		exported := len(f.Names) == 0 // embedded: its methods are promoted
		for _, n := range f.Names {
			exported = exported || n.IsExported()
		}
		if exported {
			keep = append(keep, f)
		}
	}
	return &ast.StructType{Fields: &ast.FieldList{List: keep}}
}

// TestNoInternalTypeInThePublicAPI fails for every exported function,
// method, type, field, variable or constant of a public package whose
// declaration names a type of an internal package.
func TestNoInternalTypeInThePublicAPI(t *testing.T) {
	for path, f := range publicFiles(t) {
		internal := internalImports(f)
		if len(internal) == 0 {
			continue
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() || (d.Recv != nil && !exportedRecv(d.Recv)) {
					continue
				}
				for _, m := range mentions(d.Type, internal) {
					t.Errorf("%s: %s mentions the internal %s in its signature", path, d.Name.Name, m)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						for _, m := range mentions(exportedOnly(s.Type), internal) {
							t.Errorf("%s: type %s mentions the internal %s", path, s.Name.Name, m)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if !n.IsExported() {
								continue
							}
							for _, m := range mentions(s.Type, internal) {
								t.Errorf("%s: %s is declared with the internal %s", path, n.Name, m)
							}
							if s.Type == nil && d.Tok == token.VAR { // a constant is untyped or of a named type
								for _, v := range s.Values {
									for _, m := range mentions(v, internal) {
										t.Errorf("%s: %s takes its type from the internal %s; declare it with a public type", path, n.Name, m)
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

func exportedRecv(recv *ast.FieldList) bool {
	if len(recv.List) == 0 {
		return false
	}
	typ := recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if idx, ok := typ.(*ast.IndexExpr); ok {
		typ = idx.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}

// knownMutable are exported variables of public packages that other work
// removes; each says whose it is. An entry that no longer matches fails the
// test, so the list only shrinks.
var knownMutable = map[string]string{
	"render/csv.go: CSVHeader": "render belongs to the tools work (issue 13 item 2)",
}

// TestNoExportedMutableVariables fails for every exported package-level
// variable of a public package, except sentinel errors made with
// errors.New or fmt.Errorf: callers could change such a variable and with
// it the library's behaviour for everyone in the process. Use a constant or
// a function.
func TestNoExportedMutableVariables(t *testing.T) {
	found := map[string]bool{}
	for path, f := range publicFiles(t) {
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.GenDecl)
			if !ok || d.Tok != token.VAR {
				continue
			}
			for _, spec := range d.Specs {
				s := spec.(*ast.ValueSpec)
				for i, n := range s.Names {
					if !n.IsExported() || (i < len(s.Values) && isSentinel(s.Values[i])) {
						continue
					}
					key := path + ": " + n.Name
					if _, ok := knownMutable[key]; ok {
						found[key] = true
						continue
					}
					t.Errorf("%s is an exported package variable: make it a constant or a function", key)
				}
			}
		}
	}
	for key, why := range knownMutable {
		assert.True(t, found[key], "%s is no longer an exported variable (%s): remove it from knownMutable", key, why)
	}
}

// isSentinel reports whether v is errors.New(...) or fmt.Errorf(...).
func isSentinel(v ast.Expr) bool {
	call, ok := v.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && ((x.Name == "errors" && sel.Sel.Name == "New") || (x.Name == "fmt" && sel.Sel.Name == "Errorf"))
}
