// What a terminal would act on, defined once. An article is untrusted text
// from the web: the loader removes controls from the bytes, the parser from
// what entity references decode to, and the renderer once more from every
// run it prints, so no path from an article to the screen skips a filter.
//
// Logic:
// 1. Controls (C0 but TAB and LF, DEL, C1) and U+FEFF never belong in text:
//    the loader and the parser remove them.
// 2. Printed text holds no control at all (TAB and LF included: a row is
//    one row), no explicit bidi formatting character (the layout has
//    already applied them; a terminal that reorders would apply them again,
//    to the whole row and beyond), no U+FEFF (the shaper's filler), no
//    line or paragraph separator, and no lone surrogate.
//    A plain character class finds none of them in almost every text, at a
//    sixth of the cost of the full pattern's lookarounds: it is tried first.
// 3. JSON escapes C0 itself; everything else of (2) is written as \uXXXX
//    (escapeForJson, for output/json.ts), so printing JSON to a terminal is
//    as safe as printing text, and the data is unchanged for any JSON reader.
// 4. Bidi controls inside a label (a title shown in a header row next to
//    other text) are balanced at its end, so an unclosed RLO or isolate
//    stays inside the label.

import {BIDI_CONTROL_CLASS} from '../text/char-class.js';
import {isSurrogate} from '../text/utf16.js';

const textControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** What textControls can match, surrogate pairs included: no match here, none there. */
const maybeTextControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\ud800-\udfff]/;

/**
 * Removes C0 controls except TAB and LF, DEL, C1 controls and U+FEFF; a lone
 * surrogate (possible in a string, never in decoded UTF-8) becomes U+FFFD,
 * so widths measured later are the widths printed.
 */
export function stripControls(text: string): string {
	if (!maybeTextControls.test(text)) return text;
	textControls.lastIndex = 0;
	if (!textControls.test(text)) return text;
	return text.replace(textControls, (ch) => (isSurrogate(ch.charCodeAt(0)) ? '\ufffd' : ''));
}

/** What a terminal acts on besides C0 controls: DEL and C1, bidi formatting characters, line and paragraph separators, U+FEFF. */
const unprintableBeyondC0 = `\\u007f-\\u009f\\u2028\\u2029\\ufeff${BIDI_CONTROL_CLASS}`;
const unprintable = new RegExp(`[\\u0000-\\u001f${unprintableBeyondC0}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`, 'g');

/** Whether text holds anything that must not be printed (see printable). */
export function hasUnprintable(text: string): boolean {
	unprintable.lastIndex = 0;
	return unprintable.test(text);
}

/**
 * Text fit for a terminal row: every control (TAB and LF too), bidi control,
 * U+FEFF, U+2028/U+2029 removed; a lone surrogate becomes U+FFFD.
 */
export function printable(text: string): string {
	if (!hasUnprintable(text)) return text;
	return text.replace(unprintable, (ch) => (isSurrogate(ch.charCodeAt(0)) ? '\ufffd' : ''));
}

/** What JSON.stringify leaves raw of `printable`'s list: it escapes C0 and lone surrogates itself. */
const jsonUnsafe = new RegExp(`[${unprintableBeyondC0}]`, 'g');

/** JSON text (JSON.stringify's) with every character of `printable`'s list escaped as \uXXXX (Logic 3). */
export function escapeForJson(json: string): string {
	return json.replace(jsonUnsafe, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const LRE = 0x202a;
const RLE = 0x202b;
const PDF = 0x202c;
const LRO = 0x202d;
const RLO = 0x202e;
const LRI = 0x2066;
const RLI = 0x2067;
const FSI = 0x2068;
const PDI = 0x2069;

/**
 * Appends a PDF for every embedding or override and a PDI for every isolate
 * that `text` opens and does not close (UAX #9 X6a: a PDI closes the
 * embeddings opened inside its isolate; a PDF never closes an isolate).
 */
export function closeBidi(text: string): string {
	const stack: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === LRE || code === RLE || code === LRO || code === RLO) stack.push(PDF);
		else if (code === LRI || code === RLI || code === FSI) stack.push(PDI);
		else if (code === PDF) {
			if (stack[stack.length - 1] === PDF) stack.pop();
		} else if (code === PDI) {
			const isolate = stack.lastIndexOf(PDI);
			if (isolate !== -1) stack.length = isolate;
		}
	}
	if (!stack.length) return text;
	let closing = '';
	for (let i = stack.length - 1; i >= 0; i--) closing += String.fromCharCode(stack[i] ?? PDF);
	return text + closing;
}

/**
 * Text with everything `printable` would remove shown as an escape (`\x1b`,
 * `\u202e`): for file names and other strings quoted in messages, where what
 * is there matters more than how it looks.
 */
export function escapeUnprintable(text: string): string {
	if (!hasUnprintable(text)) return text;
	return text.replace(unprintable, (ch) => {
		const code = ch.charCodeAt(0);
		return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
	});
}
