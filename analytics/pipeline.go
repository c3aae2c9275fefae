package analytics

import (
	"sync"
)

// parsed is what a parser made of a block.
type parsed struct {
	rows []prow
	// blank counts blank lines; cont the lines after the first of good
	// multi-line records. With the rows, every line is accounted for.
	blank, cont int64
}

// readStats accounts for the lines of an input.
type readStats struct {
	header, blank, cont int64
}

// rowParser parses one block into out.
type rowParser func(b *block, out *parsed)

// pipeline cuts blocks, parses them on the workers and feeds the rows, in
// input order, to one sequencer.
func (p *Plan) pipeline(fr *framer, parse rowParser) (*Result, readStats, error) {
	st := readStats{header: fr.line - 1} // the lines before the first block
	workers := p.opts.Workers
	jobs := make(chan *block, workers)
	order := make(chan *block, 2*workers+2)
	rowsFree := make(chan []prow, 2*workers+4)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for b := range jobs {
				out := &parsed{}
				select {
				case out.rows = <-rowsFree:
					out.rows = out.rows[:0]
				default:
					// Room for the rows of a block of 40-byte rows,
					// the size of a short CSV row, so that the slice
					// rarely grows (a block that grew for a long
					// record does not make it larger).
					out.rows = make([]prow, 0, min(len(b.data), blockSize)/40+16)
				}
				if b.pre != nil {
					out.rows = append(out.rows, prow{line: b.pre.Line, err: b.pre})
				}
				if len(b.data) > 0 {
					parse(b, out)
				}
				b.out <- out
			}
		})
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		for {
			b, err := fr.next()
			if err != nil {
				readErr <- err
				return
			}
			if b == nil {
				readErr <- nil
				return
			}
			b.out = make(chan *parsed, 1)
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
		st.blank += pr.blank
		st.cont += pr.cont
		if err == nil {
			err = s.pushRows(pr.rows)
		}
		select {
		case rowsFree <- pr.rows:
		default:
		}
		if b.buf != nil && cap(b.buf) == blockSize {
			select {
			case fr.free <- b.buf:
			default:
			}
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
		return nil, st, err
	}
	res, err := p.checkRead(s.result())
	return res, st, err
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
