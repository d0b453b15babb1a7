// Tables: columns in reading direction (right to left in visual RTL), at
// their natural widths, the widest shrunk until the table fits; a table whose
// columns cannot fit even at their narrowest becomes one paragraph per row.

import {type Block, type Direction, type Inline, type Span} from '../model/article.js';
import {countProse, directionOfLetters} from '../text/direction.js';
import {type Run} from '../model/line.js';
import {paragraphText} from '../text/paragraph.js';
import {clusterBoundaries, textWidth} from '../text/width.js';
import {dimStyle, headingStyle, maxOf, plainStyle, visualRows, type Row, type State} from './rows.js';
import {glyphsFor} from './implicit.js';
import {layoutInline} from './text-blocks.js';

/**
 * A table: its direction from its own text (tableDirection), columns in that reading
 * order, and one alignment per column (issue 12, 14): the delimiter row's, else the
 * table's start side, so a column of numbers is not ragged.
 */
export function layoutTable(block: Extract<Block, {kind: 'table'}>, width: number, state: State, context: Direction): Row[] {
	const {options} = state;
	const dir = options.dir === 'auto' ? tableDirection(block, context) : options.dir;
	const columns = maxOf(block.rows, (r) => r.length, block.header.length);
	if (columns === 0) return [];
	const all = [block.header, ...block.rows];
	const cellText = (cell: Inline | undefined) => paragraphText(cell ?? []).replace(/\u2028/g, ' ');
	// Natural column widths, then shrink the widest until the table fits; no
	// column narrower than its widest cluster (a wide letter needs two cells).
	const natural = Array.from({length: columns}, (_, c) => maxOf(all, (row) => textWidth(cellText(row[c])), 1));
	const least = Array.from({length: columns}, (_, c) => maxOf(all, (row) => widestCluster(cellText(row[c])), 1));
	const sep = 3; // ' │ '
	if (width > 0) {
		const budget = width - sep * (columns - 1);
		if (least.reduce((a, b) => a + b, 0) > budget) return layoutTableAsRows(all, width, state, dir);
		let total = natural.reduce((a, b) => a + b, 0);
		while (total > budget) {
			let widest = -1;
			for (let c = 0; c < columns; c++) {
				if ((natural[c] ?? 0) > (least[c] ?? 1) && (widest < 0 || (natural[c] ?? 0) > (natural[widest] ?? 0))) widest = c;
			}
			if (widest < 0) break;
			natural[widest] = (natural[widest] ?? 1) - 1;
			total--;
		}
	}
	const visual = visualRows(options);
	const rtl = dir === 'rtl' && visual;
	const glyphs = glyphsFor(options.implicit);
	const start = dir === 'rtl' ? 'right' : 'left';
	const rows: Row[] = [];
	all.forEach((cells, r) => {
		const laid = Array.from({length: columns}, (_, c) => layoutInline(cells[c] ?? [], natural[c] ?? 1, state, r === 0 ? headingStyle : undefined, dir));
		const height = maxOf(laid, (l) => l.length, 1);
		for (let k = 0; k < height; k++) {
			const parts: Run[][] = [];
			for (let c = 0; c < columns; c++) {
				const cell = laid[c]?.[k];
				const cw = natural[c] ?? 1;
				const align = block.align[c] ?? start;
				parts.push(pad(cell?.runs ?? [], cell?.width ?? 0, cw, align, visual));
			}
			if (rtl) parts.reverse();
			const runs: Run[] = [];
			parts.forEach((p, i) => {
				if (i > 0) runs.push({text: ` ${glyphs.bar} `, style: dimStyle});
				for (const run of p) runs.push(run);
			});
			rows.push({
				runs,
				width: natural.reduce((a, b) => a + b, 0) + sep * (columns - 1),
				align: rtl ? 'right' : 'left',
				block: state.block,
				offset: laid[0]?.[0]?.offset ?? state.offset,
			});
		}
		if (r === 0) {
			const cols = natural.map((n) => glyphs.rule.repeat(n));
			if (rtl) cols.reverse();
			const text = cols.join(glyphs.rule + glyphs.cross + glyphs.rule);
			rows.push({runs: [{text, style: dimStyle}], width: textWidth(text), align: rtl ? 'right' : 'left', block: state.block, offset: state.offset});
		}
	});
	return rows;
}

/** Widest grapheme cluster of a text, in cells. */
function widestCluster(text: string): number {
	const bounds = clusterBoundaries(text);
	let widest = 0;
	for (let i = 0; i + 1 < bounds.length; i++) widest = Math.max(widest, textWidth(text.slice(bounds[i] ?? 0, bounds[i + 1] ?? 0)));
	return widest;
}

/**
 * A table with more columns than the width can hold: each row becomes a
 * paragraph of its cells separated by bars, the header row in bold, so
 * nothing is cut off.
 */
function layoutTableAsRows(all: readonly (readonly Inline[])[], width: number, state: State, dir: Direction): Row[] {
	const rows: Row[] = [];
	all.forEach((cells, r) => {
		const inline: Span[] = [];
		cells.forEach((cell, c) => {
			if (c > 0) inline.push({text: ` ${glyphsFor(state.options.implicit).bar} `, style: dimStyle});
			for (const span of cell) inline.push(span);
		});
		for (const row of layoutInline(inline, width, state, r === 0 ? headingStyle : undefined, dir)) rows.push(row);
	});
	return rows;
}

function pad(runs: readonly Run[], width: number, target: number, align: 'left' | 'right' | 'center', visual: boolean): Run[] {
	const room = Math.max(0, target - width);
	if (room === 0) return [...runs];
	if (!visual && align !== 'center') return [...runs, {text: ' '.repeat(room), style: plainStyle}];
	const left = align === 'right' ? room : align === 'center' ? Math.floor(room / 2) : 0;
	const out: Run[] = [];
	if (left) out.push({text: ' '.repeat(left), style: plainStyle});
	for (const run of runs) out.push(run);
	if (room - left) out.push({text: ' '.repeat(room - left), style: plainStyle});
	return out;
}

/** A table's direction: the majority of its header's prose letters, else of all its cells', else `context`. */
function tableDirection(block: Extract<Block, {kind: 'table'}>, context: Direction): Direction {
	const header = {rtl: 0, ltr: 0};
	for (const cell of block.header) countProse(cell, header);
	const fromHeader = directionOfLetters(header);
	if (fromHeader) return fromHeader;
	const all = {rtl: 0, ltr: 0};
	for (const row of block.rows) for (const cell of row) countProse(cell, all);
	return directionOfLetters(all) ?? context;
}
