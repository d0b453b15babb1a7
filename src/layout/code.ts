// Code blocks: each line a paragraph with an LTR base direction, tabs
// expanded, bidi controls removed; a line longer than the width wraps between
// grapheme clusters with a dim '↩' at the cut. In visual order a line with
// right-to-left letters is reordered and its Arabic shaped (issue 12); for a
// terminal that reorders, each piece of such a line is a unit of the line's
// levels (implicit.ts, Logic 3–4).

import {type Run, type RunStyle} from '../model/line.js';
import {mirrorCode, reorderLineInto, resolveLevels} from '../text/bidi/index.js';
import {removeBidiControls} from '../text/char-class.js';
import {shapeArabic} from '../text/shape.js';
import {clusterBoundaries, textWidth} from '../text/width.js';
import {codeUnit, edgeContext, lineTargets, paragraphBrackets, pinBrackets, settleUnit} from './implicit.js';
import {dimStyle, plainStyle, type Row, type State} from './rows.js';

/**
 * Code: each line a paragraph of its own with an LTR base direction, cut into
 * pieces by width only (never at other places than a prose line would); long
 * lines wrap with a mark. In visual order a line holding right-to-left letters
 * goes through the bidi algorithm (levels of the whole line, each piece
 * reordered on its own, L1–L4) and its Arabic is shaped, as editors and
 * browsers show `print("سلام دنیا")  # چاپ پیام`; other lines are copied as they are.
 */
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
		const line = codeLineText(rawLine);
		const visual = state.options.order === 'visual' && rtlLetter.test(line);
		const shown = visual && state.options.shape ? shapeArabic(line) : line;
		const ranges = avail > 0 ? hardWrap(shown, avail - mark, mark) : [[0, shown.length] as const];
		// Search matches (issue 12, 18): each line is a paragraph of the search's, as forEachParagraphText visits it.
		const marks = state.options.highlight?.(line) ?? [];
		const styles: RunStyle[] = [codeStyle, ...marks.map((m) => ({...codeStyle, ...m.style}))];
		const styleAt = (k: number): number => {
			for (let m = 0; m < marks.length; m++) if (k >= (marks[m]?.start ?? 0) && k < (marks[m]?.end ?? 0)) return m + 1;
			return 0;
		};
		// Most code lines: LTR, no match, each piece a slice.
		const plain = !visual && !marks.length;
		const orders = visual ? visualCodeOrders(line, shown, ranges) : plain ? [] : ranges.map(([a, b]) => Array.from({length: b - a}, (_, k) => a + k));
		// For a terminal that reorders (implicit.ts): a line with right-to-left letters, each piece a unit of the line's levels.
		const implicit = state.options.implicit === true && rtlLetter.test(line) ? paragraphBrackets([{text: line, style: plainStyle}], line, 'ltr') : undefined;
		ranges.forEach(([a, b], i) => {
			let piece: readonly Run[] = plain ? [{text: shown.slice(a, b), style: codeStyle}] : codeRuns(shown, orders[i] ?? [], styles, styleAt);
			if (implicit) {
				const {before, after} = edgeContext(line, 'ltr', a, b);
				const pinned = codeUnit(pinBrackets(piece, implicit, a, b, noStyles, state.options.fewMarks, true), before, after);
				// With few marks (mlterm), the piece without pinned brackets first, when it shows right so.
				const candidates = state.options.fewMarks ? [codeUnit(piece, before, after), pinned] : [pinned];
				piece = settleUnit(candidates, 'ltr', lineTargets(implicit, piece, a, b));
			}
			const runs: Run[] = [{text: ' '.repeat(indent), style: plainStyle}, ...piece];
			let w = indent;
			for (const run of piece) if (run.style.control !== true) w += textWidth(run.text);
			if (i < ranges.length - 1 && mark) {
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

/** Cuts text into ranges of at most `width` cells, between grapheme clusters; a text that fits in `width + slack` stays whole. */
function hardWrap(text: string, width: number, slack: number): (readonly [number, number])[] {
	if (textWidth(text) <= width + slack) return [[0, text.length]];
	const bounds = clusterBoundaries(text);
	const pieces: (readonly [number, number])[] = [];
	let start = 0;
	let w = 0;
	for (let i = 0; i + 1 < bounds.length; i++) {
		const a = bounds[i] ?? 0;
		const b = bounds[i + 1] ?? a;
		const cw = textWidth(text.slice(a, b));
		if (w + cw > width && w > 0) {
			pieces.push([start, a]);
			start = a;
			w = 0;
		}
		w += cw;
	}
	pieces.push([start, text.length]);
	return pieces;
}

/** A right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their presentation forms): the code lines that need the bidi algorithm. */
const rtlLetter = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud803[\udc00-\ude7f]|\ud83a|\ud83b[\udc00-\udeff]/;

const codeStyle: RunStyle = {code: true};
const noStyles: ReadonlySet<RunStyle> = new Set();

/** A code line as it is shown and searched: tabs expanded, bidi controls removed. */
export function codeLineText(rawLine: string): string {
	return removeBidiControls(expandTabs(rawLine));
}

/**
 * The pieces of a code line in visual order, as indices into the line: levels of the
 * whole (unshaped) line with an LTR base, then each range of `shown` (the line shaped,
 * same length) reordered on its own (L1–L3, clusters kept whole). An index at an odd
 * level is given as its bitwise complement: it is mirrored (L4).
 */
function visualCodeOrders(line: string, shown: string, ranges: readonly (readonly [number, number])[]): ArrayLike<number>[] {
	const para = resolveLevels(line, 'ltr');
	const starts = new Uint8Array(line.length + 1);
	for (const b of clusterBoundaries(shown)) starts[b] = 1;
	return ranges.map(([start, end]) => {
		const order = new Int32Array(end - start);
		const n = reorderLineInto(shown, para, start, end, order, {clusterStarts: starts});
		return Array.from(order.subarray(0, n), (i) => ((para.levels[i] ?? 0) % 2 === 1 ? ~i : i));
	});
}

/** The runs of a code piece: `shown`'s units in `order` (a complement index is mirrored), the shaper's filler dropped, grouped by style. */
function codeRuns(shown: string, order: ArrayLike<number>, styles: readonly RunStyle[], styleAt: (k: number) => number): Run[] {
	const runs: Run[] = [];
	let text = '';
	let current = -1;
	for (let n = 0; n < order.length; n++) {
		const raw = order[n] ?? 0;
		const i = raw < 0 ? ~raw : raw;
		let code = shown.charCodeAt(i);
		if (code === 0xfeff) continue;
		if (raw < 0) code = mirrorCode(code);
		const id = styleAt(i);
		if (id !== current) {
			if (text) runs.push({text, style: styles[current] ?? codeStyle});
			text = '';
			current = id;
		}
		text += String.fromCharCode(code);
	}
	if (text) runs.push({text, style: styles[current] ?? codeStyle});
	return runs;
}
