// Paragraph embedding levels and qari's own per-line reordering, UAX #9 L1–L4.
//
// Logic:
// 1. Levels are resolved once per paragraph, before wrapping, so a line break can never
//    change them (UAX #9 §3.4). P2–P3 are below; X1–I2 are bidi-levels.ts; the rest is here.
// 2. bidi-levels.ts replaces bidi-js's getEmbeddingLevels (typed arrays, no per-character
//    allocation; bidi-js's took longer than all the rest of the layout of a large article)
//    with the same levels. Classes and bracket pairs come from qari's own Unicode 15.0
//    tables, bidi-class-data.ts (scripts/gen/bidi-classes.mjs, from UnicodeData.txt and
//    BidiMirroring.txt), not from bidi-js (Unicode 13, and building its tables took ~6 ms
//    of every start): runs of one class, decoded once at load into a table per BMP code
//    point and a range table for astral ones (binary search). Brackets are the Ps/Pe
//    characters with a mirroring glyph, matched up to canonical equivalence (U+2329/U+232A
//    ≡ U+3008/U+3009) as BD16 says; bidi-js also matched compatibility forms, e.g. a
//    fullwidth parenthesis with an ASCII one. Both halves of an astral character
//    (Adlam, Hanifi Rohingya, Rumi digits, emoji, tags…) get the character's class. Two
//    neighbours of one class behave as one under every rule (no astral character is CS, ES,
//    S, WS or B, the classes where a count matters, and no astral character is a paired
//    bracket), so the levels are the true ones.
// 3. We compute 'auto' (P2/P3) ourselves, astral-aware, so a paragraph with no strong
//    character can fall back to the article's direction instead of always LTR.
// 4. L1 uses the original classes of the line, not the resolved ones, and (UAX #9 §5.2,
//    which bidi-js follows by retaining BN and explicit controls) resets BN and explicit
//    formatting characters together with whitespace. bidi-js already resets the
//    paragraph-final whitespace and whitespace before a tab; every line containing those
//    resets them again, so its levels are still "before per-line L1" for our purposes.
// 5. L2 reverses in place over an index array. Runs are found from the line's levels left
//    in logical position: a reversed run only ever holds levels above the next threshold,
//    so the runs at every lower threshold are the same as in the unpermuted array. At the
//    line's lowest level, when it is odd, the run is the whole line: one reverse, no scan
//    (an RTL line of one level costs just that). A paragraph with no surrogate and no
//    segment or paragraph separator (ParagraphLevels.simple: most) gets L1, L3 and the
//    pre-reversal (6) in one pass over the line, which reads the line's text only where L1
//    can reset: the stretch that trails it. That reading stays on the text reordered, not on
//    classes kept from resolveLevels: the Arabic shaper's U+FEFF filler is BN where the lam
//    it replaces was AL, so a line ending between the filler and its ligature resets the
//    filler. The text reordered may differ from the one resolved in such classes, not in
//    surrogates or separators (shaping keeps both), which is what `simple` vouches for.
//    When resolveLevels also knows every level is the paragraph's (`uniform`: most
//    paragraphs of one script), L1 and L2 change nothing but the one reverse at an odd
//    level, so a line's order is written directly: its clusters, last to first.
// 6. A unit that must come out in logical order (a surrogate pair; under L3 a base with its
//    marks) is reversed once beforehand when it sits at an odd level: a character at an odd
//    level is reversed an odd number of times by L2 (level − lowest odd level + 1 times),
//    so the pre-reversal cancels out. This is FriBidi's REORDER_NSM approach.
// 7. L3 is on by default: terminals draw a zero-width character in the cell before it, so a
//    haraka reversed in front of its letter lands on the wrong letter. Marks here are
//    Grapheme_Extend (Mn, Me, ZWNJ, variation selectors, tags…), Mc, emoji modifiers and
//    ZWJ, plus an Extended_Pictographic after ZWJ in an emoji sequence, so emoji ZWJ
//    sequences survive an RTL run too. Under L3 a mark first takes its base's line level:
//    a mark on a tab keeps its neutral level, which would split it from its base; a mark's
//    own level decides nothing visible. The exception is a ZWNJ or ZWJ that ends its cluster
//    (only more of them follow it in the cluster: not a mark, nor the pictographic of an emoji
//    ZWJ sequence, nor the consonant of an Indic conjunct). UAX #29 (GB9) puts it in the
//    cluster of the letter before it, but it stands between two letters: kept with the first,
//    an RTL run would carry it to that letter's other side (`می‌رود` → ر ی ZWNJ م), and a
//    terminal that shapes visual text would join the wrong pair. So it is reordered as a unit
//    of its own, at the level UAX #9 gives it (BN: that of the character before it, or the
//    paragraph's where L1 resets it at a line end), where FriBidi and UAX #9 without L3 put it. The Unicode
//    conformance files assume no L3 (and never check BN placement): pass {l3: false}.
// 8. L4 is a table generated from BidiMirroring-15.0.0.txt (scripts/gen/mirroring.mjs).
//    bidi-js's own table is Unicode 13 and misses the four bracket pairs U+2E55–U+2E5C
//    (Unicode 14), as did its class and bracket data; bidi-class-data.ts has them.
// 9. Hot loops work on typed arrays with numeric class flags (bit k = class k of BIDI_CLASSES
//    in bidi-levels.ts). Classes and brackets are plain typed-array reads (a binary search
//    for an astral class), and so are mark lookups (L3_MARK_RUNS, from the Unicode data, not
//    this runtime's property regexes). Filling a paragraph's
//    classes also collects the set of classes present, which bidi-levels.ts takes instead
//    of a pass of its own, and whether a paired bracket is (else N0 is skipped). Nothing
//    is allocated per line: reorderLineInto fills the caller's array (reorderLine returns
//    a view of it only when asked for one).

import {BIDI_BRACKET_CANONICAL, BIDI_BRACKET_PAIRS, BIDI_CLASS_NAMES, BIDI_CLASS_RUNS} from './data/bidi-class-data.js';
import {BIDI_CLASSES, resolveEmbeddingLevels} from './bidi-levels.js';
import {decodeRuns, farValue} from './data/decode.js';
import {MIRRORING_PAIRS} from './data/mirroring-data.js';
import {L3_MARK_RUNS} from './data/width-data.js';
import {isHighSurrogate, isLowSurrogate, isSurrogate, pairCodePoint} from './utf16.js';

export type BaseDirection = 'ltr' | 'rtl' | 'auto';

export interface ParagraphLevels {
	/**
	 * Resolved embedding level per UTF-16 code unit, before L1 (both halves of a surrogate pair share a level).
	 * bidi-js has already reset the paragraph's final whitespace and whitespace before a tab, which
	 * L1 resets on every line containing them anyway. Odd = drawn right to left, and mirrored (L4).
	 * May be longer than the text (resolveLevels with `into`): entries past its end mean nothing.
	 */
	readonly levels: Uint8Array;
	/** The paragraph embedding level: 0 (LTR) or 1 (RTL). */
	readonly level: number;
	/**
	 * Set by resolveLevels when the text has no surrogate and no segment or paragraph separator
	 * (class S or B): every code unit is then a character, and L1 resets only what ends a line,
	 * so reorderLine can skip looking at the others (Logic 5). The text given to reorderLine may
	 * differ from the one resolved, as the Arabic shaper's output does, but not in these.
	 */
	readonly simple?: boolean;
	/**
	 * Set by resolveLevels when it knows every level is the paragraph level (most paragraphs
	 * of one script): with `simple`, a line's order is then its clusters, reversed at an odd
	 * level, with no L1 or L2 to compute (Logic 5).
	 */
	readonly uniform?: boolean;
}

export interface ReorderOptions {
	/**
	 * L3: keep combining marks (and variation selectors, emoji modifiers, emoji ZWJ sequences)
	 * right after their base. A ZWNJ or ZWJ that ends its cluster (no mark or pictographic
	 * follows it there) is reordered on its own, so it stays between the same two letters
	 * (logic 7). Default true, which is what terminals need. The Unicode conformance files
	 * (BidiTest.txt, BidiCharacterTest.txt) assume false.
	 */
	readonly l3?: boolean;
	/**
	 * With L3: 1 at each code unit (absolute index) where an extended grapheme cluster starts.
	 * When given, every multi-unit cluster is kept whole and in logical order — flags (a pair
	 * of regional indicators), Hangul jamo syllables and the like, not only a base with its
	 * marks — so an override cannot turn 🇸🇦 into 🇦🇸; a ZWNJ or ZWJ that ends a cluster
	 * is the one part reordered alone (joinerEndsCluster).
	 */
	readonly clusterStarts?: Uint8Array;
}

// Class flags: bit k stands for class k of bidi-levels.ts (BIDI_CLASSES), so a set of classes is a mask.
const flagOf = (name: keyof typeof BIDI_CLASSES): number => 1 << BIDI_CLASSES[name];
const T_L = flagOf('L');
const T_R = flagOf('R');
const T_AL = flagOf('AL');
const T_B = flagOf('B');
const T_S = flagOf('S');
const T_WS = flagOf('WS');
const T_ISOLATE_INIT = flagOf('LRI') | flagOf('RLI') | flagOf('FSI');
const T_PDI = flagOf('PDI');
const T_BN_LIKE = flagOf('BN') | flagOf('LRE') | flagOf('RLE') | flagOf('PDF') | flagOf('LRO') | flagOf('RLO');
/** Reset by L1 when they precede a separator or the end of the line. */
const T_TRAILING = T_WS | T_ISOLATE_INIT | T_PDI | T_BN_LIKE;
/** Always reset by L1. */
const T_SEPARATOR = T_S | T_B;

// ---- per-code-point tables (logic 2) -----------------------------------------------------

/** bidi-levels.ts class number of every code point; `direct` holds the BMP's. */
const classTable = decodeRuns(BIDI_CLASS_RUNS, 0x10000, BIDI_CLASS_NAMES.map((name) => BIDI_CLASSES[name]));
/** bidi-levels.ts class number per BMP code point. */
const bmpClass = classTable.direct;

/** The bidi class of code point cp (Unicode 15.0), as a bidi-levels.ts class number (BIDI_CLASSES). */
export function bidiClassOf(cp: number): number {
	return cp < 0x10000 ? (bmpClass[cp] ?? 0) : farValue(classTable, cp);
}

/** Class flag (bit BIDI_CLASSES[name]) of code point cp. */
function classOfCode(cp: number): number {
	return 1 << (cp < 0x10000 ? (bmpClass[cp] ?? 0) : bidiClassOf(cp));
}


/** Class of the character that code unit i belongs to (both halves of a pair get the pair's class). */
function classAt(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (isHighSurrogate(c)) {
		const d = text.charCodeAt(i + 1);
		if (isLowSurrogate(d)) return classOfCode(pairCodePoint(c, d));
	} else if (isLowSurrogate(c) && i > 0) {
		const h = text.charCodeAt(i - 1);
		if (isHighSurrogate(h)) return classOfCode(pairCodePoint(h, c));
	}
	return classOfCode(c);
}

const MARK = 1;
const PICTOGRAPHIC = 2;
const ZWJ = 0x200d;
/** MARK / PICTOGRAPHIC bits of every code point (Unicode 15.0, scripts/gen/width.mjs); `direct` holds the BMP's. */
const markTable = decodeRuns(L3_MARK_RUNS, 0x10000);
const bmpMarks = markTable.direct;

function clusterBits(cp: number): number {
	return cp < 0x10000 ? (bmpMarks[cp] ?? 0) : farValue(markTable, cp);
}

/** ZWNJ (U+200C) or ZWJ (U+200D). */
const isJoiner = (c: number): boolean => (c | 1) === ZWJ;

/**
 * Whether code unit i, inside a grapheme cluster (starts[i] === 0), is a ZWNJ or ZWJ that ends
 * it: only ZWNJ/ZWJ follow it before the next cluster starts or `end` (logic 7). Such a joiner
 * is reordered as a unit of its own, at its own level, not kept with the letter before it.
 */
export function joinerEndsCluster(text: string, starts: Uint8Array, i: number, end: number): boolean {
	if (!isJoiner(text.charCodeAt(i))) return false;
	for (let j = i + 1; j < end && starts[j] === 0; j++) if (!isJoiner(text.charCodeAt(j))) return false;
	return true;
}

// ---- paragraph levels ------------------------------------------------------------------

/** A surrogate was seen (fillClasses): not a class bit. */
const SURROGATE_SEEN = 1 << 30;
/** A paired bracket was seen (fillClasses): not a class bit. */
const BRACKET_SEEN = 1 << 29;
const CLASS_ON = BIDI_CLASSES.ON;

/**
 * Fills classes[i] with the class of code unit i (both halves of a pair get the pair's class).
 * Returns the class flags present, with SURROGATE_SEEN when the text has a surrogate and
 * BRACKET_SEEN when it has a paired bracket (all are BMP and ON: only ON units are looked up).
 */
function fillClasses(text: string, classes: Uint8Array): number {
	let mask = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isSurrogate(c)) {
			const flag = classAt(text, i);
			classes[i] = 31 - Math.clz32(flag);
			mask |= flag | SURROGATE_SEEN;
			continue;
		}
		const k = bmpClass[c] ?? 0;
		classes[i] = k;
		mask |= 1 << k;
		if (k === CLASS_ON && bracketIds[c] !== 0) mask |= BRACKET_SEEN;
	}
	return mask;
}

/**
 * Bracket id per code unit (see BracketLookup): the canonical opening bracket of its pair
 * (U+2329 and U+3008 open the same pair), negated for a closing bracket; 0 = not a paired
 * bracket. Every paired bracket is in the BMP (scripts/gen/bidi-classes.mjs checks).
 */
const bracketIds = new Int32Array(0x10000);
{
	const canonical = new Map<number, number>();
	for (let i = 0; i + 1 < BIDI_BRACKET_CANONICAL.length; i += 2) canonical.set(BIDI_BRACKET_CANONICAL[i] ?? 0, BIDI_BRACKET_CANONICAL[i + 1] ?? 0);
	for (let i = 0; i + 1 < BIDI_BRACKET_PAIRS.length; i += 2) {
		const opening = BIDI_BRACKET_PAIRS[i] ?? 0;
		const id = canonical.get(opening) ?? opening;
		bracketIds[opening] = id;
		bracketIds[BIDI_BRACKET_PAIRS[i + 1] ?? 0] = -id;
	}
}

/** Paired-bracket answer for a code unit (BracketLookup in bidi-levels.ts): +id opening, −id closing, 0 none. */
export function bidiBracketOf(code: number): number {
	return bracketIds[code] ?? 0;
}

let classScratch = new Uint8Array(256);

/** Direction of the first strong character (P2/P3, skipping isolate content), or null when there is none. */
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | null {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let cp = c;
		if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) {
			cp = pairCodePoint(c, text.charCodeAt(i + 1));
			i++;
		}
		const flag = classOfCode(cp);
		if (flag & T_B) return null; // end of the paragraph
		if (flag & T_ISOLATE_INIT) depth++;
		else if (flag & T_PDI) {
			if (depth > 0) depth--;
		} else if (depth === 0) {
			if (flag & T_L) return 'ltr';
			if (flag & (T_R | T_AL)) return 'rtl';
		}
	}
	return null;
}

/** Resolves levels once for one paragraph (no paragraph separators inside; the caller splits paragraphs). 'auto' = P2/P3 (first strong character, skipping isolates); with no strong character, 'auto' falls back to `fallback` (default 'ltr'). With `into` at least as long as the text, the levels are written into it and the result's levels are `into` itself (no view: that would be an allocation per paragraph), valid until it is reused. */
export function resolveLevels(text: string, direction: BaseDirection, fallback: 'ltr' | 'rtl' = 'ltr', into?: Uint8Array): ParagraphLevels {
	const dir = direction === 'auto' ? (firstStrongDirection(text) ?? fallback) : direction;
	const level = dir === 'rtl' ? 1 : 0;
	const n = text.length;
	// A buffer per paragraph is an ArrayBuffer per paragraph: on a book, that is GC time.
	const levels = into && into.length >= n ? into : new Uint8Array(n);
	if (n === 0) return {levels, level, simple: true, uniform: true};
	if (classScratch.length < n) classScratch = new Uint8Array(Math.max(n, classScratch.length * 2));
	const mask = fillClasses(text, classScratch);
	// A stray paragraph separator inside starts a new paragraph at this same level.
	const uniform = resolveEmbeddingLevels(text, classScratch, n, level, bidiBracketOf, levels, mask & ~(SURROGATE_SEEN | BRACKET_SEEN), (mask & BRACKET_SEEN) !== 0);
	return {levels, level, simple: (mask & (SURROGATE_SEEN | T_SEPARATOR)) === 0, uniform};
}

// ---- one line ----------------------------------------------------------------------------

/**
 * L1 for one line [start, end) of a paragraph: the line's levels, with separators (tab, paragraph
 * separator) and any whitespace/isolate-control/BN sequence before them or before the end of
 * the line reset to the paragraph level. Index k of the result is code unit start + k. Fills
 * `out` when it is long enough; returns a view of exactly end - start entries. These are the
 * levels reorderLine reverses by with L3 off (with L3 on, marks also take their base's level).
 */
export function resolveLineLevels(text: string, para: ParagraphLevels, start: number, end: number, out?: Uint8Array): Uint8Array {
	const from = lineFrom(start);
	const to = lineTo(text, para, from, end);
	const n = to - from;
	const lv = out && out.length >= n ? out : new Uint8Array(n);
	applyL1(text, para, from, to, lv);
	return lv.length === n ? lv : lv.subarray(0, n);
}

/** A line's bounds, clamped so that a bad range gives an empty line rather than a throw. */
const lineFrom = (start: number): number => Math.max(0, Math.trunc(start) || 0);
const lineTo = (text: string, para: ParagraphLevels, from: number, end: number): number =>
	Math.max(from, Math.min(text.length, para.levels.length, Math.trunc(end) || 0));

function applyL1(text: string, para: ParagraphLevels, from: number, to: number, lv: Uint8Array): void {
	const base = para.level;
	const levels = para.levels;
	let resetting = true; // at the end of the line
	for (let i = to - 1; i >= from; i--) {
		const flag = classAt(text, i);
		if (flag & T_SEPARATOR) {
			lv[i - from] = base;
			resetting = true;
		} else if (resetting && flag & T_TRAILING) {
			lv[i - from] = base;
		} else {
			lv[i - from] = levels[i] ?? base;
			resetting = false;
		}
	}
}

let lineLevels = new Uint8Array(256);
let lineJoins = new Uint8Array(256);
const L3_ON: ReorderOptions = {l3: true};

/**
 * Visual order of one line: the logical code-unit range [start, end) of a paragraph whose levels were resolved with resolveLevels.
 * Applies L1 (segment separators, and whitespace/isolate-formatting/BN sequences before them and at the end of the line, reset to the paragraph level), L2 (reverse from the highest level down to the lowest odd level), and L3 (a combining mark — general category Mn/Me, and variation selectors etc. that extend a grapheme — stays right AFTER its base in the output, i.e. when a base+marks cluster is reversed, the cluster is emitted base first; a ZWNJ/ZWJ that no mark follows stays between the letters around it instead, logic 7).
 * L3 is on unless `options.l3` is false (the Unicode conformance files assume it off).
 * Returns the logical indices in visual (left-to-right) order. Surrogate pairs stay in order (high then low). Fills `out` if given (length >= end-start) to avoid allocation, and returns a view of exactly the end-start entries written (`out` itself when its length is exact).
 * Bidi controls are kept in the order with their level; the caller drops them when printing (isBidiControl).
 */
export function reorderLine(
	text: string,
	para: ParagraphLevels,
	start: number,
	end: number,
	out?: Int32Array,
	options: ReorderOptions = L3_ON,
): Int32Array {
	const from = lineFrom(start);
	const n = lineTo(text, para, from, end) - from;
	const order = out && out.length >= n ? out : new Int32Array(n);
	reorderLineInto(text, para, from, from + n, order, options);
	return order.length === n ? order : order.subarray(0, n);
}

/**
 * reorderLine into `out`, with no view of it to return: writes out[0, n) and returns n, the
 * number of code units in the line (end − start, clamped as reorderLine does). `out` must
 * hold at least end − start entries.
 */
export function reorderLineInto(text: string, para: ParagraphLevels, start: number, end: number, out: Int32Array, options: ReorderOptions = L3_ON): number {
	const from = lineFrom(start);
	const to = lineTo(text, para, from, end);
	const n = to - from;
	if (out.length < n) throw new RangeError(`reorderLineInto: ${n} code units do not fit in ${out.length}`);
	if (lineLevels.length < n) lineLevels = new Uint8Array(Math.max(n, lineLevels.length * 2));
	const lv = lineLevels;
	const l3 = options.l3 !== false;
	const simple = para.simple === true && (!l3 || options.clusterStarts);
	if (simple && para.uniform === true) {
		orderUniformLine(text, from, to, para.level, out, l3 ? (options.clusterStarts ?? null) : null);
		return n;
	}
	// lowest | highest << 8 of the line's levels after L1 and L3
	const span = simple
		? prepareSimpleLine(text, para, from, to, lv, out, l3 ? (options.clusterStarts ?? null) : null)
		: prepareLine(text, para, from, to, lv, out, options);
	const lowest = span & 0xff;
	const minOdd = lowest | 1;
	// L2: from the highest level down to the lowest odd one, reverse every maximal run at or above it.
	for (let level = span >> 8; level >= minOdd; level--) {
		if (level === lowest) {
			// Every unit is at this level or above: the run is the whole line.
			reverse(out, 0, n - 1);
			break;
		}
		let k = 0;
		while (k < n) {
			if ((lv[k] ?? 0) < level) {
				k++;
				continue;
			}
			const runStart = k;
			while (k < n && (lv[k] ?? 0) >= level) k++;
			reverse(out, runStart, k - 1);
		}
	}
	return n;
}

/**
 * Everything before L2, for any paragraph: L1 into lv, L3 (attachMarks or attachClusters),
 * the identity order, and the pre-reversal of multi-unit clusters at odd levels (logic 6).
 * Returns the lowest level | the highest level << 8.
 */
function prepareLine(text: string, para: ParagraphLevels, from: number, to: number, lv: Uint8Array, order: Int32Array, options: ReorderOptions): number {
	const n = to - from;
	applyL1(text, para, from, to, lv);
	let joins: Uint8Array | null = null;
	// Without L3 surrogate pairs still need the pre-reversal; with it, attachMarks says.
	let multiUnit = true;
	if (options.l3 !== false) {
		if (lineJoins.length < n) lineJoins = new Uint8Array(lineLevels.length);
		joins = lineJoins;
		multiUnit = options.clusterStarts ? attachClusters(text, from, n, lv, joins, options.clusterStarts) : attachMarks(text, from, n, lv, joins);
	}
	let maxLevel = 0;
	let minLevel = 255;
	for (let k = 0; k < n; k++) {
		order[k] = from + k;
		const level = lv[k] ?? 0;
		if (level > maxLevel) maxLevel = level;
		if (level < minLevel) minLevel = level;
	}
	if (multiUnit && maxLevel >= (minLevel | 1)) preReverseUnits(text, from, n, lv, order, joins);
	return minLevel | (maxLevel << 8);
}

/**
 * prepareLine for a ParagraphLevels.simple paragraph, with L3 by grapheme clusters (`starts`)
 * or no L3 (null), in one pass (logic 5): every code unit is a character, L1 resets only the
 * stretch that trails the line, and a cluster at an odd level is pre-reversed as soon as it
 * ends. (A unit at an odd level means L2 reverses: its level is at or above the lowest odd one.)
 */
function prepareSimpleLine(text: string, para: ParagraphLevels, from: number, to: number, lv: Uint8Array, order: Int32Array, starts: Uint8Array | null): number {
	const base = para.level;
	const levels = para.levels;
	let trailing = to; // L1: from here on, whitespace, isolate controls and BN end the line
	while (trailing > from && (classOfCode(text.charCodeAt(trailing - 1)) & T_TRAILING) !== 0) trailing--;
	const n = to - from;
	let maxLevel = 0;
	let minLevel = 255;
	let cluster = 0; // where the current cluster starts
	for (let k = 0; k < n; k++) {
		const i = from + k;
		order[k] = i;
		let level: number;
		if (starts !== null && k > 0 && starts[i] === 0 && !joinerEndsCluster(text, starts, i, to)) {
			level = lv[k - 1] ?? 0; // L3: inside a cluster, the level of the unit before
		} else {
			if (k - cluster > 1 && ((lv[cluster] ?? 0) & 1) === 1) reverse(order, cluster, k - 1);
			cluster = k;
			level = i < trailing ? (levels[i] ?? base) : base;
		}
		lv[k] = level;
		if (level > maxLevel) maxLevel = level;
		if (level < minLevel) minLevel = level;
	}
	if (n - cluster > 1 && ((lv[cluster] ?? 0) & 1) === 1) reverse(order, cluster, n - 1);
	return minLevel | (maxLevel << 8);
}

/**
 * The order of a line of a `simple` and `uniform` paragraph (logic 5): every unit is at the
 * paragraph level, and so is what L1 resets. At an even level that is logical order; at an
 * odd one, the clusters (by `starts`; units, with no L3) last to first, each in logical order:
 * what the pre-reversal and L2's one reverse of the whole line give.
 */
function orderUniformLine(text: string, from: number, to: number, level: number, order: Int32Array, starts: Uint8Array | null): void {
	if ((level & 1) === 0) {
		for (let i = from; i < to; i++) order[i - from] = i;
		return;
	}
	let k = 0;
	let end = to; // the cluster after the one being looked for starts here
	for (let i = to - 1; i >= from; i--) {
		if (starts !== null && i > from && starts[i] === 0 && !joinerEndsCluster(text, starts, i, to)) continue;
		for (let j = i; j < end; j++) order[k++] = j;
		end = i;
	}
}

/**
 * L3, first half (logic 7): marks `joins[k]` = 1 where the character at k extends the unit
 * before it, and gives it the line level of the character before it. Marks are NSM or (after
 * a tab) neutral, and W1 can leave them on another level than their base. Their own level
 * has no visible meaning, while the cell they attach to does. A ZWNJ/ZWJ extends the unit
 * only when a mark (or, after a ZWJ in an emoji sequence, a pictographic) follows it.
 */
function attachMarks(text: string, from: number, n: number, lv: Uint8Array, joins: Uint8Array): boolean {
	let multiUnit = false; // a mark joined its base, or a surrogate pair was seen
	let prev = -1;
	let basePictographic = false;
	let k = 0;
	while (k < n) {
		const w = charLength(text, from + k, from + n);
		const cp = w === 2 ? (text.codePointAt(from + k) ?? 0) : text.charCodeAt(from + k);
		const bits = clusterBits(cp);
		joins[k] = 0;
		if (w === 2) {
			joins[k + 1] = 0;
			multiUnit = true;
		}
		const joined = (bits & MARK) !== 0 || (prev === ZWJ && basePictographic && (bits & PICTOGRAPHIC) !== 0);
		if (k > 0 && joined && !(isJoiner(cp) && joinerEndsUnit(text, from + k, from + n, basePictographic))) {
			joins[k] = 1;
			multiUnit = true;
			const level = lv[k - 1] ?? 0;
			lv[k] = level;
			if (w === 2) lv[k + 1] = level;
		} else {
			basePictographic = (bits & PICTOGRAPHIC) !== 0;
		}
		prev = cp;
		k += w;
	}
	return multiUnit;
}

/**
 * attachMarks's joinerEndsCluster: whether the ZWNJ or ZWJ at i ends the unit it would join,
 * i.e. what follows the joiners from i on (before `end`) would not join it: not a mark, nor
 * a pictographic right after a ZWJ in an emoji sequence.
 */
function joinerEndsUnit(text: string, i: number, end: number, basePictographic: boolean): boolean {
	let last = text.charCodeAt(i);
	let j = i + 1;
	while (j < end && isJoiner(text.charCodeAt(j))) last = text.charCodeAt(j++);
	if (j >= end) return true;
	const bits = clusterBits(charLength(text, j, end) === 2 ? (text.codePointAt(j) ?? 0) : text.charCodeAt(j));
	return (bits & MARK) === 0 && !(last === ZWJ && basePictographic && (bits & PICTOGRAPHIC) !== 0);
}

/** L3 by grapheme clusters: a unit inside a cluster joins the unit before it, at its level. */
function attachClusters(text: string, from: number, n: number, lv: Uint8Array, joins: Uint8Array, starts: Uint8Array): boolean {
	let multiUnit = false;
	let k = 0;
	while (k < n) {
		const w = charLength(text, from + k, from + n);
		joins[k] = 0;
		if (w === 2) {
			joins[k + 1] = 0;
			multiUnit = true;
		}
		if (k > 0 && starts[from + k] === 0 && !joinerEndsCluster(text, starts, from + k, from + n)) {
			joins[k] = 1;
			multiUnit = true;
			const level = lv[k - 1] ?? 0;
			lv[k] = level;
			if (w === 2) lv[k + 1] = level;
		}
		k += w;
	}
	return multiUnit;
}

/** Logic 6: reverse each multi-unit cluster at an odd level once, so L2 emits it in logical order. */
function preReverseUnits(text: string, from: number, n: number, lv: Uint8Array, order: Int32Array, joins: Uint8Array | null): void {
	let k = 0;
	while (k < n) {
		const level = lv[k] ?? 0;
		let q = k + charLength(text, from + k, from + n);
		if ((level & 1) === 0) {
			k = q;
			continue;
		}
		if (joins) {
			while (q < n && joins[q] === 1 && lv[q] === level) q += charLength(text, from + q, from + n);
		}
		// Both halves of a pair share the level (resolveLevels, attachMarks); a hand-made
		// ParagraphLevels might not, and then the pair cannot be kept in order anyway.
		if (q - k > 1 && lv[q - 1] === level) reverse(order, k, q - 1);
		k = q;
	}
}

/** 2 for a high surrogate followed by a low one before `limit`, else 1. */
function charLength(text: string, i: number, limit: number): number {
	return i + 1 < limit && isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

function reverse(a: Int32Array, i: number, j: number): void {
	while (i < j) {
		const t = a[i] ?? 0;
		a[i] = a[j] ?? 0;
		a[j] = t;
		i++;
		j--;
	}
}

// ---- L4 and controls ---------------------------------------------------------------------

// A table, not a Map: L4 looks up every character at an odd level, and every mirrored
// character is in the BMP (checked as the table is filled).
const mirrorTable = new Uint16Array(0x10000);
for (let i = 0; i + 1 < MIRRORING_PAIRS.length; i += 2) {
	const from = MIRRORING_PAIRS[i];
	const to = MIRRORING_PAIRS[i + 1];
	if (from === undefined || to === undefined) break;
	if (from > 0xffff || to > 0xffff) throw new Error('mirroring-data: astral pairs need a Map here');
	mirrorTable[from] = to;
}

/** L4: the mirrored glyph of a code point if it has the Bidi_Mirrored property and a mirror glyph (BidiMirroring.txt), else the code point itself. Callers apply it only at odd levels. */
export function mirrorCode(code: number): number {
	return code <= 0xffff ? mirrorTable[code] || code : code;
}

