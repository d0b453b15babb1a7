// The reader in a real terminal: tmux on a private socket runs the built
// bin/qari.js at 80×24, the test reads the screen with capture-pane, presses
// keys, resizes the window, quits, and checks the shell's screen is back.
// `npm test` builds first; CI installs tmux (QARI_SKIP_TMUX=1 skips it where
// tmux cannot be had).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import stringWidth from 'string-width';
import {hostileBytes} from './helpers/hostile.js';
import {root} from './helpers/run.js';
import {page} from './helpers/web-pages.js';
import {html, startServer} from './helpers/web-server.js';

const socket = `qari-test-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;
const skip = !hasTmux && process.env['QARI_SKIP_TMUX'] === '1' ? 'tmux is not installed (QARI_SKIP_TMUX=1)' : false;
const temp = mkdtempSync(join(tmpdir(), 'qari-e2e-'));
const config = join(temp, 'tmux.conf');
// Keep the pane after the command ends (to read EXIT=…); no status line: the pane is the whole window.
writeFileSync(config, 'set -g remain-on-exit on\nset -g status off\n');

let socketPath = '';
after(() => {
	if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
	// tmux may leave the socket file of a killed server behind.
	if (socketPath) rmSync(socketPath, {force: true});
	rmSync(temp, {recursive: true, force: true});
});

function tmux(...args: string[]): string {
	const result = spawnSync('tmux', ['-L', socket, '-f', config, ...args], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
	return result.stdout;
}

const screen = (target: string): string[] => tmux('capture-pane', '-p', '-t', target).replace(/\n$/, '').split('\n');
/** The normal screen with its history: tmux pushes rows into the history when a window shrinks. */
const screenAndHistory = (target: string): string => tmux('capture-pane', '-p', '-S', '-', '-t', target);

/**
 * Polls the screen until `predicate` holds on two captures in a row that are
 * the same: a frame caught while it is being drawn does not count.
 */
async function waitForScreen(target: string, predicate: (rows: string[]) => boolean, what: string): Promise<string[]> {
	const deadline = Date.now() + 60_000;
	let previous = '';
	for (;;) {
		const rows = screen(target);
		const text = rows.join('\n');
		if (predicate(rows) && text === previous) return rows;
		previous = predicate(rows) ? text : '';
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the screen is:\n${text}`);
		await new Promise((r) => setTimeout(r, 60));
	}
}

/** Polls a file until `predicate` holds on its text (read as bytes, one char each). */
async function waitForFile(file: string, predicate: (text: string) => boolean, what: string): Promise<string> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const text = existsSync(file) ? readFileSync(file, 'latin1') : '';
		if (predicate(text)) return text;
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the file has ${JSON.stringify(text.slice(-300))}`);
		await new Promise((r) => setTimeout(r, 60));
	}
}

const has = (text: string) => (rows: string[]) => rows.some((row) => row.includes(text));

/** bodyRows of a whole frame, or [] for one caught while it is drawn (for predicates: tmux 3.3 has no synchronized update). */
function bodyRowsIfWhole(rows: string[]): string[] {
	return rows.filter((row) => /^\s*─{10,}$/.test(row)).length >= 2 ? bodyRows(rows) : [];
}
const arabic = /[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]/;

/** Body rows: between the header's rule (row 3) and the footer's rule. */
function bodyRows(rows: string[]): string[] {
	const rules = rows.map((row, i) => (/^\s*─{10,}$/.test(row) ? i : -1)).filter((i) => i >= 0);
	const [top, bottom] = rules;
	assert.ok(top !== undefined && bottom !== undefined, `two rules on screen:\n${rows.join('\n')}`);
	return rows.slice(top + 1, bottom);
}

function startReader(name: string, command: string): string {
	const stateHome = join(temp, `state-${name}`);
	// The shell prints a marker before qari takes the screen; it must be there
	// again afterwards. It then stays alive so the pane's state can be read
	// (a dead pane reports its cursor hidden); kill-server ends it.
	const script = `printf 'SHELL-BEFORE-%s\\n' ${name}; ${command.replace('QARI', `env -u CI -u CONTINUOUS_INTEGRATION XDG_STATE_HOME=${stateHome} node bin/qari.js`)}; echo EXIT=$?; sleep 600`;
	tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-c', root, script);
	// Let resize-window size the window (no client is attached). Per window:
	// tmux 3.3a's server dies creating a session with the global option set.
	tmux('set', '-w', '-t', name, 'window-size', 'manual');
	socketPath ||= tmux('display', '-p', '-t', name, '#{socket_path}').trim();
	return name;
}

test('a real terminal: header, RTL rows at the right edge, keys, resize to 50×20, quit restores the screen', {skip}, async () => {
	assert.ok(hasTmux, 'tmux is needed for this test (CI installs it); set QARI_SKIP_TMUX=1 to skip it');
	assert.ok(existsSync(join(root, 'dist', 'cli.cjs')), "run 'npm run build' first (npm test does)");
	const target = startReader('main', 'QARI --from-start');

	// 80×24: the header names the section; the body is right to left, every row ending at column 78.
	let rows = await waitForScreen(target, has('section 1/3'), 'the first frame');
	assert.equal(tmux('display', '-p', '-t', target, '#{alternate_on}').trim(), '1', 'the alternate screen is on');
	assert.ok(rows.length <= 24);
	// The lead's section row does not repeat the article's title: the row above it has it.
	const at = rows.findIndex((row) => row.includes('section 1/3'));
	const header = rows[at];
	const titleRow = rows[at - 1];
	assert.ok(header && titleRow && arabic.test(titleRow), 'the title is on the row above the section number');
	assert.equal(stringWidth(header.trimEnd()), 78, 'the header is laid out right to left, ending at the right margin');
	assert.equal(stringWidth(titleRow.trimEnd()), 78, 'the title row too');
	const rtlRows = bodyRows(rows).filter((row) => arabic.test(row));
	assert.ok(rtlRows.length >= 10, `right-to-left rows on screen: ${rtlRows.length}`);
	for (const row of rtlRows) assert.equal(stringWidth(row.trimEnd()), 78, `a right-to-left row ends at column 78 (80 minus a 2-cell margin): '${row}'`);
	// The frame fills the terminal: the footer is on its last row.
	assert.equal(rows.length, 24);
	assert.match(rows[23] ?? '', /page 1\/\d+ · \d+%/, `the footer on the last row:\n${rows.join('\n')}`);

	// Keys: the next section, then a few lines down. Every frame is drawn in
	// place (terminal/paint.ts): what qari writes for them never clears the screen.
	tmux('send-keys', '-t', target, 'n');
	rows = await waitForScreen(target, has('section 2/3'), 'section 2 after n');
	const written = join(temp, 'written');
	tmux('pipe-pane', '-o', '-t', target, `cat >> ${written}`);
	tmux('send-keys', '-t', target, 'j', 'j', 'j');
	rows = await waitForScreen(target, (r) => !r.some((row) => row.includes('section 1/3')) && bodyRows(r)[0] !== bodyRows(rows)[0], 'three lines down');
	// The pipe's `cat` may lag the screen: wait until a whole frame (Ink may draw the three keys as
	// fewer) has reached the file, its last row and the end of its synchronized update.
	const bytes = await waitForFile(written, (text) => text.includes('\u001B[24;1H') && text.endsWith('\u001B[?2026l'), 'frames written in place');
	tmux('pipe-pane', '-t', target);
	for (const row of rows) assert.ok(stringWidth(row) <= 80);
	assert.match(rows[23] ?? '', /page \d+\/\d+ · \d+%/, 'the footer is still on the last row');
	assert.ok(bytes.includes('\u001B[24;1H'), `the last row is drawn in place: ${JSON.stringify(bytes.slice(0, 200))}`);
	assert.ok(!bytes.includes('\u001B[2J') && !bytes.includes('\u001B[3J'), 'no key clears the screen or the scrollback');

	// The word that starts the first row of the page (in an RTL row, its rightmost word).
	const firstRow = bodyRows(rows).find((row) => arabic.test(row)) ?? '';
	const words = firstRow.trim().split(/\s+/);
	const word = words[words.length - 1] ?? '';
	assert.ok(word.length >= 2, `a word on the first row: '${firstRow}'`);

	// Resize to 50×20: the page reflows, nothing is wider than 50, the word is still on screen.
	tmux('resize-window', '-t', target, '-x', '50', '-y', '20');
	assert.equal(tmux('display', '-p', '-t', target, '#{window_width}x#{window_height}').trim(), '50x20');
	rows = await waitForScreen(
		target,
		(r) => r.length <= 20 && r.every((row) => stringWidth(row) <= 50) && has('section 2/3')(r) && r.some((row) => /page \d+\/\d+/.test(row)),
		'a frame that fits 50×20',
	);
	for (const row of rows) assert.ok(stringWidth(row) <= 50, `no row wider than 50: '${row}'`);
	assert.match(rows[19] ?? '', /page \d+\/\d+/, `the footer on the last row of 20:\n${rows.join('\n')}`);
	assert.ok(
		bodyRows(rows).some((row) => row.includes(word)),
		`'${word}' is still on screen after the resize:\n${rows.join('\n')}`,
	);
	for (const row of bodyRows(rows).filter((r) => arabic.test(r))) assert.equal(stringWidth(row.trimEnd()), 49, `ends at column 49: '${row}'`);

	// Quit: the shell's screen is back, with the marker printed before qari, and the exit status 0.
	tmux('send-keys', '-t', target, 'q');
	rows = await waitForScreen(target, has('EXIT='), 'the exit status');
	assert.ok(
		rows.some((row) => row === 'EXIT=0'),
		`exit status 0:\n${rows.join('\n')}`,
	);
	assert.ok(screenAndHistory(target).includes('SHELL-BEFORE-main'), `the shell screen is back:\n${rows.join('\n')}`);
	assert.ok(!has('section 2/3')(rows), 'nothing of the reader is left');
	assert.equal(tmux('display', '-p', '-t', target, '#{alternate_on}').trim(), '0', 'the alternate screen is off');
	assert.equal(tmux('display', '-p', '-t', target, '#{cursor_flag}').trim(), '1', 'the cursor is visible');
});

for (const [signal, status] of [
	['SIGTERM', 143],
	['SIGHUP', 129],
	['SIGINT', 130],
] as const) {
	test(`a real terminal: ${signal} restores the screen too, with one line`, {skip}, async () => {
		assert.ok(hasTmux, 'tmux is needed for this test (CI installs it); set QARI_SKIP_TMUX=1 to skip it');
		// The inner shell prints its pid and becomes qari (exec), so the test can signal it.
		const name = signal.toLowerCase();
		const target = startReader(name, `sh -c 'echo PID=$$; exec QARI --from-start'`);
		let rows = await waitForScreen(target, has('section 1/3'), 'the first frame');
		// -a: the screen kept aside while the alternate screen is on, the shell's.
		const history = tmux('capture-pane', '-p', '-a', '-t', target);
		const pid = Number(/PID=(\d+)/.exec(history)?.[1]);
		assert.ok(pid > 0, `the pid on the shell screen: ${history}`);
		process.kill(pid, signal);
		rows = await waitForScreen(target, has('EXIT='), 'the exit status');
		assert.ok(
			rows.some((row) => row === `EXIT=${status}`),
			`exit status ${status} (${signal}):\n${rows.join('\n')}`,
		);
		assert.ok(
			rows.some((row) => row === `qari: stopped by ${signal}`),
			`one line says why:\n${rows.join('\n')}`,
		);
		const shell = screenAndHistory(target);
		assert.ok(shell.includes(`SHELL-BEFORE-${name}`) && shell.includes('PID='), `the shell screen is back:\n${shell}`);
		assert.ok(!has('section 1/3')(rows), 'nothing of the reader is left');
		assert.equal(tmux('display', '-p', '-t', target, '#{alternate_on}').trim(), '0');
		assert.equal(tmux('display', '-p', '-t', target, '#{cursor_flag}').trim(), '1');
	});
}

test('a real terminal: Esc never quits the page (issue 10); the keys after it still go to the reader', {skip}, async () => {
	assert.ok(hasTmux, 'tmux is needed for this test (CI installs it); set QARI_SKIP_TMUX=1 to skip it');
	const target = startReader('escape', 'QARI --from-start');
	await waitForScreen(target, has('section 1/3'), 'the first frame');
	const stillReading = (what: string): void => {
		assert.equal(tmux('display', '-p', '-t', target, '#{alternate_on}').trim(), '1', `${what}: the reader still has the screen`);
		assert.ok(!has('EXIT=')(screenAndHistory(target).split('\n')), `${what}: qari has not exited`);
	};
	// /zzzz Enter: no match; Esc: the footer says what quits, and the reader stays.
	tmux('send-keys', '-t', target, '/', 'zzzz', 'Enter');
	await waitForScreen(target, has("no match for 'zzzz'"), 'no match');
	tmux('send-keys', '-t', target, 'Escape');
	await waitForScreen(target, has('q quits'), 'the footer saying what quits');
	stillReading('Esc after a search with no match');
	// A found search: the first Esc clears it, the second does not quit either.
	tmux('send-keys', '-t', target, '/');
	// The prompt is laid out in the article's direction: ':search' in a right-to-left one.
	await waitForScreen(target, (r) => r.some((row) => /:search|search:/.test(row)), 'the search prompt');
	tmux('send-keys', '-t', target, '-l', 'الاسد');
	tmux('send-keys', '-t', target, 'Enter');
	await waitForScreen(target, (r) => r.some((row) => /match 1\//.test(row)), 'a found search');
	tmux('send-keys', '-t', target, 'Escape');
	await waitForScreen(target, (r) => !r.some((row) => /match \d+\//.test(row)) && has('section 1/3')(r), 'the search cleared');
	tmux('send-keys', '-t', target, 'Escape');
	await waitForScreen(target, has('q quits'), 'the footer saying what quits');
	stillReading('the second Esc');
	// The next keystrokes are the reader's, not the shell's.
	tmux('send-keys', '-t', target, 'n');
	await waitForScreen(target, has('section 2/3'), 'section 2 after n');
	tmux('send-keys', '-t', target, 'q');
	const rows = await waitForScreen(target, has('EXIT='), 'the exit status');
	assert.ok(
		rows.some((row) => row === 'EXIT=0'),
		rows.join('\n'),
	);
	assert.equal(tmux('display', '-p', '-t', target, '#{alternate_on}').trim(), '0');
});

test('a real terminal: an article that sets the title, clears the screen and resets the terminal does none of it', {skip}, async () => {
	assert.ok(hasTmux, 'tmux is needed for this test (CI installs it); set QARI_SKIP_TMUX=1 to skip it');
	const article = join(temp, 'hostile.md');
	writeFileSync(article, hostileBytes);
	const target = startReader('hostile', `QARI --from-start '${article}'`);
	const title = (): string => tmux('display', '-p', '-t', target, '#{pane_title}').trim();
	const before = title();
	let rows = await waitForScreen(target, has('section 1/2'), 'the first frame');
	// The page is intact: header at the top, the text, the footer at the bottom, in the alternate screen.
	assert.equal(tmux('display', '-p', '-t', target, '#{alternate_on}').trim(), '1', 'ESC c did not reset the terminal');
	assert.equal(title(), before, 'OSC 0 and OSC 2 did not change the title');
	assert.ok(/Front matter/.test(rows[0] ?? ''), `the header is on the first row:\n${rows.join('\n')}`);
	assert.ok(
		rows.some((row) => /page 1\/\d+/.test(row)),
		'the footer',
	);
	for (const word of ['Before', 'cleared', 'reset', 'afterwards']) assert.ok(has(word)(rows), `'${word}' on screen:\n${rows.join('\n')}`);
	for (const row of rows) assert.ok(!/XTITLE|XDCS|XAPC|XPM|XSOS/.test(row), `no payload on screen: '${row}'`);
	for (const row of rows) assert.ok(stringWidth(row) <= 80);
	// Page through it all: the screen stays whole on every page.
	for (let i = 0; i < 6; i++) {
		tmux('send-keys', '-t', target, 'space');
		rows = await waitForScreen(target, (r) => r.some((row) => /page \d+\/\d+/.test(row)) && /Front matter/.test(r[0] ?? ''), 'a whole page');
		assert.equal(title(), before);
	}
	tmux('send-keys', '-t', target, 'n');
	rows = await waitForScreen(target, has('section 2/2'), 'section 2');
	assert.ok(has('Tail text')(rows));
	tmux('send-keys', '-t', target, 'q');
	rows = await waitForScreen(target, has('EXIT='), 'the exit status');
	assert.ok(
		rows.some((row) => row === 'EXIT=0'),
		rows.join('\n'),
	);
	assert.equal(title(), before, 'the title is unchanged after quitting');
	assert.equal(tmux('display', '-p', '-t', target, '#{alternate_on}').trim(), '0');
	assert.equal(tmux('display', '-p', '-t', target, '#{cursor_flag}').trim(), '1');
});

test('web pages in a real terminal: a URL and saved pages open with title, metadata line and right-to-left rows', {skip}, async () => {
	assert.ok(hasTmux, 'tmux is needed for this test (CI installs it); set QARI_SKIP_TMUX=1 to skip it');
	const server = await startServer({'/ar-news.html': html(page('ar-news').html)});
	try {
		const fa = join(temp, 'fa-blog.html');
		writeFileSync(fa, page('fa-blog').html);
		const he = join(temp, 'he-wiki.html');
		writeFileSync(he, page('he-wiki').html);
		const cases = [
			// The metadata line's date and host are isolated left to right: they read as written.
			{name: 'web-ar', arg: `${server.base}/ar-news.html`, p: page('ar-news'), metaText: '127.0.0.1 · 2021-09-14'},
			{name: 'web-fa', arg: fa, p: page('fa-blog'), metaText: undefined},
			{name: 'web-he', arg: he, p: page('he-wiki'), metaText: undefined},
		];
		for (const {name, arg, p, metaText} of cases) {
			const target = startReader(name, `QARI --from-start '${arg}'`);
			const sections = p.headings.length + 1;
			const rows = await waitForScreen(target, has(`section 1/${sections}`), `the first frame of ${name}`);
			const at = rows.findIndex((row) => row.includes(`section 1/${sections}`));
			const titleRow = rows[at - 1] ?? '';
			assert.equal(stringWidth(titleRow.trimEnd()), 78, `${name}: the title row ends at the right margin: '${titleRow}'`);
			const body = bodyRows(rows);
			if (metaText) {
				assert.ok(
					body.slice(0, 6).some((row) => row.includes(metaText)),
					`${name}: the metadata line opens the page:\n${rows.join('\n')}`,
				);
			}
			const rtlRows = body.filter((row) => /[\u0590-\u06ff\ufb1d-\ufefc]/.test(row));
			assert.ok(rtlRows.length >= 5, `${name}: right-to-left rows: ${rtlRows.length}`);
			tmux('send-keys', '-t', target, 'q');
			const done = await waitForScreen(target, has('EXIT='), `${name} quits`);
			assert.ok(
				done.some((row) => row === 'EXIT=0'),
				done.join('\n'),
			);
		}
	} finally {
		await server.close();
	}
});

test('a real terminal: Ctrl-Z gives the shell back, fg brings the reader back whole; --mouse: the wheel scrolls', {skip}, async () => {
	assert.ok(hasTmux, 'tmux is needed for this test (CI installs it); set QARI_SKIP_TMUX=1 to skip it');
	const name = 'suspend';
	const stateHome = join(temp, `state-${name}`);
	// An interactive shell, for job control.
	tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-c', root, `env -u CI -u CONTINUOUS_INTEGRATION PS1='$ ' bash --norc --noprofile -i`);
	tmux('set', '-w', '-t', name, 'window-size', 'manual');
	socketPath ||= tmux('display', '-p', '-t', name, '#{socket_path}').trim();
	tmux('send-keys', '-t', name, `XDG_STATE_HOME=${stateHome} node bin/qari.js --from-start --mouse`, 'Enter');
	let rows = await waitForScreen(name, (r) => has('section 1/3')(r) && bodyRowsIfWhole(r).length > 0, 'the first frame');
	assert.equal(tmux('display', '-p', '-t', name, '#{mouse_sgr_flag}').trim(), '1', 'SGR mouse mode on');
	const before = bodyRows(rows);
	// A wheel notch down, as the terminal reports it.
	tmux('send-keys', '-t', name, '-l', '\u001b[<65;10;10M');
	rows = await waitForScreen(name, (r) => has('section 1/3')(r) && bodyRowsIfWhole(r).length > 0 && bodyRowsIfWhole(r)[0] !== before[0], 'the wheel scrolled');
	assert.deepEqual(bodyRows(rows).slice(0, 5), before.slice(3, 8), 'three lines a notch');

	tmux('send-keys', '-t', name, 'C-z');
	rows = await waitForScreen(name, (r) => !has('section 1/3')(r) && r.some((row) => /Stopped/.test(row)), 'the shell, with the reader stopped');
	assert.equal(tmux('display', '-p', '-t', name, '#{alternate_on}').trim(), '0', 'the alternate screen is off while stopped');
	assert.equal(tmux('display', '-p', '-t', name, '#{mouse_sgr_flag}').trim(), '0', 'mouse mode off while stopped');
	assert.equal(tmux('display', '-p', '-t', name, '#{cursor_flag}').trim(), '1', 'the cursor is visible');

	tmux('send-keys', '-t', name, 'fg', 'Enter');
	rows = await waitForScreen(
		name,
		(r) => has('section 1/3')(r) && r.some((row) => /page 1\/\d+/.test(row)) && bodyRowsIfWhole(r).length > 0,
		'the reader back',
	);
	assert.equal(tmux('display', '-p', '-t', name, '#{alternate_on}').trim(), '1');
	assert.deepEqual(bodyRows(rows).slice(0, 5), before.slice(3, 8), 'the same place, the frame whole');
	tmux('send-keys', '-t', name, 'j');
	await waitForScreen(name, (r) => bodyRowsIfWhole(r)[0] === before[4], 'keys work again');

	tmux('send-keys', '-t', name, 'q');
	rows = await waitForScreen(name, (r) => !has('section 1/3')(r), 'the shell again');
	assert.equal(tmux('display', '-p', '-t', name, '#{mouse_sgr_flag}').trim(), '0', 'mouse mode off after quitting');
});
