package analytics

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/journeymap/journeymap/journey"
)

// Run analyses the events read from r, in format "csv" or "ndjson", on
// journey j. It is NewPlan followed by ReadCSV or ReadNDJSON.
func Run(j *journey.Journey, r io.Reader, format string, opts Options) (*Result, error) {
	p, err := NewPlan(j, opts)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(format) {
	case "csv":
		return p.ReadCSV(r)
	case "ndjson", "jsonl":
		return p.ReadNDJSON(r)
	}
	return nil, fmt.Errorf("analytics: unknown event format %q (want csv or ndjson)", format)
}

// blockSize is the size of the blocks the input is cut into for the parsers
// (a variable so tests can cut small inputs into many blocks).
var blockSize = 1 << 20

// maxBlock bounds a block that found no clean cut (an unclosed quote).
const maxBlock = 64 << 20

type block struct {
	data      []byte
	firstLine int64
	out       chan *parsed
}

type parsed struct {
	rows []prow
	data []byte
}

// prow is one parsed row: a record, or the reason it is bad.
type prow struct {
	rec  Record
	line int64
	cust []byte
	err  *RowError
}

// rowParser parses one block of rows.
type rowParser func(data []byte, firstLine int64, rows []prow) []prow

// ReadCSV analyses events from CSV: a header row naming the columns
// (Options.Columns; outcome and emotion columns are optional), then one
// event per row. Fields may be quoted as in RFC 4180; every row must have
// as many fields as the header. Blank lines are ignored.
func (p *Plan) ReadCSV(r io.Reader) (*Result, error) {
	br := newBlockReader(r, true)
	header, err := br.header()
	if err != nil {
		return nil, err
	}
	header = bytes.TrimPrefix(bytes.TrimRight(header, "\r\n"), []byte("\ufeff"))
	fields, err := splitCSV(header, nil)
	if err != nil {
		return nil, &RowError{Line: 1, Err: err}
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f)
	}
	cols, err := p.columnIndex(names)
	if err != nil {
		return nil, err
	}
	return p.pipeline(br, func(data []byte, line int64, rows []prow) []prow {
		return p.parseCSVBlock(data, line, rows, cols, len(names))
	})
}

// ReadNDJSON analyses events from newline-delimited JSON: one object per
// line whose members are named by Options.Columns (other members are
// ignored). The customer and touchpoint are strings (a number is taken as
// its text), the timestamp a string or Unix seconds, the outcome a string
// and the emotion a number; a null optional member counts as absent.
func (p *Plan) ReadNDJSON(r io.Reader) (*Result, error) {
	br := newBlockReader(r, false)
	br.line = 1
	return p.pipeline(br, p.parseNDJSONBlock)
}

type colIndex struct {
	customer, touchpoint, time, outcome, emotion int
	persona, segment                             int
}

func (p *Plan) columnIndex(header []string) (colIndex, error) {
	c := p.opts.Columns
	find := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		return -1
	}
	ix := colIndex{find(c.Customer), find(c.Touchpoint), find(c.Time), find(c.Outcome), find(c.Emotion), find(c.Persona), -1}
	if c.Breakdown != "" {
		if ix.segment = find(c.Breakdown); ix.segment < 0 {
			return ix, &RowError{Line: 1, Err: fmt.Errorf("header lacks the breakdown column %q (header: %s)", c.Breakdown, strings.Join(header, ","))}
		}
	}
	var missing []string
	for _, m := range []struct {
		i    int
		name string
	}{{ix.customer, c.Customer}, {ix.touchpoint, c.Touchpoint}, {ix.time, c.Time}} {
		if m.i < 0 {
			missing = append(missing, strconv.Quote(m.name))
		}
	}
	if len(missing) > 0 {
		return ix, &RowError{Line: 1, Err: fmt.Errorf("header lacks column %s (header: %s)", strings.Join(missing, ", "), strings.Join(header, ","))}
	}
	return ix, nil
}

// blockReader cuts the input into blocks at line ends (outside quotes for CSV).
type blockReader struct {
	r     io.Reader
	csv   bool
	carry []byte
	line  int64 // line number of the next block's first line
	eof   bool
	free  chan []byte
}

func newBlockReader(r io.Reader, csv bool) *blockReader {
	return &blockReader{r: r, csv: csv, free: make(chan []byte, 16)}
}

// header returns the first line (with its newline).
func (b *blockReader) header() ([]byte, error) {
	for {
		if i := bytes.IndexByte(b.carry, '\n'); i >= 0 {
			h := b.carry[:i+1]
			b.carry = b.carry[i+1:]
			b.line = 2
			return h, nil
		}
		if b.eof {
			if len(b.carry) == 0 {
				return nil, &RowError{Line: 1, Err: errors.New("no header row")}
			}
			h := b.carry
			b.carry = nil
			b.line = 2
			return h, nil
		}
		if err := b.fill(); err != nil {
			return nil, err
		}
	}
}

// fill appends up to one block of input to carry.
func (b *blockReader) fill() error {
	buf := make([]byte, len(b.carry), max(blockSize, 2*len(b.carry)))
	copy(buf, b.carry)
	n, err := io.ReadAtLeast(b.r, buf[len(buf):cap(buf)], 1)
	buf = buf[:len(buf)+n]
	b.carry = buf
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		b.eof = true
		return nil
	}
	if err != nil {
		return fmt.Errorf("analytics: reading events: %w", err)
	}
	return nil
}

// next returns the next block of whole lines, or nil at the end.
func (b *blockReader) next() ([]byte, int64, error) {
	for {
		if b.eof {
			if len(b.carry) == 0 {
				return nil, 0, nil
			}
			d := b.carry
			b.carry = nil
			return d, b.line, nil
		}
		if len(b.carry) >= blockSize/2 {
			if cut := b.cut(); cut > 0 {
				d := b.carry[:cut]
				rest := b.carry[cut:]
				var buf []byte
				select {
				case buf = <-b.free:
				default:
					buf = make([]byte, 0, blockSize)
				}
				b.carry = append(buf[:0], rest...)
				line := b.line
				b.line += int64(bytes.Count(d, []byte{'\n'}))
				return d, line, nil
			}
		}
		n := len(b.carry)
		if err := b.readMore(); err != nil {
			return nil, 0, err
		}
		if len(b.carry) == n && !b.eof {
			return nil, 0, io.ErrNoProgress
		}
	}
}

// readMore reads into carry's spare capacity, growing it when full.
func (b *blockReader) readMore() error {
	if len(b.carry) == cap(b.carry) {
		nb := make([]byte, len(b.carry), max(blockSize, 2*cap(b.carry)))
		copy(nb, b.carry)
		b.carry = nb
	}
	n, err := b.r.Read(b.carry[len(b.carry):cap(b.carry)])
	b.carry = b.carry[:len(b.carry)+n]
	if err == io.EOF {
		b.eof = true
		return nil
	}
	if err != nil {
		return fmt.Errorf("analytics: reading events: %w", err)
	}
	return nil
}

// cut returns the end of the last whole record of carry (for CSV, the
// quotes are followed from the start), or 0 when there is none yet.
func (b *blockReader) cut() int {
	d := b.carry
	last := bytes.LastIndexByte(d, '\n')
	if last < 0 {
		return 0
	}
	if !b.csv || bytes.IndexByte(d[:last], '"') < 0 || len(d) > maxBlock {
		return last + 1
	}
	end := 0
	for rest := d; ; {
		_, r, _, complete := nextCSVRecord(rest)
		if !complete {
			return end
		}
		end = len(d) - len(r)
		rest = r
	}
}

// pipeline cuts blocks, parses them on the workers and feeds the rows, in
// input order, to one sequencer.
func (p *Plan) pipeline(br *blockReader, parse rowParser) (*Result, error) {
	workers := p.opts.Workers
	jobs := make(chan *block, workers)
	order := make(chan *block, 2*workers+2)
	rowsFree := make(chan []prow, 2*workers+4)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for b := range jobs {
				var rows []prow
				select {
				case rows = <-rowsFree:
				default:
				}
				b.out <- &parsed{rows: parse(b.data, b.firstLine, rows[:0]), data: b.data}
			}
		})
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		for {
			data, line, err := br.next()
			if err != nil {
				readErr <- err
				return
			}
			if data == nil {
				readErr <- nil
				return
			}
			b := &block{data: data, firstLine: line, out: make(chan *parsed, 1)}
			select {
			case order <- b:
			case <-done:
				readErr <- nil
				return
			}
			jobs <- b
		}
	}()
	s := newSequencer(p)
	defer s.close()
	var err error
	for b := range order {
		pr := <-b.out
		if err == nil {
			err = s.pushRows(pr.rows)
		}
		select {
		case rowsFree <- pr.rows:
		default:
		}
		select {
		case br.free <- pr.data[:0]:
		default:
		}
		if err != nil {
			close(done)
			for b := range order { // drain
				<-b.out
			}
			break
		}
	}
	wg.Wait()
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	if err != nil {
		return nil, err
	}
	return s.result()
}

func (s *sequencer) pushRows(rows []prow) error {
	for i := range rows {
		r := &rows[i]
		if r.err != nil {
			if err := s.bad(r.err); err != nil {
				return err
			}
			continue
		}
		if err := s.push(r.rec, r.cust, r.line); err != nil {
			return err
		}
	}
	return nil
}

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
					return nil, errors.New("quoted field not closed")
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

func (p *Plan) parseCSVBlock(data []byte, line int64, rows []prow, ix colIndex, nFields int) []prow {
	var fields [][]byte
	for len(data) > 0 {
		thisLine := line
		// Fast path: a line without quotes, split in one pass.
		var rec []byte
		whole := data
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			rec, data = data, nil
		} else {
			rec, data = data[:end], data[end+1:]
		}
		fields = fields[:0]
		start, quoted := 0, false
		for k, c := range rec {
			if c == ',' {
				fields = append(fields, rec[start:k])
				start = k + 1
			} else if c == '"' {
				quoted = true
				break
			}
		}
		if !quoted {
			line++
			last := rec[start:]
			if n := len(last); n > 0 && last[n-1] == '\r' {
				last = last[:n-1]
			}
			if len(fields) == 0 && len(last) == 0 {
				continue // blank line
			}
			fields = append(fields, last)
		} else {
			// Slow path: follow the quotes, maybe across lines.
			var n int64
			rec, data, n, _ = nextCSVRecord(whole)
			line += n
			var err error
			fields, err = splitCSV(rec, fields)
			if err != nil {
				rows = append(rows, prow{line: thisLine, err: &RowError{Line: thisLine, Err: err}})
				continue
			}
		}
		if len(fields) != nFields {
			rows = append(rows, prow{line: thisLine, err: &RowError{Line: thisLine, Err: fmt.Errorf("row has %d fields, header has %d", len(fields), nFields)}})
			continue
		}
		var outcome, emotion []byte
		if ix.outcome >= 0 {
			outcome = fields[ix.outcome]
		}
		if ix.emotion >= 0 {
			emotion = fields[ix.emotion]
		}
		rows = append(rows, prow{})
		p.makeRow(&rows[len(rows)-1], thisLine, fields[ix.customer], fields[ix.touchpoint], fields[ix.time], outcome, emotion)
		if ix.persona >= 0 || ix.segment >= 0 {
			var persona, segment []byte
			if ix.persona >= 0 {
				persona = fields[ix.persona]
			}
			if ix.segment >= 0 {
				segment = fields[ix.segment]
			}
			p.rowExtras(&rows[len(rows)-1], persona, segment)
		}
	}
	return rows
}

// makeRow validates and resolves the fields of one row into r.
func (p *Plan) makeRow(r *prow, line int64, cust, touch, tm, outcome, emotion []byte) {
	c := p.opts.Columns
	r.line = line
	bad := func(field string, err error) {
		r.err = &RowError{Line: line, Field: field, Err: err}
	}
	if len(cust) == 0 {
		bad(c.Customer, errors.New("empty customer id"))
		return
	}
	if len(touch) == 0 {
		bad(c.Touchpoint, errors.New("empty touchpoint"))
		return
	}
	t, err := parseTime(tm)
	if err != nil {
		bad(c.Time, err)
		return
	}
	r.cust = cust
	r.rec = Record{Time: t, Customer: customerKeyBytes(cust), Emotion: NoEmotion}
	switch string(outcome) {
	case "":
	case "ok":
		r.rec.Outcome = OK
	case "failed":
		r.rec.Outcome = Failed
	default:
		bad(c.Outcome, fmt.Errorf("outcome %q is not ok or failed", outcome))
		return
	}
	if len(emotion) > 0 {
		f, err := strconv.ParseFloat(string(emotion), 64)
		if err != nil {
			bad(c.Emotion, fmt.Errorf("emotion %q is not a number", emotion))
			return
		}
		m, err := emotionMilli(f)
		if err != nil {
			bad(c.Emotion, err)
			return
		}
		r.rec.Emotion = m
	}
	r.rec.Touch = p.touchBytes(touch)
}

func (p *Plan) parseNDJSONBlock(data []byte, line int64, rows []prow) []prow {
	c := p.opts.Columns
	for len(data) > 0 {
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		thisLine := line
		line++
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		if vals, ok := p.scanFlat(l); ok && ndjsonFast && !p.mayHaveExtras(l) {
			rows = append(rows, prow{})
			p.makeRow(&rows[len(rows)-1], thisLine, vals[0], vals[1], vals[2], vals[3], vals[4])
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(l, &obj); err != nil {
			rows = append(rows, prow{line: thisLine, err: &RowError{Line: thisLine, Err: fmt.Errorf("not a JSON object: %v", err)}})
			continue
		}
		var vals [5][]byte
		var bad *RowError
		for i, name := range []string{c.Customer, c.Touchpoint, c.Time, c.Outcome, c.Emotion} {
			raw, ok := obj[name]
			if !ok || string(raw) == "null" {
				continue
			}
			v, err := jsonScalar(raw, i == 4)
			if err != nil {
				bad = &RowError{Line: thisLine, Field: name, Err: err}
				break
			}
			vals[i] = v
		}
		if bad != nil {
			rows = append(rows, prow{line: thisLine, err: bad})
			continue
		}
		rows = append(rows, prow{})
		p.makeRow(&rows[len(rows)-1], thisLine, vals[0], vals[1], vals[2], vals[3], vals[4])
		p.ndjsonExtras(&rows[len(rows)-1], obj)
	}
	return rows
}

// ndjsonFast enables scanFlat (tests turn it off to compare with encoding/json).
var ndjsonFast = true

// scanFlat reads the common NDJSON line without allocating: one flat object
// whose mapped members are plain strings (no escapes, valid UTF-8) or
// numbers (the emotion a number) or null, and whose other members are plain
// strings, numbers, true, false or null. ok is false for anything else —
// escapes, nested values, bad syntax — which the caller then decodes with
// encoding/json, so both paths accept and reject the same lines.
func (p *Plan) scanFlat(l []byte) (vals [5][]byte, ok bool) {
	c := &p.opts.Columns
	names := [5]string{c.Customer, c.Touchpoint, c.Time, c.Outcome, c.Emotion}
	i := skipWS(l, 0)
	if i >= len(l) || l[i] != '{' {
		return vals, false
	}
	i = skipWS(l, i+1)
	if i < len(l) && l[i] == '}' {
		return vals, skipWS(l, i+1) == len(l)
	}
	for {
		key, next, ok := plainString(l, i)
		if !ok {
			return vals, false
		}
		i = skipWS(l, next)
		if i >= len(l) || l[i] != ':' {
			return vals, false
		}
		i = skipWS(l, i+1)
		if i >= len(l) {
			return vals, false
		}
		var fields [5]bool
		field := -1
		for k, n := range names {
			if string(key) == n {
				fields[k], field = true, k
			}
		}
		var v []byte
		isString := false
		switch ch := l[i]; {
		case ch == '"':
			if v, next, ok = plainString(l, i); !ok {
				return vals, false
			}
			isString = true
		case ch == '-' || ch >= '0' && ch <= '9':
			if next, ok = number(l, i); !ok {
				return vals, false
			}
			v = l[i:next]
		case bytes.HasPrefix(l[i:], []byte("null")):
			next = i + 4
		case field < 0 && bytes.HasPrefix(l[i:], []byte("true")):
			next = i + 4
		case field < 0 && bytes.HasPrefix(l[i:], []byte("false")):
			next = i + 5
		default:
			return vals, false
		}
		if fields[4] && isString {
			return vals, false // the slow path words the error
		}
		for k, f := range fields {
			if f {
				vals[k] = v // the last duplicate wins, as in encoding/json
			}
		}
		i = skipWS(l, next)
		if i >= len(l) {
			return vals, false
		}
		switch l[i] {
		case ',':
			i = skipWS(l, i+1)
		case '}':
			return vals, skipWS(l, i+1) == len(l)
		default:
			return vals, false
		}
	}
}

func skipWS(l []byte, i int) int {
	for i < len(l) && (l[i] == ' ' || l[i] == '\t' || l[i] == '\r' || l[i] == '\n') {
		i++
	}
	return i
}

// plainString reads a JSON string at l[i] without escapes or control
// characters, in valid UTF-8, and returns its content and the index after it.
func plainString(l []byte, i int) (s []byte, next int, ok bool) {
	if i >= len(l) || l[i] != '"' {
		return nil, 0, false
	}
	ascii := true
	for k := i + 1; k < len(l); k++ {
		switch ch := l[k]; {
		case ch == '"':
			s = l[i+1 : k]
			if !ascii && !utf8.Valid(s) {
				return nil, 0, false
			}
			return s, k + 1, true
		case ch == '\\' || ch < 0x20:
			return nil, 0, false
		case ch >= 0x80:
			ascii = false
		}
	}
	return nil, 0, false
}

// number reads a JSON number at l[i] and returns the index after it.
func number(l []byte, i int) (next int, ok bool) {
	digits := func(i int) int {
		for i < len(l) && l[i] >= '0' && l[i] <= '9' {
			i++
		}
		return i
	}
	if l[i] == '-' {
		i++
	}
	switch {
	case i < len(l) && l[i] == '0':
		i++
	case i < len(l) && l[i] >= '1' && l[i] <= '9':
		i = digits(i)
	default:
		return 0, false
	}
	if i < len(l) && l[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(l) && (l[i] == 'e' || l[i] == 'E') {
		i++
		if i < len(l) && (l[i] == '+' || l[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}

// jsonScalar returns a string's content or a number's text.
func jsonScalar(raw json.RawMessage, number bool) ([]byte, error) {
	switch raw[0] {
	case '"':
		if number {
			return nil, errors.New("want a number, not a string")
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return []byte(s), nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return raw, nil
	}
	return nil, fmt.Errorf("want a string or number, not %s", raw)
}
