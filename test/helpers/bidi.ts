// Bidi conveniences only tests use, built on what the engine exports: allocating wrappers of
// the engine's fill-a-buffer calls, and L3 from the text's own grapheme clusters.
import {lineBounds, mirrorCode, reorderLineInto, type ParagraphLevels} from '../../src/text/bidi/index.js';
import {resolveLineLevelsL1} from '../../src/text/bidi/reorder.js';
import {measureUnits} from '../../src/text/width.js';

/** L4 on a string of one code point: its mirror glyph at an odd level (BidiMirroring.txt), else itself. */
export function mirrorChar(ch: string): string {
	const code = ch.codePointAt(0);
	if (code === undefined || String.fromCodePoint(code) !== ch) return ch;
	return String.fromCodePoint(mirrorCode(code));
}

export interface LineOptions {
	/** L3 (default true): by `clusterStarts` when given, else by the text's grapheme clusters (measureUnits). */
	readonly l3?: boolean;
	readonly clusterStarts?: Uint8Array;
}

/** 1 at each code unit of `text` where a grapheme cluster starts (measureUnits's marks, as the layout passes them). */
export function clusterStartsOf(text: string): Uint8Array {
	return measureUnits(text).starts.slice(0, text.length + 1);
}

/**
 * reorderLineInto returning the order: a view of exactly the line's entries, of `out` when it
 * is long enough (`out` itself when its length is exact), else of a new array.
 */
export function reorderLine(text: string, para: ParagraphLevels, start: number, end: number, out?: Int32Array, options: LineOptions = {}): Int32Array {
	const [from, to] = lineBounds(text, para, start, end);
	const n = to - from;
	const order = out && out.length >= n ? out : new Int32Array(n);
	const clusterStarts = options.l3 === false ? undefined : (options.clusterStarts ?? clusterStartsOf(text));
	reorderLineInto(text, para, from, to, order, clusterStarts ? {clusterStarts} : {});
	return order.length === n ? order : order.subarray(0, n);
}

/**
 * L1 for the line [start, end) (clamped as reorderLine clamps): the line's levels, index k for
 * code unit start + k. These are the levels reorderLine reverses by with L3 off.
 */
export function resolveLineLevels(text: string, para: ParagraphLevels, start: number, end: number, out?: Uint8Array): Uint8Array {
	const [from, to] = lineBounds(text, para, start, end);
	const n = to - from;
	const lv = out && out.length >= n ? out : new Uint8Array(n);
	resolveLineLevelsL1({text, levels: para.levels, level: para.level, from, to}, lv);
	return lv.length === n ? lv : lv.subarray(0, n);
}
