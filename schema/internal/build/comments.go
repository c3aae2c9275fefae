package build

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/invopop/jsonschema"
)

// Extract reads the doc comments of the types reachable from roots out of
// the module's source. It must run with the module root as the working
// directory: jsonschema.Reflector.AddGoComments derives import paths from
// the paths it walks and silently finds nothing from "../" paths (this is why
// the result is committed as Go code rather than read at run time).
func Extract(roots ...reflect.Type) (Comments, error) {
	if _, err := os.Stat("go.mod"); err != nil {
		return Comments{}, fmt.Errorf("schema: extract comments: run from the module root: %w", err)
	}
	types := reachable(roots)
	dirs := map[string]bool{}
	for t := range types {
		dirs[strings.TrimPrefix(strings.TrimPrefix(t.PkgPath(), Module), "/")] = true
	}
	c := Comments{Types: map[string]string{}, Values: map[string]string{}}
	r := &jsonschema.Reflector{}
	for dir := range dirs {
		if dir == "" {
			return Comments{}, fmt.Errorf("schema: extract comments: types at the module root are not supported")
		}
		if err := r.AddGoComments(Module, dir, jsonschema.WithFullComment()); err != nil {
			return Comments{}, fmt.Errorf("schema: extract comments from %s: %w", dir, err)
		}
		if err := constComments(dir, c.Values); err != nil {
			return Comments{}, err
		}
	}
	// Keep only what the schemas use, so unrelated edits do not churn the map.
	for k, v := range r.CommentMap {
		for t := range types {
			name := t.PkgPath() + "." + t.Name()
			if k == name || (t.Kind() == reflect.Struct && strings.HasPrefix(k, name+".") && isField(t, k[len(name)+1:])) {
				c.Types[k] = reflow(v)
			}
		}
	}
	for k := range c.Values {
		typ := k[:strings.LastIndexByte(k, '.')]
		keep := false
		for t := range types {
			keep = keep || (IsEnum(t) && t.PkgPath()+"."+t.Name() == typ)
		}
		if !keep {
			delete(c.Values, k)
		}
	}
	if len(c.Types) == 0 {
		return Comments{}, fmt.Errorf("schema: extract comments: found none (is the working directory the module root?)")
	}
	return c, nil
}

// reflow joins the lines of each paragraph of a doc comment, so the
// description reads as text rather than as wrapped source.
func reflow(text string) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

func isField(t reflect.Type, name string) bool {
	f, ok := t.FieldByName(name)
	return ok && f.IsExported()
}

// reachable returns the named struct and enum types of this module used by
// roots, directly or through fields, slices, pointers and maps.
func reachable(roots []reflect.Type) map[reflect.Type]bool {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			if t.Kind() == reflect.Map {
				walk(t.Key())
			}
			t = t.Elem()
		}
		if seen[t] || !inModule(t) {
			return
		}
		seen[t] = true
		if t.Kind() == reflect.Struct {
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() {
					walk(f.Type)
				}
			}
		}
	}
	for _, t := range roots {
		walk(t)
	}
	return seen
}

// constComments adds to values the doc comment (or, failing that, the line
// comment) of every typed string constant declared in the non-test Go files
// of dir, keyed "pkgpath.Type.value".
func constComments(dir string, values map[string]string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return fmt.Errorf("schema: extract comments: %w", err)
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				v := spec.(*ast.ValueSpec)
				typ, ok := v.Type.(*ast.Ident)
				if !ok || len(v.Names) != 1 || len(v.Values) != 1 {
					continue
				}
				lit, ok := v.Values[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				value, err := strconv.Unquote(lit.Value)
				if err != nil {
					continue
				}
				text := v.Doc.Text()
				if text == "" {
					text = v.Comment.Text()
				}
				if text = valueDescription(v.Names[0].Name, text); text != "" {
					values[path.Join(Module, filepath.ToSlash(dir))+"."+typ.Name+"."+value] = text
				}
			}
		}
	}
	return nil
}

// valueDescription turns a constant's comment into a description of its
// value: the leading Go name goes ("Frontstage: what the customer sees" reads
// "What the customer sees"), and a parenthesised gloss after the name moves
// to the end ("Financial (tài chính): paying too much." reads "Paying too
// much (tài chính).").
func valueDescription(goName, text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text != "" && !strings.HasSuffix(text, ".") {
		text += "." // line comments are often phrases
	}
	rest, ok := strings.CutPrefix(text, goName)
	if !ok {
		return capitalize(text)
	}
	rest = strings.TrimSpace(rest)
	gloss := ""
	if strings.HasPrefix(rest, "(") {
		if end := strings.Index(rest, ")"); end > 0 {
			gloss, rest = rest[:end+1], strings.TrimSpace(rest[end+1:])
		}
	}
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ":"))
	if gloss != "" {
		if body, ok := strings.CutSuffix(rest, "."); ok {
			rest = body + " " + gloss + "."
		} else {
			rest += " " + gloss
		}
	}
	return capitalize(rest)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// GoSource returns the Go file, in package pkg, that declares c as the
// variable name; generate writes it so that descriptions do not depend on
// reading source files at run time.
func GoSource(pkg, name string, c Comments) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by go run ./internal/gen; DO NOT EDIT.\n\npackage %s\n\n", pkg)
	b.WriteString("import \"github.com/journeymap/journeymap/schema/internal/build\"\n\n")
	fmt.Fprintf(&b, "// %s holds the Go doc comments of the document types, read from source\n// by the generator.\n", name)
	fmt.Fprintf(&b, "var %s = build.Comments{\n", name)
	writeMap := func(field string, m map[string]string) {
		fmt.Fprintf(&b, "%s: map[string]string{\n", field)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fmt.Fprintf(&b, "%s: %s,\n", strconv.Quote(k), strconv.Quote(m[k]))
		}
		b.WriteString("},\n")
	}
	writeMap("Types", c.Types)
	writeMap("Values", c.Values)
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return nil, fmt.Errorf("schema: format generated comments: %w", err)
	}
	return src, nil
}
