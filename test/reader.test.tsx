// The reader's frames, rendered with ink-testing-library: keys go in, the
// visible frame is checked. Never a blind sleep: waitForFrame polls the last
// frame until it shows what a key should have changed.
import './helpers/no-ci.js';
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {type Article} from '../src/model/article.js';
import {createBook, type Book} from '../src/reader/book.js';
import {type ScreenOptions} from '../src/reader/screen/rows.js';
import {type UiLang} from '../src/reader/i18n/index.js';
import {bundledArticle, loadArticle} from '../src/cli/files.js';
import {layoutParagraph} from '../src/text/paragraph.js';
import {chooseBidi, detectTerminal, enterSequence, leaveSequence} from '../src/terminal/detect.js';
import {type Place} from '../src/reader/pager.js';
import {App} from '../src/ui/app.js';
import {runReader} from '../src/ui/run.js';
import {firstPaint, prepareReader} from '../src/cli/reader-start.js';
import {brokenSection} from './helpers/sections.js';
import {fakeStdin, waitForFrame as pollFrame} from './helpers/terminal.js';

const loaded = loadArticle(bundledArticle);
const {article} = loaded;
const titles = article.sections.map((s) => s.title);
const stripAnsi = (text: string): string => text.replace(/\u001B\[[0-9;]*m/g, '').replace(/\u001B\]8;;[^\u001B]*\u001B\\/g, '');

const temp = mkdtempSync(join(tmpdir(), 'qari-reader-'));
after(() => rmSync(temp, {recursive: true, force: true}));

type Mode = 'app' | 'terminal';

function renderReader(mode: Mode, options: {color?: boolean; start?: Place; lang?: UiLang} = {}) {
	const order = mode === 'app' ? 'visual' : 'logical';
	const shape = mode === 'app';
	const book = createBook(article, {order, shape, dir: 'auto', baseDir: article.dir});
	const chrome: ScreenOptions = {order, shape, dir: article.dir, ...(options.lang ? {lang: options.lang} : {})};
	const events = {quit: 0, places: [] as Place[]};
	const instance = render(
		<App
			book={book}
			chrome={chrome}
			bidi={chooseBidi(mode, detectTerminal({TERM: 'xterm-256color'}))}
			color={options.color ?? false}
			start={options.start ?? {section: 0, offset: 0}}
			onPlace={(place) => events.places.push(place)}
			onQuit={() => events.quit++}
		/>,
	);
	// Terminal mode's rows carry qari's direction marks (layout/implicit.ts); the text is checked without them.
	const frame = (): string => stripAnsi(instance.lastFrame() ?? '').replace(/[\u200e\u200f\u202a-\u202e]/g, '');
	/** Polls the last frame until `predicate` holds (3 s at most). */
	const waitForFrame = (predicate: (frame: string) => boolean, what: string): Promise<string> => pollFrame(frame, predicate, what);
	const press = async (keys: string, predicate: (frame: string) => boolean, what: string): Promise<string> => {
		instance.stdin.write(keys);
		return waitForFrame(predicate, what);
	};
	return {instance, frame, waitForFrame, press, events};
}

/** Every row fits the fake terminal (100 columns, 24 rows): no row wider, and the frame fills it to its last row. */
function assertFits(frame: string, columns = 100, rows = 24): void {
	const lines = frame.split('\n');
	assert.equal(lines.length, rows, `${lines.length} rows in a ${rows}-row terminal`);
	for (const line of lines) assert.ok(stringWidth(line) <= columns, `a row is ${stringWidth(line)} wide: ${line}`);
}

const ESC = '\u001B';
const DOWN = `${ESC}[B`;
const ENTER = '\r';

test('frames: title and section 1, then n, p, t+Enter, 3, / search, n, ?, q', async () => {
	const {instance, waitForFrame, press, events} = renderReader('terminal');
	try {
		const first = await waitForFrame((f) => f.includes('section 1/3'), 'the first frame');
		assert.ok(first.includes(article.title), 'the title is in the header');
		assert.match(first, /page 1\/\d+ · \d+%/);
		assertFits(first);

		let f = await press('n', (x) => x.includes('section 2/3'), 'section 2 after n');
		assert.ok(f.includes(titles[1] ?? '?'));
		assertFits(f);

		f = await press('p', (x) => x.includes('section 1/3'), 'section 1 after p');

		f = await press('t', (x) => x.includes('Contents'), 'the table of contents');
		for (const title of titles.slice(1)) assert.ok(f.includes(title), `${title} in the contents`);
		assertFits(f);
		await press(DOWN, (x) => /> 2\./.test(x), 'the cursor on section 2');
		f = await press(ENTER, (x) => x.includes('section 2/3') && !x.includes('Contents'), 'section 2 from the contents');

		f = await press('3', (x) => x.includes('section 3/3'), 'section 3 after 3');
		assert.ok(f.includes(titles[2] ?? '?'));

		// A query without hamza or harakat finds الأسد, from section 3 on, wrapping around.
		await press('/', (x) => x.includes('search: '), 'the search prompt');
		await press('الاسد', (x) => x.includes('search: الاسد'), 'the typed query');
		f = await press(ENTER, (x) => /match \d+\/\d+/.test(x), 'the first match');
		assert.ok(f.includes('section 3/3'), 'the search starts from the current section');
		assert.ok(f.includes('الأسد'));
		const [, number, total] = /match (\d+)\/(\d+)/.exec(f) ?? [];
		assert.ok(Number(number) > 1, 'the first match in section 3 is not the first of the article');
		const next = Number(number) === Number(total) ? 1 : Number(number) + 1;
		f = await press('n', (x) => x.includes(`match ${next}/${total}`), 'the next match after n');

		f = await press('?', (x) => x.includes('Reading'), 'the help screen');
		assert.match(f, /next page, in reading direction/);
		assert.match(f, /bidi: terminal — --bidi terminal \(detected: an unknown terminal/, 'the mode and why');
		assertFits(f);
		await press(`${ESC}`, (x) => !x.includes('Reading'), 'the page again');

		instance.stdin.write('q');
		const deadline = Date.now() + 60_000;
		while (events.quit === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
		assert.equal(events.quit, 1, 'q quits');
		assert.ok(events.places.length > 0, 'places were reported for saving');
	} finally {
		instance.unmount();
	}
});

test('keys of less users, through Ink: j across a section end, d and u, : 3 Enter, 2, help Space and G, Ctrl-U in the prompt', async () => {
	const {instance, waitForFrame, press} = renderReader('terminal');
	try {
		let f = await waitForFrame((x) => x.includes('section 1/3'), 'the first frame');
		// G to the end of section 1, then j: section 2 at its top.
		await press('G', (x) => /page (\d+)\/\1/.test(x), 'the end of section 1');
		f = await press('j', (x) => x.includes('section 2/3'), 'j crosses into section 2');
		f = await press('k', (x) => x.includes('section 1/3'), 'k goes back into section 1');
		await press('g', (x) => /page 1\//.test(x), 'the start of section 1');
		const top = f;
		f = await press('d', (x) => x !== top && x.includes('section 1/3'), 'd: half a page down');
		await press('u', (x) => x === top || /page 1\//.test(x), 'u: back up');
		await press(':', (x) => x.includes('go to (section, or n%):'), 'the go-to prompt');
		f = await press('3\r', (x) => x.includes('section 3/3'), ': 3 Enter opens section 3');
		f = await press(':100%\r', (x) => x.includes('(END)'), ':100% Enter: the end of the article');
		f = await press('2', (x) => x.includes('section 2/3'), 'a digit opens its section at once (3 sections)');
		f = await press('?', (x) => x.includes('Reading') && /help 1\/\d+/.test(x), 'the help, with its own footer');
		f = await press(' ', (x) => /help 2\/\d+/.test(x), 'Space pages the help');
		f = await press('G', (x) => /help (\d+)\/\1/.test(x) && !x.includes('more'), 'G: the end of the help');
		await press('q', (x) => !x.includes('Reading'), 'back to the page');
		await press('/abc', (x) => x.includes('search: abc'), 'a typed query');
		f = await press('\u0015', (x) => x.includes('search:') && !x.includes('abc'), 'Ctrl-U empties the prompt');
		await press('\u001b', (x) => !x.includes('search:'), 'Esc');
		assertFits(f);
	} finally {
		instance.unmount();
	}
});

test('app mode: the title and body come reordered and shaped; RTL rows end at the right edge', async () => {
	const {instance, waitForFrame} = renderReader('app');
	try {
		const f = await waitForFrame((x) => x.includes('section 1/3'), 'the first frame');
		// The title as the layout engine draws it (visual order, shaped), cut to the text width.
		const visual = layoutParagraph([{text: article.title, style: {}}], {width: 0, order: 'visual', shape: true, dir: 'auto', fallback: 'rtl'});
		const drawn = visual.lines[0]?.runs.map((r) => r.text).join('') ?? '';
		const tail = drawn.slice(-30); // the start of the title, at the right
		assert.ok(f.includes(tail), `the header has the title in visual order: ${tail}`);
		assert.ok(!f.includes(article.title.slice(0, 20)), 'not in logical order');
		// Text width 96, margin 2: every right-to-left body row ends at column 98.
		const rows = f.split('\n').filter((row) => /[\u0600-\u06ff\ufb50-\ufeff]/.test(row));
		assert.ok(rows.length > 5);
		for (const row of rows) assert.equal(stringWidth(row.trimEnd()), 98, `ends at the right edge: ${row}`);
		assertFits(f);
	} finally {
		instance.unmount();
	}
});

test('search highlights: matches in reverse video, the current one distinct', async () => {
	const {instance, press, waitForFrame} = renderReader('terminal', {color: true});
	try {
		await waitForFrame((x) => x.includes('section 1/3'), 'the first frame');
		// One chunk, as a fast typist or a paste delivers it: slash, query, Enter.
		await press(`/الاسد${ENTER}`, (x) => /match 1\//.test(x), 'the first match');
		const raw = instance.lastFrame() ?? '';
		// Ink re-emits each SGR parameter as a sequence of its own.
		assert.ok(raw.includes(`${ESC}[30m${ESC}[43mالأسد`), 'the current match: black on yellow');
		assert.ok(raw.includes(`${ESC}[7mالأسد${ESC}[27m`), 'the other matches: reverse video');
		// Esc clears the search; n is the next section again.
		await press(ESC, (x) => !x.includes('match 1/'), 'the search cleared');
		await press('n', (x) => x.includes('section 2/3'), 'the next section after n');
	} finally {
		instance.unmount();
	}
});

test('Esc never quits from the page (issue 10): /zzzz Enter, Esc; a found search, Esc, Esc; then q quits', async () => {
	const {instance, waitForFrame, press, events} = renderReader('terminal');
	const stillReading = async (what: string): Promise<void> => {
		// A quit would come on the next turns of the event loop: give it a few, then look.
		for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
		assert.equal(events.quit, 0, `${what}: the reader is still open`);
	};
	try {
		await waitForFrame((x) => x.includes('section 1/3'), 'the first frame');
		await press(`/zzzz${ENTER}`, (x) => x.includes("no match for 'zzzz'"), 'no match');
		let f = await press(ESC, (x) => x.includes('q quits'), 'the footer saying what quits');
		assert.ok(f.includes('section 1/3') && !f.includes('no match'), 'the page, the message replaced');
		await stillReading('Esc after a search with no match');
		await press(ESC, (x) => x.includes('q quits'), 'the same footer');
		await stillReading('Esc again');

		await press(`/الاسد${ENTER}`, (x) => /match 1\//.test(x), 'a found search');
		f = await press(ESC, (x) => !/match 1\//.test(x), 'the search cleared');
		assert.ok(!f.includes('q quits'), 'the first Esc only clears the search');
		await stillReading('the first Esc after a found search');
		await press(ESC, (x) => x.includes('q quits'), 'the footer saying what quits');
		await stillReading('the second Esc');
		// Keys still go to the reader.
		await press('n', (x) => x.includes('section 2/3'), 'section 2 after n');

		instance.stdin.write('q');
		const deadline = Date.now() + 3000;
		while (events.quit === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
		assert.equal(events.quit, 1, 'q quits');
	} finally {
		instance.unmount();
	}
});

test('resize: the page reflows, the first visible text stays, no row is wider; too small gives one line', async () => {
	const {instance, waitForFrame, press} = renderReader('terminal');
	try {
		await waitForFrame((x) => x.includes('section 1/3'), 'the first frame');
		const before = await press('nj', (x) => x.includes('section 2/3'), 'section 2');
		const firstBodyRow = before.split('\n')[3]?.trim() ?? '';
		const word = firstBodyRow.split(' ').find((w) => w.length > 3) ?? '';
		assert.ok(word, `a word on the first body row: ${firstBodyRow}`);
		const stdout = instance.stdout as unknown as EventEmitter & {columns: number; rows: number};
		Object.defineProperty(stdout, 'columns', {value: 50, configurable: true});
		Object.defineProperty(stdout, 'rows', {value: 20, configurable: true, writable: true});
		stdout.emit('resize');
		const after = await waitForFrame((x) => x.split('\n').every((row) => stringWidth(row) <= 50) && x.split('\n').length === 20, 'a frame that fills 50×20');
		assert.ok(after.includes(word), `"${word}" is still on screen`);
		assertFits(after, 50, 20);
		Object.defineProperty(stdout, 'columns', {value: 12, configurable: true});
		Object.defineProperty(stdout, 'rows', {value: 4, configurable: true, writable: true});
		stdout.emit('resize');
		const tiny = await waitForFrame((x) => x.includes('too small'), 'the too-small message');
		assert.equal(tiny.split('\n').length, 1);
		assert.ok(stringWidth(tiny) <= 12);
		Object.defineProperty(stdout, 'columns', {value: 100, configurable: true});
		Object.defineProperty(stdout, 'rows', {value: 24, configurable: true, writable: true});
		stdout.emit('resize');
		const back = await waitForFrame((x) => x.includes('section 2/3'), 'the page again');
		assert.ok(back.includes(word));
	} finally {
		instance.unmount();
	}
});

test("too small in the reader's language: Persian words and digits, one line that fits", async () => {
	for (const mode of ['terminal', 'app'] as const) {
		const {instance, waitForFrame} = renderReader(mode, {lang: 'fa'});
		try {
			await waitForFrame((x) => x.split('\n').length > 5, 'the first frame');
			const stdout = instance.stdout as unknown as EventEmitter & {columns: number; rows: number};
			Object.defineProperty(stdout, 'columns', {value: 20, configurable: true});
			Object.defineProperty(stdout, 'rows', {value: 3, configurable: true, writable: true});
			stdout.emit('resize');
			// Visual order (app mode) reads right to left: 20×3 shows as ۳×۲۰.
			const size = mode === 'app' ? '۳×۲۰' : '۲۰×۳';
			const tiny = await waitForFrame((x) => x.includes(size), 'the too-small message in Persian digits');
			assert.equal(tiny.split('\n').length, 1);
			assert.ok(stringWidth(tiny) <= 20, tiny);
			assert.ok(!tiny.includes('too small'), tiny);
			if (mode === 'terminal') assert.ok(tiny.includes('خیلی کوچک: ۲۰×۳'), tiny);
		} finally {
			instance.unmount();
		}
	}
});

/** Streams for runReader: a fake terminal that records what is written. */
function fakeTerminal() {
	const stdout = Object.assign(new EventEmitter(), {
		columns: 80,
		rows: 24,
		isTTY: true,
		written: '',
		write(data: string) {
			stdout.written += data;
			return true;
		},
	});
	const stderr = Object.assign(new EventEmitter(), {
		written: '',
		write(data: string) {
			stderr.written += data;
			return true;
		},
	});
	const stdin = fakeStdin();
	return {stdout, stderr, stdin};
}

const readerOptions = (streams: ReturnType<typeof fakeTerminal>, articleToRead: Article, extra: Record<string, unknown> = {}) => ({
	article: articleToRead,
	text: loaded.text,
	stdin: streams.stdin as unknown as NodeJS.ReadStream,
	stdout: streams.stdout as unknown as NodeJS.WriteStream,
	stderr: streams.stderr as unknown as NodeJS.WriteStream,
	env: {VTE_VERSION: '7200', TERM: 'xterm-256color'},
	bidi: 'auto' as const,
	shape: 'auto' as const,
	dir: 'auto' as const,
	color: false,
	positionsFile: join(temp, 'positions.json'),
	...extra,
});

test('runReader: q restores the terminal (alternate screen, cursor, BiDi mode) and remembers the place', async () => {
	const streams = fakeTerminal();
	const done = runReader(readerOptions(streams, article, {fromStart: true}));
	const choice = chooseBidi('auto', detectTerminal({VTE_VERSION: '7200'}));
	assert.ok(streams.stdout.written.startsWith(enterSequence(choice)), 'alternate screen, hidden cursor, CSI 8 l first');
	streams.stdin.type('n');
	await pollFrame(
		() => stripAnsi(streams.stdout.written),
		(frame) => frame.includes('section 2/3'),
		'section 2',
	);
	streams.stdin.type('q');
	assert.equal(await done, 0);
	assert.ok(streams.stdout.written.endsWith(leaveSequence(choice)), 'restored last');
	assert.equal(streams.stderr.written, '');
	// Reopening returns to section 2.
	const again = fakeTerminal();
	const second = runReader(readerOptions(again, article));
	await pollFrame(
		() => stripAnsi(again.stdout.written),
		(frame) => frame.includes('section 2/3'),
		'the remembered section 2',
	);
	again.stdin.type('q');
	assert.equal(await second, 0);
});

test('runReader: a new view is drawn on a cleared screen, the clear inside the synchronized update; so is a resize', async () => {
	const streams = fakeTerminal();
	const done = runReader(readerOptions(streams, article, {fromStart: true}));
	const BSU = `${ESC}[?2026h`;
	const CLEAR = `${ESC}[2J${ESC}[H`;
	await pollFrame(
		() => stripAnsi(streams.stdout.written),
		(frame) => frame.includes('section 1/3'),
		'the first frame',
	);
	const before = streams.stdout.written.length;
	streams.stdin.type('?');
	await pollFrame(
		() => streams.stdout.written.slice(before),
		(frame) => frame.includes('Reading'),
		'the help screen',
	);
	const help = streams.stdout.written.slice(before);
	assert.ok(help.includes(BSU + CLEAR), 'the clear right after the start of the synchronized update');
	assert.ok(help.indexOf(CLEAR) < help.indexOf('Reading'), 'before the help is drawn');
	const paging = streams.stdout.written.length;
	streams.stdin.type('j');
	await pollFrame(
		() => streams.stdout.written.slice(paging),
		(frame) => frame.includes('Reading'),
		'the help scrolled',
	);
	assert.ok(!streams.stdout.written.slice(paging).includes(CLEAR), 'no clear within a view');
	const resizing = streams.stdout.written.length;
	Object.assign(streams.stdout, {columns: 70});
	streams.stdout.emit('resize');
	await pollFrame(
		() => streams.stdout.written.slice(resizing),
		(frame) => frame.includes(BSU + CLEAR),
		'a clear at 70 columns',
	);
	const resized = streams.stdout.written.slice(resizing);
	assert.ok(resized.startsWith(BSU), `nothing is erased outside the synchronized update: ${JSON.stringify(resized.slice(0, 40))}`);
	// q closes the help, the second q quits.
	streams.stdin.type('qq');
	assert.equal(await done, 0);
});

test('runReader: Ctrl-Z gives the terminal back and stops; SIGCONT takes it again and draws the frame whole', async () => {
	const streams = fakeTerminal();
	const options = readerOptions(streams, article, {fromStart: true});
	let stops = 0;
	const done = runReader(options, prepareReader(options), {stop: () => stops++});
	const choice = chooseBidi('auto', detectTerminal({VTE_VERSION: '7200'}));
	await pollFrame(
		() => stripAnsi(streams.stdout.written),
		(frame) => frame.includes('section 1/3'),
		'the first frame',
	);
	const before = streams.stdout.written.length;
	streams.stdin.type('\u001a');
	await pollFrame(
		() => String(stops),
		(n) => n === '1',
		'the process stopped',
	);
	assert.ok(streams.stdout.written.slice(before).endsWith(leaveSequence(choice)), 'the terminal given back before stopping');
	const resumed = streams.stdout.written.length;
	process.emit('SIGCONT');
	const redrawn = (frame: string): boolean => frame.includes(`${ESC}[2J`) && stripAnsi(frame).includes('section 1/3');
	await pollFrame(() => streams.stdout.written.slice(resumed), redrawn, 'the frame again');
	assert.ok(streams.stdout.written.slice(resumed).startsWith(enterSequence(choice)), 'the screen taken again first');
	streams.stdin.type('q');
	assert.equal(await done, 0);
});

test('runReader: an exception inside the UI restores the terminal, prints one line, exits 1', async () => {
	const broken: Article = {
		...article,
		sections: article.sections.map((s) => brokenSection(s, 'the layout broke')),
	};
	const streams = fakeTerminal();
	const code = await runReader(readerOptions(streams, broken, {fromStart: true}));
	assert.equal(code, 1);
	const choice = chooseBidi('auto', detectTerminal({VTE_VERSION: '7200'}));
	assert.ok(streams.stdout.written.endsWith(leaveSequence(choice)), 'the terminal is restored');
	assert.equal(streams.stderr.written, 'qari: internal error: the layout broke (run again with --debug for details)\n');
});

test('runReader: a corrupt positions file gives one warning (before the screen is taken) and is rebuilt', async () => {
	const file = join(temp, 'corrupt.json');
	writeFileSync(file, '{"half a file');
	const streams = fakeTerminal();
	const done = runReader(readerOptions(streams, article, {positionsFile: file}));
	assert.equal(streams.stderr.written, `qari: warning: ignoring the unreadable reading-position file '${file}' (it will be rebuilt)\n`);
	assert.ok(streams.stdout.written.length > 0);
	streams.stdin.type('n');
	await pollFrame(
		() => stripAnsi(streams.stdout.written),
		(frame) => frame.includes('section 2/3'),
		'section 2',
	);
	streams.stdin.type('q');
	assert.equal(await done, 0);
	assert.equal(streams.stderr.written.split('\n').filter(Boolean).length, 1, 'one warning only');
	const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, {section: number}>;
	assert.deepEqual(
		Object.values(saved).map((p) => p.section),
		[2],
	);
});

test('the first frame the CLI paints before Ink has loaded is the frame Ink then draws', async () => {
	const rowsOf = (frame: string): string[] =>
		stripAnsi(frame)
			.split('\n')
			.map((row) => row.trimEnd());
	for (const mode of ['app', 'terminal'] as const) {
		for (const start of [
			{section: 0, offset: 0},
			{section: 1, offset: 400},
			{section: 2, offset: 0},
		]) {
			const order = mode === 'app' ? 'visual' : 'logical';
			const book = createBook(article, {order, shape: mode === 'app', dir: 'auto', baseDir: article.dir});
			const chrome: ScreenOptions = {order, shape: mode === 'app', dir: article.dir};
			const choice = chooseBidi(mode, detectTerminal({TERM: 'xterm-256color'}));
			const painted = firstPaint({choice, book, chrome, place: start, positionsFile: '', key: ''}, {columns: 100, rows: 24}, {color: true});
			if (painted === undefined) throw new Error('nothing painted');
			const home = '\u001B[H';
			assert.ok(
				painted.startsWith(enterSequence(choice) + home) && painted.endsWith(home),
				'enters the alternate screen, draws from the top left, ends with the cursor home',
			);
			const instance = render(<App book={book} chrome={chrome} bidi={choice} color start={start} onQuit={() => undefined} />);
			try {
				const ink = await pollFrame(
					() => instance.lastFrame() ?? '',
					(frame) => frame.includes('page '),
					'the first frame',
				);
				assert.deepEqual(rowsOf(painted.slice(enterSequence(choice).length + 3, -3)), rowsOf(ink), `${mode}, ${JSON.stringify(start)}`);
			} finally {
				instance.unmount();
			}
		}
	}
	// Too small for a frame: nothing is painted (Ink says so itself).
	const book = createBook(article, {order: 'logical', shape: false, dir: 'auto', baseDir: article.dir});
	const setup = {
		choice: chooseBidi('terminal', detectTerminal({})),
		book,
		chrome: {order: 'logical', shape: false, dir: article.dir} as const,
		place: {section: 0, offset: 0},
		positionsFile: '',
		key: '',
	};
	assert.equal(firstPaint(setup, {columns: 10, rows: 5}, {color: false}), undefined);
});

test('the sections next to the one on screen are laid out while the reader is idle', async () => {
	const book = createBook(article, {order: 'visual', shape: true, dir: 'auto', baseDir: article.dir});
	const asked: number[] = [];
	const spy: Book = {
		...book,
		lines: (section, width, highlight) => {
			asked.push(section);
			return book.lines(section, width, highlight);
		},
	};
	const chrome: ScreenOptions = {order: 'visual', shape: true, dir: article.dir};
	const instance = render(
		<App
			book={spy}
			chrome={chrome}
			bidi={chooseBidi('app', detectTerminal({TERM: 'xterm-256color'}))}
			color={false}
			start={{section: 1, offset: 0}}
			onQuit={() => undefined}
		/>,
	);
	try {
		await pollFrame(
			() => (asked.includes(0) && asked.includes(2) ? 'both' : ''),
			(frame) => frame === 'both',
			'sections 1 and 3 laid out',
		);
		assert.equal(asked[0], 1, 'the section on screen first');
	} finally {
		instance.unmount();
	}
});

test('runReader: keys Ink cannot name (Ctrl+F1–F4 as xterm sends them, a pasted colour code) are ignored, not an internal error', async () => {
	const streams = fakeTerminal();
	const done = runReader(readerOptions(streams, article, {fromStart: true}));
	// ESC [1;5P … S: Ctrl+F1–F4 in xterm (and tmux); ESC [31m: SGR; ESC [1;5G, ESC [29;5~: other Ctrl-modified keys.
	for (const keys of ['\u001B[1;5P', '\u001B[1;5Q', '\u001B[1;5R', '\u001B[1;5S', '\u001B[31m', '\u001B[1;5G', '\u001B[29;5~', 'n']) streams.stdin.type(keys);
	await pollFrame(
		() => stripAnsi(streams.stdout.written),
		(frame) => frame.includes('section 2/3'),
		'section 2 after the unnamed keys',
	);
	streams.stdin.type('/');
	streams.stdin.type('\u001B[1;5P\u001B[31mب');
	await pollFrame(
		() => stripAnsi(streams.stdout.written),
		// In visual order, shaped: the cursor, the letter, the prompt's word; no `[1;5P` nor `[31m` typed.
		(frame) => frame.includes('▏ﺏ search:'),
		'the search prompt with only the letter typed',
	);
	streams.stdin.type('\r');
	await pollFrame(
		() => stripAnsi(streams.stdout.written),
		(frame) => /match \d+\/\d+ of/.test(frame),
		'the search done',
	);
	streams.stdin.type('q');
	assert.equal(await done, 0);
	assert.equal(streams.stderr.written, '');
});
