// The row: what laying out any block yields before it is a Line — runs,
// their width, the side they hug — and what every block's layout shares
// (the walk's state, the styles of rules and gutters, blank rows).

import {type Direction, type Style} from '../model/article.js';
import {type Run, type RunStyle} from '../model/line.js';
import {type LayoutOptions} from './blocks.js';

/** A row of a block: its runs in display order, their width in cells, the side it hugs; the block and the plain-text offset it starts at. */
export interface Row {
	runs: readonly Run[];
	width: number;
	align: 'left' | 'right';
	block: number;
	offset: number;
}

/** The walk over a section's blocks. */
export interface State {
	readonly options: LayoutOptions;
	/** Running plain-text offset in the section (each paragraph adds its length + 1). */
	offset: number;
	block: number;
}

export const plainStyle: Style = {};
export const dimStyle: RunStyle = {dim: true};
export const headingStyle: Style = {strong: true};

/** Rows are put together in visual order: app mode, and the rows of implicit mode (implicit.ts, Logic 1). */
export function visualRows(options: LayoutOptions): boolean {
	return options.order === 'visual' || options.implicit === true;
}

/** The empty row between blocks, hugging the side of direction `dir` (the article's or its container's). */
export function blankRow(state: State, dir: Direction): Row {
	return {runs: [], width: 0, align: dir === 'rtl' ? 'right' : 'left', block: state.block, offset: state.offset};
}

/**
 * The largest of `floor` and `value` of each item. Not Math.max(...items):
 * a list of a 2 MB article has more items than a call takes arguments.
 */
export function maxOf<T>(items: readonly T[], value: (item: T) => number, floor: number): number {
	let max = floor;
	for (const item of items) max = Math.max(max, value(item));
	return max;
}
