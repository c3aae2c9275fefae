package analysis

import (
	"math"
	"strconv"
	"testing"
	"unsafe"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// TestTextCachesGiveTheirTexts: the direct-mapped caches of severity and
// hand-off texts give the text of their key, whatever other keys took the
// slot before (every key is asked twice, in an order that collides).
func TestTextCachesGiveTheirTexts(t *testing.T) {
	for _, w := range []*words{&english, &vietnamese} {
		x := newTexts(nil, w)
		for range 2 {
			for key := range 1024 {
				var by [5]int
				for r, k := 4, key; r >= 0; r, k = r-1, k/4 {
					by[r] = k % 4
				}
				assert.Equal(t, w.severityWords(&by), x.severities(&by), "%v", by)
			}
			for i, from := range channels {
				for k, to := range channels {
					assert.Equal(t, w.handFrom+w.channelName(string(from))+w.handTo+w.channelName(string(to)),
						x.handoff(string(from), string(to), i, k))
				}
			}
		}
	}
	x := newTexts(nil, &english)
	assert.Equal(t, "5 low", x.severities(&[5]int{1: 5}))
	assert.Equal(t, "from website to phone", x.handoff("website", "phone", channelIndex("website"), channelIndex("phone")))
	x = newTexts(nil, &vietnamese)
	assert.Equal(t, "1 nghiêm trọng, 5 thấp, 2 chưa rõ mức độ", x.severities(&[5]int{2, 5, 0, 0, 1}))
	assert.Equal(t, "từ trang web sang điện thoại", x.handoff("website", "phone", channelIndex("website"), channelIndex("phone")))
	assert.Equal(t, "từ trang web sang kênh lạ", x.handoff("website", "kênh_lạ", channelIndex("website"), -1))
}

// TestPersonaSlots: one slot per distinct persona id in document order, by
// comparison for a few personas and by map for many.
func TestPersonaSlots(t *testing.T) {
	for _, n := range []int{0, 1, linearSlots, linearSlots + 1, 3 * linearSlots} {
		j := &journey.Journey{}
		var ids []uuid.UUID
		for range n {
			p := &persona.Persona{ID: uuid.New()}
			ids = append(ids, p.ID)
			// A nil persona and a duplicate id take no slot.
			j.Personas = append(j.Personas, nil, p, &persona.Persona{ID: p.ID})
		}
		ix := buildIndex(j)
		assert.Equal(t, n > 0, ix.hasPersonas)
		assert.Equal(t, n, len(ix.personaIDs))
		for k, id := range ids {
			assert.Equal(t, k, ix.slot(id))
			assert.Equal(t, 3*k+1, ix.personaAt[k])
		}
		assert.Equal(t, -1, ix.slot(uuid.New()))
	}
}

// TestIDFilterKeepsMembers: the filter in front of the addressed set never
// rules out an id of the set, at any size, and rules out most others.
func TestIDFilterKeepsMembers(t *testing.T) {
	for _, n := range []int{0, 1, 5, 100, 10000, 100000} {
		set := map[uuid.UUID]struct{}{}
		f := newIDFilter(n)
		for range n {
			id := uuid.New()
			set[id] = struct{}{}
			f.add(id)
		}
		for id := range set {
			assert.True(t, f.mayHave(id))
		}
		out := 0
		for range 1000 {
			if !f.mayHave(uuid.New()) {
				out++
			}
		}
		if n <= 10000 {
			assert.Greater(t, out, 800, "%d ids: %d of 1000 others ruled out", n, out)
		}
	}
}

// TestClampEmotionIsMathMaxMin: the comparisons give exactly what math.Max
// and math.Min give, sign of zero and NaN included.
func TestClampEmotionIsMathMaxMin(t *testing.T) {
	for _, v := range []float64{math.Inf(-1), -3, -2, -1.5, math.Copysign(0, -1), 0, 0.25, 2, 2.5, math.Inf(1), math.NaN()} {
		want := math.Max(touchpoint.MinEmotion, math.Min(touchpoint.MaxEmotion, v))
		got := clampEmotion(v)
		assert.Equal(t, math.Float64bits(want), math.Float64bits(got), "%v", v)
	}
}

// TestEmotionTextsFromArena: the emotion texts cut from the arena read as
// the concatenated ones.
func TestEmotionTextsFromArena(t *testing.T) {
	for _, a := range []*textArena{nil, {}} {
		x := newTexts(a, &english)
		assert.Equal(t, "emotion -0.3333", x.emotion(-1.0/3))
		assert.Equal(t, "emotion -1.5", x.emotion(-1.5))
		assert.Equal(t, "emotion falls from 0.7 to -1.2346", x.dip(0.7, -1.23456))
		assert.Equal(t, "emotion falls from 2 to -2", x.dip(2, -2))
		x = newTexts(a, &vietnamese)
		assert.Equal(t, "cảm xúc -0,3333", x.emotion(-1.0/3))
		assert.Equal(t, "cảm xúc -1,5", x.emotion(-1.5))
		assert.Equal(t, "cảm xúc giảm từ 0,7 xuống -1,2346", x.dip(0.7, -1.23456))
		assert.Equal(t, "cảm xúc giảm từ 2 xuống -2", x.dip(2, -2))
	}
}

// TestFindingsGrowToProjection: when the findings outgrow their estimate,
// the slice grows to the count projected from the touchpoints walked, and
// keeps what it holds.
func TestFindingsGrowToProjection(t *testing.T) {
	g := &gaps{ix: &index{tpSlots: 100}, walked: 10, out: make([]Finding, 0, 10)}
	for i := range 10 {
		g.add(CodeNoOwner, Warning, "p", uuid.Nil, strconv.Itoa(i))
	}
	g.add(CodeNoOwner, Warning, "p", uuid.Nil, "10")
	assert.GreaterOrEqual(t, cap(g.out), 112) // 10 findings for 10 of 100 touchpoints
	assert.Len(t, g.out, 11)
	for i, f := range g.out {
		assert.Equal(t, strconv.Itoa(i), f.Message)
	}
	// Without a projection, it grows by a quarter.
	g = &gaps{ix: &index{}, out: make([]Finding, 0, 100)}
	for range 101 {
		g.add(CodeNoOwner, Warning, "p", uuid.Nil, "m")
	}
	assert.GreaterOrEqual(t, cap(g.out), 133)
}

// TestGapsFitsItsSizeClass: gaps, allocated on every call, stays within the
// allocator's 1,024-byte size class (an object with pointers above 512
// bytes carries an 8-byte header).
func TestGapsFitsItsSizeClass(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(gaps{}), uintptr(1024-8))
}
