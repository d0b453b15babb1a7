// The bidi engine's entry: a paragraph's embedding levels, once per paragraph (UAX #9 P2–I2),
// and one line of it in visual order (L1–L3), each by a fast path when one applies
// (fast-paths.ts) and the general one otherwise (levels.ts, reorder.ts).
//
// Logic:
// 1. Levels are resolved once per paragraph, before wrapping, so a line break can never change
//    them (UAX #9 §3.4). 'auto' is P2–P3 computed here, astral-aware, so a paragraph with no
//    strong character can fall back to the article's direction instead of always LTR.
// 2. Filling the classes (classes.ts) also says which classes are present, whether a paired
//    bracket and whether a surrogate is. A paragraph with no surrogate and no segment or
//    paragraph separator is `simple`: every code unit is a character and L1 resets only what
//    ends a line. When the fast path also knows every level is the paragraph's, it is
//    `uniform` (most paragraphs of one script), and a line's order is its clusters, reversed at
//    an odd level. The caller reorders lines of the text it resolved, or of one that differs
//    from it only where `simple` and `uniform` do not look (the Arabic shaper's output).
// 3. Nothing is allocated per line: reorderLineInto fills the caller's array; the levels and
//    L3 marks of the line are scratch (scratch.ts).

import {outOfRange} from '../checked.js';
import {B, BRACKET_SEEN, fillClasses, firstStrongDirection, SEPARATORS, SURROGATE_SEEN} from './classes.js';
import {orderUniformLine, prepareSimpleLine, resolveLevelsFast} from './fast-paths.js';
import {resolveParagraphLevels, type ParagraphInput} from './levels.js';
import {prepareLine, reverseRunsL2, type Line} from './reorder.js';
import {growLineScratch, growParagraphScratch, releaseParagraphScratch, scratch} from './scratch.js';

export {firstStrongDirection} from './classes.js';
export {extendsCluster, mirrorCode} from './reorder.js';

export type BaseDirection = 'ltr' | 'rtl' | 'auto';

export interface ParagraphLevels {
	/**
	 * Resolved embedding level per UTF-16 code unit, before per-line L1 (both halves of a
	 * surrogate pair share a level); the paragraph's final whitespace and whitespace before a
	 * tab are already reset. Odd = drawn right to left, and mirrored (L4). May be longer than
	 * the text (resolveLevels with `into`): entries past its end mean nothing.
	 */
	readonly levels: Uint8Array;
	/** The paragraph embedding level: 0 (LTR) or 1 (RTL). */
	readonly level: number;
	/** No surrogate and no segment or paragraph separator (Logic 2). */
	readonly simple: boolean;
	/** Every level is the paragraph level, as far as the fast path knows (Logic 2). */
	readonly uniform: boolean;
}

export interface LevelsOptions {
	/** The direction of a paragraph with no strong character under 'auto'; default 'ltr'. */
	readonly fallback?: 'ltr' | 'rtl';
	/**
	 * Written with the levels when at least as long as the text, and then the result's levels
	 * are `into` itself (no view: that would be an allocation per paragraph), valid until reused.
	 */
	readonly into?: Uint8Array;
}

/**
 * Resolves levels once for one paragraph. 'auto' = P2/P3 (first strong character, skipping
 * isolates), falling back to `options.fallback`. A paragraph separator inside the text starts a
 * new paragraph at the same level (the caller splits paragraphs).
 */
export function resolveLevels(text: string, direction: BaseDirection, options: LevelsOptions = {}): ParagraphLevels {
	const {fallback = 'ltr', into} = options;
	const dir = direction === 'auto' ? (firstStrongDirection(text) ?? fallback) : direction;
	const level = dir === 'rtl' ? 1 : 0;
	const n = text.length;
	// A buffer per paragraph is an ArrayBuffer per paragraph: on a book, that is GC time.
	const levels = into && into.length >= n ? into : new Uint8Array(n);
	if (n === 0) return {levels, level, simple: true, uniform: true};
	growParagraphScratch(n);
	const classes = scratch.classes;
	const mask = fillClasses(text, classes);
	const brackets = (mask & BRACKET_SEEN) !== 0;
	const classMask = mask & ~(SURROGATE_SEEN | BRACKET_SEEN);
	let uniform = false;
	if ((classMask & (1 << B)) === 0) {
		uniform = resolveOneParagraph({text, classes, start: 0, end: n, level, levels, brackets}, classMask);
	} else {
		let start = 0;
		for (let i = 0; i < n; i++) {
			if (classes[i] !== B) continue;
			resolveOneParagraph({text, classes, start, end: i + 1, level, levels, brackets}, -1);
			start = i + 1;
		}
		if (start < n) resolveOneParagraph({text, classes, start, end: n, level, levels, brackets}, -1);
	}
	releaseParagraphScratch();
	return {levels, level, simple: (mask & (SURROGATE_SEEN | SEPARATORS)) === 0, uniform};
}

/** One paragraph's levels; `known` is its set of classes, or −1. Returns whether every level is known to be the paragraph's. */
function resolveOneParagraph(input: ParagraphInput, known: number): boolean {
	let mask = known;
	if (mask < 0) {
		mask = 0;
		for (let i = input.start; i < input.end; i++) mask |= 1 << (input.classes[i] ?? outOfRange());
	}
	const uniform = resolveLevelsFast(input, mask);
	if (uniform !== null) return uniform;
	resolveParagraphLevels(input);
	return false;
}

export interface ReorderOptions {
	/**
	 * L3 (reorder.ts Logic 4): 1 at each code unit (absolute index) where an extended grapheme
	 * cluster starts; every multi-unit cluster is kept whole and in logical order, but a ZWNJ or
	 * ZWJ that ends its cluster (extendsCluster). Absent: no L3, which is what the Unicode
	 * conformance files (BidiTest.txt, BidiCharacterTest.txt) assume; terminals need L3.
	 */
	readonly clusterStarts?: Uint8Array;
}

/** A line's bounds, clamped so that a bad range gives an empty line rather than a throw. */
export function lineBounds(text: string, para: ParagraphLevels, start: number, end: number): [from: number, to: number] {
	const from = Math.max(0, Math.trunc(start) || 0);
	return [from, Math.max(from, Math.min(text.length, para.levels.length, Math.trunc(end) || 0))];
}

/**
 * Visual order of one line, the logical code-unit range [start, end) of a paragraph whose levels
 * resolveLevels gave: L1, L2 and, with `clusterStarts`, L3. Writes the logical indices in visual
 * (left-to-right) order to out[0, n) and returns n, the number of code units in the line
 * (end − start, clamped to the text). Surrogate pairs stay in order (high then low). Bidi
 * controls are kept in the order with their level; the caller drops them when printing.
 */
export function reorderLineInto(text: string, para: ParagraphLevels, start: number, end: number, out: Int32Array, options: ReorderOptions = {}): number {
	const [from, to] = lineBounds(text, para, start, end);
	const n = to - from;
	if (out.length < n) throw new RangeError(`reorderLineInto: ${n} code units do not fit in ${out.length}`);
	const line: Line = {text, levels: para.levels, level: para.level, from, to, starts: options.clusterStarts};
	if (para.simple && para.uniform) {
		orderUniformLine(line, out);
		return n;
	}
	growLineScratch(n);
	const lv = scratch.lineLevels;
	const span = para.simple ? prepareSimpleLine(line, lv, out) : prepareLine(line, lv, out);
	reverseRunsL2(out, lv, n, span);
	return n;
}
