// Code blocks: left to right, never shaped or reordered, tabs expanded,
// bidi controls removed; a line longer than the width wraps between grapheme
// clusters with a dim '↩' at the cut.

import {type Run} from '../model/line.js';
import {removeBidiControls} from '../text/char-class.js';
import {clusterBoundaries, textWidth} from '../text/width.js';
import {dimStyle, plainStyle, type Row, type State} from './rows.js';

/** Code: left to right, never shaped or reordered; long lines wrap with a mark. */
export function layoutCode(source: string, width: number, state: State): Row[] {
	const rows: Row[] = [];
	const base = state.offset;
	// Four cells of indent, fewer when the width is tiny; one cell is kept for
	// the continuation mark when there is room for it.
	const indent = width > 0 ? Math.min(4, Math.max(0, width - 3)) : 4;
	const avail = width > 0 ? width - indent : 0;
	const mark = avail >= 2 ? 1 : 0;
	let offset = 0;
	for (const rawLine of source.split('\n')) {
		const line = removeBidiControls(expandTabs(rawLine));
		const pieces = avail > 0 ? hardWrap(line, avail - mark, mark) : [line];
		pieces.forEach((piece, i) => {
			const runs: Run[] = [{text: ' '.repeat(indent), style: plainStyle}, {text: piece, style: {code: true}}];
			let w = indent + textWidth(piece);
			if (i < pieces.length - 1 && mark) {
				runs.push({text: '↩', style: dimStyle});
				w += 1;
			}
			rows.push({runs, width: w, align: 'left', block: state.block, offset: base + offset});
		});
		offset += rawLine.length + 1;
	}
	state.offset += source.length + 1;
	return rows;
}

function expandTabs(line: string): string {
	if (!line.includes('\t')) return line;
	let out = '';
	let col = 0;
	for (const ch of line) {
		if (ch === '\t') {
			const n = 4 - (col % 4);
			out += ' '.repeat(n);
			col += n;
		} else {
			out += ch;
			col += textWidth(ch);
		}
	}
	return out;
}

/** Cuts text into pieces of at most `width` cells, between grapheme clusters; a text that fits in `width + slack` stays whole. */
function hardWrap(text: string, width: number, slack: number): string[] {
	if (textWidth(text) <= width + slack) return [text];
	const bounds = clusterBoundaries(text);
	const pieces: string[] = [];
	let start = 0;
	let w = 0;
	for (let i = 0; i + 1 < bounds.length; i++) {
		const a = bounds[i] ?? 0;
		const b = bounds[i + 1] ?? a;
		const cw = textWidth(text.slice(a, b));
		if (w + cw > width && w > 0) {
			pieces.push(text.slice(start, a));
			start = a;
			w = 0;
		}
		w += cw;
	}
	pieces.push(text.slice(start));
	return pieces;
}

