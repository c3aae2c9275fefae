package analytics

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"sync/atomic"
)

// anyRec is a buffered record of customer number c (the customer's key is
// kept once per customer).
type anyRec struct {
	time    int64
	touch   int32
	segment uint32
	c       uint32
	emotion int16
	persona int16
	outcome Outcome
}

func (r *anyRec) record(key uint64) Record {
	return Record{Time: r.time, Customer: key, Touch: r.touch, Breakdown: r.segment, Emotion: r.emotion, Persona: r.persona, Outcome: r.outcome}
}

// anyChunk is the number of records per chunk of the buffer: chunks are
// never copied as the buffer grows.
const anyChunk = 1 << 14

// Memory accounting of Any order, in bytes.
const (
	anyRecBytes   = 32 + 4   // the record, its place in the customer sort
	spillFanout   = 32       // partitions per spill level
	spillMaxDepth = 4        // levels of repartitioning before a partition is loaded as it is
	spillBufBytes = 64 << 10 // write buffer per partition
)

// partitionsRead counts the spill partitions read back (for tests).
var partitionsRead atomic.Int64

// spillSplitFloor is the partition size below which a partition is loaded
// whatever the limit (splitting it would cost more than it saves; a
// variable so tests can split tiny partitions).
var spillSplitFloor int64 = 1 << 20

// anyBuf gathers events in any order per customer, in memory up to limit
// bytes, then in spill files partitioned by customer.
type anyBuf struct {
	p      *Plan
	limit  int64
	ids    idIndex
	keys   []uint64   // per customer
	chunks [][]anyRec // records, anyChunk per chunk
	n      int        // records
	idBuf  []byte
	sp     *spill
	spills int // partitions read back, for tests and figures
}

func newAnyBuf(p *Plan, limit int64) *anyBuf {
	return &anyBuf{p: p, limit: limit}
}

// keyID is the identity of a record without an id: its key's bytes.
func keyID(buf []byte, key uint64) []byte {
	return binary.LittleEndian.AppendUint64(buf[:0], key)
}

// add buffers r of customer id (nil: the key is the identity).
func (b *anyBuf) add(r Record, id []byte) error {
	if id == nil {
		b.idBuf = keyID(b.idBuf, r.Customer)
		id = b.idBuf
	}
	if b.sp != nil {
		return b.sp.write(r, id)
	}
	// Spill before a structure grows past the limit: a new chunk, or the
	// id index doubling (old and new slots exist together for a moment).
	if b.ids.len() > 1 && (b.bytes() > b.limit || b.n%anyChunk == 0 && b.bytes()+anyChunk*anyRecBytes > b.limit ||
		b.ids.full() && b.bytes()+2*b.ids.bytes() > b.limit) {
		if err := b.startSpill(); err != nil {
			return err
		}
		return b.sp.write(r, id)
	}
	c, added := b.ids.lookup(r.Customer, id)
	if added {
		b.keys = append(b.keys, r.Customer)
	}
	if b.n%anyChunk == 0 {
		b.chunks = append(b.chunks, make([]anyRec, 0, anyChunk))
	}
	ch := &b.chunks[len(b.chunks)-1]
	*ch = append(*ch, anyRec{time: r.Time, touch: r.Touch, segment: r.Breakdown, c: c, emotion: r.Emotion, persona: r.Persona, outcome: r.Outcome})
	b.n++
	return nil
}

// bytes is the memory the buffer holds: the chunks (with room for the
// customer sort), the keys (and as much again for the sort) and the id
// index.
func (b *anyBuf) bytes() int64 {
	return int64(len(b.chunks))*anyChunk*anyRecBytes + 2*int64(cap(b.keys))*8 + b.ids.bytes()
}

// startSpill writes the buffered records to partition files; later records
// go straight to them.
func (b *anyBuf) startSpill() error {
	sp, err := newSpill(b.p.opts.TempDir, 0)
	if err != nil {
		return err
	}
	b.sp = sp
	ref := b.ids.refs() // customer number → slot, 4 bytes per customer
	var idb [inlineID]byte
	for _, ch := range b.chunks {
		for i := range ch {
			r := &ch[i]
			if err := sp.write(r.record(b.keys[r.c]), b.ids.idAt(ref[r.c], idb[:0])); err != nil {
				return err
			}
		}
	}
	b.chunks, b.ids, b.keys = nil, idIndex{}, nil
	return nil
}

// finish processes every customer into a, then removes the spill files.
func (b *anyBuf) finish(a *acc, stop func() error) error {
	if b.sp == nil {
		b.process(a)
		return nil
	}
	defer b.sp.remove()
	if err := b.sp.flush(); err != nil {
		return err
	}
	return b.drain(a, b.sp, stop)
}

// drain processes the partitions of sp one at a time.
func (b *anyBuf) drain(a *acc, sp *spill, stop func() error) error {
	for i := range sp.parts {
		if err := stop(); err != nil {
			return err
		}
		if err := b.partition(a, sp, i, stop); err != nil {
			return err
		}
	}
	return nil
}

// partition processes partition i of sp: loaded when it fits the limit,
// split again otherwise.
func (b *anyBuf) partition(a *acc, sp *spill, i int, stop func() error) error {
	b.spills++
	partitionsRead.Add(1)
	path := sp.parts[i].f.Name()
	size := sp.sizes[i]
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("analytics: reading spill file: %w", err)
	}
	defer f.Close()
	defer os.Remove(path)
	r := bufio.NewReaderSize(f, spillBufBytes)
	if 2*size > max(b.limit, spillSplitFloor) && sp.depth < spillMaxDepth {
		sub, err := newSpill(b.p.opts.TempDir, sp.depth+1)
		if err != nil {
			return err
		}
		defer sub.remove()
		if err := decodeSpill(r, sub.write); err != nil {
			return err
		}
		if err := sub.flush(); err != nil {
			return err
		}
		return b.drain(a, sub, stop)
	}
	mem := newAnyBuf(b.p, 1<<62)
	if err := decodeSpill(r, mem.add); err != nil {
		return err
	}
	mem.process(a)
	return nil
}

// process runs every buffered customer through a: a counting sort by
// customer keeps each customer's records in input order, and acc.group
// sorts them by time. The sort keeps a 4-byte index per record rather than
// moving the records in place: following the records' cycles would make
// every step wait for the cache miss of the one before, where filling the
// index makes misses the processor overlaps.
func (b *anyBuf) process(a *acc) {
	n := b.ids.len()
	b.ids = idIndex{} // the ids are no longer needed
	start := make([]int32, n+1)
	for _, ch := range b.chunks {
		for i := range ch {
			start[ch[i].c+1]++
		}
	}
	for c := range n {
		start[c+1] += start[c]
	}
	pos := make([]int32, n)
	copy(pos, start[:n])
	idx := make([]int32, b.n)
	k := int32(0)
	for _, ch := range b.chunks {
		for i := range ch {
			c := ch[i].c
			idx[pos[c]] = k
			pos[c]++
			k++
		}
	}
	pos = nil
	var g []Record
	for c := range n {
		g = g[:0]
		key := b.keys[c]
		for _, k := range idx[start[c]:start[c+1]] {
			g = append(g, b.chunks[k/anyChunk][k%anyChunk].record(key))
		}
		a.group(g)
	}
	b.chunks, b.keys = nil, nil
}

// spill is a set of partition files of one level.
type spill struct {
	dir   string
	depth int
	seed  maphash.Seed
	parts []*spillPart
	sizes []int64
	own   bool // dir was made by this spill
	enc   []byte
}

type spillPart struct {
	f *os.File
	w *bufio.Writer
}

func newSpill(tempDir string, depth int) (*spill, error) {
	dir, err := os.MkdirTemp(tempDir, "journeymap-spill-")
	if err != nil {
		return nil, fmt.Errorf("analytics: making a spill directory: %w", err)
	}
	sp := &spill{dir: dir, depth: depth, seed: maphash.MakeSeed(), own: true, sizes: make([]int64, spillFanout)}
	for i := range spillFanout {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("part-%02d", i)))
		if err != nil {
			sp.remove()
			return nil, fmt.Errorf("analytics: making a spill file: %w", err)
		}
		sp.parts = append(sp.parts, &spillPart{f: f, w: bufio.NewWriterSize(f, spillBufBytes)})
	}
	return sp, nil
}

// write appends r of customer id to its partition: uvarint id length, id,
// key, time, touch, segment (8, 8, 4, 4 bytes), emotion, persona (2, 2),
// outcome (1).
func (sp *spill) write(r Record, id []byte) error {
	h := maphash.Bytes(sp.seed, id)
	i, _ := bits.Mul64(h, spillFanout)
	e := binary.AppendUvarint(sp.enc[:0], uint64(len(id)))
	e = append(e, id...)
	e = binary.LittleEndian.AppendUint64(e, r.Customer)
	e = binary.LittleEndian.AppendUint64(e, uint64(r.Time))
	e = binary.LittleEndian.AppendUint32(e, uint32(r.Touch))
	e = binary.LittleEndian.AppendUint32(e, r.Breakdown)
	e = binary.LittleEndian.AppendUint16(e, uint16(r.Emotion))
	e = binary.LittleEndian.AppendUint16(e, uint16(r.Persona))
	e = append(e, byte(r.Outcome))
	sp.enc = e
	sp.sizes[i] += int64(len(e))
	if _, err := sp.parts[i].w.Write(e); err != nil {
		return fmt.Errorf("analytics: writing a spill file: %w", err)
	}
	return nil
}

func (sp *spill) flush() error {
	for _, p := range sp.parts {
		if err := p.w.Flush(); err != nil {
			return fmt.Errorf("analytics: writing a spill file: %w", err)
		}
	}
	return nil
}

// remove closes and deletes every file of the spill.
func (sp *spill) remove() {
	for _, p := range sp.parts {
		p.f.Close()
	}
	if sp.own {
		os.RemoveAll(sp.dir)
	}
}

// decodeSpill reads the records of one partition file.
func decodeSpill(r *bufio.Reader, add func(Record, []byte) error) error {
	var id []byte
	var fixed [29]byte
	for {
		n, err := binary.ReadUvarint(r)
		if err == io.EOF {
			return nil
		}
		if err != nil || n > maxIDLen {
			return errors.Join(errors.New("analytics: corrupt spill file"), err)
		}
		id = append(id[:0], make([]byte, n)...)
		if _, err := io.ReadFull(r, id); err != nil {
			return fmt.Errorf("analytics: reading a spill file: %w", err)
		}
		if _, err := io.ReadFull(r, fixed[:]); err != nil {
			return fmt.Errorf("analytics: reading a spill file: %w", err)
		}
		le := binary.LittleEndian
		rec := Record{
			Customer: le.Uint64(fixed[0:]), Time: int64(le.Uint64(fixed[8:])),
			Touch: int32(le.Uint32(fixed[16:])), Breakdown: le.Uint32(fixed[20:]),
			Emotion: int16(le.Uint16(fixed[24:])), Persona: int16(le.Uint16(fixed[26:])), Outcome: Outcome(fixed[28]),
		}
		if err := add(rec, id); err != nil {
			return err
		}
	}
}

// idIndex numbers customer ids 0, 1, 2, … in order of first appearance: an
// open-addressing index, at most half full, of 24-byte slots that hold the
// customer's identity with the fingerprint of its key, so that finding a
// customer reads one slot.
type idIndex struct {
	slots []idSlot
	n     int
	arena []byte
}

type idSlot struct {
	id  ident
	fp  uint32
	ref uint32 // customer number + 1; 0: empty
}

// lookup returns the number of id (whose key is key), adding it when new.
func (x *idIndex) lookup(key uint64, id []byte) (uint32, bool) {
	if x.full() {
		x.slots = growSlots(x.slots, func(sl *idSlot) (uint32, bool) { return sl.fp, sl.ref != 0 })
	}
	fp := fingerprint(key)
	mask := len(x.slots) - 1
	for i := home(len(x.slots), fp); ; i = (i + 1) & mask {
		sl := &x.slots[i]
		if sl.ref == 0 {
			x.n++
			*sl = idSlot{id: makeIdent(key, id, &x.arena), fp: fp, ref: uint32(x.n)}
			return sl.ref - 1, true
		}
		if sl.fp == fp && sl.id.is(key, id, x.arena) {
			return sl.ref - 1, false
		}
	}
}

// len is the number of customers.
func (x *idIndex) len() int { return x.n }

// full reports whether adding an id grows the index.
func (x *idIndex) full() bool { return 2*(x.n+1) > len(x.slots) }

// bytes is the memory of the index.
func (x *idIndex) bytes() int64 { return int64(len(x.slots))*24 + int64(cap(x.arena)) }

// refs returns the slot of every customer number.
func (x *idIndex) refs() []uint32 {
	out := make([]uint32, x.n)
	for i, sl := range x.slots {
		if sl.ref != 0 {
			out[sl.ref-1] = uint32(i)
		}
	}
	return out
}

// idAt appends the id in slot i to buf.
func (x *idIndex) idAt(i uint32, buf []byte) []byte { return x.slots[i].id.appendID(buf, x.arena) }
