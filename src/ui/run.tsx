// Runs the interactive reader: takes the screen over, renders the App with
// Ink, and gives the terminal back on every way out — q, Ctrl-C, SIGTERM,
// SIGHUP, SIGINT, an exception in the UI — then resolves with the exit code.
// Loaded by dynamic import from cli/read.ts, so `sections` and `export` never load
// Ink or React.
//
// Signals go through the CLI's guard (signal-guard.ts), handed over as
// `start.signals` (this bundle has its own copy of that module), or through
// one installed here when called without it. The reader makes the guard's
// restore its own before Ink renders: on a signal it unmounts Ink and gives
// the terminal back with synchronous writes; the guard then says so in one
// line and ends the process by the signal (the shell sees 128 + n).

import {render, type Instance} from 'ink';
import {escapeUnprintable} from '../parse/sanitize.js';
import {savePosition} from '../cli/positions.js';
import {prepareReader, type ReaderOptions, type ReaderSetup} from '../cli/reader-start.js';
import {type Place} from '../reader/pager.js';
import {installSignalGuard, type SignalGuard} from '../cli/signal-guard.js';
import {enterSequence, EXIT_SIGNALS, leaveSequence} from '../terminal/detect.js';
import {inPlaceFrame} from '../terminal/paint.js';
import {dropUnnamedKeys} from '../terminal/unnamed-keys.js';
import {App} from './app.js';
import {copySequence, openLink} from './open-link.js';
import {ErrorBoundary} from './error-boundary.js';

export type {ReaderOptions} from '../cli/reader-start.js';

const CLEAR_SCREEN = '\u001B[2J\u001B[H';
/** Ink's synchronized update (mode 2026) around a frame. */
const BSU = '\u001B[?2026h';
const ESU = '\u001B[?2026l';
/** What Ink writes to erase its frame before a narrower one: erase line and up, then to column 1. */
// eslint-disable-next-line no-control-regex
const ERASE_ONLY = /^(?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G$/;

/**
 * Makes the next frame Ink writes start from a cleared screen, inside its
 * synchronized update when it uses one, so a terminal that honours mode 2026
 * never shows the blank screen (and one that leaves glyph overhangs, as
 * mlterm does with Arabic, repaints every cell). Returns the function that
 * asks for it, the one that draws the last frame again, and the one that
 * takes the patch off `stdout.write`.
 */
function repaintingWrites(stdout: NodeJS.WriteStream): {repaint: () => void; redraw: () => void; raw: (text: string) => void; restore: () => void} {
	const own = Object.hasOwn(stdout, 'write');
	const original = stdout.write;
	const write = (text: string): boolean => original.call(stdout, text);
	let pending = false;
	let cleared = false;
	let last = '';
	stdout.write = ((given: unknown, ...rest: unknown[]): boolean => {
		if (typeof given !== 'string' || rest.length > 0) return (original as (...args: unknown[]) => boolean).call(stdout, given, ...rest);
		// A frame as tall as the terminal: drawn in place, not after Ink's clear (terminal/paint.ts).
		const chunk = inPlaceFrame(given, stdout.columns || 80, stdout.rows || 24);
		// Ink erasing its frame on its own (a narrower window) would blank the
		// screen outside the synchronized update: the next frame clears instead.
		if (ERASE_ONLY.test(chunk)) {
			pending = true;
			return true;
		}
		if (chunk === BSU) {
			if (!pending) return write(chunk);
			pending = false;
			cleared = true;
			return write(BSU + CLEAR_SCREEN);
		}
		if (chunk === ESU) {
			// Cleared, and Ink found nothing new to draw: draw its last frame again.
			const again = cleared ? last : '';
			cleared = false;
			return write(again + ESU);
		}
		cleared = false;
		last = chunk;
		if (!pending) return write(chunk);
		pending = false;
		return write(CLEAR_SCREEN + chunk);
	}) as typeof stdout.write;
	return {
		repaint: () => {
			pending = true;
		},
		// qari's own sequences, not Ink's frames.
		raw: (text: string) => {
			try {
				write(text);
			} catch {
				// The terminal is gone.
			}
		},
		// The last frame again, on a cleared screen (after a suspend: Ink has nothing new to write).
		redraw: () => {
			if (last) write(BSU + CLEAR_SCREEN + last + ESU);
		},
		restore: () => {
			if (own) stdout.write = original;
			else delete (stdout as {write?: unknown}).write;
		},
	};
}

/** An error message as one printable line (a message may quote article text). */
function oneLine(message: string): string {
	return escapeUnprintable(message.replace(/\s*\n\s*/g, ' '));
}

/** How the CLI hands the terminal over to the reader. */
export interface ReaderStart {
	/** The CLI has already entered the alternate screen and drawn the first frame (cli/reader-start.ts, Logic 3). */
	readonly painted?: boolean;
	/** The process's signal guard, installed before the terminal was taken; one of the reader's own when not given. */
	readonly signals?: SignalGuard;
	/** Stops the process for Ctrl-Z (default: SIGTSTP to itself); tests give their own. */
	readonly stop?: () => void;
}

/**
 * Runs the reader until the user quits; resolves with the exit code (0, or 1
 * on an error; a signal ends the process itself, see signal-guard.ts).
 * `setup` is prepareReader's (made here when not given).
 */
export function runReader(options: ReaderOptions, setup: ReaderSetup = prepareReader(options), start: ReaderStart = {}): Promise<number> {
	const {stdout, stderr} = options;
	const {choice, book, chrome, positionsFile: file, key} = setup;
	let place: Place = setup.place;
	let savedSection = place.section;
	let saveWarned = false;
	const pendingWarnings: string[] = [];
	const save = (): void => {
		const problem = savePosition(file, key, {section: place.section + 1, offset: place.offset, time: Date.now()});
		if (problem && !saveWarned) {
			saveWarned = true;
			pendingWarnings.push(problem);
		}
	};

	return new Promise<number>((resolve) => {
		let instance: Instance | undefined;
		let done = false;
		let entered = false;
		const writes = repaintingWrites(stdout);

		// After a hangup the terminal is gone and writes fail: nothing on the
		// way out may throw, or the exit code and the other writes are lost.
		const write = (stream: NodeJS.WriteStream, text: string): void => {
			try {
				stream.write(text);
			} catch {
				// Nowhere left to say it.
			}
		};
		const finish = (code: number, error?: unknown): void => {
			if (done) return;
			done = true;
			if (!start.signals) signals.dispose();
			process.off('uncaughtException', onCrash);
			save();
			try {
				instance?.unmount();
			} catch {
				// Unmounting a broken tree may throw again; the terminal comes first.
			}
			writes.restore();
			if (entered) write(stdout, leaveSequence(choice));
			for (const warning of pendingWarnings) write(stderr, `qari: warning: ${warning}\n`);
			if (error !== undefined) {
				const message = oneLine(error instanceof Error ? error.message : String(error));
				// One line; the stack only with --debug.
				if (options.debug && error instanceof Error && error.stack) write(stderr, `qari: internal error: ${message}\n${error.stack}\n`);
				else write(stderr, `qari: internal error: ${message} (run again with --debug for details)\n`);
			}
			resolve(code);
		};
		// A signal from here on: the reader gives the terminal back (the guard says why and ends the process).
		const signals = start.signals ?? installSignalGuard(stderr);
		signals.own((signal) => finish(128 + EXIT_SIGNALS[signal]));
		const onCrash = (error: unknown): void => finish(1, error);
		// Ctrl-Z, as less does: the terminal back to the shell, the process
		// stopped; on SIGCONT (fg) the screen taken again and drawn whole.
		const stdin = options.stdin as NodeJS.ReadStream & {setRawMode?: (mode: boolean) => unknown};
		const suspend = (): void => {
			if (done) return;
			writes.raw(leaveSequence(choice));
			stdin.setRawMode?.(false);
			process.once('SIGCONT', () => {
				if (done) return;
				stdin.setRawMode?.(true);
				writes.raw(enterSequence(choice));
				writes.redraw();
				// A window resized while stopped: the App lays the frame out again.
				stdout.emit('resize');
			});
			(start.stop ?? (() => process.kill(process.pid, 'SIGTSTP')))();
		};
		process.on('uncaughtException', onCrash);

		try {
			entered = true;
			if (!start.painted) stdout.write(enterSequence(choice));
			instance = render(
				<ErrorBoundary onError={(error) => finish(1, error)}>
					<App
						book={book}
						chrome={chrome}
						bidi={choice}
						color={options.color}
						{...(options.maxWidth ? {maxWidth: options.maxWidth} : {})}
						start={place}
						onPlace={(next) => {
							place = next;
							if (next.section !== savedSection) {
								savedSection = next.section;
								save();
							}
						}}
						onQuit={() => finish(0)}
						onError={(error) => finish(1, error)}
						onResize={writes.repaint}
						onRepaint={writes.repaint}
						onSuspend={suspend}
						onOpenLink={(href) => openLink(href, options.env)}
						onCopy={(href) => {
							writes.raw(copySequence(href));
							return `copied (OSC 52, where the terminal allows): ${href}`;
						}}
					/>
				</ErrorBoundary>,
				{stdin: withoutUnnamedKeys(options.stdin), stdout, stderr, exitOnCtrlC: false},
			);
			instance.waitUntilExit().then(
				() => finish(0),
				(error: unknown) => finish(1, error),
			);
		} catch (error) {
			finish(1, error);
		}
	});
}

/**
 * The key stream with the sequences Ink cannot name taken out of each chunk Ink reads
 * (terminal/unnamed-keys.ts): Ctrl+F1 would otherwise end the reader with an internal error.
 */
function withoutUnnamedKeys(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
	const read = stdin.read;
	stdin.read = function (this: NodeJS.ReadStream, size?: number) {
		const chunk: unknown = read.call(this, size);
		return typeof chunk === 'string' ? dropUnnamedKeys(chunk) : chunk;
	} as typeof stdin.read;
	return stdin;
}
