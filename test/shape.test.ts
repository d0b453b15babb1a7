import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {shapeArabic, unshapeArabic, type ShapeOptions} from '../src/text/shape.js';

/** Code points in hex, space-separated, to a string: presentation forms are unreadable in an editor. */
function u(hex: string): string {
	return hex === '' ? '' : String.fromCodePoint(...hex.split(' ').map((h) => Number.parseInt(h, 16)));
}

function hex(text: string): string {
	return Array.from(text, (c) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')).join(' ');
}

const NO_LIGATURES: ShapeOptions = {ligatures: false};
const ZWNJ = '\u200C';
const ZWJ = '\u200D';

// [what, logical input, expected output in hex, options]
const cases: ReadonlyArray<readonly [string, string, string, ShapeOptions?]> = [
	['beh isolated', 'ب', 'FE8F'],
	['beh initial + final', 'بب', 'FE91 FE90'],
	['beh initial, medial, final', 'ببب', 'FE91 FE92 FE90'],
	['seen in three positions', 'سسس', 'FEB3 FEB4 FEB2'],
	['ain in three positions', 'ععع', 'FECB FECC FECA'],
	['heh in three positions', 'ههه', 'FEEB FEEC FEEA'],
	['yeh in three positions', 'ييي', 'FEF3 FEF4 FEF2'],
	['kaf in three positions', 'ككك', 'FEDB FEDC FEDA'],
	['meem isolated', 'م', 'FEE1'],
	['alef isolated / final / before beh', 'ا با اب', 'FE8D 0020 FE91 FE8E 0020 FE8D FE8F'],
	['dal isolated / final / before beh', 'د بد دب', 'FEA9 0020 FE91 FEAA 0020 FEA9 FE8F'],
	['thal isolated / final / before beh', 'ذ بذ ذب', 'FEAB 0020 FE91 FEAC 0020 FEAB FE8F'],
	['reh isolated / final / before beh', 'ر بر رب', 'FEAD 0020 FE91 FEAE 0020 FEAD FE8F'],
	['zain isolated / final / before beh', 'ز بز زب', 'FEAF 0020 FE91 FEB0 0020 FEAF FE8F'],
	['waw isolated / final / before beh', 'و بو وب', 'FEED 0020 FE91 FEEE 0020 FEED FE8F'],
	['R letter between behs ends the join', 'باب', 'FE91 FE8E FE8F'],
	['teh marbuta final', 'بة', 'FE91 FE94'],
	['hamza (U) stays nominal and breaks joins', 'بءب', 'FE8F 0621 FE8F'],
	['lam-alef madda isolated', 'لآ', 'FEFF FEF5'],
	['lam-alef hamza above isolated', 'لأ', 'FEFF FEF7'],
	['lam-alef hamza below isolated', 'لإ', 'FEFF FEF9'],
	['lam-alef isolated', 'لا', 'FEFF FEFB'],
	['lam-alef madda final', 'بلآ', 'FE91 FEFF FEF6'],
	['lam-alef hamza above final', 'بلأ', 'FE91 FEFF FEF8'],
	['lam-alef hamza below final', 'بلإ', 'FE91 FEFF FEFA'],
	['lam-alef final', 'بلا', 'FE91 FEFF FEFC'],
	['lam-alef after waw (R) is isolated', 'ولا', 'FEED FEFF FEFB'],
	['lam-alef after tatweel is final', 'ـلا', '0640 FEFF FEFC'],
	['lam-alef after ZWJ is final', `${ZWJ}لا`, '200D FEFF FEFC'],
	['salam', 'سلام', 'FEB3 FEFF FEFC FEE1'],
	['mark on the alef follows the ligature', 'لاً', 'FEFF FEFB 064B'],
	['ligatures off', 'سلام', 'FEB3 FEE0 FE8E FEE1', NO_LIGATURES],
	['ligatures off, isolated', 'لا', 'FEDF FE8E', NO_LIGATURES],
	['fatha between lam and alef: no ligature, kept', 'لَا', 'FEDF 064E FE8E'],
	['shadda+fatha between lam and alef', 'إ\u0650ل\u0651\u064Eا', 'FE87 0650 FEDF 0651 064E FE8E'],
	['haraka between medial lam and alef', 'بلَا', 'FE91 FEE0 064E FE8E'],
	['ZWNJ between lam and alef', `ل${ZWNJ}ا`, 'FEDD 200C FE8D'],
	['ZWJ between lam and alef: joined, no ligature', `ل${ZWJ}ا`, 'FEDF 200D FE8E'],
	['tatweel between lam and alef', 'لـا', 'FEDF 0640 FE8E'],
	['harakat are skipped', 'بَب', 'FE91 064E FE90'],
	['bismi with harakat', 'بِسْمِ', 'FE91 0650 FEB4 0652 FEE2 0650'],
	['superscript alef is transparent', 'إِلَٰهَ', 'FE87 0650 FEDF 064E 0670 FEEA 064E'],
	['ZWNJ breaks joining', `ب${ZWNJ}ب`, 'FE8F 200C FE8F'],
	['ZWJ after', `ب${ZWJ}`, 'FE91 200D'],
	['ZWJ before', `${ZWJ}ب`, '200D FE90'],
	['ZWJ on both sides', `${ZWJ}ب${ZWJ}`, '200D FE92 200D'],
	['tatweel after', 'بـ', 'FE91 0640'],
	['tatweel before', 'ـب', '0640 FE90'],
	['tatweel between', 'بـب', 'FE91 0640 FE90'],
	['kashida-stretched word', 'كتـــاب', 'FEDB FE98 0640 0640 0640 FE8E FE8F'],
	['Persian پژوهش', 'پژوهش', 'FB58 FB8B FEED FEEB FEB6'],
	['Persian گفتگو', 'گفتگو', 'FB94 FED4 FE98 FB95 FEEE'],
	['Persian کتاب', 'کتاب', 'FB90 FE98 FE8E FE8F'],
	['Persian یک', 'یک', 'FBFE FB8F'],
	['Persian می‌خواهم with ZWNJ', `می${ZWNJ}خواهم`, 'FEE3 FBFD 200C FEA7 FEEE FE8D FEEB FEE2'],
	['Persian چای', 'چای', 'FB7C FE8E FBFC'],
	['Persian farsi yeh medial', 'بیب', 'FE91 FBFF FE90'],
	['Urdu tteh, ddal, rreh', 'ٹ بڈ بڑ', 'FB66 0020 FE91 FB89 0020 FE91 FB8D'],
	['Urdu heh goal in three positions', 'ہہہ', 'FBA8 FBA9 FBA7'],
	['Urdu heh doachashmee', 'بھ ھ', 'FE91 FBAB 0020 FBAA'],
	['Urdu yeh barree final', 'بے', 'FE91 FBAF'],
	['Urdu میں (noon ghunna final)', 'میں', 'FEE3 FBFF FB9F'],
	['noon ghunna has no initial/medial: stays nominal, still joins', 'بںب', 'FE91 06BA FE90'],
	['U+0677 has no final: stays nominal', 'ب\u0677', 'FE91 0677'],
	['letter without forms still joins its neighbours', 'ب\u0620ب', 'FE91 0620 FE90'],
	['Arabic Supplement letter: unchanged, joins', 'ب\u0750ب', 'FE91 0750 FE90'],
	['digits break joining', 'ب1ب', 'FE8F 0031 FE8F'],
	['Arabic-Indic digits untouched', 'ب٢٠٢١', 'FE8F 0662 0660 0662 0661'],
	['Latin and digits untouched', 'abc 123', '0061 0062 0063 0020 0031 0032 0033'],
	['Arabic comma untouched', 'ب، ب', 'FE8F 060C 0020 FE8F'],
	['astral combining mark is transparent', 'ب\u{1D167}ب', 'FE91 1D167 FE90'],
	['emoji breaks joining', 'ب😀ب', 'FE8F 1F600 FE8F'],
	['RLM is transparent', 'ب\u200Fب', 'FE91 200F FE90'],
	['ALM is transparent', 'ب\u061Cب', 'FE91 061C FE90'],
	['LRM breaks joining (directional boundary)', 'ب\u200Eب', 'FE8F 200E FE8F'],
	['isolates break joining', 'ب\u2067ب\u2069ب', 'FE8F 2067 FE8F 2069 FE8F'],
	['embeddings break joining', 'ب\u202Bب\u202Cب', 'FE8F 202B FE8F 202C FE8F'],
	['enclosing mark (Me) is T by Unicode; FriBidi breaks the join', 'ب\u20DDب', 'FE91 20DD FE90'],
	['Unicode 14 alef variant is R; FriBidi 1.0.8 has it as U', 'ب\u0870', 'FE91 0870'],
	['BN control is U; FriBidi skips it', 'ب\u0001ب', 'FE8F 0001 FE8F'],
	['lone surrogate is kept', 'ب\uD800ب', 'FE8F D800 FE8F'],
	['lone low surrogate is kept, breaks joining', 'ب\uDC00ب', 'FE8F DC00 FE8F'],
	['lone high surrogate at the end', 'بب\uD800', 'FE91 FE90 D800'],
	['lam-alef around a surrogate pair', 'لا😀لا', 'FEFF FEFB 1F600 FEFF FEFB'],
	['empty', '', ''],
];

for (const [what, input, expected, options] of cases) {
	test(`shapeArabic: ${what}`, () => {
		const shaped = shapeArabic(input, options);
		assert.equal(hex(shaped), hex(u(expected)));
		assert.equal(shaped.length, input.length);
	});
}

test('shapeArabic: text without Arabic comes back as it is', () => {
	for (const text of ['', 'hello, world', 'שלום עולם', 'Привет', '日本語 😀', '\u200D\u200C']) {
		assert.equal(shapeArabic(text), text);
	}
});

test('unshapeArabic: forms, ligatures and the filler', () => {
	assert.equal(unshapeArabic(u('FEB3 FEFF FEFC FEE1')), 'سلام');
	assert.equal(unshapeArabic(u('FEF5 FEF8 FEF9 FEFC')), 'لآلألإلا');
	assert.equal(unshapeArabic(u('FB58 FB8B FEED FEEB FEB6')), 'پژوهش');
	assert.equal(unshapeArabic(u('FBE8 FBE9')), 'ىى'); // Uighur alef maksura forms
	assert.equal(unshapeArabic('abc'), 'abc');
	assert.equal(unshapeArabic(u('FDF2')), u('FDF2')); // other ligatures are left alone
});

// Random text over the characters that matter: letters of every joining type, marks,
// joiners, tatweel, spaces, digits, Latin, astral characters and bidi controls.
const LETTERS = Array.from({length: 0x064a - 0x0621 + 1}, (_, k) => String.fromCharCode(0x0621 + k)).concat(
	Array.from('پچژگکیٹڈڑںھہےۀۂۃۓۍێۆۇۈۋۅۉېڤڭڨٱٹٺٻپٿڀڃڄڇڍڌڎڑژڦکڭگڱڳںڻھۀہۂۃۄۅۆۇۈۉۊۋیۍێېۑےۓ'),
	['\u0620', '\u0677', '\u0750', '\u076D', '\u08A0', '\u08B6', '\u0870', '\u0860', '\u0710', '\u07CA'],
);
const MARKS = Array.from('\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u06E1\u06ED\u08F0');
const OTHERS = [' ', ZWNJ, ZWJ, '\u0640', '1', '٣', 'a', '،', '\u200F', '\u200E', '\u2067', '\u2069', '😀', '\u{1D167}'];
const arabicText = fc
	.array(
		fc.oneof(
			{weight: 6, arbitrary: fc.constantFrom(...LETTERS)},
			{weight: 2, arbitrary: fc.constantFrom(...MARKS)},
			{weight: 2, arbitrary: fc.constantFrom(...OTHERS)},
		),
		{maxLength: 40},
	)
	.map((chars) => chars.join(''));
const markSet = new Set(MARKS);

test('invariant: the UTF-16 length is preserved', () => {
	fc.assert(
		fc.property(fc.oneof(arabicText, fc.string({unit: 'binary'})), fc.boolean(), (text, ligatures) => {
			assert.equal(shapeArabic(text, {ligatures}).length, text.length);
		}),
		{numRuns: 2000},
	);
});

test('invariant: unshapeArabic(shapeArabic(x)) === x', () => {
	fc.assert(
		fc.property(arabicText, fc.boolean(), (text, ligatures) => {
			assert.equal(unshapeArabic(shapeArabic(text, {ligatures})), text);
		}),
		{numRuns: 2000},
	);
});

test('invariant: every transparent mark stays at its index', () => {
	fc.assert(
		fc.property(arabicText, (text) => {
			const shaped = shapeArabic(text);
			for (let i = 0; i < text.length; i++) {
				const c = text.charAt(i);
				if (markSet.has(c)) assert.equal(shaped.charAt(i), c, `mark at ${i} in ${hex(text)}`);
			}
		}),
		{numRuns: 2000},
	);
});

test('invariant: without ligatures there is no filler; with them, one per lam-alef', () => {
	fc.assert(
		fc.property(arabicText, (text) => {
			assert.ok(!shapeArabic(text, NO_LIGATURES).includes('\uFEFF'));
			const pairs = text.match(/ل[آأإا]/g)?.length ?? 0;
			assert.equal(shapeArabic(text).split('\uFEFF').length - 1, pairs);
		}),
		{numRuns: 1000},
	);
});

// ---------------------------------------------------------------------------------------
// Oracle: GNU FriBidi (`fribidi` from libfribidi-bin, FRIBIDI_FLAGS_ARABIC: joining-based
// presentation forms plus the mandatory lam-alef ligatures).
//
// For lines of RTL letters, harakat, ZWNJ/ZWJ, tatweel and spaces, everything is at level 1,
// so FriBidi's visual line is the logical line reversed cluster by cluster (--reordernsm
// keeps each mark after its base). Both put the U+FEFF filler at the lam's index and the
// ligature at the alef's; U+FEFF is dropped from both sides before comparing.
//
// Known, intended divergences (not in the lines below; asserted in the table above):
// - FriBidi 1.0.8 (Debian) carries Unicode 10 data: letters added later (U+0870–U+0882
//   alef variants, U+0886 thin yeh, U+08B5…) are U there and joined here from Unicode 15.
// - Unlisted general category Me (U+20DD enclosing circle…) is T by ArabicShaping.txt's own
//   rule; FriBidi's generator only makes Mn and Cf transparent, so it breaks the join there.
// - FriBidi skips BN controls (U+0001…) when joining; here they are U. The loader removes
//   control characters before shaping, so this never shows.
// - Bidi controls: FriBidi breaks joining wherever the level changes; we break at LRM,
//   the embeddings and the isolates (see Logic 4 in src/text/shape.ts), which is where the
//   level changes between Arabic letters, so both agree on the cases in the table.
// ---------------------------------------------------------------------------------------

function reverseClusters(text: string): string {
	const clusters: string[] = [];
	for (const c of text) {
		const last = clusters.length - 1;
		if (last >= 0 && /\p{M}/u.test(c)) clusters[last] += c;
		else clusters.push(c);
	}
	return clusters.reverse().join('');
}

function oracleLines(): string[] {
	const fixture = readFileSync(new URL('fixtures/shaping-lines.txt', import.meta.url), 'utf8');
	const lines = fixture.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
	const beh = 'ب';
	// Every letter U+0621–U+064A alone, between behs, and at each end of a word.
	for (let c = 0x0621; c <= 0x064a; c++) {
		const x = String.fromCharCode(c);
		lines.push(x, beh + x + beh, x + beh, beh + x, x + x + x);
	}
	// Persian, Urdu and other letters that have presentation forms, and some that have none.
	for (const x of Array.from('پچژگکیٹڈڑںھہےۀۂۃۓۍێۆۇۈۋۅۉېڤڭڨٱٺٻٿڀڃڄڇڍڌڎڦڱڳڻۄۊۑ\u0620\u0677\u0750\u08A0')) {
		lines.push(x, beh + x + beh, x + beh, beh + x);
	}
	// Lam-alef: all four alefs, isolated and final, after R letters and joiners, with marks.
	for (const alef of ['آ', 'أ', 'إ', 'ا']) {
		const la = `ل${alef}`;
		lines.push(la, beh + la, `و${la}`, `ـ${la}`, ZWJ + la, la + beh, beh + la + beh, `ل${la}`, `${la} ${la}`);
		lines.push(`${la}\u064B`, `لَ${alef}`, `لِ${alef}`, `لّ${alef}`, `لَّ${alef}`, `لْ${alef}`, `${beh}لَ${alef}`);
		lines.push(`ل${ZWNJ}${alef}`, `ل${ZWJ}${alef}`, `لـ${alef}`, `ل ${alef}`);
	}
	// Joiners and tatweel around letters of each type.
	for (const x of ['ب', 'ا', 'ء', 'ی', 'ں']) {
		for (const j of [ZWJ, ZWNJ, 'ـ']) lines.push(j + x, x + j, j + x + j, beh + j + x, x + j + beh);
	}
	return lines;
}

test('oracle: agrees with GNU FriBidi (fribidi --nobreak --nopad --reordernsm --rtl)', (t) => {
	const probe = spawnSync('fribidi', ['--version'], {encoding: 'utf8'});
	if (probe.error !== undefined) {
		if (process.env['QARI_SKIP_FRIBIDI'] === '1') {
			t.skip('fribidi is not installed (QARI_SKIP_FRIBIDI=1)');
			return;
		}
		assert.fail(
			'the `fribidi` command is not on PATH: install it (Debian/Ubuntu: apt-get install libfribidi-bin) ' +
				'or set QARI_SKIP_FRIBIDI=1 to skip this oracle test',
		);
	}
	const lines = oracleLines();
	for (const line of lines) assert.ok(!line.includes('\n'));
	const result = spawnSync('fribidi', ['--nobreak', '--nopad', '--reordernsm', '--rtl'], {
		input: `${lines.join('\n')}\n`,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	assert.equal(result.status, 0, `fribidi failed: ${result.stderr}`);
	const visual = result.stdout.split('\n');
	assert.equal(visual.at(-1), '');
	visual.pop();
	assert.equal(visual.length, lines.length, 'fribidi returned one line per input line');

	const mismatches: string[] = [];
	lines.forEach((line, k) => {
		const ours = reverseClusters(shapeArabic(line).replaceAll('\uFEFF', ''));
		const theirs = (visual[k] ?? '').replaceAll('\uFEFF', '');
		if (ours !== theirs) mismatches.push(`${hex(line)}\n  ours:    ${hex(ours)}\n  fribidi: ${hex(theirs)}`);
	});
	t.diagnostic(`${lines.length} lines compared with FriBidi, ${mismatches.length} differ`);
	assert.ok(lines.length >= 500, `${lines.length} lines compared`);
	assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} of ${lines.length} lines differ`);
});
