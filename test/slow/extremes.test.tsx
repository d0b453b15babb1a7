// Extreme articles (issue 6): no stack overflow, `export` and `sections`
// finish (a hang guard only) with every line within the width, and the reader
// opens and pages. The slow group: `npm run test:slow`, which CI runs too.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {createBook} from '../../src/reader/book.js';
import {type ScreenOptions} from '../../src/reader/screen/rows.js';
import {loadArticle} from '../../src/cli/files.js';
import {chooseBidi, detectTerminal} from '../../src/terminal/detect.js';
import {App} from '../../src/ui/app.js';
import {bin, root} from '../helpers/run.js';

/**
 * A hang guard, not a speed check: no test here asserts how long anything takes
 * (a busy machine may be many times slower). Speed on hostile input is measured
 * by scripts/bench/bench-pathological.ts, as time per byte against the bundled article
 * and the ratio of times between n and 4n.
 */
const HANG_GUARD_MS = 300_000;

const dir = mkdtempSync(join(tmpdir(), 'qari-extremes-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const words = ['كلمة', 'عربية', 'word', 'שלום', '1234', 'فارسی', 'English', 'مقال'];
function paragraph(length: number): string {
	const parts: string[] = [];
	let size = 0;
	for (let i = 0; size < length; i++) {
		const word = words[i % words.length] ?? 'x';
		parts.push(word);
		size += word.length + 1;
	}
	return parts.join(' ');
}

// [name, Markdown, a word that must be in the export]
const extremes: [string, () => string, string][] = [
	['quotes nested 5,000 deep', () => `# Deep quotes\n\n${'> '.repeat(5000)}deep\n\n## After\n\ntext after\n`, 'deep'],
	['lists nested 400 deep', () => `# Deep lists\n\n${Array.from({length: 400}, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n')}\n`, 'item399'],
	['20,000 headings', () => `# Many\n\n${Array.from({length: 20000}, (_, i) => `## Heading ${i}\n\ntext ${i}\n`).join('\n')}`, 'Heading 19999'],
	['a single 1.7 MB paragraph', () => `# One paragraph\n\n${paragraph(1_700_000)}\n`, 'English'],
	['one 20,000-character word', () => `# One word\n\n${'ب'.repeat(10000)}${'x'.repeat(10000)}\n\nafter\n`, 'after'],
	['a staircase of 3,000 ever deeper quote lines', () => Array.from({length: 3000}, (_, i) => `${'>'.repeat(i + 1)} step${i}`).join('\n'), 'step2999'],
	['a 1.7 MB paragraph of `_a`', () => `# Underscores\n\n${'_a'.repeat(850_000)}\n`, '_a'],
];

interface Timed {
	readonly ms: number;
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

function timed(args: string[]): Timed {
	const started = performance.now();
	const result = spawnSync(process.execPath, [bin, ...args], {
		cwd: root,
		encoding: 'utf8',
		env: {...process.env, NO_COLOR: '1'},
		maxBuffer: 512 * 1024 * 1024,
		timeout: HANG_GUARD_MS,
	});
	return {ms: performance.now() - started, status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const report: string[] = [];

for (const [name, make, word] of extremes) {
	const path = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.md`);
	writeFileSync(path, make());

	test(`extreme, ${name}: export and sections finish, every line within the width`, () => {
		for (const args of [
			['export', path, '-w', '80'],
			['export', path, '-w', '80', '--order', 'visual'],
			['sections', path],
			['sections', path, '--json'],
		]) {
			const result = timed(args);
			report.push(`${name} ${args[0] ?? ''}${args.includes('visual') ? ' visual' : args.includes('--json') ? ' json' : ''} ${Math.round(result.ms)}`);
			assert.equal(result.stderr, '', `${args.join(' ')}: no error`);
			assert.equal(result.status, 0);
			if (args[0] === 'export') {
				assert.ok(result.stdout.includes(word) || args.includes('visual'), `'${word}' is in the export`);
				for (const line of result.stdout.split('\n')) assert.ok(stringWidth(line) <= 80, `a line of ${stringWidth(line)} cells`);
			}
		}
	});

	test(`extreme, ${name}: the reader opens and pages`, async () => {
		const started = performance.now();
		const {article} = loadArticle(path);
		const order = 'visual';
		const book = createBook(article, {order, shape: true, dir: 'auto', baseDir: article.dir});
		const chrome: ScreenOptions = {order, shape: true, dir: article.dir};
		const instance = render(
			<App
				book={book}
				chrome={chrome}
				bidi={chooseBidi('app', detectTerminal({TERM: 'xterm-256color'}))}
				color={false}
				start={{section: 0, offset: 0}}
				onQuit={() => undefined}
			/>,
		);
		const frame = (): string => instance.lastFrame() ?? '';
		const waitFor = async (predicate: (f: string) => boolean, what: string): Promise<string> => {
			const deadline = Date.now() + HANG_GUARD_MS;
			for (;;) {
				const current = frame();
				if (predicate(current)) return current;
				if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the frame is:\n${current}`);
				await new Promise((r) => setTimeout(r, 10));
			}
		};
		try {
			let current = await waitFor((f) => /page 1\/\d+/.test(f), 'the first frame');
			const pages = Number(/page 1\/(\d+)/.exec(current)?.[1]);
			for (const key of [' ', ' ', 'G', 'b']) {
				const before = current;
				instance.stdin.write(key);
				current = await waitFor((f) => f !== before || pages === 1, `the frame after '${key}'`);
			}
			instance.stdin.write('t');
			current = await waitFor((f) => f.includes('Contents'), 'the contents');
			instance.stdin.write('t');
			await waitFor((f) => !f.includes('Contents'), 'the page');
			for (const row of frame().split('\n')) assert.ok(stringWidth(row) <= 100, `a row fits: ${row}`);
			report.push(`${name} reader ${Math.round(performance.now() - started)}`);
		} finally {
			instance.unmount();
		}
	});
}

test('extreme: the bundled article repeated 100 times, as a reader uses it', (t) => {
	const path = join(dir, 'long.md');
	writeFileSync(path, readFileSync(join(root, 'content', 'assad-putin-moscow.md'), 'utf8').repeat(100));
	const result = timed(['export', path, '--order', 'visual', '--shape', 'on']);
	report.push(`bundled ×100 export ${Math.round(result.ms)}`);
	assert.equal(result.status, 0);
	// The timings, for the record (node --test prints diagnostics under the test).
	for (const line of report) t.diagnostic(`ms: ${line}`);
});
