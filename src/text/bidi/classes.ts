// Bidi classes: their numbers, the sets of them the rules name, and the per-code-point lookup.
//
// Logic:
// 1. Classes are small integers (the order of BIDI_CLASSES), so a set of classes is a bit
//    mask (bit k = class k) and every rule's "is it one of these" is one AND.
// 2. Classes and paired brackets come from qari's own Unicode 15.0 tables, bidi-class-data.ts
//    (scripts/gen/bidi-classes.mjs, from UnicodeData.txt and BidiMirroring.txt): runs of one
//    class, decoded once at load into a table per BMP code point and runs for astral ones
//    (binary search). Both halves of an astral character (Adlam, Hanifi Rohingya, Rumi digits,
//    emoji, tags…) get the character's class. Two neighbours of one class behave as one under
//    every rule (no astral character is CS, ES, S, WS or B, the classes where a count matters,
//    and no astral character is a paired bracket), so the levels are the true ones.
// 3. Brackets are the Ps/Pe characters with a mirroring glyph, matched up to canonical
//    equivalence (U+2329/U+232A ≡ U+3008/U+3009) as BD16 says; all are in the BMP
//    (scripts/gen/bidi-classes.mjs checks), so their ids are one typed-array read.
// 4. Filling a paragraph's classes also collects the set of classes present, which the
//    level rules take instead of a pass of their own, and whether a paired bracket is
//    (else N0 is skipped), and whether a surrogate is.

import {BIDI_BRACKET_CANONICAL, BIDI_BRACKET_PAIRS, BIDI_CLASS_NAMES, BIDI_CLASS_RUNS} from '../data/bidi-class-data.js';
import {decodeRuns, runValue} from '../data/decode.js';
import {outOfRange} from '../checked.js';
import {isHighSurrogate, isLowSurrogate, isSurrogate, pairCodePoint} from '../utf16.js';

export const L = 0;
export const R = 1;
export const AL = 2;
export const EN = 3;
export const ES = 4;
export const ET = 5;
export const AN = 6;
export const CS = 7;
export const NSM = 8;
export const BN = 9;
export const B = 10;
export const S = 11;
export const WS = 12;
export const ON = 13;
export const LRE = 14;
export const LRO = 15;
export const RLE = 16;
export const RLO = 17;
export const PDF = 18;
export const LRI = 19;
export const RLI = 20;
export const FSI = 21;
export const PDI = 22;

/** Class number by name, as Unicode names them. */
export const BIDI_CLASSES = {L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON, LRE, LRO, RLE, RLO, PDF, LRI, RLI, FSI, PDI} as const;

// ---- sets of classes (Logic 1) -----------------------------------------------------------

export const ISOLATE_INITIATORS = (1 << LRI) | (1 << RLI) | (1 << FSI);
/** What X9 removes: embeddings, overrides, PDF and BN. */
export const REMOVED = (1 << BN) | (1 << LRE) | (1 << RLE) | (1 << LRO) | (1 << RLO) | (1 << PDF);
export const EXPLICIT = (1 << LRE) | (1 << RLE) | (1 << LRO) | (1 << RLO) | (1 << PDF) | ISOLATE_INITIATORS | (1 << PDI);
/** The neutrals and isolate formatting characters N1–N2 resolve (NI). */
export const NEUTRAL = (1 << B) | (1 << S) | (1 << WS) | (1 << ON) | ISOLATE_INITIATORS | (1 << PDI);
/** L1: always reset to the paragraph level. */
export const SEPARATORS = (1 << S) | (1 << B);
/** L1: reset when they precede a separator or the end of the line. */
export const TRAILING = (1 << WS) | ISOLATE_INITIATORS | (1 << PDI) | REMOVED;

// ---- per-code-point tables (Logic 2, 3) --------------------------------------------------

const classTable = decodeRuns(
	BIDI_CLASS_RUNS,
	0x10000,
	BIDI_CLASS_NAMES.map((name) => BIDI_CLASSES[name]),
);
/** Class number per BMP code point. */
const bmpClass = classTable.direct;

/** The bidi class of code point cp (Unicode 15.0), as a class number. */
export function bidiClassOf(cp: number): number {
	return runValue(classTable, cp);
}

/** The class of the character that code unit i belongs to (both halves of a pair get the pair's class). */
export function classAt(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (isHighSurrogate(c)) {
		const d = text.charCodeAt(i + 1);
		if (isLowSurrogate(d)) return bidiClassOf(pairCodePoint(c, d));
	} else if (isLowSurrogate(c) && i > 0) {
		const h = text.charCodeAt(i - 1);
		if (isHighSurrogate(h)) return bidiClassOf(pairCodePoint(h, c));
	}
	return bidiClassOf(c);
}

/**
 * Bracket id per code unit: the canonical opening bracket of its pair (U+2329 and U+3008
 * open the same pair), negated for a closing bracket; 0 = not a paired bracket.
 */
const bracketIds = new Int32Array(0x10000);
{
	const canonical = new Map<number, number>();
	for (let i = 0; i + 1 < BIDI_BRACKET_CANONICAL.length; i += 2)
		canonical.set(BIDI_BRACKET_CANONICAL[i] ?? outOfRange(), BIDI_BRACKET_CANONICAL[i + 1] ?? outOfRange());
	for (let i = 0; i + 1 < BIDI_BRACKET_PAIRS.length; i += 2) {
		const opening = BIDI_BRACKET_PAIRS[i] ?? outOfRange();
		const id = canonical.get(opening) ?? opening;
		bracketIds[opening] = id;
		bracketIds[BIDI_BRACKET_PAIRS[i + 1] ?? outOfRange()] = -id;
	}
}

/**
 * BD16's answer for a code unit: 0 when it is not a paired bracket, +id for an opening bracket
 * and −id for a closing one, where id is the same for both brackets of a pair and for
 * canonically equivalent brackets.
 */
export function bidiBracketOf(code: number): number {
	return code < 0x10000 ? (bracketIds[code] ?? outOfRange()) : 0;
}

/** A surrogate was seen (fillClasses): not a class bit. */
export const SURROGATE_SEEN = 1 << 30;
/** A paired bracket was seen (fillClasses): not a class bit. */
export const BRACKET_SEEN = 1 << 29;

/**
 * Fills classes[i] with the class of code unit i (both halves of a pair get the pair's class).
 * Returns the set of classes present, with SURROGATE_SEEN when the text has a surrogate and
 * BRACKET_SEEN when it has a paired bracket (all are BMP and ON: only ON units are looked up).
 */
export function fillClasses(text: string, classes: Uint8Array): number {
	let mask = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isSurrogate(c)) {
			const k = classAt(text, i);
			classes[i] = k;
			mask |= (1 << k) | SURROGATE_SEEN;
			continue;
		}
		const k = bmpClass[c] ?? outOfRange();
		classes[i] = k;
		mask |= 1 << k;
		if (k === ON && bracketIds[c] !== 0) mask |= BRACKET_SEEN;
	}
	return mask;
}

/** P2–P3: the direction of the first strong character, skipping isolate content, or null when there is none. */
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | null {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let cp = c;
		if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) {
			cp = pairCodePoint(c, text.charCodeAt(i + 1));
			i++;
		}
		const k = bidiClassOf(cp);
		if (k === B) return null; // end of the paragraph
		if (((1 << k) & ISOLATE_INITIATORS) !== 0) depth++;
		else if (k === PDI) {
			if (depth > 0) depth--;
		} else if (depth === 0) {
			if (k === L) return 'ltr';
			if (k === R || k === AL) return 'rtl';
		}
	}
	return null;
}
