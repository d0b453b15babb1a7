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
export const GENERATORS = ['bidi-classes.mjs', 'mirroring.mjs', 'shaping.mjs'];
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
