// The short ways through UAX #9 for the common paragraph and line. Each gives what the general
// path (levels.ts, reorder.ts) gives, and test/bidi-fast-paths.test.ts checks that on random
// input; index.ts chooses between them.
//
// Logic:
// 1. Levels, nothing to raise: most paragraphs of one script hold no class that could take a
//    level off the paragraph's p (at an odd p: no L, EN or AN; at an even one: no R, AL or
//    AN; at either, no explicit formatting). I1–I2 raise only those types there, no rule
//    makes another type one of them, and with no R or AL the last strong type before an EN
//    is L (or sos, L), so W7 makes every EN L at an even p. Then every level is p, whatever
//    separators, brackets or removed characters the paragraph holds: filled, no rule run.
// 2. Levels, one sequence: with no explicit formatting the paragraph is one isolating run
//    sequence at p (X10), worked on in place, with no X1–X10 pass. With no removed character
//    and no segment separator (most), I1–I2 is a table lookup by resolved type done in the
//    N1–N2 pass, and with no N0 between them (no paired bracket) W6 and W7 are done there too:
//    a run of one strong type gets its level in a tight loop, and the pass tells whether
//    every level is p (`uniform`). L1 then resets only the paragraph's trailing stretch.
// 3. A line of a `simple` paragraph (every code unit a character, no separator: L1 resets only
//    the stretch that trails the line) gets L1, L3 and the pre-reversal in one pass, which reads
//    the line's text only in that trailing stretch. That reading stays on the text reordered,
//    not on classes kept from the levels: the Arabic shaper's U+FEFF filler is BN where the
//    lam it replaces was AL, so a line ending between the filler and its ligature resets the
//    filler. The text reordered may differ from the one resolved in such classes, not in
//    surrogates or separators (shaping keeps both), which is what `simple` vouches for.
// 4. A line of a `simple` and `uniform` paragraph: L1 and L2 change nothing but the one
//    reverse at an odd level, so its order is written directly: its clusters, last to first.

import {outOfRange} from '../checked.js';
import {AL, AN, bidiClassOf, CS, EN, ES, ET, EXPLICIT, L, NEUTRAL, ON, R, REMOVED, S, TRAILING} from './classes.js';
import {
	RAISE_EVEN,
	RAISE_ODD,
	resetTrailingL1,
	resolveBracketPairsN0,
	resolveImplicitLevels,
	resolveSequence,
	resolveWeakW1toW3,
	resolveWeakW4,
	resolveWeakW5,
	resolveWeakW6W7,
	strongOf,
	type ParagraphInput,
	type Sequence,
} from './levels.js';
import {extendsCluster, reverse, type Line} from './reorder.js';
import {scratch} from './scratch.js';

/** Classes without which no level of a paragraph at an odd p can differ from p (Logic 1). */
const RAISES_ODD = (1 << L) | (1 << EN) | (1 << AN) | EXPLICIT;
/** The same at an even p. */
const RAISES_EVEN = (1 << R) | (1 << AL) | (1 << AN) | EXPLICIT;

/**
 * The levels of a paragraph with no explicit formatting (Logic 1, 2), whose set of classes is
 * `mask`. Returns whether every level is the paragraph's (false: not known), or null when the
 * paragraph holds explicit formatting and needs the general path (levels.ts). `scratch.types`
 * must hold the paragraph (growParagraphScratch).
 */
export function resolveLevelsFast(input: ParagraphInput, mask: number): boolean | null {
	const {text, classes, start, end, level: p, levels} = input;
	if ((mask & (p & 1 ? RAISES_ODD : RAISES_EVEN)) === 0) {
		levels.fill(p, start, end);
		return true;
	}
	if ((mask & EXPLICIT) !== 0) return null;
	const ty = scratch.types;
	ty.set(classes.subarray(start, end), start);
	const edge = p & 1 ? R : L;
	const n0 = input.brackets && (mask & (1 << ON)) !== 0;
	if ((mask & ((1 << S) | REMOVED)) === 0) {
		const s: Sequence = {text, classes, ty, lo: start, hi: end, base: start, level: p, sos: edge, eos: edge, present: mask, n0};
		let present = resolveWeakW1toW3(s, mask);
		resolveWeakW4(s, present);
		resolveWeakW5(s, present);
		if (n0) {
			present = resolveWeakW6W7(s, present);
			resolveBracketPairsN0(s);
		}
		const uniform = resolveNeutralsAndLevels(s, levels, !n0);
		resetTrailingL1(classes, levels, start, end - 1, p);
		return uniform;
	}
	// Removed characters at either end are outside the sequence (levels.ts Logic 2).
	let from = start;
	let to = end - 1;
	while (from <= to && ((1 << (classes[from] ?? outOfRange())) & REMOVED) !== 0) from++;
	while (to >= from && ((1 << (classes[to] ?? outOfRange())) & REMOVED) !== 0) to--;
	if (to >= from) resolveSequence({text, classes, ty, lo: from, hi: to + 1, base: from, level: p, sos: edge, eos: edge, present: mask, n0});
	levels.fill(p, start, end);
	resolveImplicitLevels(input);
	return false;
}

/**
 * N1–N2 and I1–I2 in one pass (Logic 2): after W1–W5 (and W6–W7 and N0 unless `weak`) the
 * types are L, R, EN, AN or neutral, and each character's level is the sequence's raised by its
 * final type. Returns whether none was raised. With `weak`, W6 and W7 are done here too: ES, ET
 * and CS are neutral (W6 makes them ON) and an EN whose last strong type before it is L is L
 * (W7). Neutrals are never strong, so at the EN after a run of them that type is still `strong`.
 */
function resolveNeutralsAndLevels(s: Sequence, levels: Uint8Array, weak: boolean): boolean {
	const {ty, lo, hi, sos, eos, level} = s;
	const embedding = level & 1 ? R : L;
	const raise = level & 1 ? RAISE_ODD : RAISE_EVEN;
	const neutral = weak ? NEUTRAL | (1 << ES) | (1 << ET) | (1 << CS) : NEUTRAL;
	const w7 = weak ? L : -1; // what `strong` must be for an EN to become L
	let strong = sos; // the last L or R (W7)
	let raised = 0;
	let k = lo;
	while (k < hi) {
		let t = ty[k] ?? outOfRange();
		if (((1 << t) & neutral) === 0) {
			if (t === EN) {
				if (strong === w7) ty[k] = t = L;
			} else if (t === L || t === R) {
				// A run of one strong type (most of a text): one level for all of it.
				strong = t;
				const up = raise[t] ?? outOfRange();
				raised |= up;
				const runLevel = level + up;
				do levels[k++] = runLevel;
				while (k < hi && ty[k] === t);
				continue;
			}
			const up = raise[t] ?? outOfRange();
			raised |= up;
			levels[k++] = level + up;
			continue;
		}
		const before = k === lo ? sos : strongOf(ty[k - 1] ?? outOfRange());
		let j = k + 1;
		while (j < hi && ((1 << (ty[j] ?? outOfRange())) & neutral) !== 0) j++;
		const after = j === hi ? eos : ty[j] === EN && strong === w7 ? L : strongOf(ty[j] ?? outOfRange());
		const resolved = before === after ? before : embedding;
		const up = raise[resolved] ?? outOfRange();
		raised |= up;
		const resolvedLevel = level + up;
		for (; k < j; k++) {
			ty[k] = resolved;
			levels[k] = resolvedLevel;
		}
	}
	return raised === 0;
}

/**
 * Everything before L2 for a line of a `simple` paragraph (Logic 3), with L3 when the line has
 * cluster starts, in one pass: the identity order into `order`, the line's levels into `lv`,
 * and a cluster at an odd level pre-reversed as soon as it ends (reorder.ts Logic 3). Returns
 * the lowest level | the highest level << 8.
 */
export function prepareSimpleLine({text, levels, level: base, from, to, starts}: Line, lv: Uint8Array, order: Int32Array): number {
	let trailing = to; // L1: from here on, whitespace, isolate controls and BN end the line
	while (trailing > from && ((1 << bidiClassOf(text.charCodeAt(trailing - 1))) & TRAILING) !== 0) trailing--;
	const n = to - from;
	let maxLevel = 0;
	let minLevel = 255;
	let cluster = 0; // where the current cluster starts
	for (let k = 0; k < n; k++) {
		const i = from + k;
		order[k] = i;
		let level: number;
		if (starts !== undefined && k > 0 && starts[i] === 0 && extendsCluster(text, starts, i, to)) {
			level = lv[k - 1] ?? outOfRange(); // L3: inside a cluster, the level of the unit before
		} else {
			if (k - cluster > 1 && ((lv[cluster] ?? outOfRange()) & 1) === 1) reverse(order, cluster, k - 1);
			cluster = k;
			level = i < trailing ? (levels[i] ?? outOfRange()) : base;
		}
		lv[k] = level;
		if (level > maxLevel) maxLevel = level;
		if (level < minLevel) minLevel = level;
	}
	if (n - cluster > 1 && ((lv[cluster] ?? outOfRange()) & 1) === 1) reverse(order, cluster, n - 1);
	return minLevel | (maxLevel << 8);
}

/**
 * The order of a line of a `simple` and `uniform` paragraph (Logic 4): at an even level,
 * logical order; at an odd one, the clusters (units, with no L3) last to first, each in
 * logical order: what the pre-reversal and L2's one reverse of the line give.
 */
export function orderUniformLine({text, level, from, to, starts}: Line, order: Int32Array): void {
	if ((level & 1) === 0) {
		for (let i = from; i < to; i++) order[i - from] = i;
		return;
	}
	let k = 0;
	let end = to; // the cluster after the one being looked for starts here
	for (let i = to - 1; i >= from; i--) {
		if (starts !== undefined && i > from && starts[i] === 0 && extendsCluster(text, starts, i, to)) continue;
		for (let j = i; j < end; j++) order[k++] = j;
		end = i;
	}
}
