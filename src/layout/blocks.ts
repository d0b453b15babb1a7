// Blocks → lines, the layout's entry: each block to rows by the module of
// its kind, then every row finished into a Line (clipped, aligned).
//
//   text-blocks.ts   paragraphs, headings, rules (through text/paragraph.ts)
//   code.ts          code blocks, an LTR base (RTL runs reordered and shaped in visual order)
//   table.ts         tables, columns in reading direction
//   containers.ts    quotes and lists: gutters on the start side
//   rows.ts          the Row every one of them yields, and what they share
//
// Logic:
// 1. Every block yields rows: runs plus width plus the side it hugs. Rows are
//    built bottom-up: a container lays out its children at its inner width,
//    then adds its gutter: on the left for LTR containers, on the right for
//    RTL ones (visual order). In logical order gutters go first and nothing
//    is padded: alignment is the job of whatever shows the file.
// 2. The top level pads RTL rows on the left so they end exactly at the text
//    width (visual order); a row wider than the width (one cluster wider
//    than it) is cut on its end side, with '…'.
// 3. Lines are finished and handed out block by block (forEachLine), so a
//    caller that keeps only their text lets the rest go while it is young.
//    Padding runs of spaces are shared by width: runs are never mutated.

import {type Block, type Direction, type Section} from '../model/article.js';
import {type Line, type Run} from '../model/line.js';
import {forEachLeafBlock} from '../model/walk.js';
import {paragraphText, type Mark, type Order} from '../text/paragraph.js';
import {clusterBoundaries, textWidth} from '../text/width.js';
import {codeLineText, layoutCode} from './code.js';
import {layoutContainer} from './containers.js';
import {blankRow, dimStyle, plainStyle, visualRows, type Row, type State} from './rows.js';
import {implicitRuns} from './implicit.js';
import {layoutTable} from './table.js';
import {layoutHeading, layoutInline, layoutRule} from './text-blocks.js';

export interface LayoutOptions {
	/** Text width in cells; 0 = no wrapping (one line per paragraph). */
	readonly width: number;
	readonly order: Order;
	readonly shape: boolean;
	/** Paragraph direction override; 'auto' = each paragraph's first strong character. */
	readonly dir: 'auto' | Direction;
	/** Direction for paragraphs without strong characters, and for containers. */
	readonly baseDir: Direction;
	/** Returns the logical ranges to highlight in a paragraph's plain text. */
	readonly highlight?: (text: string) => readonly Mark[];
	/**
	 * Rows for a terminal that reorders each row itself (with order 'logical'):
	 * assembled as in visual order, then sent so the terminal shows them so
	 * (implicit.ts); no box-drawing glyphs.
	 */
	readonly implicit?: boolean;
	/** With `implicit`: the terminal draws each mark as a blank cell (mlterm), so only the marks it needs. */
	readonly fewMarks?: boolean;
}

/** Lays out a section's blocks (the heading is the caller's). */
export function layoutBlocks(blocks: readonly Block[], options: LayoutOptions): Line[] {
	const lines: Line[] = [];
	forEachLine(blocks, options, (line) => {
		lines.push(line);
	});
	return lines;
}

/**
 * Calls `visit` with each line layoutBlocks returns, in the same order, as
 * soon as its block is laid out: a caller that keeps only the text (export)
 * lets every line's objects go while they are young, which on a book is most
 * of the garbage collector's work.
 */
export function forEachLine(blocks: readonly Block[], options: LayoutOptions, visit: (line: Line) => void): void {
	const state: State = {options, offset: 0, block: 0};
	blocks.forEach((block, index) => {
		state.block = index;
		if (index > 0) visit(finishRow(blankRow(state, options.baseDir), options));
		const center = (block.kind === 'paragraph' || block.kind === 'heading') && block.align === 'center';
		for (const row of layoutBlock(block, options.width, state, options.baseDir)) visit(finishRow(center ? centred(row, options) : row, options));
	});
}

/** Lays out a section: its title as a heading (unless `withTitle` is false), then its blocks. */
export function layoutSection(section: Section, options: LayoutOptions, withTitle = true): Line[] {
	return layoutBlocks(sectionBlocks(section, withTitle), options);
}

/** The blocks layoutSection lays out. */
export function sectionBlocks(section: Section, withTitle = true): readonly Block[] {
	return withTitle ? [{kind: 'heading', level: section.level || 1, inline: [{text: section.title, style: {}}]}, ...section.blocks] : section.blocks;
}

/**
 * Calls `visit` with the plain text of every paragraph that layoutBlocks passes to
 * `options.highlight`, in the same order, without laying anything out: search counts
 * matches with it. Document order, depth first (as layoutContainer walks), table cells
 * row by row with missing cells as '', each line of code. Iterative: nesting depth is unbounded.
 */
export function forEachParagraphText(blocks: readonly Block[], visit: (text: string) => void): void {
	forEachLeafBlock(blocks, (block) => {
		if (block.kind === 'paragraph' || block.kind === 'heading') visit(paragraphText(block.inline));
		else if (block.kind === 'code') for (const line of block.text.split('\n')) visit(codeLineText(line));
		else if (block.kind === 'table') {
			let columns = block.header.length;
			for (const row of block.rows) columns = Math.max(columns, row.length);
			for (let c = 0; c < columns; c++) visit(paragraphText(block.header[c] ?? []));
			for (const row of block.rows) for (let c = 0; c < columns; c++) visit(paragraphText(row[c] ?? []));
		}
	});
}

function finishRow(row: Row, options: LayoutOptions): Line {
	let runs = row.runs;
	let width = row.width;
	const visual = visualRows(options);
	// Only a cluster wider than the whole width (a wide letter at width 1) can
	// get here too wide: cut the row on its end side, and say so with '…'.
	if (options.width > 0 && width > options.width) ({runs, width} = clipRuns(runs, options.width, row.align === 'right' && visual));
	if (visual && options.width > 0 && row.align === 'right' && width < options.width) {
		const padded: Run[] = [spaceRun(options.width - width)];
		for (const run of runs) padded.push(run);
		runs = padded;
		width = options.width;
	}
	if (options.implicit) {
		const dir = row.align === 'right' ? 'rtl' : 'ltr';
		return {runs: implicitRuns(runs, dir), width, block: row.block, offset: row.offset, dir};
	}
	return {runs, width, block: row.block, offset: row.offset};
}

/** A row of a centred block (raw HTML's align="center"): in visual order, as much room on its left as on its right. */
function centred(row: Row, options: LayoutOptions): Row {
	if (!visualRows(options) || options.width <= 0 || row.width >= options.width) return row;
	const left = Math.floor((options.width - row.width) / 2);
	if (!left) return row;
	return {...row, runs: [spaceRun(left), ...row.runs], width: row.width + left, align: 'left'};
}

/** Runs of spaces padding rows, by width: every right-aligned row of a page needs one. */
const spaceRuns: Run[] = [];

/** Whether a run is one of spaceRun's padding runs (export writes those as a fill). */
export function isPaddingRun(run: Run): boolean {
	return spaceRuns[run.text.length] === run;
}

/** A plain run of `n` spaces (shared: runs are never mutated). */
function spaceRun(n: number): Run {
	if (n >= 512) return {text: ' '.repeat(n), style: plainStyle};
	let run = spaceRuns[n];
	if (!run) {
		run = {text: ' '.repeat(n), style: plainStyle};
		spaceRuns[n] = run;
	}
	return run;
}

/** Cuts runs to at most `width` cells between clusters, keeping the left part (or the right, `fromLeft`), ending in '…'. */
function clipRuns(runs: readonly Run[], width: number, fromLeft: boolean): {runs: Run[]; width: number} {
	const room = width - 1;
	const ordered = fromLeft ? [...runs].reverse() : runs;
	const kept: Run[] = [];
	let used = 0;
	outer: for (const run of ordered) {
		const bounds = clusterBoundaries(run.text);
		const pieces: string[] = [];
		for (let i = 0; i + 1 < bounds.length; i++) pieces.push(run.text.slice(bounds[i] ?? 0, bounds[i + 1] ?? 0));
		if (fromLeft) pieces.reverse();
		let text = '';
		for (const piece of pieces) {
			const w = textWidth(piece);
			if (used + w > room) {
				if (text) kept.push({text, style: run.style});
				break outer;
			}
			text = fromLeft ? piece + text : text + piece;
			used += w;
		}
		if (text) kept.push({text, style: run.style});
	}
	const ellipsis: Run = {text: '…', style: dimStyle};
	const result = fromLeft ? [ellipsis, ...kept.reverse()] : [...kept, ellipsis];
	return {runs: result, width: used + 1};
}

/**
 * Lays out a block in a context of direction `around` (the article's, or the list's or
 * quote's around it), or the one an HTML wrapper declares around the block (Block.dir).
 */
function layoutBlock(block: Block, width: number, state: State, around: Direction): Row[] {
	const dir = ('dir' in block ? block.dir : undefined) ?? around;
	switch (block.kind) {
		case 'paragraph':
			return layoutInline(block.inline, width, state, undefined, dir);
		case 'heading':
			return layoutHeading(block.level, block.inline, width, state, dir);
		case 'code':
			return layoutCode(block.text, width, state);
		case 'rule':
			return layoutRule(width, state);
		case 'table':
			return layoutTable(block, width, state, dir);
		case 'quote':
		case 'list':
			return layoutContainer(block, width, state, dir, layoutBlock);
	}
}
