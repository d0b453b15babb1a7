// Blocks → lines: paragraphs through the bidi-aware paragraph layout, then
// gutters (list markers, quote bars) on each container's start side, tables
// with columns in reading direction, code left to right, and alignment.
//
// Logic:
// 1. Every block yields rows: runs plus width plus the side it hugs. Rows are
//    built bottom-up: a container lays out its children at its inner width,
//    then adds its gutter: on the left for LTR containers, on the right for
//    RTL ones (visual order). In logical order gutters go first and nothing
//    is padded: alignment is the job of whatever shows the file.
// 2. A container in visual RTL pads each child row to its inner width so its
//    gutter lands at the right edge; the top level pads RTL rows on the left
//    so they end exactly at the text width.
// 3. Nesting is walked with an explicit stack for quotes and lists, so an
//    article nested thousands deep cannot overflow the call stack; gutters
//    stop being added once the inner width would fall below a minimum.
// 4. Lines are finished and handed out block by block (forEachLine), so a
//    caller that keeps only their text lets the rest go while it is young.
//    Padding runs of spaces are shared by width: runs are never mutated.

import {type Block, type Direction, type Inline, type Section, type Span, type Style} from '../model/article.js';
import {type Line, type Run, type RunStyle} from '../model/line.js';
import {forEachLeafBlock} from '../model/walk.js';
import {removeBidiControls} from '../text/char-class.js';
import {layoutParagraph, paragraphText, type Mark, type Order} from '../text/paragraph.js';
import {clusterBoundaries, textWidth} from '../text/width.js';
import {firstStrong, glyphsFor, implicitRuns, isolateContext, isolatedStyles, lastStrong, paragraphBrackets, pinBrackets, unitRuns} from './implicit.js';

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

interface Row {
	runs: readonly Run[];
	width: number;
	align: 'left' | 'right';
	block: number;
	offset: number;
}

const plainStyle: Style = {};
const dimStyle: RunStyle = {dim: true};
const headingStyle: Style = {strong: true};
/** Below this inner width, deeper quotes and lists stop adding gutters. */
const minInnerWidth = 8;

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
		if (index > 0) visit(finishRow(blankRow(state), options));
		for (const row of layoutBlock(block, options.width, state)) visit(finishRow(row, options));
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
 * row by row with missing cells as ''. Iterative: nesting depth is unbounded.
 */
export function forEachParagraphText(blocks: readonly Block[], visit: (text: string) => void): void {
	forEachLeafBlock(blocks, (block) => {
		if (block.kind === 'paragraph' || block.kind === 'heading') visit(paragraphText(block.inline));
		else if (block.kind === 'table') {
			let columns = block.header.length;
			for (const row of block.rows) columns = Math.max(columns, row.length);
			for (let c = 0; c < columns; c++) visit(paragraphText(block.header[c] ?? []));
			for (const row of block.rows) for (let c = 0; c < columns; c++) visit(paragraphText(row[c] ?? []));
		}
	});
}

interface State {
	readonly options: LayoutOptions;
	/** Running plain-text offset in the section (each paragraph adds its length + 1). */
	offset: number;
	block: number;
}

/** Rows are put together in visual order: app mode, and the rows of implicit mode (implicit.ts, Logic 1). */
function visualRows(options: LayoutOptions): boolean {
	return options.order === 'visual' || options.implicit === true;
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

function blankRow(state: State): Row {
	return {runs: [], width: 0, align: state.options.baseDir === 'rtl' ? 'right' : 'left', block: state.block, offset: state.offset};
}

function layoutBlock(block: Block, width: number, state: State): Row[] {
	switch (block.kind) {
		case 'paragraph':
			return layoutInline(block.inline, width, state, undefined);
		case 'heading':
			return layoutHeading(block.level, block.inline, width, state);
		case 'code':
			return layoutCode(block.text, width, state);
		case 'rule': {
			const n = width > 0 ? width : 40;
			const rule = glyphsFor(state.options.implicit).rule;
			return [{runs: [{text: rule.repeat(n), style: dimStyle}], width: n, align: 'left', block: state.block, offset: state.offset}];
		}
		case 'table':
			return layoutTable(block, width, state);
		case 'quote':
		case 'list':
			return layoutContainer(block, width, state);
	}
}

function layoutInline(inline: Inline, width: number, state: State, style: Style | undefined): Row[] {
	const {options} = state;
	const spans = style ? inline.map((span) => ({text: span.text, style: {...span.style, ...style}})) : inline;
	const marks = options.highlight?.(paragraphText(inline));
	const laid = layoutParagraph(spans, {
		width: Math.max(width, 0),
		order: options.order,
		shape: options.shape,
		dir: options.dir,
		fallback: options.baseDir,
		...(marks?.length ? {marks} : {}),
	});
	const align = laid.direction === 'rtl' ? 'right' : 'left';
	const base = state.offset;
	state.offset += laid.length + 1;
	if (options.implicit) {
		// Each line a unit, with the direction of the strong characters around it in the paragraph (implicit.ts, Logic 3).
		const text = paragraphText(inline);
		const styles = isolatedStyles(spans);
		const brackets = paragraphBrackets(spans, text, laid.direction);
		return laid.lines.map((line) => ({
			runs: unitRuns(
				pinBrackets(line.runs, brackets, line.offset, line.end, styles, options.fewMarks),
				laid.direction,
				lastStrong(text, 0, line.offset),
				firstStrong(text, line.end),
				styles,
				isolateContext(spans, text, line.offset, line.end),
			),
			width: line.width,
			align,
			block: state.block,
			offset: base + line.offset,
		}));
	}
	return laid.lines.map((line) => ({
		runs: line.runs,
		width: line.width,
		align,
		block: state.block,
		offset: base + line.offset,
	}));
}

function layoutHeading(level: number, inline: Inline, width: number, state: State): Row[] {
	const rows = layoutInline(inline, width, state, headingStyle);
	if (level <= 2) {
		// Titles and top sections are underlined, the rule as wide as the text.
		const glyphs = glyphsFor(state.options.implicit);
		const rule = level === 1 ? glyphs.doubleRule : glyphs.rule;
		const n = maxOf(rows, (r) => r.width, 1);
		const last = rows[rows.length - 1];
		rows.push({
			runs: [{text: rule.repeat(n), style: dimStyle}],
			width: n,
			align: last?.align ?? 'left',
			block: state.block,
			offset: last?.offset ?? state.offset,
		});
	}
	return rows;
}

/** Code: left to right, never shaped or reordered; long lines wrap with a mark. */
function layoutCode(source: string, width: number, state: State): Row[] {
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

function layoutTable(block: Extract<Block, {kind: 'table'}>, width: number, state: State): Row[] {
	const {options} = state;
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
		if (least.reduce((a, b) => a + b, 0) > budget) return layoutTableAsRows(all, width, state);
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
	const rtl = options.baseDir === 'rtl' && visual;
	const glyphs = glyphsFor(options.implicit);
	const rows: Row[] = [];
	all.forEach((cells, r) => {
		const laid = Array.from({length: columns}, (_, c) =>
			layoutInline(cells[c] ?? [], natural[c] ?? 1, state, r === 0 ? headingStyle : undefined),
		);
		const height = maxOf(laid, (l) => l.length, 1);
		for (let k = 0; k < height; k++) {
			const parts: Run[][] = [];
			for (let c = 0; c < columns; c++) {
				const cell = laid[c]?.[k];
				const cw = natural[c] ?? 1;
				const align = block.align[c] ?? cell?.align ?? 'left';
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
function layoutTableAsRows(all: readonly (readonly Inline[])[], width: number, state: State): Row[] {
	const rows: Row[] = [];
	all.forEach((cells, r) => {
		const inline: Span[] = [];
		cells.forEach((cell, c) => {
			if (c > 0) inline.push({text: ` ${glyphsFor(state.options.implicit).bar} `, style: dimStyle});
			for (const span of cell) inline.push(span);
		});
		for (const row of layoutInline(inline, width, state, r === 0 ? headingStyle : undefined)) rows.push(row);
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

/**
 * Quotes and lists, walked with an explicit stack (no recursion: nesting
 * depth is unbounded in hostile articles). A frame is one container level;
 * every row a child produces passes through the gutters of all the frames
 * around it, innermost first.
 */
function layoutContainer(root: Extract<Block, {kind: 'quote' | 'list'}>, width: number, state: State): Row[] {
	const {options} = state;
	const rtl = options.baseDir === 'rtl';
	const visual = visualRows(options);
	const bar = `${glyphsFor(options.implicit).bar} `;

	interface Frame {
		readonly first: string;
		readonly rest: string;
		readonly width: number;
		/** Inner width of the frame (0 = unwrapped). */
		readonly inner: number;
		used: boolean;
	}
	interface Task {
		readonly blocks: readonly Block[];
		readonly width: number;
		readonly frames: readonly Frame[];
		/** A blank row goes before the first block (it follows a nested container). */
		readonly blankFirst: boolean;
	}
	const out: Row[] = [];
	const stack: Task[] = [];
	const emit = (row: Row, frames: readonly Frame[]): void => {
		let current = row;
		for (let i = frames.length - 1; i >= 0; i--) {
			const frame = frames[i];
			if (!frame || frame.width === 0) continue;
			const gutter = frame.used ? frame.rest : frame.first;
			frame.used = true;
			current = addGutter(current, gutter, frame.width, frame.inner, rtl, visual);
		}
		out.push(current);
	};
	const pushContainer = (block: Extract<Block, {kind: 'quote' | 'list'}>, outer: number, frames: readonly Frame[]): void => {
		// Too narrow for another gutter: deeper levels are shown flat.
		const flat = outer > 0 && outer < minInnerWidth + 2;
		const frameOf = (first: string, rest: string, w: number): Frame => {
			const fw = flat ? 0 : w;
			return {first, rest, width: fw, inner: outer > 0 ? outer - fw : 0, used: false};
		};
		if (block.kind === 'quote') {
			const frame = frameOf(bar, bar, 2);
			stack.push({blocks: block.blocks, width: frame.inner, frames: [...frames, frame], blankFirst: false});
			return;
		}
		const markers = block.items.map((_, i) => (block.ordered ? `${block.start + i}.` : '•'));
		const mw = maxOf(markers, (m) => m.length, 1) + 1;
		// Pushed last-first so the items come off the stack in order.
		for (let i = block.items.length - 1; i >= 0; i--) {
			const marker = markers[i] ?? '•';
			const frame = frameOf(marker + ' '.repeat(mw - marker.length), ' '.repeat(mw), mw);
			// Flat: no gutter to hold the marker, so it leads the item's text.
			const blocks = flat ? withLeadingMarker(block.items[i] ?? [], `${marker} `) : (block.items[i] ?? []);
			stack.push({blocks, width: frame.inner, frames: [...frames, frame], blankFirst: false});
		}
	};

	pushContainer(root, width, []);
	for (let task = stack.pop(); task; task = stack.pop()) {
		for (let i = 0; i < task.blocks.length; i++) {
			const child = task.blocks[i];
			if (!child) continue;
			if (i > 0 || task.blankFirst) emit(blankRow(state), task.frames);
			if (child.kind === 'quote' || child.kind === 'list') {
				// The rest of this task resumes after the nested container.
				const rest = task.blocks.slice(i + 1);
				if (rest.length) stack.push({blocks: rest, width: task.width, frames: task.frames, blankFirst: true});
				pushContainer(child, task.width, task.frames);
				break;
			}
			for (const row of layoutBlock(child, task.width, state)) emit(row, task.frames);
		}
	}
	return out;
}

function withLeadingMarker(blocks: readonly Block[], marker: string): Block[] {
	const span: Span = {text: marker, style: dimStyle};
	const [first, ...rest] = blocks;
	if (first?.kind === 'paragraph') return [{kind: 'paragraph', inline: [span, ...first.inline]}, ...rest];
	return [{kind: 'paragraph', inline: [span]}, ...blocks];
}

function addGutter(row: Row, gutter: string, gutterWidth: number, inner: number, rtl: boolean, visual: boolean): Row {
	if (!visual) return {...row, runs: [{text: gutter, style: dimStyle}, ...row.runs], width: row.width + gutterWidth};
	const room = inner > 0 ? Math.max(0, inner - row.width) : 0;
	const fill: Run[] = room ? [{text: ' '.repeat(room), style: plainStyle}] : [];
	if (!rtl) {
		// An RTL paragraph inside an LTR container still ends at the inner edge.
		const body = row.align === 'right' ? [...fill, ...row.runs] : row.runs;
		const w = row.align === 'right' ? row.width + room : row.width;
		return {...row, runs: [{text: gutter, style: dimStyle}, ...body], width: gutterWidth + w, align: 'left'};
	}
	// RTL: the gutter sits on the right edge; every row is filled to the inner
	// width so the gutters of one container line up.
	const body = row.align === 'right' ? [...fill, ...row.runs] : [...row.runs, ...fill];
	return {...row, runs: [...body, {text: mirrorGutter(gutter), style: dimStyle}], width: row.width + room + gutterWidth, align: 'right'};
}

/**
 * A gutter read right to left: the space goes to the inner side, and a list
 * number keeps its digits left to right with its period after it in reading
 * order, i.e. on its left ("12." shows as ".12", as browsers show RTL lists).
 */
function mirrorGutter(gutter: string): string {
	const mark = gutter.trimEnd();
	const space = ' '.repeat(gutter.length - mark.length);
	const numbered = /^(\d+)\.$/.exec(mark);
	return space + (numbered ? `.${numbered[1] ?? ''}` : mark);
}

/**
 * The largest of `floor` and `value` of each item. Not Math.max(...items):
 * a list of a 2 MB article has more items than a call takes arguments.
 */
function maxOf<T>(items: readonly T[], value: (item: T) => number, floor: number): number {
	let max = floor;
	for (const item of items) max = Math.max(max, value(item));
	return max;
}
