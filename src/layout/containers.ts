// Quotes and lists: the blocks inside at the inner width, then a gutter
// (quote bar, list marker) on the container's start side: the left for LTR,
// the right for RTL in visual order, first in logical order.
//
// Logic:
// 1. Nesting is walked with an explicit stack, so an article nested
//    thousands deep cannot overflow the call stack; gutters stop being
//    added once the inner width would fall below minInnerWidth (the marker
//    then leads the item's text).
// 2. A container in visual RTL pads each child row to its inner width so its
//    gutter lands at the right edge.
// 3. The blocks inside are laid out by the caller's `layoutBlock` (blocks.ts),
//    which sends nested containers back here.

import {type Block, type Direction, type Span} from '../model/article.js';
import {directionOfLetters, inlineDirection} from '../text/direction.js';
import {type Run} from '../model/line.js';
import {blankRow, dimStyle, maxOf, plainStyle, visualRows, type Row, type State} from './rows.js';
import {glyphsFor} from './implicit.js';

/** Below this inner width, deeper quotes and lists stop adding gutters. */
const minInnerWidth = 8;

/**
 * Quotes and lists, walked with an explicit stack (no recursion: nesting
 * depth is unbounded in hostile articles). A frame is one container level;
 * every row a child produces passes through the gutters of all the frames
 * around it, innermost first.
 */
export function layoutContainer(
	root: Extract<Block, {kind: 'quote' | 'list'}>,
	width: number,
	state: State,
	context: Direction,
	layoutBlock: (block: Block, width: number, state: State, around: Direction) => Row[],
): Row[] {
	const {options} = state;
	const visual = visualRows(options);
	const bar = `${glyphsFor(options.implicit).bar} `;

	interface Frame {
		readonly first: string;
		readonly rest: string;
		readonly width: number;
		/** Inner width of the frame (0 = unwrapped). */
		readonly inner: number;
		/** The container reads right to left: its gutter is on the right. */
		readonly rtl: boolean;
		used: boolean;
	}
	interface Task {
		readonly blocks: readonly Block[];
		readonly width: number;
		/** The direction of the container the blocks are in. */
		readonly dir: Direction;
		readonly frames: readonly Frame[];
		/** A blank row goes before the first block (it follows a nested container). */
		readonly blankFirst: boolean;
		/** In an item of a tight list: no blank rows between its blocks (issue 12, 15). */
		readonly tight: boolean;
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
			current = addGutter(current, gutter, frame.width, frame.inner, frame.rtl, visual);
		}
		out.push(current);
	};
	const pushContainer = (block: Extract<Block, {kind: 'quote' | 'list'}>, outer: number, frames: readonly Frame[], around: Direction): void => {
		// Too narrow for another gutter: deeper levels are shown flat.
		const flat = outer > 0 && outer < minInnerWidth + 2;
		const dir = options.dir === 'auto' ? containerDirection(block, around) : options.dir;
		const frameOf = (first: string, rest: string, w: number): Frame => {
			const fw = flat ? 0 : w;
			return {first, rest, width: fw, inner: outer > 0 ? outer - fw : 0, rtl: dir === 'rtl', used: false};
		};
		if (block.kind === 'quote') {
			const frame = frameOf(bar, bar, 2);
			stack.push({blocks: block.blocks, width: frame.inner, dir, frames: [...frames, frame], blankFirst: false, tight: false});
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
			stack.push({blocks, width: frame.inner, dir, frames: [...frames, frame], blankFirst: false, tight: block.tight === true});
		}
	};

	pushContainer(root, width, [], context);
	for (let task = stack.pop(); task; task = stack.pop()) {
		for (let i = 0; i < task.blocks.length; i++) {
			const child = task.blocks[i];
			if (!child) continue;
			if ((i > 0 || task.blankFirst) && !task.tight) emit(blankRow(state, task.dir), task.frames);
			if (child.kind === 'quote' || child.kind === 'list') {
				// The rest of this task resumes after the nested container.
				const rest = task.blocks.slice(i + 1);
				if (rest.length) stack.push({blocks: rest, width: task.width, dir: task.dir, frames: task.frames, blankFirst: true, tight: task.tight});
				pushContainer(child, task.width, task.frames, child.dir ?? task.dir);
				break;
			}
			for (const row of layoutBlock(child, task.width, state, task.dir)) emit(row, task.frames);
		}
	}
	return out;
}

/**
 * A list's or quote's direction from its own items (issue 12, 2): each list item's
 * first paragraph or heading, or each paragraph and heading of a quote, votes with the
 * direction it would have in an RTL container (HL1: mostly-RTL prose or a first strong
 * RTL letter), so a list of Persian items that start with a Latin name is RTL wherever
 * it stands, and an English table of contents is LTR in an Arabic article; a tie or no
 * text leaves it to `context`. Only direct children are read: nesting costs nothing extra.
 */
function containerDirection(block: Extract<Block, {kind: 'quote' | 'list'}>, context: Direction): Direction {
	const votes = {rtl: 0, ltr: 0};
	const vote = (child: Block | undefined): void => {
		if (child?.kind !== 'paragraph' && child?.kind !== 'heading') return;
		const dir = inlineDirection(child.inline, 'rtl');
		if (dir) votes[dir]++;
	};
	if (block.kind === 'quote') for (const child of block.blocks) vote(child);
	else for (const item of block.items) vote(item.find((child) => child.kind === 'paragraph' || child.kind === 'heading'));
	return directionOfLetters(votes) ?? context;
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
