package chhttp

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// server answers every POST with answer (status 200) or with an error when
// status is not 200, and records the last body and credentials.
func server(t *testing.T, status int, answer string) (url string, last *http.Request, body *string) {
	var req http.Request
	var b string
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		req, b = *r, string(data)
		w.WriteHeader(status)
		io.WriteString(w, answer)
	}))
	t.Cleanup(s.Close)
	return s.URL, &req, &b
}

func TestQueryReadsTabSeparatedWithNamesAndTypes(t *testing.T) {
	answer := "s\tn\tf\tu\tz\n" +
		"String\tInt64\tNullable(Float64)\tUInt8\tNullable(String)\n" +
		"a\\tb\\\\c\\nd\\0e\\'\t-7\t1.5\t200\t\\N\n" +
		"\t9223372036854775807\t\\N\t0\tx\n"
	url, req, body := server(t, http.StatusOK, answer)
	db, err := sql.Open("clickhouse-http", strings.Replace(url, "http://", "http://me:pw@", 1)+"/?database=x")
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.Query("SELECT 1;")
	require.NoError(t, err)
	defer rows.Close()
	assert.Equal(t, "SELECT 1\nFORMAT TabSeparatedWithNamesAndTypes", *body, "the format is appended, the semicolon dropped")
	user, pass, ok := req.BasicAuth()
	assert.True(t, ok && user == "me" && pass == "pw", "credentials go in the Authorization header")
	assert.Equal(t, "x", req.URL.Query().Get("database"), "URL parameters are passed on")
	type row struct {
		s string
		n int64
		f sql.NullFloat64
		u int64
		z sql.NullString
	}
	var got []row
	for rows.Next() {
		var r row
		require.NoError(t, rows.Scan(&r.s, &r.n, &r.f, &r.u, &r.z))
		got = append(got, r)
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []row{
		{"a\tb\\c\nd\x00e'", -7, sql.NullFloat64{Float64: 1.5, Valid: true}, 200, sql.NullString{}},
		{"", 9223372036854775807, sql.NullFloat64{}, 0, sql.NullString{String: "x", Valid: true}},
	}, got)
}

func TestErrors(t *testing.T) {
	url, _, _ := server(t, http.StatusInternalServerError, "Code: 62, e.displayText() = DB::Exception: Syntax error")
	db, err := sql.Open("clickhouse-http", strings.Replace(url, "http://", "http://me:s3cret@", 1))
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Query("SELEC 1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Syntax error", "the server's message is passed on")
	assert.NotContains(t, err.Error(), "s3cret")

	_, err = db.Exec("INSERT INTO t VALUES (?)", 1)
	assert.ErrorIs(t, err, errNoArgs, "bound parameters are refused, not spliced")

	closed, err := sql.Open("clickhouse-http", "http://me:s3cret@127.0.0.1:1/")
	require.NoError(t, err)
	defer closed.Close()
	err = closed.PingContext(context.Background())
	if err == nil { // database/sql's Ping does not reach the server without a Pinger
		_, err = closed.Query("SELECT 1")
	}
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "s3cret", "a connection error never shows the password")

	for _, dsn := range []string{"ftp://h/", "::"} {
		_, err := Driver{}.Open(dsn)
		assert.Error(t, err, dsn)
	}
}

func TestTruncatedAnswer(t *testing.T) {
	url, _, _ := server(t, http.StatusOK, "a\nInt64\n12")
	db, err := sql.Open("clickhouse-http", url)
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.Query("SELECT a")
	require.NoError(t, err)
	defer rows.Close()
	for rows.Next() {
	}
	assert.ErrorContains(t, rows.Err(), "truncated", "a row without its line end is an error, not data")
}
