// A fake terminal for reader tests: keys typed into a stdin Ink can read, and
// polling a frame until it shows what a key should have changed (never a
// blind sleep).
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';

/**
 * A stdin that Ink accepts as a TTY; `type` delivers keys as one chunk. Keys
 * typed before Ink listens are kept, in order, and delivered when it starts
 * listening: on a busy machine a test may type before the first render.
 */
export function fakeStdin() {
	const queued: string[] = [];
	const stdin = Object.assign(new EventEmitter(), {
		isTTY: true,
		setRawMode: () => stdin,
		setEncoding: () => stdin,
		ref: () => stdin,
		unref: () => stdin,
		resume: () => stdin,
		pause: () => stdin,
		read: () => queued.shift() ?? null,
		type(data: string): void {
			queued.push(data);
			stdin.emit('readable');
		},
	});
	stdin.on('newListener', (event: string) => {
		if (event === 'readable' && queued.length > 0) setImmediate(() => stdin.emit('readable'));
	});
	return stdin;
}

/** Polls `read` until `predicate` holds; returns the frame. The limit only guards against a hang. */
export async function waitForFrame(read: () => string, predicate: (frame: string) => boolean, what: string): Promise<string> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const current = read();
		if (predicate(current)) return current;
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the frame is:\n${current}`);
		await new Promise((r) => setTimeout(r, 5));
	}
}
