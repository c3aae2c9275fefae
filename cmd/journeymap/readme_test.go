package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeCommand is one journeymap command found in a shell block of README.md.
type readmeCommand struct {
	line int
	text string
	args []string // after "journeymap" / "go run ./cmd/journeymap"
	in   string   // "< FILE" redirection, "" for none
	out  string   // "> FILE" redirection, "" for none
}

// readmeCommands extracts every command of the README's shell code blocks
// (```sh, ```bash, ```shell, ```console) that starts with
// "go run ./cmd/journeymap" or "journeymap" (a "$ " prompt is allowed).
func readmeCommands(readme string) ([]readmeCommand, error) {
	var cmds []readmeCommand
	inShell := false
	var pending strings.Builder
	pendingLine := 0
	sc := bufio.NewScanner(strings.NewReader(readme))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			lang := strings.TrimSpace(strings.TrimPrefix(trimmed, "```"))
			if inShell {
				inShell = false
			} else {
				switch lang {
				case "sh", "bash", "shell", "console", "zsh":
					inShell = true
				}
			}
			continue
		}
		if !inShell {
			continue
		}
		if pending.Len() == 0 {
			pendingLine = n
		}
		if strings.HasSuffix(trimmed, "\\") {
			pending.WriteString(strings.TrimSuffix(trimmed, "\\") + " ")
			continue
		}
		pending.WriteString(trimmed)
		text := strings.TrimPrefix(pending.String(), "$ ")
		pending.Reset()
		var rest string
		switch {
		case strings.HasPrefix(text, "go run ./cmd/journeymap "), text == "go run ./cmd/journeymap":
			rest = strings.TrimPrefix(text, "go run ./cmd/journeymap")
		case strings.HasPrefix(text, "journeymap "), text == "journeymap":
			rest = strings.TrimPrefix(text, "journeymap")
		default:
			continue
		}
		words, err := shellWords(rest)
		if err != nil {
			return nil, fmt.Errorf("README.md line %d: %q: %w", pendingLine, text, err)
		}
		c := readmeCommand{line: pendingLine, text: text}
		for i := 0; i < len(words); i++ {
			switch w := words[i]; {
			case w == ">" || w == "<":
				if i+1 >= len(words) {
					return nil, fmt.Errorf("README.md line %d: %q: redirection without a file", pendingLine, text)
				}
				if w == ">" {
					c.out = words[i+1]
				} else {
					c.in = words[i+1]
				}
				i++
			case w == "|" || w == "&&" || w == ";" || w == "||" || w == "2>" || w == ">>":
				return nil, fmt.Errorf("README.md line %d: %q: the README test runs single commands; %q is not supported", pendingLine, text, w)
			default:
				c.args = append(c.args, w)
			}
		}
		cmds = append(cmds, c)
	}
	return cmds, sc.Err()
}

// shellWords splits s like a POSIX shell without expansions: white space
// separates words; single quotes, double quotes and backslashes quote.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, errors.New("unterminated single quote")
			}
			cur.WriteString(s[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`", s[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New("unterminated double quote")
			}
			inWord = true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			inWord = true
		case c == '$' || c == '`' || c == '*' || c == '?':
			return nil, fmt.Errorf("shell expansion %q is not supported", c)
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

func TestShellWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{` render -format html -o journey.html file.json`, []string{"render", "-format", "html", "-o", "journey.html", "file.json"}},
		{`new -title "Mua hàng \"online\"" -template 'b2b'`, []string{"new", "-title", `Mua hàng "online"`, "-template", "b2b"}},
		{`a\ b c`, []string{"a b", "c"}},
		{`schema > schema.json`, []string{"schema", ">", "schema.json"}},
	}
	for _, tt := range tests {
		got, err := shellWords(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, bad := range []string{`"open`, `'open`, `$HOME`, "x*"} {
		_, err := shellWords(bad)
		assert.Error(t, err, bad)
	}
}

func TestReadmeCommandsExtraction(t *testing.T) {
	readme := "# x\n\n```sh\ngo run ./cmd/journeymap render -format html -o journey.html \\\n  examples/journeys/ecommerce-current.json\ngo test ./...\n```\n\n" +
		"```go\njourneymap.Render()\n```\n\n```console\n$ journeymap schema > schema.json\n$ journeymap validate < schema.json\n```\n\n```\njourneymap validate not-a-shell-block.json\n```\n"
	cmds, err := readmeCommands(readme)
	require.NoError(t, err)
	require.Len(t, cmds, 3)
	assert.Equal(t, []string{"render", "-format", "html", "-o", "journey.html", "examples/journeys/ecommerce-current.json"}, cmds[0].args)
	assert.Equal(t, 4, cmds[0].line)
	assert.Equal(t, []string{"schema"}, cmds[1].args)
	assert.Equal(t, "schema.json", cmds[1].out)
	assert.Equal(t, "schema.json", cmds[2].in)

	_, err = readmeCommands("```sh\njourneymap schema | jq .\n```\n")
	assert.ErrorContains(t, err, `"|" is not supported`)
}

// TestReadmeCommands runs every journeymap command of README.md through
// run, in order, from the repository root, and requires exit status 0.
// Files the commands write (-o FILE, "> FILE") go to a temporary directory,
// and later commands that name those files read them from there.
// JOURNEYMAP_README=path checks another Markdown file (a draft) instead.
func TestReadmeCommands(t *testing.T) {
	path := "../../README.md"
	if p := os.Getenv("JOURNEYMAP_README"); p != "" {
		path = p
	}
	readme, err := os.ReadFile(path)
	require.NoError(t, err, "the README is this test's fixture")
	cmds, err := readmeCommands(string(readme))
	require.NoError(t, err)
	require.NotEmpty(t, cmds, "%s has no journeymap commands in shell code blocks", path)
	t.Chdir("../..")
	tmp := t.TempDir()
	written := map[string]string{} // README name → temporary path
	redirect := func(name string) string {
		if name == "-" {
			return name
		}
		p := filepath.Join(tmp, filepath.Base(name))
		written[name] = p
		return p
	}
	for _, c := range cmds {
		args := make([]string, 0, len(c.args))
		for i := 0; i < len(c.args); i++ {
			a := c.args[i]
			switch {
			case a == "-o" && i+1 < len(c.args):
				args = append(args, a, redirect(c.args[i+1]))
				i++
			case strings.HasPrefix(a, "-o="):
				args = append(args, "-o="+redirect(strings.TrimPrefix(a, "-o=")))
			case written[a] != "":
				args = append(args, written[a])
			default:
				args = append(args, a)
			}
		}
		var stdin []byte
		if c.in != "" {
			in := c.in
			if p := written[in]; p != "" {
				in = p
			}
			stdin, err = os.ReadFile(in)
			require.NoError(t, err, "README.md line %d: %s", c.line, c.text)
		}
		var out, errOut bytes.Buffer
		code := run(args, bytes.NewReader(stdin), &out, &errOut)
		assert.Equal(t, exitOK, code, "README.md line %d: %s\n%s", c.line, c.text, errOut.String())
		if c.out != "" {
			require.NoError(t, os.WriteFile(redirect(c.out), out.Bytes(), 0o644))
		}
	}
	t.Logf("ran %d README commands", len(cmds))
}
