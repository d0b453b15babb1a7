// Bytes → clean text. An article is untrusted text from the web: nothing in it
// may reach the terminal as a control, so everything the terminal would act on
// is removed here, once, before parsing.
//
// Logic:
// 1. A NUL byte means the file is not text: refuse it (the caller says so).
// 2. Decode UTF-8 with the WHATWG decoder, which turns each maximal invalid
//    subsequence into one U+FFFD; count them as U+FFFD in the output minus
//    the U+FFFD that were validly encoded in the input (EF BF BD).
//    Valid UTF-8 (checked first, by simdutf: well under a millisecond for a
//    book) has nothing to replace or count, and is decoded faster: ASCII as
//    Latin-1, the rest transcoded to UTF-16 by ICU and read as UTF-16LE
//    (a third of the decoder's time on Arabic text). Both give exactly the
//    decoder's string, BOM included; the decoder stays for invalid input.
// 3. Strip a leading BOM; any later U+FEFF is a deprecated zero-width space
//    and is removed too (the shaper uses U+FEFF as its own filler).
// 4. CRLF and lone CR → LF; NEL, LS and PS → LF.
// 5. Whole escape sequences (CSI, OSC, DCS, SOS, PM, APC, and two-byte ESC
//    sequences) go first, so none of their parameter bytes are left behind as
//    text; then every other C0 control except LF and TAB, DEL and C1 controls.
//    Most articles have none of 3–5 after a BOM: one scan for any character
//    these steps act on skips them all.

import {isAscii, isUtf8, transcode} from 'node:buffer';

export type DecodeResult =
	| {readonly ok: true; readonly text: string; readonly invalid: number; readonly removed: number}
	| {readonly ok: false; readonly reason: 'binary'};

const decoder = new TextDecoder('utf-8', {fatal: false, ignoreBOM: true});

/** Decodes and sanitizes an article's bytes. Never throws. */
export function decodeArticle(bytes: Uint8Array): DecodeResult {
	if (bytes.includes(0)) return {ok: false, reason: 'binary'};
	const fast = decodeValid(bytes);
	const raw = fast ?? decoder.decode(bytes);
	const invalid = fast === undefined ? countChar(raw, 0xfffd) - countValidReplacement(bytes) : 0;
	const {text, removed} = sanitizeText(raw);
	return {ok: true, text, invalid, removed};
}

/** Below this many bytes the WHATWG decoder is as fast: no need for the detour. */
const FAST_DECODE_MIN = 4096;

/** The decoder's string for valid UTF-8 (Logic 2), faster; undefined when the bytes are not valid UTF-8 or no fast path applies. */
function decodeValid(bytes: Uint8Array): string | undefined {
	if (bytes.length < FAST_DECODE_MIN || !isUtf8(bytes)) return undefined;
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (isAscii(bytes)) return buffer.toString('latin1');
	// transcode is missing when Node was built without ICU.
	if (typeof transcode !== 'function') return undefined;
	try {
		const utf16 = transcode(buffer, 'utf8', 'utf16le');
		return utf16.toString('utf16le');
	} catch {
		return undefined;
	}
}

/**
 * Removes what a terminal would execute: escape sequences, C0 (but LF and TAB),
 * DEL and C1 controls, and U+FEFF. Normalizes line endings to LF.
 * `removed` counts the sequences and characters taken out (line endings aside).
 */
export function sanitizeText(input: string): {text: string; removed: number} {
	let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	// Logic 5: nothing below would change a text without any of these.
	if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(text)) return {text, removed: 0};
	text = text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n');
	let removed = 0;
	// ESC [ params intermediates final | ESC ] … (BEL | ESC \) | ESC P/X/^/_ … ST
	// | ESC + intermediates + one final byte. An unterminated string sequence
	// runs to the end of its line, no further. An 8-bit C1 introducer is
	// removed alone below: without it what follows is harmless text.
	text = text.replace(/\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g, () => {
		removed++;
		return '';
	});
	text = text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]/g, () => {
		removed++;
		return '';
	});
	return {text, removed};
}

function countChar(text: string, code: number): number {
	let n = 0;
	for (let i = text.indexOf(String.fromCharCode(code)); i !== -1; i = text.indexOf(String.fromCharCode(code), i + 1)) n++;
	return n;
}

function countValidReplacement(bytes: Uint8Array): number {
	let n = 0;
	for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
		if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
	}
	return n;
}
