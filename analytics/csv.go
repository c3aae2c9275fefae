package analytics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// ReadCSV analyses events from CSV: a header row naming the columns
// (Options.Columns, matched without regard to case; outcome, emotion,
// persona and segment are optional), then one event per row. Fields may be
// quoted as in RFC 4180, and a quoted field may hold line ends; every row
// must have as many fields as the header. Blank lines are ignored. A
// gzip-compressed input is read as such.
//
// A record that cannot be read — a quote that is not closed, a record
// longer than Options.MaxLineBytes, a bare quote, the wrong number of
// fields — is a bad row at the line where it starts; when it spans several
// lines, those lines are then read again one by one, each a row of its own,
// so no row is ever absorbed into another.
func (p *Plan) ReadCSV(r io.Reader) (*Result, error) {
	res, _, err := p.readCSV(r)
	return res, err
}

func (p *Plan) readCSV(r io.Reader) (*Result, readStats, error) {
	r, err := decompress(r)
	if err != nil {
		return nil, readStats{}, err
	}
	fr := newFramer(r, true, p.opts.MaxLineBytes)
	header, err := fr.header()
	if err != nil {
		return nil, readStats{}, err
	}
	fields, err := splitCSV(header, nil)
	if err != nil {
		return nil, readStats{}, &RowError{Line: 1, Reason: ReasonCSVSyntax, Err: fmt.Errorf("header: %w", err)}
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f)
	}
	ix, err := columnIndex(names, &p.opts.Columns)
	if err != nil {
		return nil, readStats{}, err
	}
	c := csvParser{p: p, ix: ix, nFields: len(names), maxLine: fr.maxLine}
	return p.pipeline(fr, c.parse)
}

// csvParser parses blocks of CSV records.
type csvParser struct {
	p       *Plan
	ix      [NumFields]int
	nFields int
	maxLine int
}

// parse parses a block of whole records starting at line.
func (c *csvParser) parse(b *block, out *parsed) {
	data, line := b.data, b.firstLine
	var fields [][]byte
	for len(data) > 0 {
		thisLine := line
		whole := data
		var rec []byte
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			rec, data = data, nil
		} else {
			rec, data = data[:end], data[end+1:]
		}
		line++
		var plain bool
		if fields, plain = c.plain(out, rec, thisLine, fields); plain {
			continue
		}
		if b.lineMode {
			fields = c.record(out, rec, thisLine, fields)
			continue
		}
		// A quoted field, which may span lines.
		rec, rest, n, complete := nextCSVRecord(whole)
		if n == 0 || n == 1 && complete {
			fields = c.record(out, rec, thisLine, fields)
			data, line = rest, thisLine+max(n, 1)
			continue
		}
		// A multi-line record: good as a whole, or a bad row whose
		// further lines are read again one by one.
		spanned := whole[:len(whole)-len(rest)]
		if !complete {
			spanned = whole
		}
		var err *RowError
		if complete {
			fields, err = c.check(rec, thisLine, fields)
		} else {
			err = &RowError{Line: thisLine, Reason: ReasonUnclosedQuote, Err: errors.New("quoted field not closed")}
		}
		if err == nil {
			c.emit(out, fields, thisLine)
			out.cont += n - 1
		} else {
			out.rows = append(out.rows, prow{line: thisLine, err: err})
			first := bytes.IndexByte(spanned, '\n')
			c.parse(&block{data: spanned[first+1:], firstLine: thisLine + 1, lineMode: true}, out)
		}
		data, line = rest, thisLine+n
		if !complete {
			data = nil
		}
	}
}

// plain reads a single-line record without quotes, the common case: one
// search for a quote, one for each comma, and one check that the record is
// UTF-8 (then so is each field), all of them word at a time. It returns
// false, having done nothing, when the record has a quote.
func (c *csvParser) plain(out *parsed, rec []byte, line int64, fields [][]byte) ([][]byte, bool) {
	if n := len(rec); n > 0 && rec[n-1] == '\r' {
		rec = rec[:n-1]
	}
	if bytes.IndexByte(rec, '"') >= 0 {
		return fields, false
	}
	fields = fields[:0]
	rest := rec
	for {
		k := bytes.IndexByte(rest, ',')
		if k < 0 {
			break
		}
		fields = append(fields, rest[:k])
		rest = rest[k+1:]
	}
	switch {
	case len(rec) == 0:
		out.blank++
	case len(rec) > c.maxLine:
		out.rows = append(out.rows, prow{line: line, err: &RowError{Line: line, Reason: ReasonTooLong, Err: fmt.Errorf("record longer than %d bytes", c.maxLine)}})
	case len(fields)+1 != c.nFields:
		out.rows = append(out.rows, prow{line: line, err: &RowError{Line: line, Reason: ReasonFieldCount, Err: fmt.Errorf("row has %d fields, header has %d", len(fields)+1, c.nFields)}})
	default:
		fields = append(fields, rest)
		c.emitText(out, fields, line, utf8.Valid(rec))
	}
	return fields, true
}

// record parses one single-line record.
func (c *csvParser) record(out *parsed, rec []byte, line int64, fields [][]byte) [][]byte {
	rec = bytes.TrimSuffix(rec, []byte{'\r'})
	if len(rec) == 0 {
		out.blank++
		return fields
	}
	fields, err := c.check(rec, line, fields)
	if err != nil {
		out.rows = append(out.rows, prow{line: line, err: err})
		return fields
	}
	c.emit(out, fields, line)
	return fields
}

// check splits a record into fields and checks its size and field count.
func (c *csvParser) check(rec []byte, line int64, fields [][]byte) ([][]byte, *RowError) {
	if len(rec) > c.maxLine {
		return fields, &RowError{Line: line, Reason: ReasonTooLong, Err: fmt.Errorf("record longer than %d bytes", c.maxLine)}
	}
	fields = fields[:0]
	start, quoted := 0, false
	for k, ch := range rec {
		if ch == ',' {
			fields = append(fields, rec[start:k])
			start = k + 1
		} else if ch == '"' {
			quoted = true
			break
		}
	}
	if quoted {
		var err error
		if fields, err = splitCSV(rec, fields); err != nil {
			reason := ReasonCSVSyntax
			if errors.Is(err, errNotClosed) {
				reason = ReasonUnclosedQuote
			}
			return fields, &RowError{Line: line, Reason: reason, Err: err}
		}
	} else {
		fields = append(fields, rec[start:])
	}
	if len(fields) != c.nFields {
		return fields, &RowError{Line: line, Reason: ReasonFieldCount, Err: fmt.Errorf("row has %d fields, header has %d", len(fields), c.nFields)}
	}
	return fields, nil
}

// emit makes a row of checked fields.
func (c *csvParser) emit(out *parsed, fields [][]byte, line int64) {
	c.emitText(out, fields, line, false)
}

// emitText makes a row of checked fields; valid says they are known to be
// UTF-8.
func (c *csvParser) emitText(out *parsed, fields [][]byte, line int64, valid bool) {
	var row Row
	for f, i := range c.ix {
		if i >= 0 {
			row[f] = fields[i]
		}
	}
	out.rows = append(out.rows, prow{})
	c.p.makeRow(&out.rows[len(out.rows)-1], line, &row, valid)
}

var errNotClosed = errors.New("quoted field not closed")

// splitCSV splits one CSV record into fields, unquoting quoted ones.
// Unquoted fields alias line; quoted fields with "" escapes are copied.
func splitCSV(line []byte, fields [][]byte) ([][]byte, error) {
	fields = fields[:0]
	for {
		if len(line) > 0 && line[0] == '"' {
			var f []byte
			i := 1
			start := 1
			for {
				j := bytes.IndexByte(line[i:], '"')
				if j < 0 {
					return nil, errNotClosed
				}
				i += j
				if i+1 < len(line) && line[i+1] == '"' {
					f = append(f, line[start:i+1]...)
					i += 2
					start = i
					continue
				}
				break
			}
			if f == nil {
				f = line[start:i]
			} else {
				f = append(f, line[start:i]...)
			}
			fields = append(fields, f)
			line = line[i+1:]
			if len(line) == 0 {
				return fields, nil
			}
			if line[0] != ',' {
				return nil, errors.New(`unexpected character after a closing quote`)
			}
			line = line[1:]
			continue
		}
		j := bytes.IndexByte(line, ',')
		if j < 0 {
			if bytes.IndexByte(line, '"') >= 0 {
				return nil, errors.New(`bare quote in an unquoted field`)
			}
			return append(fields, line), nil
		}
		if bytes.IndexByte(line[:j], '"') >= 0 {
			return nil, errors.New(`bare quote in an unquoted field`)
		}
		fields = append(fields, line[:j])
		line = line[j+1:]
	}
}

// nextCSVRecord returns the first record of data (up to a newline outside
// a quoted field), without its line end, the rest, and the newlines it
// spans. A quote opens a quoted field only at the start of a field, as in
// RFC 4180; a bare quote elsewhere is left for splitCSV to report. complete
// is false when data ends inside a quoted field or before a newline.
func nextCSVRecord(data []byte) (rec, rest []byte, lines int64, complete bool) {
	i := bytes.IndexByte(data, '\n')
	if i >= 0 && bytes.IndexByte(data[:i], '"') < 0 {
		return bytes.TrimSuffix(data[:i], []byte{'\r'}), data[i+1:], 1, true
	}
	fieldStart, inQuotes := true, false
	for k := 0; k < len(data); k++ {
		c := data[k]
		if inQuotes {
			switch c {
			case '"':
				if k+1 < len(data) && data[k+1] == '"' {
					k++
				} else {
					inQuotes = false
				}
			case '\n':
				lines++
			}
			continue
		}
		switch c {
		case '"':
			inQuotes = fieldStart
			fieldStart = false
		case ',':
			fieldStart = true
		case '\n':
			return bytes.TrimSuffix(data[:k], []byte{'\r'}), data[k+1:], lines + 1, true
		default:
			fieldStart = false
		}
	}
	return bytes.TrimSuffix(data, []byte{'\r'}), nil, lines, false
}
