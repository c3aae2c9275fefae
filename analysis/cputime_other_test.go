//go:build !unix

package analysis_test

import "time"

// cpuTime is not measured on this system; the CPU ratio is then not reported.
func cpuTime() time.Duration { return 0 }
