package analytics

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// ident is a customer's identity in 16 bytes, exact whatever the bytes of
// the id: an id of up to 15 bytes packed (packID), a longer id's place and
// length in an arena, or, when there is no id, the key that then
// identifies the customer. The customer tables keep one per customer and
// compare it after matching a fingerprint of the key.
type ident [2]uint64

const (
	maxIDLen    = 1<<20 - 1
	inlineID    = 16
	idArenaFlag = 1 << 63
	idKeyFlag   = 1 << 62 // the ident holds a key, not an id
)

// makeIdent returns the identity of the customer of key and id (nil: the
// key), appending a long id to *arena.
func makeIdent(key uint64, id []byte, arena *[]byte) ident {
	switch id = id[:min(len(id), maxIDLen)]; {
	case len(id) == 0:
		return ident{key, idKeyFlag}
	case len(id) < inlineID:
		var x ident
		packID((*[2]uint64)(&x), id)
		return x
	}
	x := ident{uint64(len(*arena)), uint64(len(id)) | idArenaFlag}
	*arena = append(*arena, id...)
	return x
}

// is reports whether x is the identity of key and id (nil: the key).
func (x ident) is(key uint64, id []byte, arena []byte) bool {
	if len(id) == 0 {
		return x == ident{key, idKeyFlag}
	}
	id = id[:min(len(id), maxIDLen)]
	if x[1]&idArenaFlag != 0 {
		off, n := x[0], x[1]&^idArenaFlag
		return bytes.Equal(arena[off:off+n], id)
	}
	if len(id) >= inlineID {
		return false // kept in the arena
	}
	var w [2]uint64
	packID(&w, id)
	return w == x
}

// appendID appends the id of x to buf (the key's bytes, keyID, when x holds
// a key).
func (x ident) appendID(buf, arena []byte) []byte {
	switch {
	case x[1]&idKeyFlag != 0:
		return binary.LittleEndian.AppendUint64(buf, x[0])
	case x[1]&idArenaFlag != 0:
		off, n := x[0], x[1]&^idArenaFlag
		return append(buf, arena[off:off+n]...)
	}
	for k := range int(x[1] >> 56) {
		buf = append(buf, byte(x[k/8]>>(8*(k%8))))
	}
	return buf
}

// key returns the key of x: the one it holds, or the key of its id
// (customerKeyBytes, as every reader computes it).
func (x ident) key(arena []byte) uint64 {
	if x[1]&idKeyFlag != 0 {
		return x[0]
	}
	var b [inlineID]byte
	return customerKeyBytes(x.appendID(b[:0], arena))
}

// packID packs an id of up to 16 bytes into two words; the length is in the
// top byte of the second word, so ids differing only by trailing zero bytes
// differ. (An id of exactly 16 bytes leaves no room: its last byte's top
// bits are shared with the length, so such ids go to the arena instead.)
func packID(w *[2]uint64, id []byte) {
	var b [16]byte
	copy(b[:], id)
	w[0] = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 | uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	w[1] = uint64(b[8]) | uint64(b[9])<<8 | uint64(b[10])<<16 | uint64(b[11])<<24 | uint64(b[12])<<32 | uint64(b[13])<<40 | uint64(b[14])<<48 | uint64(len(id))<<56
}

// fpSlot is a slot of an open-addressing index of customers: a 32-bit
// fingerprint of the key, whose top bits are the home slot (so the index
// grows without the keys), and the customer's number + 1 (0: empty).
type fpSlot struct {
	fp  uint32
	ref uint32
}

// fingerprint is the top half of a multiplicative hash of key.
func fingerprint(key uint64) uint32 { return uint32((key * 0x9e3779b97f4a7c15) >> 32) }

// home returns the first slot to probe for fingerprint fp in an index of
// size slots (a power of two).
func home(size int, fp uint32) int { return int(fp >> (32 - bits.Len(uint(size-1)))) }

// growSlots returns an index twice the size of old with its slots; slot
// tells a slot's fingerprint and whether it is used.
func growSlots[S any](old []S, slot func(*S) (uint32, bool)) []S {
	index := make([]S, max(64, 2*len(old)))
	mask := len(index) - 1
	for k := range old {
		fp, used := slot(&old[k])
		if !used {
			continue
		}
		i := home(len(index), fp)
		for {
			if _, taken := slot(&index[i]); !taken {
				break
			}
			i = (i + 1) & mask
		}
		index[i] = old[k]
	}
	return index
}
