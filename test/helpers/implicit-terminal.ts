// A model of a terminal that reorders each row itself (implicit bidi: mlterm,
// Konsole, Terminal.app): every row is a paragraph of its own, its direction
// that of its first strong character (left to right when it has none), run
// through UAX #9 (L1–L4, marks kept after their base), bidi controls not
// drawn, and a right-to-left row laid out from the right edge of the window.
// Two implementations: qari's own UAX #9, and GNU FriBidi's command line.
// Cells are counted as qari counts them (text/width.ts), as app mode pads.
import {spawnSync} from 'node:child_process';
import {firstStrongDirection, mirrorCode, resolveLevels} from '../../src/text/bidi/index.js';
import {reorderLine} from './bidi.js';
import {unshapeArabic} from '../../src/text/shape.js';
import {textWidth} from '../../src/text/width.js';

const controls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A row as the terminal shows it, `columns` cells wide, by qari's own UAX #9. */
export function showRow(row: string, columns: number): string {
	if (row === '') return ' '.repeat(columns);
	const para = resolveLevels(row, 'auto', {fallback: 'ltr'});
	const order = reorderLine(row, para, 0, row.length);
	let visual = '';
	for (const i of order) {
		const code = row.charCodeAt(i);
		const odd = ((para.levels[i] ?? 0) & 1) === 1;
		visual += odd ? String.fromCharCode(mirrorCode(code)) : row[i];
	}
	return place(visual.replace(controls, ''), firstStrongDirection(row) === 'rtl', columns);
}

function place(visual: string, rtl: boolean, columns: number): string {
	const room = Math.max(0, columns - textWidth(visual));
	return rtl ? ' '.repeat(room) + visual : visual + ' '.repeat(room);
}

/** Whether the fribidi command is there. */
export function hasFribidi(): boolean {
	return spawnSync('fribidi', ['--version'], {encoding: 'utf8'}).status === 0;
}

/** Rows as the terminal shows them by GNU FriBidi (one process for all rows; its shaping undone). */
export function showRowsByFribidi(rows: readonly string[], columns: number): string[] {
	const input = `${rows.map((r) => (r === '' ? ' ' : r)).join('\n')}\n`;
	const out = spawnSync('fribidi', ['--nobreak', '--nopad', '--clean', '--reordernsm'], {input, encoding: 'utf8'});
	if (out.status !== 0) throw new Error(`fribidi: ${out.stderr}`);
	const lines = out.stdout.split('\n');
	return rows.map((row, i) => {
		const visual = unshapeArabic(lines[i] ?? '')
			.replace(/\ufeff/g, '')
			.replace(controls, '');
		return place(row === '' ? '' : visual, firstStrongDirection(row) === 'rtl', columns);
	});
}
