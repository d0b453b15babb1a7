// Bidi conveniences only tests use, built on what the engine exports.
import {mirrorCode} from '../../src/text/bidi.js';

/** L4 on a string of one code point: its mirror glyph at an odd level (BidiMirroring.txt), else itself. */
export function mirrorChar(ch: string): string {
	const code = ch.codePointAt(0);
	if (code === undefined || String.fromCodePoint(code) !== ch) return ch;
	return String.fromCodePoint(mirrorCode(code));
}
