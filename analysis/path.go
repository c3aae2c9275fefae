package analysis

import (
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/internal/numfmt"
)

// pathIndex returns path.member[i] ("member[i]" when path is empty,
// "path[i]" when member is) in one allocation: strconv.Itoa alone allocates
// for numbers from 100 up, which a long journey has plenty of.
func pathIndex(path, member string, i int) string {
	var buf [96]byte
	b := append(buf[:0], path...)
	if member != "" {
		if len(b) > 0 {
			b = append(b, '.')
		}
		b = append(b, member...)
	}
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, ']')
	return string(b)
}

// arenaBlock is the largest block a textArena cuts its strings from; the
// first block is arenaFirst bytes and each next one twice the last, so a
// small journey does not pay for a large block it leaves mostly empty.
const (
	arenaFirst = 1 << 10
	arenaBlock = 32 << 10
)

// textArena cuts many short strings (paths, messages) from shared blocks:
// each string is written at the end of a strings.Builder and sliced out of
// it, so a large journey's texts cost one allocation per block instead of
// one each. A strings.Builder never changes bytes it has written, so the
// strings stay valid as the block fills up.
type textArena struct {
	b       strings.Builder
	start   int
	size    int    // size of the last block
	scratch []byte // for strconv.Append*
}

// begin starts a string of about n bytes (more is fine) and returns the
// builder to write it to; end returns it.
func (a *textArena) begin(n int) *strings.Builder {
	if a.b.Cap()-a.b.Len() < n {
		a.size = min(max(2*a.size, arenaFirst), arenaBlock)
		a.b = strings.Builder{}
		a.b.Grow(max(n, a.size))
	}
	a.start = a.b.Len()
	return &a.b
}

// end returns the string written since begin.
func (a *textArena) end() string { return a.b.String()[a.start:] }

// path returns pathIndex(path, member, i) cut from the arena.
func (a *textArena) path(path, member string, i int) string {
	b := a.begin(len(path) + len(member) + 22)
	b.WriteString(path)
	if member != "" {
		if len(path) > 0 {
			b.WriteByte('.')
		}
		b.WriteString(member)
	}
	b.WriteByte('[')
	a.int(i)
	b.WriteByte(']')
	return a.end()
}

// child returns path + suffixes[i], that is path.member[i] when suffixes
// are memberSuffixes(member, n), cut from the arena: two copies instead of
// writing the member and formatting the number for every path of a journey.
func (a *textArena) child(path string, suffixes []string, member string, i int) string {
	if path == "" || i >= len(suffixes) {
		return a.path(path, member, i)
	}
	b := a.begin(len(path) + len(suffixes[i]))
	b.WriteString(path)
	b.WriteString(suffixes[i])
	return a.end()
}

// memberSuffixes returns ".member[0]", ".member[1]", ... up to index n−1.
func memberSuffixes(member string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "." + member + "[" + strconv.Itoa(i) + "]"
	}
	return out
}

// The suffixes of the paths most journeys have many of.
var (
	touchpointSuffixes = memberSuffixes("touchpoints", 32)
	painSuffixes       = memberSuffixes("pain_points", 16)
	metricSuffixes     = memberSuffixes("metrics", 16)
)

// int writes i in decimal.
func (a *textArena) int(i int) {
	a.scratch = strconv.AppendInt(a.scratch[:0], int64(i), 10)
	a.b.Write(a.scratch)
}

// number writes number(st, v, unit).
func (a *textArena) number(st numfmt.Style, v float64, unit string) {
	a.scratch = st.AppendWithUnit(a.scratch[:0], v, unit)
	a.b.Write(a.scratch)
}

// label writes labelIn(name, i, noName).
func (a *textArena) label(name string, i int, noName string) {
	switch {
	case strings.TrimSpace(name) == "":
		a.b.WriteByte('#')
		a.int(i + 1)
		a.b.WriteString(noName)
	case plain(name):
		a.b.WriteByte('"')
		a.b.WriteString(name)
		a.b.WriteByte('"')
	default:
		a.scratch = strconv.AppendQuote(a.scratch[:0], name)
		a.b.Write(a.scratch)
	}
}

// block cuts short lists of T from blocks of up to per elements, so that
// many lists cost one allocation per block, while each block stays a small
// object (32 KiB or less; per is chosen to fill the allocator's 32 KiB size
// class rather than leave its end unused), which the allocator can place in
// memory freed by earlier garbage. Blocks start at blockFirst elements and
// double up to per, so a small journey does not pay for a large block it
// leaves mostly empty.
type block[T any] struct {
	per  int
	size int // elements of the last block
	free []T
}

// blockFirst is the number of elements of a block's first block.
const blockFirst = 16

// take returns an empty list with room for n elements (appending beyond n
// reallocates, never overwrites a neighbour).
func (b *block[T]) take(n int) []T {
	if b.free == nil || n > len(b.free) {
		b.size = min(max(2*b.size, blockFirst), b.per)
		b.free = make([]T, max(n, b.size))
	}
	s := b.free[:0:n]
	b.free = b.free[n:]
	return s
}
