// The one definition of the invisible characters the engine and a terminal care
// about: bidi controls (UAX #9's explicit formatting characters and marks), and
// what a laid-out line never prints (those, the shaper's filler, the hard-break
// marker). Sanitizing, code blocks, search and the paragraph pipeline all read
// these; each set is given once as a predicate and once as a regex class body
// built from the same list.

/** The bidi controls as a regex character class body: ALM, LRM, RLM, LRE…RLO, LRI…PDI. */
export const BIDI_CONTROL_CLASS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/** U+FEFF: the shaper's filler where a lam-alef ligature took two letters' place. */
export const FILLER = 0xfeff;
/** U+2028: the hard-break marker a paragraph carries for a Markdown line break. */
export const LINE_SEPARATOR = 0x2028;

/** The bidi controls as ranges of code points, first and last (the same set as BIDI_CONTROL_CLASS). */
export const BIDI_CONTROL_RANGES: readonly (readonly [number, number])[] = [
	[0x061c, 0x061c],
	[0x200e, 0x200f],
	[0x202a, 0x202e],
	[0x2066, 0x2069],
];

/** What isHidden is true for, as ranges: the filler, the hard-break marker, the bidi controls. */
export const HIDDEN_RANGES: readonly (readonly [number, number])[] = [[FILLER, FILLER], [LINE_SEPARATOR, LINE_SEPARATOR], ...BIDI_CONTROL_RANGES];

/** Whether code is a bidi control (ALM, LRM, RLM, LRE…RLO, LRI…PDI). */
export function isBidiControl(code: number): boolean {
	return (
		(code >= 0x202a && code <= 0x202e) || // LRE RLE PDF LRO RLO
		(code >= 0x2066 && code <= 0x2069) || // LRI RLI FSI PDI
		code === 0x200e || // LRM
		code === 0x200f || // RLM
		code === 0x061c // ALM
	);
}

/** Never printed: bidi controls, the shaper's filler, the hard-break marker. */
export function isHidden(code: number): boolean {
	return code === FILLER || code === LINE_SEPARATOR || isBidiControl(code);
}

const hiddenPattern = new RegExp(`[\\ufeff\\u2028${BIDI_CONTROL_CLASS}]`);

/** Whether a text has any character isHidden is true for (one regex scan). */
export function hasHidden(text: string): boolean {
	return hiddenPattern.test(text);
}

const bidiControls = new RegExp(`[${BIDI_CONTROL_CLASS}]`, 'g');

/** Text without its bidi controls. */
export function removeBidiControls(text: string): string {
	return text.replace(bidiControls, '');
}
