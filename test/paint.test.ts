// Frames as tall as the terminal, drawn in place (src/terminal/paint.ts):
// over any old screen, the screen shows exactly the new frame, and nothing is
// cleared first. Checked with a small model of a terminal that draws cells
// left to right with xterm's pending wrap: a character in the last column
// leaves the cursor on it, so EL there erases that character.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {INK_CLEAR_TERMINAL, inPlaceFrame, paintInPlace, rowCells} from '../src/terminal/paint.js';
import {textWidth} from '../src/text/width.js';

/** The cells of a `columns` × `rows` screen after `output`: CUP, EL (0), ED (0), SGR and OSC (no cells), text. */
function model(columns: number, rows: number, output: string, before?: string[][]): string[][] {
	const screen = before?.map((row) => [...row]) ?? Array.from({length: rows}, () => Array<string>(columns).fill(' '));
	const line = (r: number): string[] => screen[r] ?? assert.fail(`no row ${r}`);
	let row = 0;
	let col = 0;
	let pendingWrap = false;
	let i = 0;
	while (i < output.length) {
		const rest = output.slice(i);
		const csi = /^\u001B\[([0-9;?]*)([A-Za-z])/.exec(rest);
		if (csi) {
			const [all, params = '', final] = csi;
			const numbers = params.split(';').map((n) => Number.parseInt(n || '0', 10));
			if (final === 'H') {
				row = Math.max(1, numbers[0] || 1) - 1;
				col = Math.max(1, numbers[1] || 1) - 1;
				pendingWrap = false;
			} else if (final === 'K') {
				for (let c = col; c < columns; c++) line(row)[c] = ' ';
			} else if (final === 'J') {
				for (let c = col; c < columns; c++) line(row)[c] = ' ';
				for (let r = row + 1; r < rows; r++) line(r).fill(' ');
			} else if (final !== 'm') {
				throw new Error(`the model knows no CSI ${final}`);
			}
			i += all.length;
			continue;
		}
		const osc = /^\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/.exec(rest);
		if (osc) {
			i += osc[0].length;
			continue;
		}
		const char = String.fromCodePoint(output.codePointAt(i) ?? 0);
		i += char.length;
		assert.notEqual(char, '\n', 'an in-place paint moves by cursor positioning, never by a newline');
		const width = textWidth(char);
		if (pendingWrap) {
			row = Math.min(rows - 1, row + 1);
			col = 0;
			pendingWrap = false;
		}
		line(row)[col] = char;
		if (width === 2 && col + 1 < columns) line(row)[col + 1] = '';
		if (col + width >= columns) pendingWrap = true;
		else col += width;
	}
	return screen;
}

const plain = (screen: string[][]): string[] => screen.map((row) => row.join('').trimEnd());

test('a frame painted over any old screen shows exactly that frame, full-width rows included', () => {
	const columns = 12;
	const rows = 5;
	const old = model(columns, rows, 'x'.repeat(columns * rows));
	const cases = [
		['abc', '', 'ab 12 cd', 'x'.repeat(12), 'the end'],
		['سلام', 'عالم', '中文字', 'y'.repeat(11), '  footer'],
		// Styles and a hyperlink take no cells; the full-width row keeps its last cell.
		['\u001B[1mbold\u001B[0m', `\u001B]8;;https://e.x\u001B\\${'l'.repeat(12)}\u001B]8;;\u001B\\`, '', '', 'z'],
	];
	for (const lines of cases) {
		const painted = plain(model(columns, rows, paintInPlace(lines.join('\n'), columns, rows), old));
		assert.deepEqual(painted, plain(model(columns, rows, lines.map((line, r) => `\u001B[${r + 1};1H${line}`).join(''))), lines.join(' | '));
	}
});

test('any frame over any screen (property): the new frame, and nothing left of the old one', () => {
	const cell = fc.constantFrom('a', 'ب', 'א', '中', ' ', '1', '─');
	fc.assert(
		fc.property(
			fc.integer({min: 4, max: 20}),
			fc.integer({min: 1, max: 8}),
			fc.array(fc.array(cell, {maxLength: 20}), {minLength: 1, maxLength: 8}),
			fc.string(),
			(columns, rows, rowCellsList, oldText) => {
				// Rows as a layout makes them: at most `columns` cells.
				const lines = rowCellsList.slice(0, rows).map((cells) => {
					let line = '';
					for (const c of cells) if (textWidth(line + c) <= columns) line += c;
					return line;
				});
				const old = model(columns, rows, oldText.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').replace(/[\uD800-\uDFFF]/g, ''));
				const painted = plain(model(columns, rows, paintInPlace(lines.join('\n'), columns, rows), old));
				const expected = plain(model(columns, rows, lines.map((line, r) => `\u001B[${r + 1};1H${line}`).join('')));
				assert.deepEqual(painted, expected);
			},
		),
	);
});

test('a frame shorter than the terminal erases the rows below it and leaves the cursor after its last row', () => {
	const out = paintInPlace('too small', 20, 4);
	assert.equal(out, '\u001B[1;1Htoo small\u001B[K\u001B[2;1H\u001B[J\u001B[1;10H');
	assert.deepEqual(plain(model(20, 4, out, model(20, 4, 'x'.repeat(80)))), ['too small', '', '', '']);
});

test("only Ink's whole-terminal clear is rewritten; nothing is cleared", () => {
	assert.equal(inPlaceFrame('\u001B[2K\u001B[1A\u001B[2K\u001B[G', 80, 24), '\u001B[2K\u001B[1A\u001B[2K\u001B[G');
	assert.equal(inPlaceFrame('plain text', 80, 24), 'plain text');
	const painted = inPlaceFrame(`${INK_CLEAR_TERMINAL}a\nb`, 80, 2);
	assert.equal(painted, '\u001B[1;1Ha\u001B[K\u001B[2;1Hb\u001B[K');
	assert.ok(!painted.includes('\u001B[2J') && !painted.includes('\u001B[3J'));
	// A row that reaches the last column gets no EL (it would erase that cell).
	assert.equal(inPlaceFrame(`${INK_CLEAR_TERMINAL}${'w'.repeat(80)}`, 80, 1), `\u001B[1;1H${'w'.repeat(80)}`);
});

test('rowCells counts cells, not escape sequences', () => {
	assert.equal(rowCells('\u001B[1;36mab\u001B[0m'), 2);
	assert.equal(rowCells('\u001B]8;;https://x.y/\u001B\\link\u001B]8;;\u001B\\'), 4);
	assert.equal(rowCells('中文'), 4);
	assert.equal(rowCells('\u200fسلام'), 4);
});
