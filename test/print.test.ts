// The printing commands (cli/print.ts) against a pipe whose reader has gone
// (`qari export book.md | head -1`): they stop writing, and laying out, at
// once, instead of making the whole book's text for no one.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {after, test} from 'node:test';
import {parseInvocation} from '../src/cli/commands.js';
import {runExport, writeChunks} from '../src/cli/print.js';

const dir = mkdtempSync(join(tmpdir(), 'qari-print-'));
after(() => rmSync(dir, {recursive: true, force: true}));

/** A pipe as Node gives it: each write completes later; from the second on, the reader is gone (EPIPE). */
function closedPipe(): {stream: Writable; calls: () => number} {
	let writes = 0;
	let calls = 0;
	const stream = new Writable({
		highWaterMark: 16 * 1024,
		write(_chunk, _encoding, callback) {
			writes++;
			const error = writes === 1 ? null : Object.assign(new Error('write EPIPE'), {code: 'EPIPE'});
			setImmediate(() => callback(error));
		},
	});
	// main.ts exits on EPIPE; here the test only counts what was asked of the stream.
	stream.on('error', () => undefined);
	const write = stream.write.bind(stream) as (chunk: Buffer) => boolean;
	stream.write = ((chunk: Buffer) => {
		calls++;
		return write(chunk);
	}) as typeof stream.write;
	return {stream, calls: () => calls};
}

const quiet = new Writable({write: (_chunk, _encoding, callback) => callback()});

test('export | head -1: once the pipe fails, no more chunks are written (nor the rest laid out)', async () => {
	const book = join(dir, 'book.md');
	const paragraph = 'كلمة '.repeat(200);
	writeFileSync(book, Array.from({length: 2000}, (_, i) => `## قسم ${i}\n\n${paragraph}\n`).join('\n'));
	const invocation = parseInvocation(['export', book]);
	assert.equal(invocation?.command, 'export');
	if (invocation?.command !== 'export') return;
	const pipe = closedPipe();
	await runExport(invocation.args, {stdout: pipe.stream as unknown as NodeJS.WriteStream, stderr: quiet as unknown as NodeJS.WriteStream});
	// The book is about 70 chunks; the second write fails, and at most the rest of one section's chunks follow it.
	assert.ok(pipe.calls() <= 3, `${pipe.calls()} chunks written after the reader left`);
});

test('writeChunks waits for a slow reader: every chunk arrives, in order, and the writer never runs ahead of it by more than a chunk', async () => {
	const received: string[] = [];
	let buffered = 0;
	let most = 0;
	const slow = new Writable({
		highWaterMark: 4,
		write(chunk: Buffer, _encoding, callback) {
			setImmediate(() => {
				received.push(chunk.toString());
				callback();
			});
		},
	});
	const chunks = function* () {
		for (let i = 0; i < 50; i++) {
			most = Math.max(most, slow.writableLength - buffered);
			buffered = slow.writableLength;
			yield Buffer.from(`chunk ${i}\n`);
		}
	};
	await writeChunks(chunks(), slow);
	await new Promise<void>((resolve) => slow.end(resolve));
	assert.deepEqual(
		received,
		Array.from({length: 50}, (_, i) => `chunk ${i}\n`),
	);
	assert.ok(most <= 10, `the writer ran ${most} bytes ahead`);
});
