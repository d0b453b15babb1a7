// The Unicode 15.0 bidi conformance files, run through qari's own line reordering:
// resolveLevels (bidi-js levels) + resolveLineLevels (L1) + reorderLine (L1, L2) with L3
// off (both files assume no L3 and no L4), each case treated as one line.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {gunzipSync} from 'node:zlib';
import {reorderLine, resolveLineLevels} from './helpers/bidi.js';
import {type BaseDirection, resolveLevels} from '../src/text/bidi/index.js';

const NO_L3 = {l3: false} as const;
const SHOW_FAILURES = 8;

function readFixture(name: string): string {
	return gunzipSync(readFileSync(new URL(`../data/unicode/15.0.0/${name}`, import.meta.url))).toString('utf8');
}

let orderOut = new Int32Array(64);
let levelsOut = new Uint8Array(64);

/**
 * Runs one case; returns null when it passes, else what went wrong. `levels` holds -1 for `x`
 * (no level: the case ignores that character, and the expected order leaves it out). The text
 * is BMP only, so code units and the files' character indices coincide.
 */
function check(text: string, direction: BaseDirection, paragraphLevel: number | null, levels: readonly number[], order: readonly number[]): string | null {
	const n = text.length;
	if (orderOut.length < n) orderOut = new Int32Array(n * 2);
	if (levelsOut.length < n) levelsOut = new Uint8Array(n * 2);
	const para = resolveLevels(text, direction);
	if (paragraphLevel !== null && para.level !== paragraphLevel) {
		return `paragraph level ${para.level}, expected ${paragraphLevel}`;
	}
	const lineLevels = resolveLineLevels(text, para, 0, n, levelsOut);
	for (let i = 0; i < n; i++) {
		const want = levels[i] ?? -1;
		if (want >= 0 && lineLevels[i] !== want) {
			const got = Array.from(lineLevels, (l, k) => ((levels[k] ?? -1) < 0 ? 'x' : String(l)));
			return `levels ${got.join(' ')}, expected ${levels.map((l) => (l < 0 ? 'x' : l)).join(' ')}`;
		}
	}
	const visual = reorderLine(text, para, 0, n, orderOut, NO_L3);
	let k = 0;
	let ok = visual.length === n;
	for (let v = 0; v < n && ok; v++) {
		const i = visual[v] ?? -1;
		if ((levels[i] ?? -1) < 0) continue;
		if (order[k++] !== i) ok = false;
	}
	if (ok && k === order.length) return null;
	const got = Array.from(visual).filter((i) => (levels[i] ?? -1) >= 0);
	return `order ${got.join(' ')}, expected ${order.join(' ')}`;
}

const hex = (text: string): string => Array.from(text, (c) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')).join(' ');

test('BidiCharacterTest-15.0.0: every case passes (levels and order, L3 off)', (t) => {
	const directions: readonly BaseDirection[] = ['ltr', 'rtl', 'auto'];
	const failures: string[] = [];
	let total = 0;
	let passed = 0;
	const lines = readFixture('BidiCharacterTest.txt.gz').split('\n');
	for (let ln = 0; ln < lines.length; ln++) {
		const line = lines[ln] ?? '';
		if (line === '' || line.startsWith('#')) continue;
		const [codes = '', dir = '', paraLevel = '', levelField = '', orderField = ''] = line.split(';');
		const cps = codes
			.trim()
			.split(' ')
			.map((h) => parseInt(h, 16));
		assert.ok(
			cps.every((cp) => cp < 0x10000),
			`line ${ln + 1}: astral characters need a code point ↔ code unit mapping here`,
		);
		const text = String.fromCharCode(...cps);
		const direction = directions[Number(dir)] ?? 'auto';
		const levels = levelField
			.trim()
			.split(' ')
			.map((l) => (l === 'x' ? -1 : Number(l)));
		const order = orderField.trim() === '' ? [] : orderField.trim().split(' ').map(Number);
		total++;
		const failure = check(text, direction, Number(paraLevel), levels, order);
		if (failure === null) passed++;
		else if (failures.length < SHOW_FAILURES) failures.push(`line ${ln + 1} [${hex(text)}] ${direction}: ${failure}`);
	}
	t.diagnostic(`BidiCharacterTest: ${passed}/${total} passed`);
	assert.equal(total, 91707, 'case count of BidiCharacterTest-15.0.0.txt');
	assert.deepEqual(failures, [], `${total - passed} of ${total} failed`);
});

// BidiTest gives classes, not characters: one representative character per class.
const SAMPLES: Readonly<Record<string, string>> = {
	L: 'a',
	R: '\u05D0', // א
	AL: '\u0627', // ا
	EN: '1',
	ES: '+',
	ET: '$',
	AN: '\u0660', // ٠
	CS: ',',
	NSM: '\u0300',
	BN: '\u00AD',
	B: '\u2029',
	S: '\t',
	WS: ' ',
	ON: '!',
	LRE: '\u202A',
	RLE: '\u202B',
	PDF: '\u202C',
	LRO: '\u202D',
	RLO: '\u202E',
	LRI: '\u2066',
	RLI: '\u2067',
	FSI: '\u2068',
	PDI: '\u2069',
};

// A case with a paragraph separator (B) anywhere but last would be two paragraphs on one
// line, which qari never builds: it splits paragraphs before resolving levels. The file
// promises B only ever comes last, so the expected number of such skipped cases is 0; the
// assertion below fails if a future file breaks that promise.
const EXPECTED_SKIPS = 0;

test('BidiTest-15.0.0: every case passes (levels and order, L3 off)', (t) => {
	const bits: readonly [number, BaseDirection][] = [
		[1, 'auto'],
		[2, 'ltr'],
		[4, 'rtl'],
	];
	const failures: string[] = [];
	let total = 0;
	let passed = 0;
	let skipped = 0;
	let levels: number[] = [];
	let order: number[] = [];
	const lines = readFixture('BidiTest.txt.gz').split('\n');
	for (let ln = 0; ln < lines.length; ln++) {
		const line = lines[ln] ?? '';
		if (line === '' || line.startsWith('#')) continue;
		if (line.startsWith('@Levels:')) {
			const f = line.slice(8).trim();
			levels = f === '' ? [] : f.split(/\s+/).map((l) => (l === 'x' ? -1 : Number(l)));
			continue;
		}
		if (line.startsWith('@Reorder:')) {
			const f = line.slice(9).trim();
			order = f === '' ? [] : f.split(/\s+/).map(Number);
			continue;
		}
		if (line.startsWith('@')) continue;
		const [classField = '', bitField = ''] = line.split(';');
		const classes = classField.trim().split(/\s+/);
		let text = '';
		for (const name of classes) {
			const sample = SAMPLES[name];
			assert.ok(sample !== undefined, `line ${ln + 1}: unknown class ${name}`);
			text += sample;
		}
		const bitset = parseInt(bitField.trim(), 16);
		const innerB = classes.indexOf('B');
		for (const [bit, direction] of bits) {
			if ((bitset & bit) === 0) continue;
			total++;
			if (innerB !== -1 && innerB !== classes.length - 1) {
				skipped++;
				continue;
			}
			const failure = check(text, direction, null, levels, order);
			if (failure === null) passed++;
			else if (failures.length < SHOW_FAILURES) failures.push(`line ${ln + 1} [${classField.trim()}] ${direction}: ${failure}`);
		}
	}
	t.diagnostic(`BidiTest: ${passed} passed, ${skipped} skipped, ${total} cases (${total - passed - skipped} failed)`);
	assert.equal(skipped, EXPECTED_SKIPS, 'cases skipped for a paragraph separator inside the line');
	assert.deepEqual(failures, [], `${total - passed - skipped} of ${total} failed`);
});
