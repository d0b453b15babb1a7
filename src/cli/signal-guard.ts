// The reader's exit signals (SIGINT, SIGTERM, SIGHUP): one set of handlers
// from before the terminal is taken until the process ends, whoever holds
// the terminal at the moment.
//
// Logic:
// 1. The handlers are installed once and not removed while the terminal is
//    held. Node closes a signal's handle when its last listener goes, and a
//    signal libuv has caught but not yet dispatched (the main thread busy,
//    say evaluating the reader bundle) goes with that handle: a hand-off that
//    removes one set of listeners and adds another loses it (issue 10).
// 2. What a signal must undo changes while the reader starts: first the
//    CLI's first paint (raw mode, alternate screen), then the Ink reader.
//    Each sets the guard's `restore` when it takes the terminal over; a
//    signal runs whichever is current, at the moment it is dispatched.
// 3. On a signal: restore, then one line on stderr (`qari: stopped by
//    SIGTERM`), then the process ends by the signal itself, so the shell
//    sees 128 + n as for any program a signal ends. The guard removes every
//    listener of the signal, its own and any other's, so that Node gives the
//    signal its default action back, and raises it again. (Ink's signal-exit
//    stays loaded after Ink unmounts, cli-cursor keeping a callback in it;
//    left in place it would catch the raised signal, write a cursor-show
//    after the line and raise it once more.) The process ends inside the
//    handler: nothing is drawn after the terminal is given back.
// 4. The reader bundle (dist/reader.js) has its own copy of this module: the
//    guard crosses from the CLI bundle to it as an object (runReader's
//    `start.signals`), never through module state.

import {EXIT_SIGNALS, type ExitSignal} from '../terminal/detect.js';

export interface SignalGuard {
	/**
	 * Makes `restore` what a signal runs before the process ends, in place of
	 * the previous one (Logic 2). It must give the terminal back with
	 * synchronous writes and never throw (a throw is ignored: the line and
	 * the exit still come).
	 */
	own(restore: (signal: ExitSignal) => void): void;
	/** Removes the handlers: for whoever installed the guard, once the terminal is back. */
	dispose(): void;
}

/** Where the line goes: a stream whose writes are synchronous (a terminal, a pipe or a file, on Linux). */
export interface LineSink {
	write(text: string): unknown;
}

/** Installs the handlers (Logic 1); the process's default action stays until then. */
export function installSignalGuard(stderr: LineSink): SignalGuard {
	let restore: (signal: ExitSignal) => void = () => undefined;
	let stopping = false;
	const handlers = (Object.keys(EXIT_SIGNALS) as ExitSignal[]).map((name) => {
		const handler = (): void => {
			if (stopping) return;
			stopping = true;
			try {
				restore(name);
			} catch {
				// The terminal is gone, or the reader broke: the line and the exit still come.
			}
			try {
				stderr.write(`qari: stopped by ${name}\n`);
			} catch {
				// Nowhere left to say it.
			}
			// Logic 3: with no listener left, the signal's default action is back and raising it ends the process here.
			process.removeAllListeners(name);
			process.kill(process.pid, name);
			// Not reached unless the signal is blocked: the same status all the same.
			process.exit(128 + EXIT_SIGNALS[name]);
		};
		process.on(name, handler);
		return [name, handler] as const;
	});
	const dispose = (): void => {
		for (const [name, handler] of handlers) process.off(name, handler);
	};
	return {
		own(next) {
			restore = next;
		},
		dispose,
	};
}
