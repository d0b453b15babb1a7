// The paragraph pipeline's own shortcuts, checked against the rules they stand for.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {type Inline} from '../src/model/article.js';
import {hasHidden, isHidden} from '../src/text/char-class.js';
import {layoutParagraph, unitFlagTable} from '../src/text/paragraph.js';
import {unshapeArabic} from '../src/text/shape.js';
import {mirrorCode} from '../src/text/bidi/index.js';

test('hasHidden agrees with isHidden on every BMP code point', () => {
	for (let code = 0; code < 0x10000; code++) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		assert.equal(hasHidden(`ab${String.fromCharCode(code)}cd`), isHidden(code), code.toString(16));
	}
});

const options = {width: 12, shape: true, dir: 'auto', fallback: 'rtl'} as const;

// Each row: spans, and the text every line must hold (hidden characters dropped) in logical order.
const cases: readonly [string, {text: string; style: Record<string, boolean>}[], readonly string[]][] = [
	['one style: lines are slices', [{text: 'alpha beta gamma delta', style: {}}], ['alpha beta', 'gamma delta']],
	[
		'two styles',
		[
			{text: 'alpha ', style: {}},
			{text: 'beta gamma', style: {strong: true}},
			{text: ' delta', style: {}},
		],
		['alpha beta', 'gamma delta'],
	],
	['a hard break is never printed', [{text: 'alpha\u2028beta', style: {}}], ['alpha', 'beta']],
	['marks around Latin are dropped', [{text: 'a\u200eb\u200f c\u2066d\u2069', style: {}}], ['ab cd']],
];

for (const [name, spans, expected] of cases) {
	test(`logical runs: ${name}`, () => {
		const laid = layoutParagraph(spans, {...options, order: 'logical', shape: false});
		assert.deepEqual(
			laid.lines.map((line) => line.runs.map((run) => run.text).join('')),
			expected,
		);
		for (const line of laid.lines)
			for (const run of line.runs) for (const ch of run.text) assert.ok(!isHidden(ch.charCodeAt(0)), `no hidden character in '${run.text}'`);
	});
}

test("visual runs of a lam-alef: the shaper's filler is dropped", () => {
	const laid = layoutParagraph([{text: 'لا سلام', style: {}}], {...options, order: 'visual'});
	const text = laid.lines.map((line) => line.runs.map((run) => run.text).join('')).join('\n');
	assert.ok(!text.includes('\ufeff'), JSON.stringify(text));
	assert.equal(laid.direction, 'rtl');
});

// A paragraph of one style takes a shorter path through the visual runs: the text must be the
// same as when the style changes inside it, and the runs must split exactly at the change.
const visualTexts = [
	'سلام (عليكم) [قوس] {x} «ب» <c>',
	'😀 مرحبا 🇸🇦 عالم 👍🏽 a\u{1f469}\u200d\u{1f4bb}b',
	'لا إله إلا لأن \u202bمضمن\u202c \u2067عزل\u2069 \u200fم',
	'abc (def) \u202eRLO (x)\u202c ghi',
	'سطر\u2028ثان (مع) قوس',
	'بد\ud800ل \udc00 (لا)',
	'مقتل 6859 مدنياً، أكثر من 90٪',
];
for (const text of visualTexts) {
	test(`visual runs: one style and two styles give the same text: ${JSON.stringify(text).slice(0, 30)}`, () => {
		for (const width of [0, 6, 13]) {
			for (const shape of [true, false]) {
				const opts = {...options, width, shape, order: 'visual'} as const;
				const one = layoutParagraph([{text, style: {}}], opts);
				const cut = Math.floor(text.length / 2);
				const bold: {strong?: boolean} = {strong: true};
				const two = layoutParagraph(
					[
						{text: text.slice(0, cut), style: {}},
						{text: text.slice(cut), style: bold},
					],
					opts,
				);
				const joined = (laid: typeof one) => laid.lines.map((line) => line.runs.map((run) => run.text).join(''));
				assert.deepEqual(joined(two), joined(one));
				for (const line of one.lines) assert.ok(line.runs.length <= 1);
				for (const line of two.lines) {
					for (let r = 1; r < line.runs.length; r++) assert.notEqual(line.runs[r]?.style, line.runs[r - 1]?.style, 'neighbouring runs differ in style');
				}
			}
		}
	});
}

// Random paragraphs through both paths: a paragraph of one style whose levels are all the
// paragraph's (most Arabic prose) is copied cluster by cluster with no order array; with two
// styles it goes through reorderLineInto. Pieces keep most paragraphs uniform (Arabic or
// Latin alone) and some not (digits, mixed scripts, controls).
const paragraphPiece = fc.oneof(
	{weight: 8, arbitrary: fc.constantFrom('ب', 'ل', 'ا', 'لا', 'م', 'ي', 'ة', ' ', '  ', '،', '.')},
	{weight: 3, arbitrary: fc.constantFrom('\u064E', '\u064B', '\u0651', '\u200D', '\u200C', '\ufeff', '\u200f')},
	{weight: 2, arbitrary: fc.constantFrom('(', ')', '[', '«', '»', '<', '>', '\u2028', '😀', '🇸🇦')},
	{weight: 2, arbitrary: fc.constantFrom('abc', 'x', '12', '٣', '\u200e', '\u2067', '\u2069', '\u202b', '\u202c')},
);
test('visual runs: random paragraphs, one style and two styles give the same text', () => {
	fc.assert(
		fc.property(
			fc.array(paragraphPiece, {minLength: 1, maxLength: 40}).map((pieces) => pieces.join('')),
			fc.constantFrom(0, 3, 7, 20),
			fc.boolean(),
			fc.constantFrom('auto', 'ltr', 'rtl'),
			(text, width, shape, dir) => {
				const opts = {...options, width, shape, dir, order: 'visual'} as const;
				const one = layoutParagraph([{text, style: {}}], opts);
				const cut = Math.floor(text.length / 2);
				const two = layoutParagraph(
					[
						{text: text.slice(0, cut), style: {}},
						{text: text.slice(cut), style: {strong: true}},
					],
					opts,
				);
				const joined = (laid: typeof one) => laid.lines.map((line) => line.runs.map((run) => run.text).join(''));
				assert.deepEqual(joined(one), joined(two), JSON.stringify(text));
			},
		),
		{numRuns: 3000},
	);
});

// ZWNJ/ZWJ in visual order (issue 10.7): each stays between the letters it stands between in
// the text, on both paths (one style: copied cluster by cluster; two: through reorderLineInto),
// with shaping on (compared unshaped: shaping happens in logical order and keeps the order) and
// off, whole and wrapped. Widths and breaks are the shaping-off ones either way. Expected lines
// are in visual order, left to right.
const ZWNJ = '\u200c';
const ZWJ = '\u200d';
const joinerParagraphs: readonly [string, string, number, readonly string[]][] = [
	['او می‌رود.', `او می${ZWNJ}رود.`, 0, [`.دور${ZWNJ}یم وا`]],
	[
		'a sentence of ZWNJ words',
		`من نمی${ZWNJ}خواهم کتاب${ZWNJ}ها را در خانه${ZWNJ}ی او بگذارم`,
		0,
		[`مراذگب وا ی${ZWNJ}هناخ رد ار اه${ZWNJ}باتک مهاوخ${ZWNJ}یمن نم`],
	],
	['wrapped at spaces', `او می${ZWNJ}رود و من نمی${ZWNJ}خواهم`, 10, [`و دور${ZWNJ}یم وا`, 'نم', `مهاوخ${ZWNJ}یمن`]],
	['a word hard-broken after its ZWNJ: the ZWNJ ends line 1 beside ب', `کتاب${ZWNJ}ها`, 4, [`${ZWNJ}باتک`, 'اه']],
	['Persian in an LTR paragraph, wrapped', `he said می${ZWNJ}رود ok`, 10, ['he said', `دور${ZWNJ}یم ok`]],
	['ZWJ between Arabic letters', `حرف ه${ZWJ} و ب${ZWJ}ب`, 0, [`ب${ZWJ}ب و ${ZWJ}ه فرح`]],
	['an emoji ZWJ sequence in an RTL paragraph stays whole, in order', `قال 👨‍👩‍👧 می${ZWNJ}رود`, 0, [`دور${ZWNJ}یم 👨‍👩‍👧 لاق`]],
];
for (const [name, text, width, expected] of joinerParagraphs) {
	test(`visual order keeps ZWNJ/ZWJ between their letters: ${name}`, () => {
		for (const shape of [false, true]) {
			const opts = {...options, width, shape, dir: 'auto', order: 'visual'} as const;
			const cut = text.indexOf(' ') + 1;
			const spanSets: Inline[] = [
				[{text, style: {}}],
				[
					{text: text.slice(0, cut), style: {}},
					{text: text.slice(cut), style: {strong: true}},
				],
			];
			for (const spans of spanSets) {
				const laid = layoutParagraph(spans, opts);
				const lines = laid.lines.map((line) => line.runs.map((run) => run.text).join(''));
				assert.deepEqual(lines.map(unshapeArabic), expected, `shape ${shape}, ${spans.length} span(s): ${JSON.stringify(lines)}`);
				const plainWidths = layoutParagraph(spans, {...opts, shape: false}).lines.map((line) => line.width);
				assert.deepEqual(
					laid.lines.map((line) => line.width),
					plainWidths,
				);
				laid.lines.forEach((line, k) => {
					assert.equal(stringWidth(lines[k] ?? ''), line.width);
				});
				if (width > 0) for (const line of laid.lines) assert.ok(line.width <= width);
			}
		}
	});
}
test('unitFlagTable: hidden, else a high surrogate, else mirrored, for every BMP code unit', () => {
	const table = unitFlagTable();
	for (let code = 0; code < 0x10000; code++) {
		const expected = isHidden(code) ? 1 : code >= 0xd800 && code <= 0xdbff ? 2 : mirrorCode(code) !== code ? 4 : 0;
		if (table[code] !== expected) assert.fail(`U+${code.toString(16)}: ${table[code]}, not ${expected}`);
	}
});
