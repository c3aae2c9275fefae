// Package parquetevents reads event logs stored as Parquet, the columnar
// format of warehouse and data-lake exports, into analytics.
//
// It is a package of its own so that analytics stays on the standard
// library: it depends on github.com/parquet-go/parquet-go (pure Go).
//
// Columns are found by name among the top-level columns of the file, as
// analytics.Columns maps them, without regard to case. A column may hold:
//
//   - text (BYTE_ARRAY, STRING, ENUM, JSON, FIXED_LEN_BYTE_ARRAY), read as
//     its bytes: times in it are read as in CSV;
//   - integers (INT32, INT64): their decimal text, so a time is Unix time
//     whose unit is told as in CSV (analytics.TimeFormat.Unit);
//   - TIMESTAMP (milli-, micro- or nanoseconds): the instant itself, in UTC
//     when the column is adjusted to UTC, otherwise as a local time read in
//     analytics.TimeFormat.Location; the legacy INT96 timestamps of Spark and
//     Impala are read as UTC instants;
//   - DATE: midnight of that day, as a local time;
//   - FLOAT, DOUBLE (the emotion), BOOLEAN: their text.
//
// A null value is an absent field. A repeated (list) column cannot be
// mapped. Row numbers stand for lines in bad rows: the first row is 1.
package parquetevents

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/internal/safetext"
)

// ErrNotParquet: the input is not a Parquet file.
var ErrNotParquet = errors.New("parquetevents: not a Parquet file")

// Read analyses the Parquet file r of size bytes with plan p. Bad rows
// and Options.MaxBadRows are handled as for analytics.Plan.ReadCSV.
func Read(p *analytics.Plan, r io.ReaderAt, size int64) (*analytics.Result, error) {
	f, err := parquet.OpenFile(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotParquet, err)
	}
	cols, err := mapColumns(f.Schema(), p.Columns())
	if err != nil {
		return nil, err
	}
	return p.ReadRows(rows(f, cols))
}

// ReadStream analyses a Parquet file read from a stream (standard input, a
// gzip-compressed file): Parquet is read from its end, so the stream is
// first copied to a temporary file, removed before ReadStream returns.
// A gzip-compressed stream is decompressed.
func ReadStream(p *analytics.Plan, r io.Reader) (res *analytics.Result, err error) {
	r, err = analytics.Decompress(r)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp("", "journeymap-events-*.parquet")
	if err != nil {
		return nil, fmt.Errorf("parquetevents: %w", err)
	}
	defer func() {
		tmp.Close()
		if rerr := os.Remove(tmp.Name()); rerr != nil && err == nil {
			err = fmt.Errorf("parquetevents: %w", rerr)
		}
	}()
	size, err := io.Copy(tmp, r)
	if err != nil {
		return nil, fmt.Errorf("parquetevents: reading events: %w", err)
	}
	return Read(p, tmp, size)
}

// column is one mapped column: its leaf index and how to write its values.
type column struct {
	field analytics.Field
	conv  func(dst []byte, v parquet.Value) []byte
}

// mapColumns finds the mapped columns among the top-level leaves.
func mapColumns(s *parquet.Schema, c analytics.Columns) (map[int]column, error) {
	fields := s.Fields()
	var names []string
	for i, f := range fields {
		for _, o := range fields[:i] {
			if strings.EqualFold(o.Name(), f.Name()) {
				return nil, fmt.Errorf("parquetevents: the column %s appears twice", safetext.Quote(f.Name()))
			}
		}
		names = append(names, safetext.Quote(f.Name()))
	}
	out := map[int]column{}
	var missing []string
	for fl := range analytics.NumFields {
		name := c.Name(fl)
		if name == "" {
			continue
		}
		found := false
		for _, f := range fields {
			if !strings.EqualFold(f.Name(), name) {
				continue
			}
			if !f.Leaf() || f.Repeated() {
				return nil, fmt.Errorf("parquetevents: the column %s is a group or a list, not a value", safetext.Quote(f.Name()))
			}
			leaf, ok := s.Lookup(f.Name())
			if !ok {
				continue
			}
			conv, err := converter(f)
			if err != nil {
				return nil, err
			}
			out[leaf.ColumnIndex] = column{fl, conv}
			found = true
		}
		if !found && fl <= analytics.FieldTime {
			missing = append(missing, safetext.Quote(name))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("parquetevents: %w %s (columns: %s)", analytics.ErrMissingColumn, strings.Join(missing, ", "), strings.Join(names, ", "))
	}
	return out, nil
}

// appendTime writes the instant ns as YYYY-MM-DDTHH:MM:SS.nnnnnnnnn, with
// a Z when utc (a local time otherwise), faster than time.Time.AppendFormat.
func appendTime(dst []byte, ns int64, utc bool) []byte {
	t := time.Unix(0, ns).UTC()
	y, mo, d := t.Date()
	h, mi, sec := t.Clock()
	if y < 0 || y > 9999 {
		return t.AppendFormat(dst, time.RFC3339Nano) // read as a bad time
	}
	dst = appendDigits(dst, y, 4)
	dst = append(dst, '-')
	dst = appendDigits(dst, int(mo), 2)
	dst = append(dst, '-')
	dst = appendDigits(dst, d, 2)
	dst = append(dst, 'T')
	dst = appendDigits(dst, h, 2)
	dst = append(dst, ':')
	dst = appendDigits(dst, mi, 2)
	dst = append(dst, ':')
	dst = appendDigits(dst, sec, 2)
	dst = append(dst, '.')
	dst = appendDigits(dst, t.Nanosecond(), 9)
	if utc {
		dst = append(dst, 'Z')
	}
	return dst
}

// appendDigits writes v in exactly width digits.
func appendDigits(dst []byte, v, width int) []byte {
	n := len(dst)
	dst = append(dst, "000000000"[:width]...)
	for i := n + width - 1; i >= n && v > 0; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
	return dst
}

// converter returns how to write a column's values as text.
func converter(f parquet.Field) (func([]byte, parquet.Value) []byte, error) {
	t := f.Type()
	lt := t.LogicalType()
	if lt != nil {
		switch v := lt.Value.(type) {
		case *format.TimestampType:
			unit := int64(1)
			switch v.Unit.Value.(type) {
			case *format.MilliSeconds:
				unit = 1e6
			case *format.MicroSeconds:
				unit = 1e3
			}
			utc := v.IsAdjustedToUTC
			return func(dst []byte, val parquet.Value) []byte {
				return appendTime(dst, val.Int64()*unit, utc)
			}, nil
		case *format.DateType:
			return func(dst []byte, val parquet.Value) []byte {
				return time.Unix(int64(val.Int32())*86400, 0).UTC().AppendFormat(dst, "2006-01-02")
			}, nil
		}
	}
	switch t.Kind() {
	case parquet.ByteArray, parquet.FixedLenByteArray:
		return func(dst []byte, val parquet.Value) []byte { return append(dst, val.ByteArray()...) }, nil
	case parquet.Int32:
		return func(dst []byte, val parquet.Value) []byte { return strconv.AppendInt(dst, int64(val.Int32()), 10) }, nil
	case parquet.Int64:
		return func(dst []byte, val parquet.Value) []byte { return strconv.AppendInt(dst, val.Int64(), 10) }, nil
	case parquet.Int96:
		return func(dst []byte, val parquet.Value) []byte {
			i := val.Int96()
			day := int64(i[2]) - 2440588 // Julian day of 1970-01-01
			ns := day*86400e9 + int64(uint64(i[1])<<32|uint64(i[0]))
			return appendTime(dst, ns, true)
		}, nil
	case parquet.Float:
		return func(dst []byte, val parquet.Value) []byte {
			return strconv.AppendFloat(dst, float64(val.Float()), 'f', -1, 32)
		}, nil
	case parquet.Double:
		return func(dst []byte, val parquet.Value) []byte { return strconv.AppendFloat(dst, val.Double(), 'f', -1, 64) }, nil
	case parquet.Boolean:
		return func(dst []byte, val parquet.Value) []byte { return strconv.AppendBool(dst, val.Boolean()) }, nil
	}
	return nil, fmt.Errorf("parquetevents: the column %s has the type %s, which cannot be read", safetext.Quote(f.Name()), t)
}

// rows yields the file's rows, the mapped columns written as text.
func rows(f *parquet.File, cols map[int]column) iter.Seq2[*analytics.Row, error] {
	return func(yield func(*analytics.Row, error) bool) {
		var row analytics.Row
		var scratch [analytics.NumFields][]byte
		buf := make([]parquet.Row, 256)
		for _, rg := range f.RowGroups() {
			rs := rg.Rows()
			for {
				n, err := rs.ReadRows(buf)
				for _, r := range buf[:n] {
					row = analytics.Row{}
					for _, v := range r {
						c, ok := cols[v.Column()]
						if !ok || v.IsNull() {
							continue
						}
						scratch[c.field] = c.conv(scratch[c.field][:0], v)
						row[c.field] = scratch[c.field]
					}
					if !yield(&row, nil) {
						rs.Close()
						return
					}
				}
				if err == io.EOF {
					break
				}
				if err != nil {
					rs.Close()
					yield(nil, fmt.Errorf("parquetevents: reading rows: %w", err))
					return
				}
			}
			if err := rs.Close(); err != nil {
				yield(nil, fmt.Errorf("parquetevents: reading rows: %w", err))
				return
			}
		}
	}
}
