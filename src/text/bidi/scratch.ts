// The bidi engine's reused buffers: the one place in bidi/ with module-level mutable state.
//
// Logic:
// 1. Why keep them: levels are resolved for every paragraph and a line is reordered for every
//    line of a book. Fresh typed arrays each time are an ArrayBuffer per paragraph and per
//    line, which on a book is GC time measured larger than the rules themselves. So each
//    buffer is grown on demand (doubling) and reused; a huge paragraph's is let go afterwards
//    (KEEP), so one long paragraph does not pin its memory.
// 2. Nothing here survives a call in a meaningful state: every user fills what it reads
//    first. The engine is synchronous, so no two calls share a buffer at once.
// 3. Hot loops copy a buffer into a local first: a loop reloads a property on every access.

/** Scratch kept between paragraphs, in code units: a larger paragraph's is let go. */
const KEEP = 1 << 18;
const MAX_DEPTH = 125;
const MAX_OPENERS = 63;
const SMALL = 256;

export const scratch = {
	/** The paragraph's classes (levels' input). */
	classes: new Uint8Array(SMALL),
	/** Types as the W and N rules change them, per code unit of the paragraph. */
	types: new Uint8Array(SMALL),
	/** The text indices of an isolating run sequence (and the BD9 stack while matching isolates). */
	seq: new Int32Array(SMALL),
	/** Types of a sequence that is not one contiguous range, gathered from `types`. */
	seqTypes: new Uint8Array(SMALL),
	/** BD9: the matching PDI of an isolate initiator and back; −1 = none. */
	match: new Int32Array(SMALL),
	/** X10: the level run that starts at a code unit, or −1. */
	runAt: new Int32Array(SMALL),
	/** N0: the closing bracket paired with an opening one at the same sequence position, or −1. */
	closers: new Int32Array(SMALL),
	/** X10: where each level run starts and ends (grown by the run count, not the length). */
	runStart: new Int32Array(64),
	runEnd: new Int32Array(64),
	/** N0: opening brackets in order. */
	openers: new Int32Array(64),
	/** X1–X8: the directional status stack. */
	stackLevel: new Uint8Array(MAX_DEPTH + 2),
	stackOverride: new Uint8Array(MAX_DEPTH + 2),
	stackIsolate: new Uint8Array(MAX_DEPTH + 2),
	/** BD16: the bracket stack (63 entries, as BD16 says). */
	openerPos: new Int32Array(MAX_OPENERS),
	openerId: new Int32Array(MAX_OPENERS),
	/** A line's levels after L1 and L3 (reorder). */
	lineLevels: new Uint8Array(SMALL),
	/** A line's L3 joins: 1 where a code unit extends the unit before it (reorder). */
	lineJoins: new Uint8Array(SMALL),
};

export {MAX_DEPTH, MAX_OPENERS};

/** Makes every per-code-unit paragraph buffer hold at least n entries. */
export function growParagraphScratch(n: number): void {
	if (scratch.types.length < n) allocateParagraphScratch(Math.max(n, scratch.types.length * 2));
}

/** New per-code-unit paragraph buffers of `size` entries. */
function allocateParagraphScratch(size: number): void {
	scratch.classes = new Uint8Array(size);
	scratch.types = new Uint8Array(size);
	scratch.seq = new Int32Array(size);
	scratch.match = new Int32Array(size);
	scratch.runAt = new Int32Array(size);
	scratch.closers = new Int32Array(size);
}

/** Makes seqTypes hold at least n entries. */
export function growSequenceScratch(n: number): Uint8Array {
	if (scratch.seqTypes.length < n) scratch.seqTypes = new Uint8Array(Math.max(n, scratch.seqTypes.length * 2));
	return scratch.seqTypes;
}

/** A copy of `array` twice as long (runStart, runEnd, openers). */
export function doubled(array: Int32Array): Int32Array<ArrayBuffer> {
	const bigger = new Int32Array(array.length * 2);
	bigger.set(array);
	return bigger;
}

/** After a paragraph: lets a huge paragraph's buffers go (Logic 1). */
export function releaseParagraphScratch(): void {
	if (scratch.types.length <= KEEP) return;
	allocateParagraphScratch(SMALL);
	scratch.seqTypes = new Uint8Array(SMALL);
}

/** Makes the line buffers hold at least n entries. */
export function growLineScratch(n: number): void {
	if (scratch.lineLevels.length >= n) return;
	const size = Math.max(n, scratch.lineLevels.length * 2);
	scratch.lineLevels = new Uint8Array(size);
	scratch.lineJoins = new Uint8Array(size);
}
