// GNU FriBidi as the oracle for whole paragraphs: ordering, mirroring and
// shaping of every paragraph of the bundled article and of mixed
// Arabic/Persian/Hebrew/English paragraphs. CI installs libfribidi-bin.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {type Block, type Inline} from '../src/model/article.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {layoutParagraph} from '../src/text/paragraph.js';
import {unshapeArabic} from '../src/text/shape.js';

const skip = process.env['QARI_SKIP_FRIBIDI'] === '1';
const article = parseMarkdown(readFileSync(new URL('../content/assad-putin-moscow.md', import.meta.url), 'utf8'));

const paragraphs: Inline[] = [];
const walk = (blocks: readonly Block[]): void => {
	for (const b of blocks) {
		if (b.kind === 'paragraph' || b.kind === 'heading') paragraphs.push(b.inline);
		else if (b.kind === 'quote') walk(b.blocks);
	}
};
for (const s of article.sections) {
	paragraphs.push([{text: s.title, style: {}}]);
	walk(s.blocks);
}
const own = [
	'قال إنّ لقاح Sputnik V وصل في 27 مارس (آذار) 2021، أي قبل [الموعد] بـ3 أيام.',
	'The word «سلام» means peace; in Hebrew it is שלום (shalom).',
	'من‌خواهم پژوهش کنم: گفتگو با ۱۴۰۰ نفر در سال ۲۰۲۱، یعنی ۹۰٪ بیشتر.',
	'אמר כי 6859 (שש אלף) הם 90% מהמספר, ו-Hello World נשאר כך.',
	'نسبة 90% و٪50 و50٪ من 1,234.56 دولار — أي ١٢٣٤٫٥٦',
	'email: user@example.com وموقع www.example.org/a-b?x=1 ثم انتهى.',
	'بلا تشكيل: لَا إِلَهَ إِلَّا اللَّهُ مُحَمَّدٌ رَسُولُ اللَّهِ',
	'قوسان {متداخلان [هنا (و) هناك]} < > ≤ ≥',
	'Mixed start: ١٢٣ كلمة ثم abc def ثم 456.',
	'Urdu: اردو زبان میں ٹ ڈ ڑ ں ھ ے کا استعمال ہوتا ہے۔',
].map((text): Inline => [{text, style: {}}]);

function fribidi(lines: readonly string[]): string[] {
	const result = spawnSync('fribidi', ['--nobreak', '--nopad', '--reordernsm'], {input: lines.join('\n') + '\n', encoding: 'utf8'});
	if (result.error) throw new Error(`fribidi is not installed (apt-get install libfribidi-bin), or set QARI_SKIP_FRIBIDI=1: ${result.error.message}`);
	return result.stdout.replace(/\n$/, '').split('\n').map((line) => line.replaceAll('\ufeff', ''));
}

const plainText = (inline: Inline) => inline.map((s) => s.text).join('');
// ZWNJ and ZWJ are invisible and zero-width. Under L3 qari keeps them with
// the letter they extend (they are Grapheme_Extend in UAX #29); FriBidi moves
// only NSMs. So they are compared by absence, never by position.
const visible = (text: string) => text.replace(/[\u200c\u200d]/g, '');
// A lam-alef ligature in visual order reads alef then lam, left to right.
// Marks after the ligature belong to its alef (they followed it in the text).
const unshapeVisual = (text: string) =>
	unshapeArabic(text.replace(/([\ufef5-\ufefc])(\p{M}*)/gu, (_, lig: string, marks: string) => {
		const [lam = '', alef = ''] = [...unshapeArabic(lig)];
		return alef + marks + lam;
	}));
const ours = (inline: Inline, shape: boolean) =>
	layoutParagraph(inline, {width: 0, order: 'visual', shape, dir: 'auto', fallback: 'ltr'})
		.lines.map((l) => l.runs.map((r) => r.text).join(''))
		.join('');

for (const [name, set] of [
	['every paragraph of the bundled article', paragraphs],
	['mixed Arabic/Persian/Hebrew/English paragraphs', own],
] as const) {
	test(`FriBidi agrees on ${name}, shaped`, {skip: skip && 'QARI_SKIP_FRIBIDI=1'}, () => {
		const theirs = fribidi(set.map(plainText));
		assert.equal(theirs.length, set.length);
		set.forEach((inline, i) => assert.equal(visible(ours(inline, true)), visible(theirs[i] ?? ''), plainText(inline)));
	});
	test(`FriBidi agrees on ${name}, order only (shaping off)`, {skip: skip && 'QARI_SKIP_FRIBIDI=1'}, () => {
		const theirs = fribidi(set.map(plainText)).map(unshapeVisual);
		set.forEach((inline, i) => assert.equal(visible(ours(inline, false)), visible(theirs[i] ?? ''), plainText(inline)));
	});
}
