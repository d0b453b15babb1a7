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

type ErrorListener = (error: NodeJS.ErrnoException) => void;

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
class FileOutput implements PlainOutput {
	readonly isTTY = false;
	readonly columns = undefined;
	readonly #fd: number;
	/** The stream writes go to after an EAGAIN (Logic 2), made only then. */
	readonly #streamOf: () => NodeJS.WriteStream;
	readonly #listeners: ErrorListener[] = [];
	#stream: NodeJS.WriteStream | undefined;

	constructor(fd: number, stream: () => NodeJS.WriteStream) {
		this.#fd = fd;
		this.#streamOf = stream;
	}

	on(event: 'error', listener: ErrorListener): this {
		if (event === 'error') this.#listeners.push(listener);
		return this;
	}

	write(chunk: string | Uint8Array): boolean {
		if (this.#stream) return this.#stream.write(chunk);
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
		let at = 0;
		try {
			while (at < bytes.length) at += writeSync(this.#fd, bytes, at, bytes.length - at);
			return true;
		} catch (error) {
			const failure = error as NodeJS.ErrnoException;
			if (failure.code === 'EAGAIN') {
				const stream = this.#streamOf();
				for (const listener of this.#listeners) stream.on('error', listener);
				this.#stream = stream;
				return stream.write(bytes.subarray(at));
			}
			if (this.#listeners.length === 0) throw failure;
			for (const listener of this.#listeners) listener(failure);
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
