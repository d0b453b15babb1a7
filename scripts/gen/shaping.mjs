// Generates src/text/data/shaping-data.ts from the vendored Unicode Character Database
// (ArabicShaping.txt and UnicodeData.txt). The output is committed.
//
// Usage: npm run gen (all generators), or node scripts/gen/shaping.mjs
import {UNICODE_VERSION, encodeRuns, fail as failIn, readUcd, writeWhenMain} from './ucd.mjs';

const OUT_FILE = 'src/text/data/shaping-data.ts';
const TYPES = 'URDCLT'; // index = numeric code used by the shaper
const FORMS = ['isolated', 'final', 'initial', 'medial'];
const ALEFS = [0x0622, 0x0623, 0x0625, 0x0627];
const LAM = 0x0644;

const fail = (message) => failIn('gen/shaping', message);
const shapingText = readUcd('ArabicShaping.txt');
const dataText = readUcd('UnicodeData.txt');

// 1. Joining type of every code point. Unlisted Mn/Me/Cf are T, everything else U
//    (the note at the top of ArabicShaping.txt); listed entries override.
const joining = new Uint8Array(0x110000); // 0 = U
const forms = new Map(); // base code point -> [isolated, final, initial, medial] (0 = none)
const ligatures = new Map(); // alef -> [isolated, final]
let rangeStart = -1;
for (const line of dataText.split('\n')) {
	if (line === '') continue;
	const field = line.split(';');
	const cp = Number.parseInt(field[0], 16);
	const name = field[1];
	const category = field[2];
	const decomposition = field[5];
	if (name.endsWith(', First>')) {
		rangeStart = cp;
		continue;
	}
	const first = name.endsWith(', Last>') ? rangeStart : cp;
	if (category === 'Mn' || category === 'Me' || category === 'Cf') joining.fill(TYPES.indexOf('T'), first, cp + 1);

	const match = /^<(isolated|final|initial|medial)> ([0-9A-F]+(?: [0-9A-F]+)*)$/.exec(decomposition);
	if (match === null) continue;
	const form = FORMS.indexOf(match[1]);
	const parts = match[2].split(' ').map((hex) => Number.parseInt(hex, 16));
	if (parts.length === 1) {
		const base = parts[0];
		const row = forms.get(base) ?? [0, 0, 0, 0];
		// Several candidates for one slot: keep the last, as FriBidi's generator does.
		row[form] = cp;
		forms.set(base, row);
	} else if (parts.length === 2 && parts[0] === LAM && ALEFS.includes(parts[1]) && form <= 1) {
		const row = ligatures.get(parts[1]) ?? [0, 0];
		row[form] = cp;
		ligatures.set(parts[1], row);
	}
}

let listed = 0;
for (const line of shapingText.split('\n')) {
	const text = line.replace(/#.*/, '').trim();
	if (text === '') continue;
	const field = text.split(';').map((part) => part.trim());
	const type = TYPES.indexOf(field[2]);
	if (type < 0) fail(`unknown joining type in ArabicShaping: ${line}`);
	const [from, to = from] = field[0].split('..').map((hex) => Number.parseInt(hex, 16));
	joining.fill(type, from, to + 1);
	listed += to - from + 1;
}

// 2. Sanity checks: the shaper relies on these.
const typeOf = (cp) => TYPES[joining[cp]];
const expect = (condition, message) => {
	if (!condition) fail(`unexpected data: ${message}`);
};
expect(typeOf(0x200c) === 'U' && typeOf(0x200d) === 'C' && typeOf(0x0640) === 'C', 'ZWNJ U, ZWJ C, tatweel C');
expect(typeOf(0x064e) === 'T' && typeOf(0x0644) === 'D' && typeOf(0x0627) === 'R', 'fatha T, lam D, alef R');
expect(ligatures.size === 4, 'four lam-alef ligatures');
for (const [alef, [isolated, final]] of ligatures) {
	expect(isolated >= 0xfef5 && isolated <= 0xfefc && final === isolated + 1, `lam-alef ${alef.toString(16)}`);
}
const bases = [...forms.keys()].sort((a, b) => a - b);
const firstBase = bases[0];
const lastBase = bases[bases.length - 1];
expect(firstBase >= 0x0600 && lastBase <= 0x06ff, 'all letters with forms are in the Arabic block');
for (const base of bases) {
	expect(/[RDLU]/.test(typeOf(base)), `letter ${base.toString(16)} has joining type ${typeOf(base)}`);
	for (const form of forms.get(base)) expect(form === 0 || form <= 0xffff, 'forms are in the BMP');
}

// 3. Run-length encode the joining types (src/text/data/decode.ts): value k is TYPES[k].
const {lines: runLines, runCount} = encodeRuns(joining);

const hex4 = (cp) => `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
let formTable = '';
for (let base = firstBase; base <= lastBase; base++) {
	for (const form of forms.get(base) ?? [0, 0, 0, 0]) formTable += hex4(form);
}
const ligatureTable = ALEFS.map((alef) => {
	const row = ligatures.get(alef) ?? fail('missing lam-alef');
	return hex4(alef) + hex4(row[0]) + hex4(row[1]);
}).join('');

const chunk = (text, size) => {
	const pieces = [];
	for (let i = 0; i < text.length; i += size) pieces.push(`\t'${text.slice(i, i + size)}'`);
	return pieces.join(' +\n');
};
// Cut the escaped tables at whole \uXXXX escapes (6 characters each).
const chunkEscapes = (text, perLine) => chunk(text, perLine * 6);

const output = `// GENERATED FILE — do not edit. Regenerate with: npm run gen (scripts/gen/shaping.mjs)
// Source: Unicode ${UNICODE_VERSION} ArabicShaping.txt and UnicodeData.txt
// (${listed} listed code points; unlisted Mn/Me/Cf are T, all else U).

/** Unicode version the tables were generated from. */
export const SHAPING_UNICODE_VERSION = '${UNICODE_VERSION}';

/** Joining type codes, as stored in the tables below. */
export const JOINING_U = 0;
export const JOINING_R = 1;
export const JOINING_D = 2;
export const JOINING_C = 3;
export const JOINING_L = 4;
export const JOINING_T = 5;

/** Number of joining types: the values of JOINING_RUNS are 0 to JOINING_TYPE_COUNT − 1. */
export const JOINING_TYPE_COUNT = ${TYPES.length};

/**
 * Joining type of every code point (the codes above), in ${runCount} runs of one type in code
 * point order, as src/text/data/decode.ts reads them: a letter ('A' + type), then the run's
 * length − 1 in base 36, nothing for a length of 1.
 */
export const JOINING_RUNS =
${runLines.map((line) => `\t'${line}'`).join(' +\n')};

/** First code point of FORMS. */
export const FORMS_FIRST = 0x${firstBase.toString(16).toUpperCase().padStart(4, '0')};
/** Last code point of FORMS. */
export const FORMS_LAST = 0x${lastBase.toString(16).toUpperCase().padStart(4, '0')};

/**
 * Presentation forms: four UTF-16 units per code point from FORMS_FIRST to FORMS_LAST,
 * in the order isolated, final, initial, medial; U+0000 where Unicode has no such form.
 */
export const FORMS =
${chunkEscapes(formTable, 16)};

/** Lam-alef ligatures: for each alef, three units: the alef, the isolated and the final ligature. */
export const LAM_ALEF = '${ligatureTable}';
`;

/** The file this generator writes (scripts/gen/ucd.mjs). */
export function generate() {
	return [
		{
			path: OUT_FILE,
			text: output,
			summary: `${runCount} joining runs, ${bases.length} letters with forms, ${ligatures.size} lam-alef ligatures, ${output.length} bytes`,
		},
	];
}

writeWhenMain(import.meta.url, generate);
