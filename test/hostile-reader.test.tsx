// The reader and hostile input (issue 6): no frame holds a control of the
// article's, bidi controls stay in their paragraph on screen, an empty file
// opens, and every way out (signals, exceptions, --debug) gives the terminal
// back and says one line. Ways out run in a child process
// (helpers/reader-child.tsx): a signal ends a process, and an uncaught
// exception belongs to the whole process.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {type Article} from '../src/model/article.js';
import {createBook} from '../src/reader/book.js';
import {type ScreenOptions} from '../src/reader/screen/rows.js';
import {decodeArticle} from '../src/parse/decode.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {chooseBidi, detectTerminal, enterSequence, leaveSequence} from '../src/terminal/detect.js';
import {App} from '../src/ui/app.js';
import {firstExecutable, hostileBytes, keptWords, payloads, rawSequences} from './helpers/hostile.js';
import {waitForFrame} from './helpers/terminal.js';

const ESC = '\u001B';
/** What Ink and qari write around text: SGR, and OSC 8 hyperlinks with a printable-ASCII target. */
const ownEscapes = /\u001b\[[0-9;]*m|\u001b\]8;;[\x21-\x7e]*(?:\u0007|\u001b\\)/g;

/**
 * Terminal mode's rows carry qari's own marks (layout/implicit.ts): RLM, LRM, and
 * embeddings and overrides that each row closes (never an isolate). Checked, then removed.
 */
function withoutOwnMarks(frame: string): string {
	return frame
		.split('\n')
		.map((row) => {
			let depth = 0;
			for (const ch of row) {
				if (ch === '\u202a' || ch === '\u202b' || ch === '\u202d' || ch === '\u202e') depth++;
				else if (ch === '\u202c') assert.ok(--depth >= 0, `a PDF closes nothing: ${JSON.stringify(row)}`);
			}
			assert.equal(depth, 0, `an embedding left open: ${JSON.stringify(row)}`);
			return row.replace(/[\u200e\u200f\u202a-\u202e]/g, '');
		})
		.join('\n');
}

function articleOf(bytes: Uint8Array): Article {
	const decoded = decodeArticle(bytes);
	assert.ok(decoded.ok);
	return parseMarkdown(decoded.text, {fallbackTitle: 'hostile'});
}

function renderArticle(article: Article, mode: 'app' | 'terminal', color: boolean) {
	const order = mode === 'app' ? 'visual' : 'logical';
	const shape = mode === 'app';
	const book = createBook(article, {order, shape, dir: 'auto', baseDir: article.dir});
	const chrome: ScreenOptions = {order, shape, dir: article.dir};
	const instance = render(
		<App
			book={book}
			chrome={chrome}
			bidi={chooseBidi(mode, detectTerminal({TERM: 'xterm-256color'}))}
			color={color}
			start={{section: 0, offset: 0}}
			onQuit={() => undefined}
		/>,
	);
	const plain = (): string => (instance.lastFrame() ?? '').replace(ownEscapes, '');
	const waitFor = (predicate: (frame: string) => boolean, what: string): Promise<string> => waitForFrame(plain, predicate, what);
	const press = async (keys: string, predicate: (frame: string) => boolean, what: string): Promise<string> => {
		instance.stdin.write(keys);
		return waitFor(predicate, what);
	};
	return {instance, waitFor, press};
}

for (const mode of ['app', 'terminal'] as const) {
	for (const color of [true, false]) {
		test(`reader (${mode}, colour ${color ? 'on' : 'off'}): no frame of the hostile article holds a control`, async () => {
			const article = articleOf(hostileBytes);
			const {instance, waitFor, press} = renderArticle(article, mode, color);
			try {
				let frame = await waitFor((f) => f.includes('section 1/2'), 'the first frame');
				for (const word of ['Before', 'cleared', 'afterwards']) assert.ok(frame.includes(word), `'${word}' on screen`);
				await press('G', (f) => f.includes('quoted') || f.includes('listed'), 'the end of section 1');
				await press('n', (f) => f.includes('section 2/2'), 'section 2');
				frame = await press('t', (f) => f.includes('Contents'), 'the contents');
				assert.ok(frame.includes('Second  section'));
				await press('t', (f) => !f.includes('Contents'), 'the page');
				await press('?', (f) => f.includes('Reading'), 'the help screen');
				await press(ESC, (f) => !f.includes('Reading'), 'the page again');
				// A search for a payload: typed text is shown through the same filter.
				await press(`/XTITLE0${ESC}[2J\r`, (f) => /no match|not found|0 match/i.test(f) || f.includes('XTITLE0'), 'the search result');
				// Every frame Ink wrote, not only the last: nothing of the article's controls.
				for (const raw of instance.frames) {
					const rest = mode === 'terminal' ? withoutOwnMarks(raw.replace(ownEscapes, '')) : raw.replace(ownEscapes, '');
					assert.equal(firstExecutable(rest.replace(/\n/g, '')), '', `a frame:\n${rest}`);
					for (const sequence of rawSequences) assert.ok(!raw.includes(sequence), JSON.stringify(sequence));
					for (const payload of payloads.filter((p) => p !== 'XTITLE0')) assert.ok(!raw.includes(payload), payload);
					for (const row of rest.split('\n')) assert.ok(stringWidth(row) <= 100, `a row fits: ${row}`);
				}
				if (color)
					assert.ok(
						instance.frames.some((raw) => raw.includes(`${ESC}[`)),
						'colour is on: qari wrote its own SGR',
					);
			} finally {
				instance.unmount();
			}
		});
	}
}

test('reader: the hostile article keeps its text on screen', async () => {
	const article = articleOf(hostileBytes);
	const {instance, waitFor, press} = renderArticle(article, 'terminal', false);
	try {
		const seen: string[] = [await waitFor((f) => f.includes('section 1/2'), 'the first frame')];
		while (!seen[seen.length - 1]?.includes('section 2/2')) seen.push(await press(' ', (f) => f !== seen[seen.length - 1], 'the next page'));
		const all = seen.join('\n');
		for (const word of keptWords.filter((w) => w !== 'Tail')) assert.ok(all.includes(word), `'${word}' is shown`);
	} finally {
		instance.unmount();
	}
});

test('reader: an unclosed RLO reverses its own paragraph only; the next one, the header and the footer read normally', async () => {
	const article = parseMarkdown('# Title \u202eopen\n\nfirst \u202eabc def\n\nsecond ghi\n\nthird \u2067isolate\n\nfourth line\n\n## Next \u202eX\n\nend\n');
	const {instance, waitFor, press} = renderArticle(article, 'app', false);
	try {
		const frame = await waitFor((f) => f.includes('section 1/2'), 'the first frame');
		const rows = frame.split('\n').map((row) => row.trim());
		assert.ok(rows.includes('first fed cba'), 'the override applies inside its paragraph');
		assert.ok(rows.includes('second ghi'), 'the next paragraph is untouched');
		assert.ok(rows.includes('third isolate') && rows.includes('fourth line'));
		assert.ok(rows.includes('Title nepo'), 'the title, its override closed at its end');
		assert.ok(frame.includes('page 1/1'), 'the footer reads left to right');
		const toc = await press('t', (f) => f.includes('Contents'), 'the contents');
		assert.ok(toc.includes('2. Next X (1 min)'), `the contents row keeps its minutes after the title:\n${toc}`);
		assert.equal(firstExecutable(toc.replace(/\n/g, '')), '');
	} finally {
		instance.unmount();
	}
});

test('reader: an empty file opens, shows its title, and pages without error', async () => {
	const article = parseMarkdown('', {fallbackTitle: 'empty'});
	assert.equal(article.sections.length, 1);
	const {instance, waitFor, press} = renderArticle(article, 'terminal', false);
	try {
		const frame = await waitFor((f) => f.includes('section 1/1'), 'the first frame');
		assert.match(frame, /empty/);
		assert.match(frame, /page 1\/1/);
		await press(' ', (f) => f.includes('section 1/1'), 'space on an empty page');
		await press('G', (f) => f.includes('section 1/1'), 'the end of an empty section');
		await press('t', (f) => f.includes('Contents'), 'the contents');
	} finally {
		instance.unmount();
	}
});

// ---- ways out, in a child process -------------------------------------------------------------------

const child = fileURLToPath(new URL('./helpers/reader-child.tsx', import.meta.url));
const choice = chooseBidi('auto', detectTerminal({VTE_VERSION: '7200', TERM: 'xterm-256color'}));
/** Ink's restore-cursor writes this to the process's own stderr when it exits; it shows the cursor, nothing else. */
const RESTORE_CURSOR = `${ESC}[?25h`;

interface Exit {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
}

function runChild(mode: string, debug = false): Promise<Exit> {
	return new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, ['--import', 'tsx', child, mode, ...(debug ? ['--debug'] : [])], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		proc.on('error', reject);
		proc.on('close', (code, signal) => resolve({code, signal, stdout, stderr: stderr.split(RESTORE_CURSOR).join('')}));
	});
}

/** The terminal was taken (alternate screen, cursor hidden, CSI 8 l) and given back (CSI 8 h, cursor, main screen); after that, at most cursor-show. */
function assertRestored(exit: Exit, what: string): void {
	assert.ok(exit.stdout.startsWith(enterSequence(choice)), `${what}: the screen was taken: ${JSON.stringify(exit.stdout.slice(0, 40))}`);
	const at = exit.stdout.lastIndexOf(leaveSequence(choice));
	assert.ok(at > 0, `${what}: the terminal is given back (CSI 8 h, cursor shown, main screen)`);
	const after = exit.stdout.slice(at + leaveSequence(choice).length);
	assert.equal(after.split(RESTORE_CURSOR).join(''), '', `${what}: nothing drawn after giving the terminal back`);
}

// [mode, signal it ends by (or null), exit code (or null), stderr]
const exits: [string, NodeJS.Signals | null, number | null, string][] = [
	['quit', null, 0, ''],
	['SIGTERM', 'SIGTERM', null, 'qari: stopped by SIGTERM\n'],
	['SIGHUP', 'SIGHUP', null, 'qari: stopped by SIGHUP\n'],
	['SIGINT', 'SIGINT', null, 'qari: stopped by SIGINT\n'],
	['render', null, 1, 'qari: internal error: the layout of section 1 broke (run again with --debug for details)\n'],
	['key', null, 1, 'qari: internal error: the layout of section 2 broke (run again with --debug for details)\n'],
	['timer', null, 1, 'qari: internal error: a timer broke (run again with --debug for details)\n'],
	['rejection', null, 1, 'qari: internal error: a promise broke (run again with --debug for details)\n'],
];

test('ways out: each restores the terminal and says one line', {concurrency: true}, async (t) => {
	await Promise.all(
		exits.map(([mode, signal, code, stderr]) =>
			t.test(mode, async () => {
				const exit = await runChild(mode);
				assert.equal(exit.stderr, stderr);
				// A signal is raised again once the terminal is back: the process ends by it (the shell sees 128+n).
				assert.equal(exit.signal, signal);
				assert.equal(exit.code, code);
				assertRestored(exit, mode);
			}),
		),
	);
});

test('ways out: --debug adds the stack, only then', {concurrency: true}, async (t) => {
	await Promise.all(
		['render', 'timer'].map((mode) =>
			t.test(mode, async () => {
				const exit = await runChild(mode, true);
				assert.equal(exit.code, 1);
				const [first, ...rest] = exit.stderr.trimEnd().split('\n');
				assert.match(first ?? '', /^qari: internal error: (the layout of section 1|a timer) broke$/);
				assert.ok(rest.length > 1 && rest.some((line) => /^\s+at /.test(line)), `a stack follows:\n${exit.stderr}`);
				assertRestored(exit, mode);
			}),
		),
	);
});
