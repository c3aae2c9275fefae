package strictjson

import (
	"unicode/utf8"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/safetext"
)

// frameKind says how a container contributes to a JSON path.
type frameKind uint8

const (
	// frameObject is an object with named members: "a.b".
	frameObject frameKind = iota
	// frameMap is an object whose keys are data (persona_emotions, inside
	// extensions): `a["key"]`.
	frameMap
	// frameArray is an array: "a[3]".
	frameArray
)

// frame is one open container on the path stack. Paths are only built from
// the stack when an error is reported, so keeping it costs a few stores per
// member.
type frame struct {
	kind  frameKind
	n     int    // members or elements seen so far
	key   []byte // current member key (decoder), nil before the first
	skey  string // current member key (writer)
	index int    // current element index
}

// appendPath writes the path of the frames, with name appended as a member
// of the innermost object when it is not empty.
func pathOf(frames []frame, name string, useBytes bool) string {
	p := ""
	for i := range frames {
		f := &frames[i]
		switch f.kind {
		case frameArray:
			if f.n > 0 {
				p = docerr.Index(p, f.index)
			}
		default:
			var k string
			var has bool
			if useBytes {
				k, has = string(f.key), f.key != nil
			} else {
				k, has = f.skey, f.n > 0
			}
			if !has {
				continue
			}
			p = appendKey(p, k, f.kind == frameMap)
		}
	}
	if name != "" {
		p = appendKey(p, name, false)
	}
	return p
}

// appendKey appends a member name: as ".name" when it is a plain
// identifier of a known object, else quoted in brackets.
//
// A key longer than safetext.MaxQuote characters is cut as safetext.Quote
// cuts it, so that a path never echoes unbounded input.
func appendKey(p, k string, isMap bool) string {
	if utf8.RuneCountInString(k) > safetext.MaxQuote {
		return p + "[" + safetext.Quote(k) + "]"
	}
	if !isMap && isIdent(k) {
		return docerr.Join(p, k)
	}
	return docerr.Key(p, k)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
