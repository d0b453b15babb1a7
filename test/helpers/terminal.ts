// A fake terminal for reader tests: keys typed into a stdin Ink can read, and
// polling a frame until it shows what a key should have changed (never a
// blind sleep).
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';

/** A stdin that Ink accepts as a TTY; `type` delivers keys as one chunk. */
export function fakeStdin() {
	let queued: string | null = null;
	const stdin = Object.assign(new EventEmitter(), {
		isTTY: true,
		setRawMode: () => stdin,
		setEncoding: () => stdin,
		ref: () => stdin,
		unref: () => stdin,
		resume: () => stdin,
		pause: () => stdin,
		read: () => {
			const data = queued;
			queued = null;
			return data;
		},
		type(data: string): void {
			queued = data;
			stdin.emit('readable');
		},
	});
	return stdin;
}

/** Polls `read` until `predicate` holds (3 s at most); returns the frame. */
export async function waitForFrame(read: () => string, predicate: (frame: string) => boolean, what: string): Promise<string> {
	const deadline = Date.now() + 3000;
	for (;;) {
		const current = read();
		if (predicate(current)) return current;
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the frame is:\n${current}`);
		await new Promise((r) => setTimeout(r, 5));
	}
}
