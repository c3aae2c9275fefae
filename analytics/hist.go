package analytics

import "math/bits"

// Duration histograms: values below 256 ns are kept exactly; a value v with
// 2^e ≤ v < 2^(e+1), e ≥ 7, falls in a bucket 2^(e−7) wide, 128 buckets per
// power of two. Buckets merge by adding counts.
const histBits = 7

// bucketOf returns the bucket index of duration v (v ≥ 0).
func bucketOf(v int64) int {
	if v < 2<<histBits {
		if v < 0 {
			return 0
		}
		return int(v)
	}
	e := bits.Len64(uint64(v)) - 1
	sub := int(v>>(e-histBits)) - 1<<histBits
	return (e-histBits+1)<<histBits + sub
}

// bucketMid returns the value reported for bucket idx: its midpoint.
func bucketMid(idx int) int64 {
	if idx < 2<<histBits {
		return int64(idx)
	}
	e := idx>>histBits + histBits - 1
	sub := int64(idx & (1<<histBits - 1))
	low := (1<<histBits + sub) << (e - histBits)
	return low + (int64(1)<<(e-histBits))/2
}

// Bucket is one non-empty bucket of a duration histogram.
type Bucket struct {
	// Index identifies the bucket (see the package doc for the layout).
	Index int `json:"i"`
	// Count is the number of durations in it.
	Count int64 `json:"n"`
}

// sparse converts a dense histogram to its non-empty buckets.
func sparse(dense []int64) []Bucket {
	var out []Bucket
	for i, n := range dense {
		if n != 0 {
			out = append(out, Bucket{Index: i, Count: n})
		}
	}
	return out
}

// mergeBuckets adds two sorted sparse histograms.
func mergeBuckets(a, b []Bucket) []Bucket {
	out := make([]Bucket, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].Index < b[j].Index):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].Index < a[i].Index:
			out = append(out, b[j])
			j++
		default:
			out = append(out, Bucket{Index: a[i].Index, Count: a[i].Count + b[j].Count})
			i++
			j++
		}
	}
	return out
}

// quantile returns the nearest-rank q-quantile of a sparse histogram as its
// bucket's midpoint, or 0 when it is empty.
func quantile(bs []Bucket, q float64) int64 {
	var n int64
	for _, b := range bs {
		n += b.Count
	}
	if n == 0 {
		return 0
	}
	rank := nearestRank(n, q)
	var c int64
	for _, b := range bs {
		c += b.Count
		if c >= rank {
			return bucketMid(b.Index)
		}
	}
	return bucketMid(bs[len(bs)-1].Index)
}

// nearestRank returns the 1-based rank of the q-quantile among n values:
// ceil(q·n), at least 1, computed in integers for q = 0.5 and 0.9.
func nearestRank(n int64, q float64) int64 {
	var r int64
	switch q {
	case 0.5:
		r = (n + 1) / 2
	case 0.9:
		r = (9*n + 9) / 10
	case 0.95:
		r = (19*n + 19) / 20
	case 0.99:
		r = (99*n + 99) / 100
	default:
		r = int64(q*float64(n) + 0.999999999)
	}
	if r < 1 {
		r = 1
	}
	if r > n {
		r = n
	}
	return r
}

// binOf returns the chart bin of duration v in nanoseconds: with s the whole
// seconds of v (v / 10⁹ rounded down), bin 0 holds s = 0 and bin k ≥ 1
// holds 2^(k−1) ≤ s < 2^k, that is floor(log2(s)) + 1.
func binOf(v int64) int {
	s := v / 1e9
	if s <= 0 {
		return 0
	}
	return bits.Len64(uint64(s))
}

// trimBins returns dense chart bins without trailing zeros (nil when empty).
func trimBins(d []int64) []int64 {
	n := len(d)
	for n > 0 && d[n-1] == 0 {
		n--
	}
	if n == 0 {
		return nil
	}
	return append([]int64(nil), d[:n]...)
}

// addBins adds chart bins b to a.
func addBins(a, b []int64) []int64 {
	if len(b) > len(a) {
		a = append(a, make([]int64, len(b)-len(a))...)
	}
	for i, n := range b {
		a[i] += n
	}
	return a
}
