// Standard output without Node's streams (src/cli/standard-output.ts): where
// it is certainly no terminal, the printing commands write with fs.writeSync
// and never load node:stream or node:net (nor node:os: positions.ts); the
// output is the same bytes as through a pipe. Checked on the built bin, by the list of Node's own modules
// a run loaded (process.moduleLoadList), not by timing anything.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {after, test} from 'node:test';
import {writeChunks} from '../src/cli/print.js';
import {certainlyNoTerminal, FileOutput} from '../src/cli/standard-output.js';
import {bin, root, runQari} from './helpers/run.js';

const temp = mkdtempSync(join(tmpdir(), 'qari-stdout-'));
after(() => rmSync(temp, {recursive: true, force: true}));

/** A preload that writes Node's list of its loaded modules to QARI_BUILTINS_LOG at exit. */
const hook = join(temp, 'builtins.cjs');
writeFileSync(
	hook,
	"'use strict';\nprocess.on('exit', () => require('node:fs').writeFileSync(process.env.QARI_BUILTINS_LOG, process.moduleLoadList.join('\\n')));\n",
);

/** Runs bin/qari.js with standard output to `out` (a path) and standard error to a file; Node's modules it loaded. */
function runTo(out: string, args: readonly string[]): {builtins: string[]; status: number | null} {
	const log = join(temp, 'builtins.txt');
	const stdout = openSync(out, 'w');
	const stderr = openSync(join(temp, 'stderr.txt'), 'w');
	try {
		const result = spawnSync(process.execPath, [`--require=${hook}`, bin, ...args], {
			cwd: root,
			stdio: ['ignore', stdout, stderr],
			env: {...process.env, QARI_BUILTINS_LOG: log, NO_COLOR: '1'},
		});
		return {builtins: readFileSync(log, 'utf8').split('\n'), status: result.status};
	} finally {
		closeSync(stdout);
		closeSync(stderr);
	}
}

for (const args of [['sections'], ['sections', '--json'], ['export'], ['export', '--order', 'visual', '--width', '60']]) {
	test(`qari ${args.join(' ')} to a file or /dev/null: the same bytes as through a pipe, and no stream module loaded`, () => {
		const file = join(temp, 'out.txt');
		const toFile = runTo(file, args);
		assert.equal(toFile.status, 0);
		assert.equal(readFileSync(file, 'utf8'), runQari(args).stdout);
		for (const run of [toFile, runTo('/dev/null', args)]) {
			const needless = run.builtins.filter((name) => /^NativeModule (stream|net|tty|os|crypto)$/.test(name));
			assert.deepEqual(needless, [], 'node:stream, node:net, node:tty, node:os and node:crypto stay unloaded');
		}
	});
}

test('certainlyNoTerminal: a file, a pipe and /dev/null are no terminal', () => {
	const file = openSync(join(temp, 'plain.txt'), 'w');
	const devNull = openSync('/dev/null', 'w');
	try {
		assert.equal(certainlyNoTerminal(file), true);
		assert.equal(certainlyNoTerminal(devNull), process.platform === 'linux');
		assert.equal(certainlyNoTerminal(-1), false);
	} finally {
		closeSync(file);
		closeSync(devNull);
	}
	// Through a pipe, the child's standard output.
	const piped = spawnSync(
		process.execPath,
		['--import', 'tsx', '-e', "import('./src/cli/standard-output.ts').then((m) => process.stdout.write(String(m.certainlyNoTerminal(1))))"],
		{
			cwd: root,
			encoding: 'utf8',
		},
	);
	assert.equal(piped.stdout, 'true', piped.stderr);
});

test('a failed synchronous write: the error listeners hear it once, the output reads as destroyed, and writeChunks stops', async () => {
	const full = openSync('/dev/full', 'w');
	try {
		const heard: string[] = [];
		let written = 0;
		const output = new FileOutput(full, () => assert.fail('no EAGAIN here: the stream is never made'));
		output.on('error', (error) => heard.push(error.code ?? ''));
		const chunks = function* (): Generator<Buffer> {
			for (let i = 0; i < 100; i++) {
				written++;
				yield Buffer.from(`section ${i}\n`);
			}
		};
		await writeChunks(chunks(), output);
		assert.deepEqual(heard, ['ENOSPC']);
		assert.equal(output.destroyed, true);
		assert.equal((output.errored as NodeJS.ErrnoException).code, 'ENOSPC');
		assert.equal(written, 1, 'nothing more is laid out after the failure');
		assert.equal(output.write('more'), false);
		assert.deepEqual(heard, ['ENOSPC'], 'a later write is refused without a second error');
	} finally {
		closeSync(full);
	}
});

test('a pipe someone made non-blocking: what it refuses (EAGAIN), and every later write, go to the stream, in order', () => {
	const fifo = join(temp, 'fifo');
	assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
	const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
	const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
	try {
		const received: Buffer[] = [];
		const fallback = new Writable({
			write(chunk: Buffer, _encoding, done) {
				received.push(chunk);
				done();
			},
		});
		let made = 0;
		const output = new FileOutput(writer, () => {
			made++;
			return fallback as unknown as NodeJS.WriteStream;
		});
		// More than a pipe holds (64 KiB on Linux), with no one reading.
		const big = Buffer.alloc(300_000);
		for (let i = 0; i < big.length; i++) big[i] = 97 + (i % 26);
		output.write(big);
		output.write('tail');
		assert.equal(made, 1, 'the stream is made once, at the first EAGAIN');
		const piped: Buffer[] = [];
		const buffer = Buffer.alloc(65_536);
		for (;;) {
			let n = 0;
			try {
				n = readSync(reader, buffer);
			} catch {
				break;
			}
			if (n === 0) break;
			piped.push(Buffer.from(buffer.subarray(0, n)));
		}
		const all = Buffer.concat([...piped, ...received]);
		assert.ok(piped.length > 0 && received.length > 0, 'part through the pipe, the rest through the stream');
		assert.equal(all.toString('latin1'), `${big.toString('latin1')}tail`);
	} finally {
		closeSync(reader);
		closeSync(writer);
	}
});
