// Standard output and error as the CLI gets them (bin/qari.js passes them to
// main). A printing command's output goes to a file, a pipe or /dev/null as
// often as to a terminal, and there Node's process.stdout costs more than the
// command itself: making it loads Node's stream classes (and, for a pipe, its
// net module), 5–10% of `node -e 0`. process.stderr likewise.
//
// Logic:
// 1. Standard output that is certainly no terminal (a regular file, a pipe, a
//    socket, or on Linux a memory device, major 1: /dev/null and its kin) is
//    written with fs.writeSync, as Node itself writes to a file. Anything else
//    (a terminal, another device, fstat failing) is process.stdout.
// 2. A write that a pipe refuses for now (EAGAIN: someone made it
//    non-blocking) goes, with every later one, to process.stdout, which waits
//    for the pipe. Any other error goes to the 'error' listeners, as
//    process.stdout's would (main.ts stops quietly on EPIPE and EIO); with
//    none, it is thrown.
// 3. Standard error is process.stderr, made the first time it is asked for.

import {fstatSync, writeSync} from 'node:fs';
import {type Io, type PlainOutput} from './commands.js';

type OutputEvent = 'error' | 'drain' | 'close';
// biome-ignore lint/suspicious/noExplicitAny: the listeners of a stream's events take what the event gives
type Listener = (...args: any[]) => void;

/** The device major number of Linux's memory devices (/dev/null, /dev/zero, /dev/full, …). */
const MEMORY_DEVICES = 1;

/** Whether file descriptor `fd` is certainly no terminal (Logic 1). */
export function certainlyNoTerminal(fd: number): boolean {
	try {
		const stat = fstatSync(fd);
		if (stat.isFile() || stat.isFIFO() || stat.isSocket()) return true;
		// glibc's major(): bits 8–19 and 32–43 of the device number.
		const major = Math.floor(stat.rdev / 0x100) % 0x1000;
		return process.platform === 'linux' && stat.isCharacterDevice() && stat.rdev < 2 ** 32 && major === MEMORY_DEVICES;
	} catch {
		return false;
	}
}

/** Standard output written with fs.writeSync (Logic 1–2). */
export class FileOutput implements PlainOutput {
	readonly isTTY = false;
	readonly columns = undefined;
	readonly #fd: number;
	/** The stream writes go to after an EAGAIN (Logic 2), made only then. */
	readonly #streamOf: () => NodeJS.WriteStream;
	readonly #listeners: {event: OutputEvent; listener: Listener}[] = [];
	#stream: NodeJS.WriteStream | undefined;
	#failure: NodeJS.ErrnoException | undefined;

	constructor(fd: number, stream: () => NodeJS.WriteStream) {
		this.#fd = fd;
		this.#streamOf = stream;
	}

	get destroyed(): boolean {
		return this.#stream ? this.#stream.destroyed : this.#failure !== undefined;
	}

	get errored(): unknown {
		return this.#stream ? this.#stream.errored : (this.#failure ?? null);
	}

	/** 'drain' and 'close' matter only once writes go to the stream: a synchronous write never waits. */
	on(event: OutputEvent, listener: Listener): this {
		this.#listeners.push({event, listener});
		this.#stream?.on(event, listener);
		return this;
	}

	off(event: OutputEvent, listener: Listener): this {
		const at = this.#listeners.findIndex((entry) => entry.event === event && entry.listener === listener);
		if (at >= 0) this.#listeners.splice(at, 1);
		this.#stream?.off(event, listener);
		return this;
	}

	write(chunk: string | Uint8Array): boolean {
		if (this.#stream) return this.#stream.write(chunk);
		if (this.#failure) return false;
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
		let at = 0;
		try {
			while (at < bytes.length) at += writeSync(this.#fd, bytes, at, bytes.length - at);
			return true;
		} catch (error) {
			const failure = error as NodeJS.ErrnoException;
			if (failure.code === 'EAGAIN') {
				const stream = this.#streamOf();
				for (const {event, listener} of this.#listeners) stream.on(event, listener);
				this.#stream = stream;
				return stream.write(bytes.subarray(at));
			}
			this.#failure = failure;
			const errorListeners = this.#listeners.filter((entry) => entry.event === 'error');
			if (errorListeners.length === 0) throw failure;
			for (const {listener} of errorListeners) listener(failure);
			return false;
		}
	}
}

/** The CLI's standard output and error (Logic 1–3). */
export function standardIo(): Io {
	const stdout = certainlyNoTerminal(1) ? new FileOutput(1, () => process.stdout) : process.stdout;
	return {
		stdout,
		get stderr(): NodeJS.WriteStream {
			return process.stderr;
		},
	};
}
