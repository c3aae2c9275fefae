// Package readlimit reads an input whole, but never more than a limit:
// the bounded read every importer and decoder of journeymap starts with.
package readlimit

import "io"

// ReadAll reads r to its end, but at most one byte more than limit. When
// the input is longer than limit, tooLarge is true and data is nil; the
// caller words the error in its own terms. Read errors are returned as
// they are.
func ReadAll(r io.Reader, limit int64) (data []byte, tooLarge bool, err error) {
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > limit {
		return nil, true, nil
	}
	return data, false, nil
}
