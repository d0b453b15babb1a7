// Bytes → clean text. An article is untrusted text from the web: nothing in it
// may reach the terminal as a control, so everything the terminal would act on
// is removed here, once, before parsing.
//
// Logic:
// 1. A NUL byte means the file is not text: refuse it (the caller says so).
// 2. Decode UTF-8 with the WHATWG decoder, which turns each maximal invalid
//    subsequence into one U+FFFD; count them as U+FFFD in the output minus
//    the U+FFFD that were validly encoded in the input (EF BF BD).
// 3. Strip a leading BOM; any later U+FEFF is a deprecated zero-width space
//    and is removed too (the shaper uses U+FEFF as its own filler).
// 4. CRLF and lone CR → LF; NEL, LS and PS → LF.
// 5. Whole escape sequences (CSI, OSC, DCS, SOS, PM, APC, and two-byte ESC
//    sequences) go first, so none of their parameter bytes are left behind as
//    text; then every other C0 control except LF and TAB, DEL and C1 controls.

export type DecodeResult =
	| {readonly ok: true; readonly text: string; readonly invalid: number; readonly removed: number}
	| {readonly ok: false; readonly reason: 'binary'};

const decoder = new TextDecoder('utf-8', {fatal: false, ignoreBOM: true});

/** Decodes and sanitizes an article's bytes. Never throws. */
export function decodeArticle(bytes: Uint8Array): DecodeResult {
	if (bytes.includes(0)) return {ok: false, reason: 'binary'};
	const raw = decoder.decode(bytes);
	const invalid = countChar(raw, 0xfffd) - countValidReplacement(bytes);
	const {text, removed} = sanitizeText(raw);
	return {ok: true, text, invalid, removed};
}

/**
 * Removes what a terminal would execute: escape sequences, C0 (but LF and TAB),
 * DEL and C1 controls, and U+FEFF. Normalizes line endings to LF.
 * `removed` counts the sequences and characters taken out (line endings aside).
 */
export function sanitizeText(input: string): {text: string; removed: number} {
	let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	text = text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n');
	let removed = 0;
	// ESC [ params intermediates final | ESC ] … (BEL | ESC \) | ESC P/X/^/_ … ST
	// | ESC + intermediates + one final byte. An unterminated string sequence
	// runs to the end of its line, no further. An 8-bit C1 introducer is
	// removed alone below: without it what follows is harmless text.
	text = text.replace(
		// eslint-disable-next-line no-control-regex
		/\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g,
		() => {
			removed++;
			return '';
		},
	);
	// eslint-disable-next-line no-control-regex
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
