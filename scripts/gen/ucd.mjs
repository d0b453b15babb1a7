// What the generators share: the vendored Unicode Character Database (data/unicode/,
// gzipped, unmodified) and how a generator hands back its output.
//
// Each generator (bidi-classes.mjs, mirroring.mjs, shaping.mjs, width.mjs) exports
// `generate()`, which reads only data/unicode/<UNICODE_VERSION>/ and returns the files it
// would write as [{path, text}] (path relative to the repository root); run directly, it
// writes them. `npm run gen` (all.mjs) runs every one; test/unicode-data.test.ts runs them
// in memory and checks the committed files are what they generate, byte for byte.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gunzipSync} from 'node:zlib';

export const UNICODE_VERSION = '15.0.0';
/** Every generator, by file name in scripts/gen/. */
export const GENERATORS = ['bidi-classes.mjs', 'mirroring.mjs', 'shaping.mjs', 'width.mjs', 'emoji.mjs'];
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const dataDir = path.join(root, 'data/unicode', UNICODE_VERSION);

/** The text of a vendored data file, by its name in the UCD (e.g. 'UnicodeData.txt'). */
export function readUcd(name) {
	return gunzipSync(readFileSync(path.join(dataDir, `${name}.gz`))).toString('utf8');
}

/** Stops a generator on data it does not expect. */
export function fail(generator, message) {
	throw new Error(`${generator}: ${message}`);
}

/** Writes what `generate()` returned, when the generator module is the program being run. */
export function writeWhenMain(url, generate) {
	if (process.argv[1] === undefined || path.resolve(process.argv[1]) !== fileURLToPath(url)) return;
	for (const {path: file, text, summary} of generate()) {
		writeFileSync(path.join(root, file), text);
		console.log(`wrote ${file}${summary ? `: ${summary}` : ''}`);
	}
}

/** Value letters of the run format, as src/text/data/decode.ts RUN_LETTERS. */
export const RUN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_{|}~';

/**
Writes a table of a small value per code point (`values[cp]`, U+0000..U+10FFFF) in the one run
format src/text/data/decode.ts reads: per run of one value, the value's letter
(RUN_LETTERS[letterOf(value)]), then the run's length − 1 in base 36, nothing for a length of 1.
Returns the runs cut into lines of about 96 characters (a run is never cut), their number and
how many start in the BMP.
*/
export function encodeRuns(values, letterOf = (value) => value) {
	if (values.length !== 0x110000) throw new Error('encodeRuns: not a table of every code point');
	const lines = [''];
	let runCount = 0;
	let bmpRuns = 0;
	for (let cp = 0; cp < 0x110000; ) {
		let end = cp + 1;
		while (end < 0x110000 && values[end] === values[cp]) end++;
		const letter = RUN_LETTERS[letterOf(values[cp])];
		if (letter === undefined) throw new Error(`encodeRuns: no letter for value ${values[cp]}`);
		if (lines[lines.length - 1].length >= 96) lines.push('');
		lines[lines.length - 1] += letter + (end - cp > 1 ? (end - cp - 1).toString(36) : '');
		runCount++;
		if (cp < 0x10000) bmpRuns++;
		cp = end;
	}
	return {lines, runCount, bmpRuns};
}
