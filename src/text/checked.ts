// Checked reads: src/text's one answer to `noUncheckedIndexedAccess`. An index read is written
// `a[i] ?? outOfRange()`, so a read outside the array throws instead of turning into a
// plausible 0 that would hide the bug.
//
// Logic:
// 1. An expression, not an accessor function: the common path is the load and the test for
//    undefined that `?? 0` cost already, and the call sits in a branch that is never taken, so
//    it spends nothing of V8's inlining budget (a hot function with dozens of small accessor
//    calls runs out of it, and the rest become real calls; a shared accessor fed five kinds of
//    array would also go megamorphic).
// 2. The arrays read this way hold numbers or objects, never undefined, so `??` only ever
//    fires out of range.

/** Thrown by `a[i] ?? outOfRange()` when i is not an index of a: a bug in src/text, never bad input. */
export function outOfRange(): never {
	throw new RangeError('src/text: read outside an array');
}
