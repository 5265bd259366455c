package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// interrupt is the cause of a run's context that a signal canceled.
type interrupt struct{ sig syscall.Signal }

func (i *interrupt) Error() string { return "interrupted by " + i.String() }

// String names the signal as shells do: SIGINT, SIGTERM.
func (i *interrupt) String() string {
	switch i.sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return i.sig.String()
}

// exitCode is what a shell reports for a process the signal ended: 130
// for SIGINT, 143 for SIGTERM.
func (i *interrupt) exitCode() int { return 128 + int(i.sig) }

// interruptible returns a context that the first SIGINT or SIGTERM cancels
// with an *interrupt cause, so that the run stops, writes what it has
// (saying it was interrupted) and exits 130 or 143. The handler is then
// removed: a second signal ends the process at once, the usual way. stop
// removes it too.
func interruptible(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-signals:
			signal.Stop(signals)
			if sig, ok := s.(syscall.Signal); ok {
				cancel(&interrupt{sig: sig})
			}
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		signal.Stop(signals)
		cancel(nil)
	}
}

// interruptedBy reports the signal that canceled ctx, if one did.
func interruptedBy(ctx context.Context) (*interrupt, bool) {
	var i *interrupt
	ok := errors.As(context.Cause(ctx), &i)
	return i, ok
}
