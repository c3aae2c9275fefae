package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL through database/sql, for -db postgres://

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/i18n"
	_ "github.com/journeymap/journeymap/internal/chhttp" // ClickHouse's HTTP interface, for -db clickhouse://
	"github.com/journeymap/journeymap/internal/safetext"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// sqlFlags are the funnel command's flags for events in a database.
type sqlFlags struct {
	fs      *flag.FlagSet
	dialect *oneOf
	db      *string
	table   *string
	schema  *string
	stream  *bool
	merge   *fileList
}

// fileList is a flag that may be given several times.
type fileList []string

func (f *fileList) String() string     { return strings.Join(*f, ",") }
func (f *fileList) Set(v string) error { *f = append(*f, v); return nil }

// addSQLFlags adds -sql, -db, -table, -schema, -stream and, unless the
// command already has them, -columns and -time-unit.
func addSQLFlags(fs *flag.FlagSet) *sqlFlags {
	s := &sqlFlags{fs: fs}
	s.dialect = enumFlag(fs, "sql", "", "print the funnel as SQL for this `engine` instead of reading -events", "duckdb", "postgres", "clickhouse")
	s.db = fs.String("db", "", "run the funnel in the database at `URL` (postgres://… or clickhouse://…; credentials from the URL or PGPASSWORD, CLICKHOUSE_USER/CLICKHOUSE_PASSWORD)")
	s.table = fs.String("table", "", "event `table` or view for -sql and -db")
	s.schema = fs.String("schema", "", "`schema` (PostgreSQL, DuckDB) or database (ClickHouse) of -table")
	s.stream = fs.Bool("stream", false, "with -db: read the events ORDER BY customer, time and run the full analysis here (deviations and variants too) instead of pushing the funnel down")
	s.merge = &fileList{}
	fs.Var(s.merge, "merge", "merge the JSON results (-format json) computed on disjoint customers, by journeymap or -db on other machines: give -merge `FILE` once per file")
	if fs.Lookup("columns") == nil {
		fs.String("columns", "", "event `columns`: customer=NAME,touchpoint=NAME,time=NAME[,outcome=NAME][,emotion=NAME][,persona=NAME] (defaults customer_id, touchpoint, timestamp)")
	}
	if fs.Lookup("time-unit") == nil {
		fs.String("time-unit", "", "`unit` of an integer time column for -sql and -db: s, ms, us or ns (default: the column is a timestamp)")
	}
	return s
}

// active says whether the events are in a database.
func (s *sqlFlags) active() bool { return s.dialect.value != "" || *s.db != "" || len(*s.merge) > 0 }

// source builds the table description from the flags.
func (s *sqlFlags) source(d sqlfunnel.Dialect) (sqlfunnel.Source, error) {
	src := sqlfunnel.Source{Dialect: d, Table: *s.table, Schema: *s.schema}
	if src.Table == "" {
		return src, errors.New("-table is required with -sql and -db")
	}
	if f := s.fs.Lookup("columns"); f != nil && f.Value.String() != "" {
		for _, kv := range strings.Split(f.Value.String(), ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || v == "" {
				return src, fmt.Errorf("-columns: %s is not field=column", safetext.Quote(kv))
			}
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "customer":
				src.Columns.Customer = v
			case "touchpoint":
				src.Columns.Touchpoint = v
			case "time":
				src.Columns.Time = v
			case "outcome":
				src.Columns.Outcome = v
			case "emotion":
				src.Columns.Emotion = v
			case "persona":
				src.Columns.Persona = v
			default:
				return src, fmt.Errorf("-columns: field %s: with -sql and -db the fields are customer, touchpoint, time, outcome, emotion and persona", safetext.Quote(k))
			}
		}
	}
	if f := s.fs.Lookup("time-unit"); f != nil {
		switch f.Value.String() {
		case "", "auto", "timestamp":
		case "s":
			src.TimeUnit = time.Second
		case "ms":
			src.TimeUnit = time.Millisecond
		case "us", "µs":
			src.TimeUnit = time.Microsecond
		case "ns":
			src.TimeUnit = time.Nanosecond
		default:
			return src, fmt.Errorf("-time-unit %s: want s, ms, us or ns", safetext.Quote(f.Value.String()))
		}
	}
	return src, nil
}

// openDB opens the database of a -db URL, and returns its dialect and a
// name for it without credentials.
func openDB(raw string) (*sql.DB, sqlfunnel.Dialect, string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, 0, "", errors.New("-db is not a URL like postgres://host/db or clickhouse://host:8123/db")
	}
	name := u.Scheme + "://" + u.Host + u.Path
	switch u.Scheme {
	case "postgres", "postgresql":
		// pgx reads PGUSER, PGPASSWORD, PGSSLMODE, … for what the URL leaves out.
		db, err := sql.Open("pgx", raw)
		return db, sqlfunnel.PostgreSQL, name, err
	case "clickhouse", "http", "https":
		h := &url.URL{Scheme: u.Scheme, Host: u.Host, RawQuery: u.RawQuery}
		if u.Scheme == "clickhouse" {
			h.Scheme = "http"
			if h.Port() == "" {
				h.Host += ":8123"
			}
			if db := strings.Trim(u.Path, "/"); db != "" {
				q := h.Query()
				q.Set("database", db)
				h.RawQuery = q.Encode()
			}
		}
		user, pass := os.Getenv("CLICKHOUSE_USER"), os.Getenv("CLICKHOUSE_PASSWORD")
		if u.User != nil {
			user = u.User.Username()
			if p, ok := u.User.Password(); ok {
				pass = p
			}
		}
		if user != "" || pass != "" {
			h.User = url.UserPassword(user, pass)
		}
		db, err := sql.Open("clickhouse-http", h.String())
		return db, sqlfunnel.ClickHouse, name, err
	case "duckdb":
		return nil, 0, "", errors.New("-db duckdb: DuckDB runs inside a program, not as a server; print the query with -sql duckdb and run it with the duckdb shell")
	}
	return nil, 0, "", fmt.Errorf("-db: scheme %s: want postgres://, clickhouse:// or http://", safetext.Quote(u.Scheme))
}

// runFunnelSQL prints the funnel query (-sql) or runs it in a database (-db).
func runFunnelSQL(e *env, s *sqlFlags, journeyFile string, measure analytics.Options, format, lang, out string, strict bool) int {
	window := measure.Window
	if journeyFile == "" {
		return usageError(e, errors.New("-journey is required"))
	}
	if measure.Columns.Breakdown != "" && (s.dialect.value != "" || *s.db != "") {
		return usageError(e, errors.New("-by is not computed with -sql or -db: read the events with -events for a breakdown"))
	}
	if window <= 0 {
		return usageError(e, fmt.Errorf("-window %v must be positive", window))
	}
	j, ok := e.load(journeyFile)
	if !ok {
		return exitInvalid
	}
	if len(*s.merge) > 0 {
		if s.dialect.value != "" || *s.db != "" {
			return usageError(e, errors.New("-merge reads results: it does not go with -sql or -db"))
		}
		var parts []*analytics.Result
		for _, name := range *s.merge {
			data, err := os.ReadFile(name)
			if err != nil {
				fmt.Fprintf(e.stderr, "journeymap funnel: %v\n", err)
				return exitInvalid
			}
			var r analytics.Result
			if err := json.Unmarshal(data, &r); err != nil {
				fmt.Fprintf(e.stderr, "journeymap funnel: %s: not a JSON result of journeymap funnel -format json: %v\n", safetext.Escape(name), err)
				return exitInvalid
			}
			if r.JourneyID != j.ID {
				fmt.Fprintf(e.stderr, "journeymap funnel: %s: a result of journey %s, not of %s\n", safetext.Escape(name), r.JourneyID, j.ID)
				return exitInvalid
			}
			parts = append(parts, &r)
		}
		res, err := analytics.Merge(parts...)
		if err != nil {
			fmt.Fprintf(e.stderr, "journeymap funnel: -merge: %v\n", err)
			return exitInvalid
		}
		return writeResult(e, j, res, format, lang, out)
	}
	var db *sql.DB
	var dialect sqlfunnel.Dialect
	var dbName string
	if *s.db != "" {
		var err error
		if db, dialect, dbName, err = openDB(*s.db); err != nil {
			return usageError(e, err)
		}
		defer db.Close()
		if s.dialect.value != "" && s.dialect.value != dialect.String() {
			return usageError(e, fmt.Errorf("-sql %s does not match the -db URL (%s)", s.dialect.value, dialect))
		}
	} else {
		dialect, _ = sqlfunnel.ParseDialect(s.dialect.value)
	}
	src, err := s.source(dialect)
	if err != nil {
		return usageError(e, err)
	}
	table := src.Table
	if src.Schema != "" {
		table = src.Schema + "." + table
	}
	opts := analytics.Options{Window: window, Mode: measure.Mode, Source: dbName + " " + table}
	plan, err := analytics.NewPlan(j, opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap funnel: %v\n", err)
		return exitInvalid
	}
	if db == nil { // -sql: print the query
		q, err := src.Funnel(plan)
		if err != nil {
			return usageError(e, err)
		}
		return e.write(out, []byte(q))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var res *analytics.Result
	if *s.stream {
		res, err = sqlfunnel.Stream(ctx, db, j, opts, src)
	} else {
		res, err = sqlfunnel.Run(ctx, db, plan, src)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap funnel: %s: %s\n", safetext.Escape(dbName), safetext.Escape(err.Error()))
		return exitInvalid
	}
	if code := writeResult(e, j, res, format, lang, out); code != exitOK {
		return code
	}
	if !*s.stream {
		fmt.Fprintln(e.stderr, "journeymap funnel: computed in the database: funnels and per-touchpoint counts; missing, irregular and variants need -stream")
	}
	if n := res.BadRows.Count; n > 0 {
		fmt.Fprintf(e.stderr, "journeymap funnel: %s: %d bad row%s skipped\n", safetext.Escape(table), n, plural(int(n)))
		if strict {
			return exitInvalid
		}
	}
	return exitOK
}

// writeResult writes res in format (text, json or html) to out.
func writeResult(e *env, j *journey.Journey, res *analytics.Result, format, lang, out string) int {
	var b bytes.Buffer
	var err error
	switch format {
	case "json":
		data, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			fmt.Fprintf(e.stderr, "journeymap funnel: %v\n", err)
			return exitInvalid
		}
		b.Write(data)
		b.WriteByte('\n')
	case "html":
		err = render.HTML{Language: lang, Funnel: res}.Render(&b, analytics.Overlay(j, res))
	default:
		err = res.WriteText(&b, i18n.Resolve(lang, j.Language))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap funnel: %v\n", err)
		return exitInvalid
	}
	return e.write(out, b.Bytes())
}
