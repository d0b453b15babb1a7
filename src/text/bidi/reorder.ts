// One line of a paragraph in visual order, UAX #9 L1–L4, by the general path: any paragraph,
// any line. fast-paths.ts has the short ways for the common lines; index.ts chooses.
//
// Logic:
// 1. L1 uses the original classes of the line, not the resolved ones, and (UAX #9 §5.2, as
//    bidi-js retains BN and explicit controls) resets BN and explicit formatting characters
//    together with whitespace. The levels already have the paragraph-final whitespace and
//    whitespace before a tab reset; every line containing those resets them again.
// 2. L2 reverses in place over an index array. Runs are found from the line's levels left in
//    logical position: a reversed run only ever holds levels above the next threshold, so the
//    runs at every lower threshold are the same as in the unpermuted array. At the line's
//    lowest level, when it is odd, the run is the whole line: one reverse, no scan.
// 3. A unit that must come out in logical order (a surrogate pair; under L3 a grapheme
//    cluster) is reversed once beforehand when it sits at an odd level: a character at an odd
//    level is reversed an odd number of times by L2 (level − lowest odd level + 1 times), so
//    the pre-reversal cancels out. This is FriBidi's REORDER_NSM approach.
// 4. L3 keeps every grapheme cluster whole and in logical order (the caller's cluster starts,
//    width.ts measureUnits): terminals draw a zero-width character in the cell before it, so a
//    haraka reversed in front of its letter lands on the wrong letter, and an override must
//    not turn 🇸🇦 into 🇦🇸. Under L3 a unit inside a cluster first takes the level of the unit
//    before it: a mark on a tab keeps its neutral level, which would split it from its base;
//    a mark's own level decides nothing visible. The exception is a ZWNJ or ZWJ that ends its
//    cluster (only more of them follow it in the cluster). UAX #29 (GB9) puts it in the
//    cluster of the letter before it, but it stands between two letters: kept with the first,
//    an RTL run would carry it to that letter's other side (`می‌رود` → ر ی ZWNJ م), and a
//    terminal that shapes visual text would join the wrong pair. So it is reordered as a unit
//    of its own, at the level UAX #9 gives it, where FriBidi and UAX #9 without L3 put it.
//    extendsCluster is the one statement of that rule, which every path asks. The Unicode
//    conformance files assume no L3 (and never check BN placement): pass no cluster starts.
// 5. L4 is a table generated from BidiMirroring-15.0.0.txt (scripts/gen/mirroring.mjs).

import {outOfRange} from '../checked.js';
import {MIRRORING_PAIRS} from '../data/mirroring-data.js';
import {isHighSurrogate, isLowSurrogate} from '../utf16.js';
import {classAt, SEPARATORS, TRAILING} from './classes.js';
import {scratch} from './scratch.js';

/** One line of a paragraph as the reordering reads it: code units [from, to) of `text`. */
export interface Line {
	readonly text: string;
	/** The paragraph's resolved levels (ParagraphLevels.levels) and its embedding level. */
	readonly levels: Uint8Array;
	readonly level: number;
	readonly from: number;
	readonly to: number;
	/** L3 (Logic 4): 1 at each code unit where a grapheme cluster starts; absent, no L3. */
	readonly starts?: Uint8Array | undefined;
}

/** ZWNJ (U+200C) or ZWJ (U+200D). */
const isJoiner = (c: number): boolean => (c | 1) === 0x200d;

/**
 * L3 (Logic 4): whether code unit i extends the unit before it: it is inside a grapheme cluster
 * (starts[i] === 0) and is not a ZWNJ or ZWJ that ends it (only ZWNJ/ZWJ follow it before the
 * next cluster starts or `end`), which is reordered as a unit of its own. Callers in a loop
 * over every unit test starts[i] === 0 first, so the common case is no call at all.
 */
export function extendsCluster(text: string, starts: Uint8Array, i: number, end: number): boolean {
	if (starts[i] !== 0) return false;
	if (!isJoiner(text.charCodeAt(i))) return true;
	for (let j = i + 1; j < end && starts[j] === 0; j++) if (!isJoiner(text.charCodeAt(j))) return true;
	return false;
}

/**
 * L1 for a line: its levels into lv[0, to − from), with separators (tab, paragraph separator)
 * and any whitespace/isolate-control/BN sequence before them or before the end of the line
 * reset to the paragraph level.
 */
export function resolveLineLevelsL1({text, levels, level: base, from, to}: Line, lv: Uint8Array): void {
	let resetting = true; // at the end of the line
	for (let i = to - 1; i >= from; i--) {
		const bit = 1 << classAt(text, i);
		if ((bit & SEPARATORS) !== 0) {
			lv[i - from] = base;
			resetting = true;
		} else if (resetting && (bit & TRAILING) !== 0) {
			lv[i - from] = base;
		} else {
			lv[i - from] = levels[i] ?? outOfRange();
			resetting = false;
		}
	}
}

/**
 * Everything before L2 for any line: L1 into lv, L3 when the line has cluster starts, the
 * identity order into `order`, and the pre-reversal of multi-unit units at odd levels (Logic 3).
 * Returns the lowest level | the highest level << 8.
 */
export function prepareLine(line: Line, lv: Uint8Array, order: Int32Array): number {
	const {text, from, to, starts} = line;
	const n = to - from;
	resolveLineLevelsL1(line, lv);
	let joins: Uint8Array | undefined;
	// Without L3 surrogate pairs still need the pre-reversal; with it, attachClusters says.
	let multiUnit = true;
	if (starts !== undefined) {
		joins = scratch.lineJoins;
		multiUnit = attachClusters(text, from, n, lv, joins, starts);
	}
	let maxLevel = 0;
	let minLevel = 255;
	for (let k = 0; k < n; k++) {
		order[k] = from + k;
		const level = lv[k] ?? outOfRange();
		if (level > maxLevel) maxLevel = level;
		if (level < minLevel) minLevel = level;
	}
	if (multiUnit && maxLevel >= (minLevel | 1)) preReverseUnits(text, from, n, lv, order, joins);
	return minLevel | (maxLevel << 8);
}

/** L3: joins[k] = 1 where unit k extends the unit before it, which gives it its level. Returns whether any unit has more than one code unit. */
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
		if (k > 0 && extendsCluster(text, starts, from + k, from + n)) {
			joins[k] = 1;
			multiUnit = true;
			const level = lv[k - 1] ?? outOfRange();
			lv[k] = level;
			if (w === 2) lv[k + 1] = level;
		}
		k += w;
	}
	return multiUnit;
}

/** Logic 3: reverse each multi-unit unit at an odd level once, so L2 emits it in logical order; `joins` is attachClusters's (absent: no L3). */
function preReverseUnits(text: string, from: number, n: number, lv: Uint8Array, order: Int32Array, joins: Uint8Array | undefined): void {
	let k = 0;
	while (k < n) {
		const level = lv[k] ?? outOfRange();
		let q = k + charLength(text, from + k, from + n);
		if ((level & 1) === 0) {
			k = q;
			continue;
		}
		if (joins) {
			while (q < n && joins[q] === 1 && lv[q] === level) q += charLength(text, from + q, from + n);
		}
		// Both halves of a pair share the level (resolveLevels, attachClusters); a hand-made
		// ParagraphLevels might not, and then the pair cannot be kept in order anyway.
		if (q - k > 1 && lv[q - 1] === level) reverse(order, k, q - 1);
		k = q;
	}
}

/**
 * L2 over order[0, n) with the line's levels lv[0, n) (Logic 2): from the highest level down
 * to the lowest odd one, reverse every maximal run at or above it. `span` is prepareLine's.
 */
export function reverseRunsL2(order: Int32Array, lv: Uint8Array, n: number, span: number): void {
	const lowest = span & 0xff;
	const minOdd = lowest | 1;
	for (let level = span >> 8; level >= minOdd; level--) {
		if (level === lowest) {
			// Every unit is at this level or above: the run is the whole line.
			reverse(order, 0, n - 1);
			return;
		}
		let k = 0;
		while (k < n) {
			if ((lv[k] ?? outOfRange()) < level) {
				k++;
				continue;
			}
			const runStart = k;
			while (k < n && (lv[k] ?? outOfRange()) >= level) k++;
			reverse(order, runStart, k - 1);
		}
	}
}

/** 2 for a high surrogate followed by a low one before `limit`, else 1. */
function charLength(text: string, i: number, limit: number): number {
	return i + 1 < limit && isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

/** Reverses a[i..j]. */
export function reverse(a: Int32Array, i: number, j: number): void {
	while (i < j) {
		const t = a[i] ?? outOfRange();
		a[i] = a[j] ?? outOfRange();
		a[j] = t;
		i++;
		j--;
	}
}

// A table, not a Map: L4 looks up every character at an odd level, and every mirrored
// character is in the BMP (checked as the table is filled).
const mirrorTable = new Uint16Array(0x10000);
for (let i = 0; i + 1 < MIRRORING_PAIRS.length; i += 2) {
	const from = MIRRORING_PAIRS[i] ?? outOfRange();
	const to = MIRRORING_PAIRS[i + 1] ?? outOfRange();
	if (from > 0xffff || to > 0xffff) throw new Error('mirroring-data: astral pairs need a Map here');
	mirrorTable[from] = to;
}

/** L4: the mirrored glyph of a code point if it has the Bidi_Mirrored property and a mirror glyph (BidiMirroring.txt), else the code point itself. Callers apply it only at odd levels. */
export function mirrorCode(code: number): number {
	return code <= 0xffff ? mirrorTable[code] || code : code;
}
