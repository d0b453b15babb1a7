// Frame timing for `npm run bench`, loaded into the reader with
// `node --import ./scripts/bench/bench-trace.mjs bin/qari.js …` and
// QARI_TRACE_FRAMES=<file>. Nothing in qari itself knows about it, so it costs
// the reader nothing. Appends one line per event, times in milliseconds since
// the epoch (fractional):
//
//   start <t>        the process started (performance.timeOrigin)
//   input <t>        key bytes arrived on stdin, before Ink reads them
//   frame <t> <n>    the last write of a burst of writes to stdout; n: characters written
//
// Ink writes a frame (with its synchronized-update markers) in one
// synchronous burst, so the end of a burst is the end of a frame: the time
// kept is that of its last write, logged once the event loop turns.
import {appendFileSync} from 'node:fs';

const file = process.env.QARI_TRACE_FRAMES;
if (file) {
	const now = () => performance.timeOrigin + performance.now();
	const log = (line) => {
		try {
			appendFileSync(file, `${line}\n`);
		} catch {
			// A trace that cannot be written must not break the reader.
		}
	};
	log(`start ${performance.timeOrigin.toFixed(3)}`);
	// Registered before Ink's listener, so it runs first. The terminal is in
	// cooked mode until Ink switches it to raw mode: nothing arrives before.
	process.stdin.on('readable', () => log(`input ${now().toFixed(3)}`));
	const write = process.stdout.write.bind(process.stdout);
	let last = 0;
	let size = 0;
	let pending = false;
	process.stdout.write = (chunk, ...rest) => {
		const result = write(chunk, ...rest);
		last = now();
		size += typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk.length : 0;
		if (!pending) {
			pending = true;
			setImmediate(() => {
				pending = false;
				log(`frame ${last.toFixed(3)} ${size}`);
				size = 0;
			});
		}
		return result;
	};
}
