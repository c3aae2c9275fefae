// Package chhttp is a small database/sql driver for ClickHouse's HTTP
// interface, enough to run queries and statements from Go with net/http
// alone: every statement is one POST, results come back as
// TabSeparatedWithNamesAndTypes and are read row by row. It works with
// ClickHouse 18.16 and later. It has no bound parameters (pass SQL with
// quoted literals) and no transactions.
//
// The data source name is an http:// or https:// URL of the server, e.g.
// http://user:password@127.0.0.1:8123/?database=analytics; the user and
// password go in a Basic Authorization header, never into error messages.
// Query parameters of the URL are passed on as ClickHouse settings.
package chhttp

import (
	"bufio"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Driver is the database/sql driver; it is registered as "clickhouse-http".
type Driver struct{}

func init() { sql.Register("clickhouse-http", Driver{}) }

// Open parses dsn (see the package doc) and returns a connection.
func (Driver) Open(dsn string) (driver.Conn, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, errors.New("chhttp: the data source is not a URL")
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("chhttp: URL scheme %q: want http or https", u.Scheme)
	}
	c := &conn{client: http.DefaultClient}
	if u.User != nil {
		c.user = u.User.Username()
		c.password, _ = u.User.Password()
		u.User = nil
	}
	c.url = u.String()
	return c, nil
}

type conn struct {
	client         *http.Client
	url            string
	user, password string
}

func (c *conn) Prepare(query string) (driver.Stmt, error) { return &stmt{c: c, query: query}, nil }
func (c *conn) Close() error                              { return nil }
func (c *conn) Begin() (driver.Tx, error) {
	return nil, errors.New("chhttp: ClickHouse has no transactions")
}

// post sends body and returns the response body, or the server's error.
func (c *conn) post(ctx context.Context, body string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, strings.NewReader(body))
	if err != nil {
		return nil, errors.New("chhttp: bad server URL")
	}
	if c.user != "" || c.password != "" {
		req.SetBasicAuth(c.user, c.password)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL carries no password, but say it once only
		}
		return nil, fmt.Errorf("chhttp: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		resp.Body.Close()
		return nil, fmt.Errorf("chhttp: server answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
	}
	return resp.Body, nil
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) > 0 {
		return nil, errNoArgs
	}
	body, err := c.post(ctx, query)
	if err != nil {
		return nil, err
	}
	_, err = io.Copy(io.Discard, body)
	body.Close()
	if err != nil {
		return nil, fmt.Errorf("chhttp: %w", err)
	}
	return driver.RowsAffected(0), nil
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) > 0 {
		return nil, errNoArgs
	}
	body, err := c.post(ctx, strings.TrimRight(strings.TrimSpace(query), ";")+"\nFORMAT TabSeparatedWithNamesAndTypes")
	if err != nil {
		return nil, err
	}
	r := &rows{body: body, br: bufio.NewReaderSize(body, 64<<10)}
	names, err := r.line()
	if err == nil {
		r.names = names
		r.types, err = r.line()
	}
	if err == nil && len(r.types) != len(r.names) {
		err = errors.New("chhttp: bad result header")
	}
	if err != nil {
		body.Close()
		if errors.Is(err, io.EOF) {
			err = errors.New("chhttp: empty answer to a query")
		}
		return nil, err
	}
	return r, nil
}

var errNoArgs = errors.New("chhttp: bound parameters are not supported; quote literals in the SQL")

type stmt struct {
	c     *conn
	query string
}

func (s *stmt) Close() error  { return nil }
func (s *stmt) NumInput() int { return -1 }
func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	if len(args) > 0 {
		return nil, errNoArgs
	}
	return s.c.ExecContext(context.Background(), s.query, nil)
}
func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	if len(args) > 0 {
		return nil, errNoArgs
	}
	return s.c.QueryContext(context.Background(), s.query, nil)
}

type rows struct {
	body         io.ReadCloser
	br           *bufio.Reader
	names, types []string
	raw          []byte
}

func (r *rows) Columns() []string { return r.names }
func (r *rows) Close() error      { return r.body.Close() }

// line reads one row and splits it into unescaped fields (nil: \N).
func (r *rows) line() ([]string, error) {
	l, err := r.fields()
	if err != nil {
		return nil, err
	}
	out := make([]string, len(l))
	for i, f := range l {
		out[i] = string(f)
	}
	return out, nil
}

func (r *rows) fields() ([][]byte, error) {
	var err error
	r.raw = r.raw[:0]
	for {
		chunk, e := r.br.ReadSlice('\n')
		r.raw = append(r.raw, chunk...)
		if e == bufio.ErrBufferFull {
			continue
		}
		err = e
		break
	}
	if len(r.raw) == 0 && err != nil {
		return nil, err
	}
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("chhttp: %w", err)
	}
	if len(r.raw) == 0 || r.raw[len(r.raw)-1] != '\n' {
		return nil, errors.New("chhttp: truncated answer")
	}
	line := r.raw[:len(r.raw)-1]
	var out [][]byte
	for {
		i := indexTab(line)
		f := line
		if i >= 0 {
			f = line[:i]
		}
		if len(f) == 2 && f[0] == '\\' && f[1] == 'N' {
			out = append(out, nil)
		} else {
			out = append(out, unescape(f))
		}
		if i < 0 {
			return out, nil
		}
		line = line[i+1:]
	}
}

func indexTab(b []byte) int {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '\t':
			return i
		}
	}
	return -1
}

// unescape undoes the TabSeparated escapes; the result is never nil.
func unescape(f []byte) []byte {
	out := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '\\' || i+1 == len(f) {
			out = append(out, c)
			continue
		}
		i++
		switch f[i] {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'r':
			out = append(out, '\r')
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case '0':
			out = append(out, 0)
		default:
			out = append(out, f[i])
		}
	}
	return out
}

func (r *rows) Next(dest []driver.Value) error {
	fs, err := r.fields()
	if err != nil {
		return err
	}
	if len(fs) != len(dest) {
		return fmt.Errorf("chhttp: a row has %d fields, want %d", len(fs), len(dest))
	}
	for i, f := range fs {
		if f == nil {
			dest[i] = nil
			continue
		}
		typ := strings.TrimSuffix(strings.TrimPrefix(r.types[i], "Nullable("), ")")
		switch {
		case strings.HasPrefix(typ, "Int") || strings.HasPrefix(typ, "UInt"):
			v, err := strconv.ParseInt(string(f), 10, 64)
			if err != nil {
				dest[i] = string(f) // UInt64 above the Int64 range stays text
				continue
			}
			dest[i] = v
		case strings.HasPrefix(typ, "Float"):
			v, err := strconv.ParseFloat(string(f), 64)
			if err != nil {
				return fmt.Errorf("chhttp: column %s: %q is not a %s", r.names[i], f, typ)
			}
			dest[i] = v
		default:
			dest[i] = f
		}
	}
	return nil
}
