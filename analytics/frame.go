package analytics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// DefaultMaxLineBytes is the longest record (a CSV record or an NDJSON line,
// without its line end) read when Options.MaxLineBytes is zero: 1 MiB.
const DefaultMaxLineBytes = 1 << 20

// blockSize is the size of the blocks the input is cut into for the parsers
// (a variable so tests can cut small inputs into many blocks). The blocks in
// flight, and the rows parsed from them, are most of the reader's memory:
// 256 KiB keeps them to a few MiB while the cost of handing a block over
// stays far below that of parsing it.
var blockSize = 256 << 10

// block is a run of whole records handed to a parser.
type block struct {
	data      []byte
	firstLine int64
	// lineMode: read every line of data as a record of its own (the lines
	// of a multi-line record that failed).
	lineMode bool
	// pre is a bad row found by the framer, reported before data.
	pre *RowError
	// buf is the buffer data lies in, to reuse once the rows are applied.
	buf []byte
	out chan *parsed
}

// framer cuts a stream into blocks of whole records, in one pass over the
// bytes: each byte is read once and scanned once for record ends (twice
// after a failed multi-line record), whatever the sizes of the reads.
//
// buf[0] always starts a record. buf[:scanned] has been scanned for record
// ends; buf[:cut] holds whole records. A block handed out keeps its buffer:
// the framer goes on in a fresh one and never writes to it again.
type framer struct {
	r       io.Reader
	csv     bool
	maxLine int
	buf     []byte
	n       int
	eof     bool
	line    int64 // line number of buf[0]
	scanned int
	cut     int
	inQuote bool // buf[scanned] is inside a quoted field
	pending []*block
	done    bool
	free    chan []byte
	zero    int  // reads in a row that returned nothing
	started bool // a leading byte order mark has been looked for
}

var bom = []byte("\ufeff")

// ErrUTF16: the events start with a UTF-16 byte order mark (as "Unicode
// text" from a spreadsheet); they must be UTF-8.
var ErrUTF16 = errors.New("analytics: the events are UTF-16 (they start with its byte order mark); convert them to UTF-8")

func newFramer(r io.Reader, csv bool, maxLine int) *framer {
	if maxLine <= 0 {
		maxLine = DefaultMaxLineBytes
	}
	return &framer{r: r, csv: csv, maxLine: maxLine, line: 1, free: make(chan []byte, 16)}
}

// limit is the largest buffer a record may need: the record, "\r\n".
func (f *framer) limit() int { return f.maxLine + 2 }

// fresh returns an empty buffer of capacity at least n.
func (f *framer) fresh(n int) []byte {
	n = max(n, min(blockSize, f.limit()))
	select {
	case b := <-f.free:
		if cap(b) >= n {
			return b[:cap(b)]
		}
	default:
	}
	return make([]byte, n)
}

// fill reads until the buffer is full or the input ends.
func (f *framer) fill() error {
	if f.buf == nil {
		f.buf = f.fresh(0)
	}
	for !f.eof && f.n < len(f.buf) {
		m, err := f.r.Read(f.buf[f.n:])
		f.n += m
		if !f.started && (f.n >= 3 || err != nil) {
			f.started = true
			if bytes.HasPrefix(f.buf[:f.n], bom) {
				f.n = copy(f.buf, f.buf[3:f.n])
			}
			if bytes.HasPrefix(f.buf[:f.n], []byte{0xff, 0xfe}) || bytes.HasPrefix(f.buf[:f.n], []byte{0xfe, 0xff}) {
				return ErrUTF16
			}
		}
		if m > 0 {
			f.zero = 0
		}
		switch {
		case err == io.EOF:
			f.eof = true
		case err != nil:
			return fmt.Errorf("analytics: reading events: %w", err)
		case m == 0:
			if f.zero++; f.zero > 100 {
				return fmt.Errorf("analytics: reading events: %w", io.ErrNoProgress)
			}
		}
	}
	return nil
}

// scan finds the record ends in buf[scanned:n]. For CSV it follows quoted
// fields, which may hold line ends; a quote opens a field only at the start
// of a field (RFC 4180), as nextCSVRecord reads it.
func (f *framer) scan() {
	d := f.buf[:f.n]
	i := f.scanned
	if !f.csv {
		if k := bytes.LastIndexByte(d[i:], '\n'); k >= 0 {
			f.cut = i + k + 1
		}
		f.scanned = len(d)
		return
	}
	for i < len(d) {
		if f.inQuote {
			k := bytes.IndexByte(d[i:], '"')
			if k < 0 {
				i = len(d)
				break
			}
			i += k + 1
			if i == len(d) {
				if !f.eof {
					i-- // a quote at the end: "" or a close? Look again with more.
				} else {
					f.inQuote = false
				}
				break
			}
			if d[i] == '"' {
				i++
				continue
			}
			f.inQuote = false
			continue
		}
		q := bytes.IndexByte(d[i:], '"')
		if q < 0 {
			if k := bytes.LastIndexByte(d[i:], '\n'); k >= 0 {
				f.cut = i + k + 1
			}
			i = len(d)
			break
		}
		q += i
		if k := bytes.LastIndexByte(d[i:q], '\n'); k >= 0 {
			f.cut = i + k + 1
		}
		if q == 0 || d[q-1] == ',' || d[q-1] == '\n' {
			f.inQuote = true
		}
		i = q + 1
	}
	f.scanned = i
}

// emit hands out buf[:end] as a block and moves buf[end:n] to a fresh buffer.
func (f *framer) emit(end int, b *block) {
	if b == nil {
		b = &block{}
	}
	b.data, b.buf = f.buf[:end], f.buf
	if b.firstLine == 0 {
		b.firstLine = f.line
	}
	f.line += int64(bytes.Count(f.buf[:end], []byte{'\n'}))
	f.restart(end, f.fresh(f.n-end))
	f.pending = append(f.pending, b)
}

// restart continues at buf[from:n], copied to the start of nb, with the
// scan state of a record start.
func (f *framer) restart(from int, nb []byte) {
	rest := f.buf[from:f.n]
	f.n = copy(nb, rest)
	f.buf = nb
	f.scanned, f.cut, f.inQuote = 0, 0, false
}

// next returns the next block, or nil at the end of the input.
func (f *framer) next() (*block, error) {
	for {
		if len(f.pending) > 0 {
			b := f.pending[0]
			f.pending = f.pending[1:]
			return b, nil
		}
		if f.done {
			return nil, nil
		}
		if err := f.fill(); err != nil {
			return nil, err
		}
		f.scan()
		switch {
		case f.eof:
			f.done = true
			if f.cut > 0 {
				f.emit(f.cut, nil)
				f.scan() // the quote state of the rest
			}
			if f.n == 0 {
				continue
			}
			if f.inQuote {
				f.failRecord(ReasonUnclosedQuote, errUnclosedAtEnd, f.n)
				continue
			}
			f.emit(f.n, nil) // the last record, without a line end
		case f.cut > 0:
			f.emit(f.cut, nil)
		case f.n < f.limit():
			nb := make([]byte, min(2*len(f.buf), f.limit()))
			f.restartKeep(nb)
		default:
			if err := f.tooLong(); err != nil {
				return nil, err
			}
		}
	}
}

// restartKeep moves buf[:n] to nb keeping the scan state (the buffer grows).
func (f *framer) restartKeep(nb []byte) {
	copy(nb, f.buf[:f.n])
	f.buf = nb
}

var errUnclosedAtEnd = errors.New("quoted field not closed by the end of the input")

// failRecord reports the record at buf[0] as bad and hands out the lines it
// spans in buf[:end] after its first, to be read one by one.
func (f *framer) failRecord(reason Reason, err error, end int) {
	line := f.line
	nl := bytes.IndexByte(f.buf[:end], '\n')
	if nl < 0 || nl+1 >= end {
		f.pending = append(f.pending, &block{pre: &RowError{Line: line, Reason: reason, Err: err}, firstLine: line + 1})
		f.line += int64(bytes.Count(f.buf[:end], []byte{'\n'}))
		f.restart(end, f.fresh(f.n-end))
		return
	}
	f.emit(end, &block{pre: &RowError{Line: line, Reason: reason, Err: err}, firstLine: line + 1, lineMode: true})
	b := f.pending[len(f.pending)-1]
	b.data = b.data[nl+1:] // without the failed record's first line
}

// tooLong handles a full buffer without a record end: the record at buf[0]
// is longer than the limit. The lines it spans within the buffer are read
// again one by one; a single line is skipped to its end without keeping it.
func (f *framer) tooLong() error {
	reason, err := ReasonTooLong, fmt.Errorf("record longer than %d bytes", f.maxLine)
	if f.inQuote {
		reason, err = ReasonUnclosedQuote, fmt.Errorf("quoted field not closed within %d bytes", f.maxLine)
	}
	if last := bytes.LastIndexByte(f.buf[:f.n], '\n'); last >= 0 {
		f.failRecord(reason, err, last+1)
		return nil
	}
	f.pending = append(f.pending, &block{pre: &RowError{Line: f.line, Reason: reason, Err: err}, firstLine: f.line + 1})
	f.line++
	// Skip to the end of the line, reading into the same buffer.
	for {
		f.n = 0
		if err := f.fill(); err != nil {
			return err
		}
		if k := bytes.IndexByte(f.buf[:f.n], '\n'); k >= 0 {
			f.restart(k+1, f.fresh(f.n-k-1))
			return nil
		}
		if f.eof {
			f.n = 0
			f.restart(0, f.buf)
			return nil
		}
	}
}

// header returns the first record of the input (without its line end), and
// leaves the framer at the second.
func (f *framer) header() ([]byte, error) {
	for {
		if err := f.fill(); err != nil {
			return nil, err
		}
		f.scan()
		if f.cut > 0 || f.eof {
			break
		}
		if f.n >= f.limit() {
			return nil, &RowError{Line: 1, Reason: ReasonTooLong, Err: fmt.Errorf("header longer than %d bytes", f.maxLine)}
		}
		f.restartKeep(make([]byte, min(2*len(f.buf), f.limit())))
	}
	d := f.buf[:f.n]
	if f.n == 0 {
		return nil, &RowError{Line: 1, Reason: ReasonNoHeader, Err: errors.New("no header row")}
	}
	rec, rest, lines, complete := nextCSVRecord(d)
	if !complete && f.inQuote {
		return nil, &RowError{Line: 1, Reason: ReasonUnclosedQuote, Err: errors.New("header: quoted field not closed")}
	}
	if len(rec) > f.maxLine {
		return nil, &RowError{Line: 1, Reason: ReasonTooLong, Err: fmt.Errorf("header longer than %d bytes", f.maxLine)}
	}
	h := bytes.Clone(rec)
	if !complete {
		lines = int64(bytes.Count(d, []byte{'\n'})) + 1 // the last line, without its end
	}
	f.line += lines
	if complete {
		f.restart(f.n-len(rest), f.buf)
	} else {
		f.n = 0
		f.restart(0, f.buf)
	}
	return h, nil
}
