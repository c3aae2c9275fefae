package analysis

import "strconv"

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
