// UAX #9 rules X1–I2 for one paragraph, over typed arrays: the embedding levels that
// bidi.ts's resolveLevels hands to the per-line reordering.
//
// Logic:
// 1. Why not bidi-js's getEmbeddingLevels: it looks every character up by string, keeps
//    per-class counts in a Map updated on every type change (four Map operations for each
//    Arabic letter under W3) and builds JS arrays of indices: ≈0.35 s on the 6.4 MB bench
//    corpus, more than all the rest of the layout. Here classes come in as a Uint8Array
//    (bidi.ts fills it from its cache) and each rule is one pass over typed arrays; a rule
//    whose classes are absent is skipped. Nothing is allocated per character or per
//    sequence; scratch arrays grow and are reused (and let go after a huge paragraph).
// 2. X1–X8 run only when the paragraph holds explicit formatting characters; otherwise the
//    whole paragraph is one isolating run sequence at the paragraph level (X10).
// 3. Characters X9 removes (embeddings, overrides, PDF, BN) never start or end a level run,
//    but inside one they stay in its sequence, and the W and N rules skip or absorb them as
//    §5.2 says; those still removed afterwards take the level of the character before them.
//    That is what bidi-js does, so every level, theirs included, is bidi-js's
//    (test/bidi-levels.test.ts); the Unicode files check the others.
// 4. Isolate initiators and PDIs keep their roles in X10 even when an override changed their
//    type (X5a–X6a change the type, not what the character is).
// 5. N0 pairs brackets by canonical equivalence (U+2329/U+232A ≡ U+3008/U+3009); the caller
//    answers which code units are brackets. As in bidi-js, only the first character after
//    a bracket N0 changed is checked for an original NSM (UAX #9 says every NSM after it;
//    no conformance case tells them apart, and L3 moves marks with their base anyway).
//    N0 is skipped when the caller says the paragraph has no paired bracket (bidi.ts sees
//    that while filling classes): most paragraphs have none, and the scan is not free.
// 6. Like bidi-js, a paragraph separator inside the text ends a paragraph and the next one
//    starts at the same level; whitespace and isolate controls before a separator or the end
//    are reset to the paragraph level (L1 at the paragraph end; bidi.ts does it per line),
//    as soon as they are reached, so a removed character after a tab takes the tab's level.
// 7. A sequence that is one contiguous range (all of them without isolates) is worked on
//    in place, in the paragraph's type array (no view of it); a sequence of several level
//    runs is gathered into a scratch array.
// 8. Most paragraphs have no explicit formatting: one sequence at the paragraph level p.
//    The caller passes the classes present (no pass to find them, none to look for B),
//    and since every embedding level is p, I1–I2 is a table lookup by resolved type. With
//    no removed character and no segment separator (most), it is done in the N1–N2 pass
//    (resolveNeutralsAndLevels), and L1 resets only the paragraph's trailing stretch, last.
//    Within the rules, the common case is cheap too: W1–W3 turn a run of AL into R in a
//    tight loop, and W7 finds the last strong type only when it meets an EN. With no N0
//    between them (no paired bracket, which the caller can say), W6 and W7 are done in
//    the N1–N2 pass too, and a run of one strong type gets its level in a tight loop; that
//    pass also tells the caller whether every level is p (bidi.ts `uniform`).
// 9. Most paragraphs of one script hold no class that could take a level off p (at an odd
//    p: no L, EN or AN; at an even one: no R, AL or AN; at either, no explicit formatting).
//    Then every level is p, whatever separators, brackets or removed characters they hold,
//    and the paragraph is filled with p without running a rule (and is `uniform`).

/** Bidi classes as small integers (index into bit masks). */
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

/** Class number by name, as Unicode (and bidi-js) names them. */
export const BIDI_CLASSES = {L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON, LRE, LRO, RLE, RLO, PDF, LRI, RLI, FSI, PDI} as const;

/**
 * Bracket answer for a code unit: 0 when it is not a paired bracket, +id for an opening
 * bracket and −id for a closing one, where id is the same for both brackets of a pair and
 * for canonically equivalent brackets.
 */
export type BracketLookup = (code: number) => number;

const ISOLATE_INIT = (1 << LRI) | (1 << RLI) | (1 << FSI);
const REMOVED = (1 << BN) | (1 << LRE) | (1 << RLE) | (1 << LRO) | (1 << RLO) | (1 << PDF);
const EXPLICIT = (1 << LRE) | (1 << RLE) | (1 << LRO) | (1 << RLO) | (1 << PDF) | ISOLATE_INIT | (1 << PDI);
const NEUTRAL = (1 << B) | (1 << S) | (1 << WS) | (1 << ON) | ISOLATE_INIT | (1 << PDI);
const TRAILING = (1 << S) | (1 << WS) | (1 << B) | ISOLATE_INIT | (1 << PDI) | REMOVED;
/**
 * Classes without which no level of a paragraph at an odd level p can differ from p (Logic 9):
 * I1–I2 raise only L, EN and AN there, no rule makes another type L, EN or AN, and explicit
 * formatting is what makes other embedding levels.
 */
const RAISES_ODD = (1 << L) | (1 << EN) | (1 << AN) | EXPLICIT;
/**
 * The same at an even p: I1–I2 raise R, AN and EN; with no R or AL the last strong type
 * before an EN is always L (or sos, L), so W7 makes every EN L.
 */
const RAISES_EVEN = (1 << R) | (1 << AL) | (1 << AN) | EXPLICIT;
const MAX_DEPTH = 125;
/** No override on a stack entry. */
const NONE = 255;
const MAX_OPENERS = 63;
/** I1–I2: what a resolved type adds to an even embedding level, and to an odd one. */
const RAISE_EVEN = new Uint8Array(32);
const RAISE_ODD = new Uint8Array(32);
RAISE_EVEN[R] = 1;
RAISE_EVEN[AN] = 2;
RAISE_EVEN[EN] = 2;
RAISE_ODD[L] = 1;
RAISE_ODD[AN] = 1;
RAISE_ODD[EN] = 1;

/** I1–I2: the level of a character of resolved type t at embedding level `level`. */
function implicitLevel(level: number, t: number): number {
	return level + ((level & 1 ? RAISE_ODD : RAISE_EVEN)[t] ?? 0);
}

// Scratch, grown on demand and reused (Logic 1).
let types = new Uint8Array(256);
let seq = new Int32Array(256);
/** Types of a sequence that is not one contiguous range (resolveSequence). */
let seqTypes = new Uint8Array(256);
let match = new Int32Array(256);
let runAt = new Int32Array(256);
let runStart = new Int32Array(64);
let runEnd = new Int32Array(64);
let openers = new Int32Array(64);
let closers = new Int32Array(256);
const stackLevel = new Uint8Array(MAX_DEPTH + 2);
const stackOverride = new Uint8Array(MAX_DEPTH + 2);
const stackIsolate = new Uint8Array(MAX_DEPTH + 2);
const openerPos = new Int32Array(MAX_OPENERS);
const openerId = new Int32Array(MAX_OPENERS);
const NO_CLASSES = new Uint8Array(0);
/** The classes of the paragraph being resolved (N0 asks for original NSMs). */
let classesInUse: Uint8Array = NO_CLASSES;
/** Whether the paragraph being resolved may hold a paired bracket (else N0 is skipped). */
let bracketsInUse = true;

/** Scratch kept between paragraphs, in code units: a huge paragraph's is let go. */
const KEEP = 1 << 18;

function grow(n: number): void {
	if (types.length >= n) return;
	const size = Math.max(n, types.length * 2);
	types = new Uint8Array(size);
	seq = new Int32Array(size);
	match = new Int32Array(size);
	runAt = new Int32Array(size);
	closers = new Int32Array(size);
}

/**
 * Fills `levels[0..n)` with the resolved embedding levels of `classes[0..n)` (one class per
 * UTF-16 code unit; both halves of a surrogate pair carry the pair's class) at paragraph
 * level `level` (0 or 1). `text` is only read for brackets. `mask`, when the caller has it,
 * is the OR of 1 << class over classes[0..n) (it saves a pass); −1 = not known. `brackets`
 * false says no code unit is a paired bracket (bracketOf is 0 for all): N0 is skipped.
 * Returns true when every level is `level`, which it knows only in the common cases of
 * Logic 8 (one sequence, nothing removed, no separator) and Logic 9; false = not known.
 */
export function resolveEmbeddingLevels(
	text: string,
	classes: Uint8Array,
	n: number,
	level: number,
	bracketOf: BracketLookup,
	levels: Uint8Array,
	mask = -1,
	brackets = true,
): boolean {
	grow(n);
	classesInUse = classes;
	bracketsInUse = brackets;
	let uniform = false;
	if (mask >= 0 && (mask & (1 << B)) === 0) {
		uniform = n === 0 || resolveParagraph(text, classes, 0, n, level, bracketOf, levels, mask);
	} else {
		let start = 0;
		for (let i = 0; i < n; i++) {
			if (classes[i] === B) {
				resolveParagraph(text, classes, start, i + 1, level, bracketOf, levels, -1);
				start = i + 1;
			}
		}
		if (start < n) resolveParagraph(text, classes, start, n, level, bracketOf, levels, -1);
	}
	classesInUse = NO_CLASSES;
	if (types.length > KEEP) {
		types = new Uint8Array(256);
		seq = new Int32Array(256);
		seqTypes = new Uint8Array(256);
		match = new Int32Array(256);
		runAt = new Int32Array(256);
		closers = new Int32Array(256);
	}
	return uniform;
}

/** One paragraph [start, end) of the text; `known` is its class mask, or −1. Returns resolveEmbeddingLevels's `uniform`. */
function resolveParagraph(
	text: string,
	classes: Uint8Array,
	start: number,
	end: number,
	p: number,
	bracketOf: BracketLookup,
	levels: Uint8Array,
	known: number,
): boolean {
	// Module scratch in locals: a loop reloads (and TDZ-checks) a module `let` on every access.
	const ty = types;
	let mask = known;
	if (mask < 0) {
		mask = 0;
		for (let i = start; i < end; i++) mask |= 1 << (classes[i] ?? L);
	}
	// Nothing can raise a level (Logic 9): every level is p, and no rule needs to run.
	if ((mask & (p & 1 ? RAISES_ODD : RAISES_EVEN)) === 0) {
		levels.fill(p, start, end);
		return true;
	}
	ty.set(classes.subarray(start, end), start);

	if ((mask & EXPLICIT) !== 0) {
		resolveExplicit(text, classes, start, end, p, bracketOf, levels);
		resolveImplicit(classes, start, end, p, levels);
		return false;
	}
	// One isolating run sequence: the whole paragraph at its own level (Logic 2, 8).
	const edge = p & 1 ? R : L;
	if ((mask & ((1 << S) | REMOVED)) === 0) {
		// I1–I2 with N1–N2. Without a segment separator, L1 resets only what trails the
		// paragraph, after everything else, as resolveImplicit would at its last character.
		const uniform = resolveSequence(text, end - start, mask, p, edge, edge, bracketOf, start, levels);
		resetTrailing(classes, levels, start, end - 1, p);
		return uniform;
	}
	// Removed characters at either end are outside the sequence (Logic 3).
	let from = start;
	let to = end - 1;
	while (from <= to && ((1 << (classes[from] ?? L)) & REMOVED) !== 0) from++;
	while (to >= from && ((1 << (classes[to] ?? L)) & REMOVED) !== 0) to--;
	if (to >= from) resolveSequence(text, to - from + 1, mask, p, edge, edge, bracketOf, from);
	if ((mask & (1 << S)) !== 0) {
		levels.fill(p, start, end);
		resolveImplicit(classes, start, end, p, levels);
		return false;
	}
	// I1–I2 at the one embedding level, a removed character taking the level before it; then L1 at the end.
	for (let i = start; i < end; i++) {
		const t = ty[i] ?? L;
		levels[i] = ((1 << t) & REMOVED) === 0 ? implicitLevel(p, t) : i === start ? p : (levels[i - 1] ?? p);
	}
	resetTrailing(classes, levels, start, end - 1, p);
	return false;
}

/**
 * I1–I2 over embedding levels already in `levels`, then L1 at the paragraph's separators
 * and end. Removed characters take the level before them (Logic 3), and L1 resets
 * separators and what trails them as soon as they are reached, so a removed character
 * after a tab takes the tab's reset level (Logic 6), as in bidi-js. I1–I2 come only now:
 * the sequences' sos and eos compare embedding levels, not resolved ones.
 */
function resolveImplicit(classes: Uint8Array, start: number, end: number, p: number, levels: Uint8Array): void {
	const ty = types;
	let floor = start; // below this, L1 has already been applied
	for (let i = start; i < end; i++) {
		const t = ty[i] ?? L;
		if (((1 << t) & REMOVED) !== 0) {
			levels[i] = i === start ? p : (levels[i - 1] ?? p);
		} else {
			levels[i] = implicitLevel(levels[i] ?? p, t);
		}
		const c = classes[i] ?? L;
		if (c === S || c === B || i === end - 1) {
			resetTrailing(classes, levels, floor, i, p);
			floor = i + 1;
		}
	}
}

/**
 * L1 for a separator or the paragraph's end at `last`: it and the whitespace, isolate
 * controls and removed characters just before it (down to `floor`) get the paragraph level.
 */
function resetTrailing(classes: Uint8Array, levels: Uint8Array, floor: number, last: number, p: number): void {
	for (let i = last; i >= floor && ((1 << (classes[i] ?? L)) & TRAILING) !== 0; i--) levels[i] = p;
}

/** X1–X10 for a paragraph with explicit formatting characters, then each sequence. */
function resolveExplicit(
	text: string,
	classes: Uint8Array,
	start: number,
	end: number,
	p: number,
	bracketOf: BracketLookup,
	levels: Uint8Array,
): void {
	// BD9: matching PDIs, in both directions (match[i] = -1 when unmatched).
	match.fill(-1, start, end);
	let open = 0;
	for (let i = start; i < end; i++) {
		const c = classes[i] ?? L;
		if (((1 << c) & ISOLATE_INIT) !== 0) {
			seq[open++] = i; // seq doubles as the BD9 stack here
		} else if (c === PDI && open > 0) {
			const init = seq[--open] ?? 0;
			match[init] = i;
			match[i] = init;
		}
	}

	// X1–X8.
	let depth = 0;
	stackLevel[0] = p;
	stackOverride[0] = NONE;
	stackIsolate[0] = 0;
	let overflowIsolate = 0;
	let overflowEmbedding = 0;
	let validIsolate = 0;
	for (let i = start; i < end; i++) {
		const c = classes[i] ?? L;
		const current = stackLevel[depth] ?? p;
		switch (c) {
			case RLE:
			case LRE:
			case RLO:
			case LRO: {
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
				levels[i] = current;
				const override = stackOverride[depth] ?? NONE;
				if (override !== NONE) types[i] = override;
				const rtl = c === RLI || (c === FSI && firstStrongIsRtl(classes, i + 1, match[i] ?? -1, end));
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
				if (overflowIsolate > 0) {
					overflowIsolate--;
				} else if (validIsolate > 0) {
					overflowEmbedding = 0;
					while (depth > 0 && stackIsolate[depth] === 0) depth--;
					if (depth > 0) depth--;
					validIsolate--;
				}
				levels[i] = stackLevel[depth] ?? p;
				const override = stackOverride[depth] ?? NONE;
				if (override !== NONE) types[i] = override;
				break;
			}
			case PDF:
				if (overflowIsolate === 0) {
					if (overflowEmbedding > 0) overflowEmbedding--;
					else if (stackIsolate[depth] === 0 && depth > 0) depth--;
				}
				levels[i] = stackLevel[depth] ?? p;
				break;
			case B:
				levels[i] = p;
				break;
			case BN:
				levels[i] = current;
				break;
			default: {
				levels[i] = current;
				const override = stackOverride[depth] ?? NONE;
				if (override !== NONE) types[i] = override;
			}
		}
	}

	// X9 (skip removed characters), X10: level runs, then isolating run sequences.
	let runs = 0;
	runAt.fill(-1, start, end);
	let last = -1;
	for (let i = start; i < end; i++) {
		if (((1 << (classes[i] ?? L)) & REMOVED) !== 0) continue;
		if (last < 0 || levels[i] !== levels[last]) {
			if (runs === runStart.length) {
				runStart = grown(runStart);
				runEnd = grown(runEnd);
			}
			runStart[runs] = i;
			runAt[i] = runs;
			runs++;
		}
		runEnd[runs - 1] = i;
		last = i;
	}
	for (let r = 0; r < runs; r++) {
		const first = runStart[r] ?? 0;
		// A run that starts with a matched PDI continues its initiator's sequence.
		if (classes[first] === PDI && (match[first] ?? -1) >= 0) continue;
		let m = 0;
		let seqMask = 0;
		let run = r;
		let runCount = 0;
		for (;;) {
			runCount++;
			const to = runEnd[run] ?? 0;
			// Removed characters inside a run stay in its sequence (Logic 3).
			for (let i = runStart[run] ?? 0; i <= to; i++) {
				seq[m++] = i;
				seqMask |= 1 << (types[i] ?? L);
			}
			const pdi = ((1 << (classes[to] ?? L)) & ISOLATE_INIT) !== 0 ? (match[to] ?? -1) : -1;
			const next = pdi >= 0 ? (runAt[pdi] ?? -1) : -1;
			if (next < 0) break;
			run = next;
		}
		const firstIndex = seq[0] ?? 0;
		const lastIndex = seq[m - 1] ?? 0;
		const seqLevel = levels[firstIndex] ?? p;
		let before = p;
		for (let i = firstIndex - 1; i >= start; i--) {
			if (((1 << (classes[i] ?? L)) & REMOVED) === 0) {
				before = levels[i] ?? p;
				break;
			}
		}
		let after = p;
		if (((1 << (classes[lastIndex] ?? L)) & ISOLATE_INIT) === 0) {
			for (let i = lastIndex + 1; i < end; i++) {
				if (((1 << (classes[i] ?? L)) & REMOVED) === 0) {
					after = levels[i] ?? p;
					break;
				}
			}
		}
		const sos = Math.max(before, seqLevel) & 1 ? R : L;
		const eos = Math.max(after, levels[lastIndex] ?? p) & 1 ? R : L;
		// A sequence of one level run is a contiguous range: worked on in place.
		resolveSequence(text, m, seqMask, seqLevel, sos, eos, bracketOf, runCount === 1 ? firstIndex : -1);
	}
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
	const bigger = new Int32Array(array.length * 2);
	bigger.set(array);
	return bigger;
}

/** P2–P3 between an FSI and its matching PDI (or the paragraph end), skipping nested isolates. */
function firstStrongIsRtl(classes: Uint8Array, from: number, pdi: number, end: number): boolean {
	const stop = pdi >= 0 ? pdi : end;
	for (let i = from; i < stop; i++) {
		const c = classes[i] ?? L;
		if (c === L) return false;
		if (c === R || c === AL) return true;
		if (((1 << c) & ISOLATE_INIT) !== 0) {
			const skip = match[i] ?? -1;
			if (skip < 0) return false;
			i = skip;
		}
	}
	return false;
}

/** Strong direction for N0–N2: L, or R for R, EN and AN; -1 for anything else. */
function strongOf(t: number): number {
	if (t === L) return L;
	return t === R || t === EN || t === AN ? R : -1;
}

/**
 * W1–N2 over one isolating run sequence of `m` characters, all at embedding level `level`
 * but for removed characters inside it, which the rules skip or absorb as §5.2 says (and
 * bidi-js does). With `base` ≥ 0 the sequence is text[base, base + m) and its types are
 * worked on in place, in `types` (no view of it: that would be an allocation per paragraph);
 * otherwise `seq` lists its text indices, and their types are gathered into `seqTypes`
 * and scattered back. Either way the loops run over ty[lo, hi). `seqMask` has a bit for
 * every type present.
 */
function resolveSequence(
	text: string,
	m: number,
	seqMask: number,
	level: number,
	sos: number,
	eos: number,
	bracketOf: BracketLookup,
	base: number,
	levels: Uint8Array | null = null,
): boolean {
	let ty: Uint8Array;
	let lo = 0;
	if (base >= 0) {
		ty = types;
		lo = base;
	} else {
		if (seqTypes.length < m) seqTypes = new Uint8Array(Math.max(m, seqTypes.length * 2));
		ty = seqTypes;
		const all = types;
		const indices = seq;
		for (let k = 0; k < m; k++) ty[k] = all[indices[k] ?? 0] ?? L;
	}
	const hi = lo + m;
	let present = seqMask;
	const removed = (seqMask & REMOVED) !== 0;

	// W1–W3 in one pass. W1: NSM takes the type before it (ON after an isolate initiator or
	// PDI); W2 sees types after W1: EN after AL (through weak types) is AN; W3: AL is R.
	if ((present & ((1 << NSM) | (1 << AL))) !== 0) {
		let previous = sos; // the type before, after W1
		let strong = sos; // the last strong type, after W1
		present = 0;
		for (let k = lo; k < hi; k++) {
			let t = ty[k] ?? L;
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
			if (((1 << t) & REMOVED) !== 0) {
				present |= 1 << t;
				continue;
			}
			if (t === NSM) t = ((1 << previous) & (ISOLATE_INIT | (1 << PDI))) !== 0 ? ON : previous;
			previous = t;
			if (t === L || t === R || t === AL) strong = t;
			else if (t === EN && strong === AL) t = AN;
			if (t === AL) t = R;
			ty[k] = t;
			present |= 1 << t;
		}
	}
	// W4: one ES between ENs, one CS between two numbers of one type.
	if ((present & ((1 << ES) | (1 << CS))) !== 0 && (present & ((1 << EN) | (1 << AN))) !== 0) {
		for (let k = lo + 1; k + 1 < hi; k++) {
			const t = ty[k] ?? L;
			if (t !== ES && t !== CS) continue;
			let before = ty[k - 1] ?? L;
			let after = ty[k + 1] ?? L;
			if (removed) {
				for (let q = k - 1; q >= lo; q--) {
					before = ty[q] ?? L;
					if (((1 << before) & REMOVED) === 0) break;
				}
				for (let q = k + 1; q < hi; q++) {
					after = ty[q] ?? L;
					if (((1 << after) & REMOVED) === 0) break;
				}
			}
			if (before !== after) continue;
			if (before === EN || (t === CS && before === AN)) ty[k] = before;
		}
	}
	// W5: ETs (and removed characters) next to an EN are EN.
	if ((present & (1 << EN)) !== 0 && (present & ((1 << ET) | REMOVED)) !== 0) {
		const absorbed = (1 << ET) | REMOVED;
		let k = lo;
		while (k < hi) {
			if (((1 << (ty[k] ?? L)) & absorbed) === 0) {
				k++;
				continue;
			}
			let j = k;
			while (j < hi && ((1 << (ty[j] ?? L)) & absorbed) !== 0) j++;
			if ((k > lo && ty[k - 1] === EN) || (j < hi && ty[j] === EN)) for (let q = k; q < j; q++) ty[q] = EN;
			k = j;
		}
	}
	// W6: the remaining separators and terminators are ON, with removed characters next to
	// them; W7: EN after L (through weak types) is L. One pass: W6 at k changes only k and
	// the removed characters around it, which W7 passes over. The last strong type is
	// brought up to date only at an EN (`seen` = how far it has looked), so the other
	// characters cost one test each. With levels to fill and no N0 to come between, both are
	// left to the N1–N2 pass, which goes over every character anyway (Logic 8).
	const n0 = bracketsInUse && (seqMask & (1 << ON)) !== 0;
	const foldWeak = levels !== null && !n0;
	const weak = (1 << ES) | (1 << ET) | (1 << CS) | (1 << EN);
	if (!foldWeak && (present & weak) !== 0) {
		let strong = sos;
		let seen = lo;
		for (let k = lo; k < hi; k++) {
			const t = ty[k] ?? L;
			if (((1 << t) & weak) === 0) continue;
			if (t === EN) {
				for (; seen < k; seen++) {
					const s = ty[seen] ?? L;
					if (s === L || s === R) strong = s;
				}
				if (strong === L) ty[k] = L;
				continue;
			}
			ty[k] = ON;
			present |= 1 << ON;
			if (removed) {
				for (let q = k - 1; q >= lo && ((1 << (ty[q] ?? L)) & REMOVED) !== 0; q--) ty[q] = ON;
				for (let q = k + 1; q < hi && ((1 << (ty[q] ?? L)) & REMOVED) !== 0; q++) ty[q] = ON;
			}
		}
	}

	const embedding = level & 1 ? R : L;
	if (n0) resolveBrackets(text, ty, lo, hi, sos, embedding, bracketOf, base);

	// N1–N2: a run of neutrals between two strong sides of one direction takes it; else the
	// embedding direction. Removed characters next to neutrals join their run.
	let uniform = false;
	if (levels !== null) {
		uniform = resolveNeutralsAndLevels(ty, lo, hi, sos, eos, embedding, level, levels, foldWeak);
	} else if ((present & NEUTRAL) !== 0) {
		const joins = NEUTRAL | REMOVED;
		let k = lo;
		while (k < hi) {
			if (((1 << (ty[k] ?? L)) & NEUTRAL) === 0) {
				k++;
				continue;
			}
			let from = k;
			let before = sos;
			for (let q = k - 1; q >= lo; q--) {
				const t = ty[q] ?? L;
				if (((1 << t) & REMOVED) !== 0) {
					from = q;
				} else {
					before = strongOf(t);
					break;
				}
			}
			let j = k;
			while (j < hi && ((1 << (ty[j] ?? L)) & joins) !== 0) j++;
			const after = j === hi ? eos : strongOf(ty[j] ?? L);
			// A loop, not fill(): most runs are one space, and fill() costs a call each.
			const resolved = before === after ? before : embedding;
			for (let q = from; q < j; q++) ty[q] = resolved;
			k = j;
		}
	}

	if (base < 0) {
		const all = types;
		const indices = seq;
		for (let k = 0; k < m; k++) all[indices[k] ?? 0] = ty[k] ?? L;
	}
	return uniform;
}

/**
 * N1–N2 and I1–I2 in one pass, for a sequence that is a whole paragraph at one level with no
 * removed character (Logic 8): after W1–W7 and N0 its types are L, R, EN, AN or neutral, and
 * each character's level is `level` raised by its final type. Returns whether none was raised.
 * With `weak`, W6 and W7 are done here too (no N0 came after them): ES, ET and CS are
 * neutral (W6 makes them ON) and an EN whose last strong type before it is L is L (W7).
 * Neutrals are never strong, so at the EN after a run of them that type is still `strong`.
 */
function resolveNeutralsAndLevels(
	ty: Uint8Array,
	lo: number,
	hi: number,
	sos: number,
	eos: number,
	embedding: number,
	level: number,
	levels: Uint8Array,
	weak: boolean,
): boolean {
	const raise = level & 1 ? RAISE_ODD : RAISE_EVEN;
	const neutral = weak ? NEUTRAL | (1 << ES) | (1 << ET) | (1 << CS) : NEUTRAL;
	const w7 = weak ? L : -1; // what `strong` must be for an EN to become L
	let strong = sos; // the last L or R (W7)
	let raised = 0;
	let k = lo;
	while (k < hi) {
		let t = ty[k] ?? L;
		if (((1 << t) & neutral) === 0) {
			if (t === EN) {
				if (strong === w7) ty[k] = t = L;
			} else if (t === L || t === R) {
				// A run of one strong type (most of a text): one level for all of it.
				strong = t;
				const up = raise[t] ?? 0;
				raised |= up;
				const runLevel = level + up;
				do levels[k++] = runLevel;
				while (k < hi && ty[k] === t);
				continue;
			}
			const up = raise[t] ?? 0;
			raised |= up;
			levels[k++] = level + up;
			continue;
		}
		const before = k === lo ? sos : strongOf(ty[k - 1] ?? L);
		let j = k + 1;
		while (j < hi && ((1 << (ty[j] ?? L)) & neutral) !== 0) j++;
		const next = ty[j] ?? L;
		const after = j === hi ? eos : next === EN && strong === w7 ? L : strongOf(next);
		const resolved = before === after ? before : embedding;
		const up = raise[resolved] ?? 0;
		raised |= up;
		const resolvedLevel = level + up;
		for (; k < j; k++) {
			ty[k] = resolved;
			levels[k] = resolvedLevel;
		}
	}
	return raised === 0;
}

/** Index into the text of position k of the sequence resolveSequence works on. */
const textIndex = (k: number, base: number): number => (base >= 0 ? k : (seq[k] ?? 0));

/**
 * N0: paired brackets (BD16) in order of their opening bracket. Like bidi-js, only the
 * first character after a bracket (skipping removed ones) is checked for an original NSM.
 */
function resolveBrackets(text: string, ty: Uint8Array, lo: number, hi: number, sos: number, embedding: number, bracketOf: BracketLookup, base: number): void {
	let depth = 0;
	let count = 0; // openers pushed, in order; closers[k] = matching closer or -1
	for (let k = lo; k < hi; k++) {
		if (ty[k] !== ON) continue;
		const id = bracketOf(text.charCodeAt(textIndex(k, base)));
		if (id > 0) {
			if (depth === MAX_OPENERS) break; // BD16: stop at stack overflow
			openerPos[depth] = k;
			openerId[depth] = id;
			depth++;
			if (count === openers.length) openers = grown(openers);
			openers[count++] = k;
			closers[k] = -1;
		} else if (id < 0) {
			for (let s = depth - 1; s >= 0; s--) {
				if (openerId[s] === -id) {
					closers[openerPos[s] ?? 0] = k;
					depth = s;
					break;
				}
			}
		}
	}
	const opposite = embedding === L ? R : L;
	for (let q = 0; q < count; q++) {
		const o = openers[q] ?? 0;
		const c = closers[o] ?? -1;
		if (c < 0) continue;
		let found = -1;
		for (let k = o + 1; k < c; k++) {
			const strong = strongOf(ty[k] ?? L);
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
				const strong = strongOf(ty[k] ?? L);
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
			markFollowingNsm(ty, o, hi, direction, base);
			markFollowingNsm(ty, c, hi, direction, base);
		}
	}
}

function markFollowingNsm(ty: Uint8Array, k: number, hi: number, direction: number, base: number): void {
	for (let q = k + 1; q < hi; q++) {
		if (((1 << (ty[q] ?? L)) & REMOVED) !== 0) continue;
		if (classesInUse[textIndex(q, base)] === NSM) ty[q] = direction;
		return;
	}
}
