// Signals while the reader starts (issue 10): SIGINT, SIGTERM or SIGHUP at
// any moment from spawn to the first key ends qari with the terminal given
// back — alternate screen off, cursor shown, BiDi mode restored, raw mode
// off — one line `qari: stopped by SIGx` after that, and the status 128 + n.
// A signal that comes before qari has touched the terminal ends it as it
// would any program. The built bin/qari.js runs on a pseudo-terminal of its
// own (helpers/pty.ts), as VTE, so the BiDi mode switch is in play.
//
// The window where a signal was lost (the first paint's handlers removed
// before the reader's were added, while the main thread was busy with the
// reader bundle) is made wide on purpose with QARI_TEST_READER_DELAY_MS
// (cli/read.ts, holdForTest). QARI_SIGNAL_SWEEP=n sweeps n moments instead of
// the few `npm test` takes.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {constants, tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {ALT_SCREEN_ON, chooseBidi, detectTerminal, enterSequence, leaveSequence} from '../src/terminal/detect.js';
import {runInPty, type PtyResult, type PtyStep} from './helpers/pty.js';
import {bin, root} from './helpers/run.js';

const temp = mkdtempSync(join(tmpdir(), 'qari-signals-'));
after(() => rmSync(temp, {recursive: true, force: true}));

const terminalEnv = {TERM: 'xterm-256color', VTE_VERSION: '7200'};
const choice = chooseBidi('auto', detectTerminal(terminalEnv));
const enter = enterSequence(choice);
const leave = leaveSequence(choice);
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof signals)[number];

let runs = 0;
/** bin/qari.js on the bundled article, from the start, on an 80×24 pseudo-terminal. */
function reader(steps: readonly PtyStep[], env: Record<string, string> = {}): Promise<PtyResult> {
	return runInPty({
		argv: [process.execPath, bin, '--from-start'],
		env: {PATH: process.env['PATH'] ?? '', ...terminalEnv, NO_COLOR: '1', XDG_STATE_HOME: join(temp, `state-${runs++}`), ...env},
		cwd: root,
		steps,
	});
}

const count = (text: string, part: string): number => text.split(part).length - 1;

/**
 * The run ended by `signal` as the issue asks; says whether qari had taken
 * the terminal by then ('taken') or not yet ('before').
 */
function assertStopped(run: PtyResult, signal: Signal, what: string): 'taken' | 'before' {
	const tail = JSON.stringify(run.output.slice(-300));
	assert.equal(run.timedOut, null, `${what}: qari still ran after ${signal} (waiting for ${run.timedOut}); the terminal's last bytes: ${tail}`);
	assert.equal(
		run.status,
		128 + constants.signals[signal],
		`${what}: status 128 + ${constants.signals[signal]} (${signal}); it ended ${run.signal ?? `with ${run.code}`}`,
	);
	assert.ok(run.echo && run.canonical, `${what}: the terminal echoes and reads lines again (raw mode off)`);
	const line = `qari: stopped by ${signal}`;
	const took = run.output.indexOf(ALT_SCREEN_ON);
	if (took < 0) {
		// Nothing on the terminal yet: at most the line.
		assert.match(run.output, new RegExp(`^(${line}\\r?\\n)?$`), `${what}: before the terminal was taken, nothing but the line: ${tail}`);
		return 'before';
	}
	assert.ok(run.output.startsWith(enter), `${what}: the terminal was taken (alternate screen, cursor hidden, CSI 8 l) before anything else was written`);
	const back = run.output.lastIndexOf(leave);
	assert.ok(back > took, `${what}: the terminal is given back (CSI 8 h, cursor shown, main screen): ${tail}`);
	assert.match(run.output.slice(back + leave.length), new RegExp(`^${line}\\r?\\n$`), `${what}: one line after it, and nothing else: ${tail}`);
	assert.equal(count(run.output, 'qari: stopped by'), 1, `${what}: the line once`);
	return 'taken';
}

test('a signal while the reader bundle is still being evaluated (the window held wide) ends the reader', {concurrency: true}, async (t) => {
	await Promise.all(
		signals.map((signal) =>
			t.test(signal, async () => {
				// The first frame is on the screen and the main thread is held (cli/read.ts, holdForTest): the signal is sent inside that hold.
				const run = await reader([{wait: enter}, {signal}], {QARI_TEST_READER_DELAY_MS: '3000'});
				assert.equal(assertStopped(run, signal, signal), 'taken');
			}),
		),
	);
});

test('a signal at any moment from spawn to the first key: the terminal back, one line, 128 + n', async (t) => {
	// How long this machine takes, now, from spawn to the reader's first key handled.
	const started = Date.now();
	const calibration = await reader([{wait: enter}, {keys: 'n'}, {wait: 'section 2/3'}, {keys: 'q'}]);
	const ready = Date.now() - started;
	assert.equal(calibration.timedOut, null, `the reader answers n and q: ${JSON.stringify(calibration.output.slice(-300))}`);
	assert.equal(calibration.status, 0);

	const moments = Math.max(2, Number(process.env['QARI_SIGNAL_SWEEP'] ?? '') || 6);
	const seen = {before: 0, taken: 0};
	for (let i = 0; i < moments; i++) {
		const at = Math.round((i * ready * 1.2) / (moments - 1));
		const signal = signals[i % signals.length] ?? 'SIGTERM';
		const run = await reader([{sleepMs: at}, {signal}]);
		seen[assertStopped(run, signal, `${signal} ${at} ms after spawn`)]++;
	}
	// And surely after the reader has handled its first key (these wait on the screen, so they may run side by side).
	await Promise.all(
		signals.map(async (signal) => {
			const run = await reader([{wait: enter}, {keys: 'n'}, {wait: 'section 2/3'}, {signal}]);
			assert.equal(assertStopped(run, signal, `${signal} after the first key`), 'taken');
		}),
	);
	t.diagnostic(`from spawn to the first key: ${ready} ms; ${moments} moments: ${seen.before} before the terminal was taken, ${seen.taken} after`);
});
