// UAX #9's embedding levels for one paragraph, the general algorithm: X1–X10, W1–W7, N0–N2,
// I1–I2 and L1 at the paragraph's separators and end, over typed arrays. Each rule is one
// function named after it, in the order UAX #9 gives them. fast-paths.ts takes the common
// paragraphs a shorter way and is property-tested against this file (test/bidi-fast-paths.test.ts).
//
// Rule → function: BD9 matchIsolates; X1–X8 resolveExplicitLevels (X5c firstStrongIsRtl);
// X9–X10 isolatingRunSequences; W1–W3 resolveWeakW1toW3; W4 resolveWeakW4; W5 resolveWeakW5;
// W6–W7 resolveWeakW6W7; N0 resolveBracketPairsN0 (BD16); N1–N2 resolveNeutralsN1N2;
// I1–I2 implicitLevel, through resolveImplicitLevels; L1 at the paragraph's separators and
// end resetTrailingL1 (a line's L1 is reorder.ts's).
//
// Logic:
// 1. Why not bidi-js's getEmbeddingLevels: it looks every character up by string, keeps
//    per-class counts in a Map updated on every type change and builds JS arrays of indices:
//    ≈0.35 s on the 6.4 MB bench corpus, more than all the rest of the layout. Here classes
//    come in as a Uint8Array and each rule is one pass over typed arrays; a rule whose classes
//    are absent is skipped. Nothing is allocated per character (scratch.ts holds the buffers).
// 2. Characters X9 removes (embeddings, overrides, PDF, BN) never start or end a level run,
//    but inside one they stay in its sequence, and the W and N rules skip or absorb them as
//    §5.2 says; those still removed afterwards take the level of the character before them.
//    That is what bidi-js does, so every level, theirs included, is bidi-js's
//    (test/bidi-levels.test.ts); the Unicode files check the others.
// 3. Isolate initiators and PDIs keep their roles in X10 even when an override changed their
//    type (X5a–X6a change the type, not what the character is).
// 4. N0 pairs brackets by canonical equivalence (classes.ts). As in bidi-js, only the first
//    character after a bracket N0 changed is checked for an original NSM (UAX #9 says every
//    NSM after it; no conformance case tells them apart, and L3 moves marks with their base
//    anyway). N0 is skipped when the paragraph has no paired bracket.
// 5. Like bidi-js, a paragraph separator inside the text ends a paragraph and the next one
//    starts at the same level; whitespace and isolate controls before a separator or the end
//    are reset to the paragraph level (L1 at the paragraph end; reorder.ts does it per line),
//    as soon as they are reached, so a removed character after a tab takes the tab's level.
// 6. A sequence that is one contiguous range is worked on in place, in the paragraph's type
//    array (no view of it); a sequence of several level runs is gathered into a scratch array
//    and scattered back.
// 7. Within the rules, the common case is cheap: W1–W3 turn a run of AL into R in a tight
//    loop, and W7 finds the last strong type only when it meets an EN.

import {outOfRange} from '../checked.js';
import {
	AL,
	AN,
	B,
	BN,
	bidiBracketOf,
	CS,
	EN,
	ES,
	ET,
	FSI,
	ISOLATE_INITIATORS,
	L,
	LRE,
	LRI,
	LRO,
	NEUTRAL,
	NSM,
	ON,
	PDF,
	PDI,
	R,
	REMOVED,
	RLE,
	RLI,
	RLO,
	SEPARATORS,
	TRAILING,
} from './classes.js';
import {doubled, growSequenceScratch, MAX_DEPTH, MAX_OPENERS, scratch} from './scratch.js';

/** What the level rules read of a paragraph; levels are written to `levels[start, end)`. */
export interface ParagraphInput {
	/** The text: read only for brackets (N0). */
	readonly text: string;
	/** One class per UTF-16 code unit; both halves of a surrogate pair carry the pair's class. */
	readonly classes: Uint8Array;
	/** The paragraph is [start, end) of the text; it holds no paragraph separator but maybe at end − 1. */
	readonly start: number;
	readonly end: number;
	/** The paragraph embedding level, 0 or 1. */
	readonly level: number;
	readonly levels: Uint8Array;
	/** False when no code unit is a paired bracket: N0 is skipped. */
	readonly brackets: boolean;
}

/** One isolating run sequence as the W and N rules see it: its types are ty[lo, hi). */
export interface Sequence {
	readonly text: string;
	/** The paragraph's original classes (N0 asks for original NSMs). */
	readonly classes: Uint8Array;
	readonly ty: Uint8Array;
	readonly lo: number;
	readonly hi: number;
	/** Text index of ty[lo] when the sequence is one contiguous range of `types`; −1: scratch.seq lists its text indices (Logic 6). */
	readonly base: number;
	/** Its embedding level, and the direction (L or R) before and after it. */
	readonly level: number;
	readonly sos: number;
	readonly eos: number;
	/** The set of types in ty[lo, hi) as it comes in. */
	readonly present: number;
	/** Whether N0 runs: the paragraph may hold a paired bracket and the sequence holds an ON. */
	readonly n0: boolean;
}

/** No override on a stack entry. */
const NONE = 255;
/** I1–I2: what a resolved type adds to an even embedding level, and to an odd one. */
export const RAISE_EVEN = new Uint8Array(32);
export const RAISE_ODD = new Uint8Array(32);
RAISE_EVEN[R] = 1;
RAISE_EVEN[AN] = 2;
RAISE_EVEN[EN] = 2;
RAISE_ODD[L] = 1;
RAISE_ODD[AN] = 1;
RAISE_ODD[EN] = 1;

/** I1–I2: the level of a character of resolved type t at embedding level `level`. */
function implicitLevel(level: number, t: number): number {
	return level + ((level & 1 ? RAISE_ODD : RAISE_EVEN)[t] ?? outOfRange());
}

/** Strong direction for N0–N2: L, or R for R, EN and AN; −1 for anything else. */
export function strongOf(t: number): number {
	if (t === L) return L;
	return t === R || t === EN || t === AN ? R : -1;
}

const isRemoved = (t: number): boolean => ((1 << t) & REMOVED) !== 0;

/** Where the run of types in `set` that starts at k ends: the first index from k (before hi) whose type is not in it. */
function endOfRun(ty: Uint8Array, k: number, hi: number, set: number): number {
	while (k < hi && ((1 << (ty[k] ?? outOfRange())) & set) !== 0) k++;
	return k;
}

/**
 * The levels of one paragraph by the general algorithm: X1–X10, then each isolating run
 * sequence (W1–N2), then I1–I2 and L1 at the paragraph's separators and end. `types` scratch
 * must hold the paragraph (growParagraphScratch).
 */
export function resolveParagraphLevels(input: ParagraphInput): void {
	const {classes, start, end} = input;
	scratch.types.set(classes.subarray(start, end), start);
	resolveExplicitLevels(input);
	for (const sequence of isolatingRunSequences(input)) resolveSequence(sequence);
	resolveImplicitLevels(input);
}

/** BD9: matching isolate initiators and PDIs, both ways, into scratch.match (−1 = unmatched). */
function matchIsolates(classes: Uint8Array, start: number, end: number): void {
	const {match, seq: stack} = scratch;
	match.fill(-1, start, end);
	let open = 0;
	for (let i = start; i < end; i++) {
		const c = classes[i] ?? outOfRange();
		if (((1 << c) & ISOLATE_INITIATORS) !== 0) {
			stack[open++] = i;
		} else if (c === PDI && open > 0) {
			const init = stack[--open] ?? outOfRange();
			match[init] = i;
			match[i] = init;
		}
	}
}

/** X1–X8: embedding levels into `levels`, overrides into scratch.types. */
function resolveExplicitLevels({classes, start, end, level: p, levels}: ParagraphInput): void {
	matchIsolates(classes, start, end);
	const {types, stackLevel, stackOverride, stackIsolate, match} = scratch;
	let depth = 0;
	stackLevel[0] = p;
	stackOverride[0] = NONE;
	stackIsolate[0] = 0;
	let overflowIsolate = 0;
	let overflowEmbedding = 0;
	let validIsolate = 0;
	for (let i = start; i < end; i++) {
		const c = classes[i] ?? outOfRange();
		const current = stackLevel[depth] ?? outOfRange();
		switch (c) {
			case RLE:
			case LRE:
			case RLO:
			case LRO: {
				// X2–X5
				levels[i] = current;
				const next = c === RLE || c === RLO ? (current + 1) | 1 : (current + 2) & ~1;
				if (next <= MAX_DEPTH && overflowIsolate === 0 && overflowEmbedding === 0) {
					depth++;
					stackLevel[depth] = next;
					stackOverride[depth] = c === RLO ? R : c === LRO ? L : NONE;
					stackIsolate[depth] = 0;
				} else if (overflowIsolate === 0) {
					overflowEmbedding++;
				}
				break;
			}
			case RLI:
			case LRI:
			case FSI: {
				// X5a–X5c
				levels[i] = current;
				const override = stackOverride[depth] ?? outOfRange();
				if (override !== NONE) types[i] = override;
				const rtl = c === RLI || (c === FSI && firstStrongIsRtl(classes, i + 1, match[i] ?? outOfRange(), end));
				const next = rtl ? (current + 1) | 1 : (current + 2) & ~1;
				if (next <= MAX_DEPTH && overflowIsolate === 0 && overflowEmbedding === 0) {
					validIsolate++;
					depth++;
					stackLevel[depth] = next;
					stackOverride[depth] = NONE;
					stackIsolate[depth] = 1;
				} else {
					overflowIsolate++;
				}
				break;
			}
			case PDI: {
				// X6a
				if (overflowIsolate > 0) {
					overflowIsolate--;
				} else if (validIsolate > 0) {
					overflowEmbedding = 0;
					while (depth > 0 && stackIsolate[depth] === 0) depth--;
					if (depth > 0) depth--;
					validIsolate--;
				}
				levels[i] = stackLevel[depth] ?? outOfRange();
				const override = stackOverride[depth] ?? outOfRange();
				if (override !== NONE) types[i] = override;
				break;
			}
			case PDF:
				// X7
				if (overflowIsolate === 0) {
					if (overflowEmbedding > 0) overflowEmbedding--;
					else if (stackIsolate[depth] === 0 && depth > 0) depth--;
				}
				levels[i] = stackLevel[depth] ?? outOfRange();
				break;
			case B:
				// X8
				levels[i] = p;
				break;
			case BN:
				levels[i] = current;
				break;
			default: {
				// X6
				levels[i] = current;
				const override = stackOverride[depth] ?? outOfRange();
				if (override !== NONE) types[i] = override;
			}
		}
	}
}

/** P2–P3 between an FSI and its matching PDI (or the paragraph end), skipping nested isolates (X5c). */
function firstStrongIsRtl(classes: Uint8Array, from: number, pdi: number, end: number): boolean {
	const match = scratch.match;
	const stop = pdi >= 0 ? pdi : end;
	for (let i = from; i < stop; i++) {
		const c = classes[i] ?? outOfRange();
		if (c === L) return false;
		if (c === R || c === AL) return true;
		if (((1 << c) & ISOLATE_INITIATORS) !== 0) {
			const skip = match[i] ?? outOfRange();
			if (skip < 0) return false;
			i = skip;
		}
	}
	return false;
}

/**
 * X9–X10: the level runs (removed characters skipped at their edges, kept inside, Logic 2),
 * chained through matched isolates into isolating run sequences, each with its sos and eos.
 * A sequence's text indices are in scratch.seq while it is being resolved: take each one
 * before asking for the next.
 */
function* isolatingRunSequences({text, classes, start, end, level: p, levels, brackets}: ParagraphInput): Generator<Sequence> {
	const {runAt, match, types} = scratch;
	let runs = 0;
	runAt.fill(-1, start, end);
	let last = -1;
	for (let i = start; i < end; i++) {
		if (isRemoved(classes[i] ?? outOfRange())) continue;
		if (last < 0 || levels[i] !== levels[last]) {
			if (runs === scratch.runStart.length) {
				scratch.runStart = doubled(scratch.runStart);
				scratch.runEnd = doubled(scratch.runEnd);
			}
			scratch.runStart[runs] = i;
			runAt[i] = runs;
			runs++;
		}
		scratch.runEnd[runs - 1] = i;
		last = i;
	}
	const {runStart, runEnd} = scratch;
	for (let r = 0; r < runs; r++) {
		const first = runStart[r] ?? outOfRange();
		// A run that starts with a matched PDI continues its initiator's sequence.
		if (classes[first] === PDI && (match[first] ?? outOfRange()) >= 0) continue;
		const seq = scratch.seq;
		let m = 0;
		let seqMask = 0;
		let run = r;
		let runCount = 0;
		for (;;) {
			runCount++;
			const to = runEnd[run] ?? outOfRange();
			for (let i = runStart[run] ?? outOfRange(); i <= to; i++) {
				seq[m++] = i;
				seqMask |= 1 << (types[i] ?? outOfRange());
			}
			const pdi = ((1 << (classes[to] ?? outOfRange())) & ISOLATE_INITIATORS) !== 0 ? (match[to] ?? outOfRange()) : -1;
			const next = pdi >= 0 ? (runAt[pdi] ?? outOfRange()) : -1;
			if (next < 0) break;
			run = next;
		}
		const firstIndex = seq[0] ?? outOfRange();
		const lastIndex = seq[m - 1] ?? outOfRange();
		const seqLevel = levels[firstIndex] ?? outOfRange();
		let before = p;
		for (let i = firstIndex - 1; i >= start; i--) {
			if (!isRemoved(classes[i] ?? outOfRange())) {
				before = levels[i] ?? outOfRange();
				break;
			}
		}
		let after = p;
		if (((1 << (classes[lastIndex] ?? outOfRange())) & ISOLATE_INITIATORS) === 0) {
			for (let i = lastIndex + 1; i < end; i++) {
				if (!isRemoved(classes[i] ?? outOfRange())) {
					after = levels[i] ?? outOfRange();
					break;
				}
			}
		}
		const sos = Math.max(before, seqLevel) & 1 ? R : L;
		const eos = Math.max(after, levels[lastIndex] ?? outOfRange()) & 1 ? R : L;
		const n0 = brackets && (seqMask & (1 << ON)) !== 0;
		if (runCount === 1) {
			// One level run is a contiguous range: worked on in place (Logic 6).
			yield {text, classes, ty: types, lo: firstIndex, hi: firstIndex + m, base: firstIndex, level: seqLevel, sos, eos, present: seqMask, n0};
		} else {
			const ty = growSequenceScratch(m);
			for (let k = 0; k < m; k++) ty[k] = types[seq[k] ?? outOfRange()] ?? outOfRange();
			yield {text, classes, ty, lo: 0, hi: m, base: -1, level: seqLevel, sos, eos, present: seqMask, n0};
			for (let k = 0; k < m; k++) types[seq[k] ?? outOfRange()] = ty[k] ?? outOfRange();
		}
	}
}

/** W1–N2 over one isolating run sequence, in the order UAX #9 gives them. */
export function resolveSequence(s: Sequence): void {
	let present = resolveWeakW1toW3(s, s.present);
	resolveWeakW4(s, present);
	resolveWeakW5(s, present);
	present = resolveWeakW6W7(s, present);
	if (s.n0) resolveBracketPairsN0(s);
	resolveNeutralsN1N2(s, present);
}

/**
 * W1–W3 in one pass. W1: NSM takes the type before it (ON after an isolate initiator or PDI);
 * W2 sees types after W1: EN after AL (through weak types) is AN; W3: AL is R. Removed
 * characters are skipped (§5.2). Takes and returns the set of types present.
 */
export function resolveWeakW1toW3(s: Sequence, present: number): number {
	const {ty, lo, hi, sos} = s;
	if ((present & ((1 << NSM) | (1 << AL))) !== 0) {
		let previous = sos; // the type before, after W1
		let strong = sos; // the last strong type, after W1
		present = 0;
		for (let k = lo; k < hi; k++) {
			let t = ty[k] ?? outOfRange();
			if (t === AL) {
				// Most of an Arabic text: a run of AL is a run of R, and sets both sides of state.
				do ty[k++] = R;
				while (k < hi && ty[k] === AL);
				k--;
				previous = AL;
				strong = AL;
				present |= 1 << R;
				continue;
			}
			if (isRemoved(t)) {
				present |= 1 << t;
				continue;
			}
			if (t === NSM) t = ((1 << previous) & (ISOLATE_INITIATORS | (1 << PDI))) !== 0 ? ON : previous;
			previous = t;
			if (t === L || t === R || t === AL) strong = t;
			else if (t === EN && strong === AL) t = AN;
			if (t === AL) t = R;
			ty[k] = t;
			present |= 1 << t;
		}
	}
	return present;
}

/** W4: one ES between ENs, one CS between two numbers of one type (removed characters between them skipped). */
export function resolveWeakW4(s: Sequence, present: number): void {
	const {ty, lo, hi} = s;
	const removed = (present & REMOVED) !== 0;
	if ((present & ((1 << ES) | (1 << CS))) !== 0 && (present & ((1 << EN) | (1 << AN))) !== 0) {
		for (let k = lo + 1; k + 1 < hi; k++) {
			const t = ty[k] ?? outOfRange();
			if (t !== ES && t !== CS) continue;
			let before = ty[k - 1] ?? outOfRange();
			let after = ty[k + 1] ?? outOfRange();
			if (removed) {
				for (let q = k - 1; q >= lo; q--) {
					before = ty[q] ?? outOfRange();
					if (!isRemoved(before)) break;
				}
				for (let q = k + 1; q < hi; q++) {
					after = ty[q] ?? outOfRange();
					if (!isRemoved(after)) break;
				}
			}
			if (before !== after) continue;
			if (before === EN || (t === CS && before === AN)) ty[k] = before;
		}
	}
}

/** W5: a run of ETs (and removed characters) next to an EN is EN. */
export function resolveWeakW5(s: Sequence, present: number): void {
	const {ty, lo, hi} = s;
	if ((present & (1 << EN)) !== 0 && (present & ((1 << ET) | REMOVED)) !== 0) {
		const absorbed = (1 << ET) | REMOVED;
		for (let k = lo; k < hi; k++) {
			const j = endOfRun(ty, k, hi, absorbed);
			if (j === k) continue;
			if ((k > lo && ty[k - 1] === EN) || (j < hi && ty[j] === EN)) for (let q = k; q < j; q++) ty[q] = EN;
			k = j;
		}
	}
}

/**
 * W6: the remaining separators and terminators are ON, with removed characters next to them;
 * W7: EN after L (through weak types) is L. One pass: W6 at k changes only k and the removed
 * characters around it, which W7 passes over. The last strong type is brought up to date only
 * at an EN (`seen` = how far it has looked), so the other characters cost one test each.
 */
export function resolveWeakW6W7(s: Sequence, present: number): number {
	const {ty, lo, hi, sos} = s;
	const weak = (1 << ES) | (1 << ET) | (1 << CS) | (1 << EN);
	if ((present & weak) === 0) return present;
	const removed = (present & REMOVED) !== 0;
	let strong = sos;
	let seen = lo;
	for (let k = lo; k < hi; k++) {
		const t = ty[k] ?? outOfRange();
		if (((1 << t) & weak) === 0) continue;
		if (t === EN) {
			for (; seen < k; seen++) {
				const x = ty[seen] ?? outOfRange();
				if (x === L || x === R) strong = x;
			}
			if (strong === L) ty[k] = L;
			continue;
		}
		ty[k] = ON;
		present |= 1 << ON;
		if (removed) {
			for (let q = k - 1; q >= lo && isRemoved(ty[q] ?? outOfRange()); q--) ty[q] = ON;
			for (let q = k + 1; q < hi && isRemoved(ty[q] ?? outOfRange()); q++) ty[q] = ON;
		}
	}
	return present;
}

/** Index into the text of position k of a sequence (Logic 6). */
const textIndex = (k: number, base: number): number => (base >= 0 ? k : (scratch.seq[k] ?? outOfRange()));

/**
 * N0: paired brackets (BD16) in order of their opening bracket take the embedding direction
 * when it is inside them, else the other strong direction inside them when the context before
 * the opening bracket has it too. Only the first character after a changed bracket (skipping
 * removed ones) is checked for an original NSM (Logic 4).
 */
export function resolveBracketPairsN0(s: Sequence): void {
	const {text, ty, lo, hi, sos, base} = s;
	const {openerPos, openerId, closers} = scratch;
	const embedding = s.level & 1 ? R : L;
	let depth = 0;
	let count = 0; // openers pushed, in order; closers[k] = matching closer or −1
	for (let k = lo; k < hi; k++) {
		if (ty[k] !== ON) continue;
		const id = bidiBracketOf(text.charCodeAt(textIndex(k, base)));
		if (id > 0) {
			if (depth === MAX_OPENERS) break; // BD16: stop at stack overflow
			openerPos[depth] = k;
			openerId[depth] = id;
			depth++;
			if (count === scratch.openers.length) scratch.openers = doubled(scratch.openers);
			scratch.openers[count++] = k;
			closers[k] = -1;
		} else if (id < 0) {
			for (let d = depth - 1; d >= 0; d--) {
				if (openerId[d] === -id) {
					closers[openerPos[d] ?? outOfRange()] = k;
					depth = d;
					break;
				}
			}
		}
	}
	const openers = scratch.openers;
	const opposite = embedding === L ? R : L;
	for (let q = 0; q < count; q++) {
		const o = openers[q] ?? outOfRange();
		const c = closers[o] ?? outOfRange();
		if (c < 0) continue;
		let found = -1;
		for (let k = o + 1; k < c; k++) {
			const strong = strongOf(ty[k] ?? outOfRange());
			if (strong === embedding) {
				found = embedding;
				break;
			}
			if (strong >= 0) found = opposite;
		}
		if (found < 0) continue;
		let direction = embedding;
		if (found === opposite) {
			let before = sos;
			for (let k = o - 1; k >= lo; k--) {
				const strong = strongOf(ty[k] ?? outOfRange());
				if (strong >= 0) {
					before = strong;
					break;
				}
			}
			if (before === opposite) direction = opposite;
		}
		ty[o] = direction;
		ty[c] = direction;
		if (direction !== embedding) {
			markFollowingNsm(s, o, direction);
			markFollowingNsm(s, c, direction);
		}
	}
}

function markFollowingNsm({classes, ty, hi, base}: Sequence, k: number, direction: number): void {
	for (let q = k + 1; q < hi; q++) {
		if (isRemoved(ty[q] ?? outOfRange())) continue;
		if (classes[textIndex(q, base)] === NSM) ty[q] = direction;
		return;
	}
}

/**
 * N1–N2: a run of neutrals between two strong sides of one direction takes it; else the
 * embedding direction. Removed characters next to neutrals join their run.
 */
function resolveNeutralsN1N2({ty, lo, hi, sos, eos, level}: Sequence, present: number): void {
	if ((present & NEUTRAL) === 0) return;
	const embedding = level & 1 ? R : L;
	const joins = NEUTRAL | REMOVED;
	let k = lo;
	while (k < hi) {
		if (((1 << (ty[k] ?? outOfRange())) & NEUTRAL) === 0) {
			k++;
			continue;
		}
		let from = k;
		let before = sos;
		for (let q = k - 1; q >= lo; q--) {
			const t = ty[q] ?? outOfRange();
			if (isRemoved(t)) {
				from = q;
			} else {
				before = strongOf(t);
				break;
			}
		}
		const j = endOfRun(ty, k, hi, joins);
		const after = j === hi ? eos : strongOf(ty[j] ?? outOfRange());
		// A loop, not fill(): most runs are one space, and fill() costs a call each.
		const resolved = before === after ? before : embedding;
		for (let q = from; q < j; q++) ty[q] = resolved;
		k = j;
	}
}

/**
 * I1–I2 over the embedding levels in `levels`, then L1 at the paragraph's separators and end.
 * Removed characters take the level before them (Logic 2), and L1 resets separators and what
 * trails them as soon as they are reached, so a removed character after a tab takes the tab's
 * reset level (Logic 5). I1–I2 come only now: sos and eos compare embedding levels.
 */
export function resolveImplicitLevels({classes, start, end, level: p, levels}: ParagraphInput): void {
	const ty = scratch.types;
	let floor = start; // below this, L1 has already been applied
	for (let i = start; i < end; i++) {
		const t = ty[i] ?? outOfRange();
		levels[i] = isRemoved(t) ? (i === start ? p : (levels[i - 1] ?? outOfRange())) : implicitLevel(levels[i] ?? outOfRange(), t);
		if (((1 << (classes[i] ?? outOfRange())) & SEPARATORS) !== 0 || i === end - 1) {
			resetTrailingL1(classes, levels, floor, i, p);
			floor = i + 1;
		}
	}
}

/**
 * L1 for a separator or the paragraph's end at `last`: it and the whitespace, isolate
 * controls and removed characters just before it (down to `floor`) get the paragraph level.
 */
export function resetTrailingL1(classes: Uint8Array, levels: Uint8Array, floor: number, last: number, p: number): void {
	for (let i = last; i >= floor && ((1 << (classes[i] ?? outOfRange())) & (SEPARATORS | TRAILING)) !== 0; i--) levels[i] = p;
}
