//go:build linux

package analytics

import (
	"io"
	"os"
	"syscall"
)

// pipeBytes is the pipe buffer asked for when events come through a pipe:
// the largest an unprivileged process may set by default
// (/proc/sys/fs/pipe-max-size).
const pipeBytes = 1 << 20

// fSetPipeSz is fcntl's F_SETPIPE_SZ (linux/fcntl.h), not in syscall.
const fSetPipeSz = 1031

// growPipe enlarges the kernel buffer of r when r is a pipe (standard
// input of "… | journeymap funnel -events -", or a FIFO), from the default
// 64 KiB to 1 MiB, so that the writer and the reader hand over 16 times
// fewer, larger pieces. It is best effort: any failure leaves the pipe as
// it was.
func growPipe(r io.Reader) {
	f, ok := r.(*os.File)
	if !ok {
		return
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		return
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return
	}
	_ = rc.Control(func(fd uintptr) {
		_, _, _ = syscall.Syscall(syscall.SYS_FCNTL, fd, fSetPipeSz, pipeBytes)
	})
}
