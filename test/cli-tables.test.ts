// `qari sections` and `qari list` on a terminal fit its width, titles cut with
// '…' as the reader's header cuts them; in a pipe nothing is cut.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {formatTable} from '../src/output/sections-table.js';
import {textWidth} from '../src/text/width.js';
import {runInPty} from './helpers/pty.js';
import {bin, root, runQari} from './helpers/run.js';

const temp = mkdtempSync(join(tmpdir(), 'qari-tables-'));
after(() => rmSync(temp, {recursive: true, force: true}));
const empty = {XDG_DATA_HOME: join(temp, 'data'), XDG_STATE_HOME: join(temp, 'state')};

const title = 'لبحث ملفات عسكرية وسياسية .. الأسد التقى بوتين في موسكو بزيارة غير معلنة مسبقاً';
const columns = [
	{header: '#', kind: 'number'},
	{header: 'title', kind: 'text', shrink: true},
	{header: 'words', kind: 'number'},
] as const;

test('formatTable with maxWidth: the shrinking column cut with … at its logical end, every line within the width', () => {
	const rows = [
		['1', 'A rather long English title that does not fit', '158'],
		['2', 'Short', '7'],
	];
	const text = formatTable(columns, rows, {order: 'logical', shape: false, maxWidth: 30});
	assert.deepEqual(text.split('\n'), ['#  title                 words', '1  A rather long…          158', '2  Short                     7', '']);
	for (const line of text.split('\n')) assert.ok(textWidth(line) <= 30, line);
	// No width: nothing is cut.
	assert.match(formatTable(columns, rows, {order: 'logical', shape: false}), /does not fit/);
});

test('formatTable with maxWidth, visual order: an RTL title keeps its start on the right, … on its left', () => {
	const text = formatTable(columns, [['1', title, '158']], {order: 'visual', shape: false, maxWidth: 40});
	const row = text.split('\n')[1] ?? '';
	assert.ok(textWidth(row) <= 40, row);
	assert.match(row, /^1 +…/);
	// The title's first word (لبحث) is kept, at the right end of the cell, reversed in visual order.
	assert.match(row, /ثحبل {4}158$/);
});

test('formatTable on a terminal too narrow for every column: the `drop` columns leave, lowest rank first, then the rest narrows', () => {
	const wide = [
		{header: '#', kind: 'number'},
		{header: 'title', kind: 'text', shrink: true},
		{header: 'lang', kind: 'text', drop: 2},
		{header: 'words', kind: 'number', drop: 1},
		{header: 'read', kind: 'number'},
		{header: 'name', kind: 'text', shrink: true},
	] as const;
	const rows = [['1', 'A rather long English title', 'en', '1125', '15%', '(bundled) some-long-name.md']];
	const at = (maxWidth: number) => formatTable(wide, rows, {order: 'logical', shape: false, maxWidth}).split('\n');
	assert.deepEqual(at(48)[0], '#  title         lang  words  read  name');
	assert.deepEqual(at(46)[0], '#  title         lang  read  name');
	assert.deepEqual(at(40)[0], '#  title         read  name');
	assert.deepEqual(at(30)[0], '#  title    read  name');
	for (const width of [24, 30, 40, 50, 80]) for (const line of at(width)) assert.ok(textWidth(line) <= width, `${width}: ${line}`);
	// With room, nothing leaves; in a pipe (no width), nothing is cut or left out.
	assert.deepEqual(at(80)[0], '#  title                        lang  words  read  name');
	assert.match(formatTable(wide, rows, {order: 'logical', shape: false}), /words.*\n.*some-long-name\.md/);
});

for (const [command, columns] of [
	['sections', 80],
	['list', 80],
	['sections', 30],
	['list', 30],
] as const) {
	test(`qari ${command} on a ${columns}-column terminal fits it; in a pipe it is whole`, async () => {
		const run = await runInPty({
			argv: [process.execPath, bin, command, '--order', 'logical'],
			env: {PATH: process.env['PATH'] ?? '', TERM: 'xterm-256color', NO_COLOR: '1', ...empty},
			cwd: root,
			columns,
			rows: 24,
			timeoutMs: 60_000,
			steps: [],
		});
		assert.equal(run.status, 0, run.output);
		const lines = run.output.replace(/\r\n/g, '\n').trimEnd().split('\n');
		assert.ok(lines.length >= 2, run.output);
		for (const line of lines) assert.ok(textWidth(line) <= columns, `${textWidth(line)} cells: ${line}`);
		assert.ok(
			lines.some((line) => line.includes('…')),
			'the long title is cut',
		);
		const piped = runQari([command], {env: empty});
		assert.ok(piped.stdout.includes(title), 'a pipe gets the whole title');
	});
}

test('qari NAME opens a bundled article by the name qari list shows, from any directory', () => {
	const whole = runQari(['export'], {env: empty}).stdout;
	assert.ok(whole.includes(title));
	for (const name of ['assad-putin-moscow.md', 'assad-putin-moscow']) {
		const result = runQari([name], {env: empty, cwd: temp});
		assert.equal(result.stderr, '', name);
		assert.equal(result.status, 0, name);
		assert.equal(result.stdout, whole, name);
	}
	// A part of a bundled name is not enough: that reads as a mistyped command.
	assert.equal(runQari(['assad'], {env: empty, cwd: temp}).stderr, "qari: unknown command 'assad'\nsee 'qari --help'\n");
});
