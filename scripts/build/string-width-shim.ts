// What the bundle imports instead of string-width 8 (scripts/build/build.mjs): the same
// function over qari's own width table. textWidth agrees with string-width 8 on text of
// Unicode 15.0 characters but where they changed since and where Unicode 15.1's Indic
// conjunct rule would join clusters (test/width.test.ts lists them;
// test/string-width-shim.test.ts checks this file), and it
// costs nothing to import: string-width compiles its \p{RGI_Emoji} regex and creates an
// Intl.Segmenter when it is imported, about 12 ms of every start of every command, and
// measures each line Ink draws about twenty times slower.
import stripAnsi from 'strip-ansi';
import {textWidth} from '../../src/text/width.js';

export interface Options {
	readonly ambiguousIsNarrow?: boolean;
	readonly countAnsiEscapeCodes?: boolean;
}

export default function stringWidth(input: unknown, options: Options = {}): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	const {ambiguousIsNarrow = true, countAnsiEscapeCodes = false} = options;
	// No dependency of qari asks for this; textWidth has no table for it.
	if (!ambiguousIsNarrow) throw new Error('string-width shim: ambiguousIsNarrow: false is not supported');
	const text = !countAnsiEscapeCodes && (input.includes('\u001B') || input.includes('\u009B')) ? stripAnsi(input) : input;
	return textWidth(text);
}
