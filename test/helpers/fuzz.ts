// The fuzzing property, shared by test/fuzz.test.ts (a few hundred runs in
// `npm test`) and scripts/fuzz.ts (`npm run fuzz`, 10,000 and more): hostile
// text through load → parse → layout → export, sections and render, and what
// must hold of everything that comes out.
import fc from 'fast-check';
import {type Article} from '../../src/model/article.js';
import {exportJson, exportTextBytes, lineText} from '../../src/output/export.js';
import {exportText} from './export-text.js';
import {layoutSection} from '../../src/layout/blocks.js';
import {decodeArticle} from '../../src/parse/decode.js';
import {parseMarkdown} from '../../src/parse/markdown.js';
import {renderRuns} from '../../src/terminal/sgr.js';
import {textWidth} from '../../src/text/width.js';
import {formatSectionsJson, formatSectionsText} from '../../src/output/sections-table.js';

/** Nothing a terminal would act on: C0 (LF aside, between lines only), DEL, C1, bidi controls, U+FEFF. */
export const executable = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** The escapes qari itself writes around runs: SGR, and OSC 8 with a printable-ASCII target. */
const ownEscapes = /\u001b\[[0-9;]*m|\u001b\]8;;[\x21-\x7e]*\u001b\\/g;

const controlPieces = [
	...Array.from({length: 32}, (_, i) => String.fromCharCode(i)),
	'\u007f',
	...Array.from({length: 32}, (_, i) => String.fromCharCode(0x80 + i)),
	'\u001b[2J',
	'\u001b[H',
	'\u001b[31m',
	'\u001b[?1049l',
	'\u001b[8h',
	'\u001b]0;pwned\u0007',
	'\u001b]2;pwned\u001b\\',
	'\u001b]8;;http://evil.example\u001b\\',
	'\u001bP1;2|payload\u001b\\',
	'\u001b_apc\u001b\\',
	'\u001b^pm\u001b\\',
	'\u001bXsos\u001b\\',
	'\u001bc',
	'\u001b',
	'\u009b31m',
	'\u009d0;title\u0007',
	'&#27;',
	'&#x1b;[2J',
	'&#155;',
	'&#x85;',
	'&#127;',
	'&#0;',
	'&#8238;',
	'&#xFEFF;',
	'&#10;',
	'&#9;',
];

const bidiPieces = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

const textPieces = [
	'\ufeff',
	'\u2028',
	'\u2029',
	'\u0085',
	'\ud800',
	'\udfff',
	'\udbff\udfff',
	'\u0301',
	'\u064b',
	'\u05b8',
	'a\u0301\u0302\u0303',
	'中',
	'文字',
	'ｱ',
	'😀',
	'👨‍👩‍👧',
	'🇸🇦',
	'\u3000',
	'\u200b',
	'\u00ad',
	'سلام',
	'لا',
	'ـــ',
	'مرحبا بالعالم',
	'שלום',
	'فارسی',
	'١٢٣',
	'123',
	'word',
	'http://x.example/a_b',
	'www.example.org',
	' ',
	'  ',
	'\t',
	'\n',
	'\n\n',
	'\r\n',
	'\r',
];

const markdownPieces = [
	'> ',
	'>',
	'- ',
	'* ',
	'+ ',
	'1. ',
	'10) ',
	'# ',
	'## ',
	'###### ',
	'|',
	'| a | b |\n|---|:-:|\n',
	'[',
	']',
	'(',
	')',
	'](',
	'![',
	'`',
	'``',
	'```',
	'~~~',
	'_',
	'__',
	'*',
	'**',
	'~',
	'~~',
	'<',
	'>',
	'<b>',
	'</b>',
	'<!--',
	'-->',
	'\\',
	'&amp;',
	'&',
	'---\n',
	'***\n',
	'===\n',
	'    ',
	'[x]: http://e.example\n',
	'[x]',
	'- [ ] ',
	'- [x] ',
	'---\ntitle: t\u202e\ndir: rtl\n---\n',
];

/** Hostile article text: fragments of everything above, and any code points. */
export const hostileText: fc.Arbitrary<string> = fc
	.array(
		fc.oneof(
			{arbitrary: fc.constantFrom(...controlPieces), weight: 3},
			{arbitrary: fc.constantFrom(...bidiPieces), weight: 2},
			{arbitrary: fc.constantFrom(...textPieces), weight: 4},
			{arbitrary: fc.constantFrom(...markdownPieces), weight: 4},
			{arbitrary: fc.string({unit: 'binary', maxLength: 6}), weight: 1},
			{arbitrary: fc.string({unit: 'grapheme', maxLength: 6}), weight: 1},
		),
		{maxLength: 80, size: 'medium'},
	)
	.map((parts) => parts.join(''));

export type Source =
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'bytes'; readonly bytes: Uint8Array}
	| {readonly kind: 'raw'; readonly text: string};

/** Where the article comes from: hostile text as UTF-8 bytes, random bytes, or text given to the parser unsanitized. */
export const source: fc.Arbitrary<Source> = fc.oneof(
	{arbitrary: hostileText.map((text): Source => ({kind: 'text', text})), weight: 6},
	{arbitrary: fc.uint8Array({maxLength: 200}).map((bytes): Source => ({kind: 'bytes', bytes})), weight: 1},
	{arbitrary: hostileText.map((text): Source => ({kind: 'raw', text})), weight: 2},
);

export interface Case {
	readonly source: Source;
	readonly width: number;
	readonly order: 'visual' | 'logical';
	readonly shape: boolean;
	readonly dir: 'auto' | 'rtl' | 'ltr';
}

export const fuzzCase: fc.Arbitrary<Case> = fc.record({
	source,
	width: fc.integer({min: 1, max: 120}),
	order: fc.constantFrom('visual' as const, 'logical' as const),
	shape: fc.boolean(),
	dir: fc.constantFrom('auto' as const, 'rtl' as const, 'ltr' as const),
});

function articleOf(input: Source): Article | undefined {
	if (input.kind === 'raw') return parseMarkdown(input.text);
	const bytes = input.kind === 'bytes' ? input.bytes : new TextEncoder().encode(input.text);
	const decoded = decodeArticle(bytes);
	if (!decoded.ok) {
		if (!bytes.includes(0)) throw new Error('refused as binary without a NUL byte');
		return undefined;
	}
	// The loader's own promise: nothing executable but bidi controls (which the layout applies).
	const left = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/.exec(decoded.text);
	if (left) throw new Error(`the loader left U+${(left[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')} in the text`);
	return parseMarkdown(decoded.text, {fallbackTitle: 'fuzz'});
}

const hex = (text: string): string => [...text].map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

function checkLine(line: string, where: string, width: number): void {
	const bad = executable.exec(line);
	if (bad) throw new Error(`${where}: ${hex(bad[0])} in ${JSON.stringify(line)}`);
	if (line.includes('\n')) throw new Error(`${where}: a line break inside a line: ${JSON.stringify(line)}`);
	if (width > 0) {
		// The engine's own measure (Unicode 15.0): string-width follows the running ICU, whose
		// widths differ for the few characters changed since (test/width.test.ts lists them and
		// checks textWidth against string-width everywhere else).
		const w = textWidth(line);
		if (w > width) throw new Error(`${where}: ${w} cells at width ${width}: ${JSON.stringify(line)}`);
	}
}

/**
 * Runs one case through every output path and throws on the first thing
 * that must not happen.
 */
export function checkCase(c: Case): void {
	const article = articleOf(c.source);
	if (!article) return;
	const options = {width: c.width, order: c.order, shape: c.shape, dir: c.dir, baseDir: article.dir};
	for (const section of article.sections) {
		for (const line of layoutSection(section, options)) {
			const text = lineText(line);
			checkLine(text, `layout of section ${section.index}`, c.width);
			const rendered = renderRuns(line.runs, {color: true});
			const own = rendered.replace(ownEscapes, '');
			// Padding runs may hold trailing spaces lineText drops; the rest is the same.
			checkLine(own.trimEnd(), 'rendered line (escapes of its own removed)', c.width);
		}
	}
	const exported = exportText(article, options);
	if (!exported.endsWith('\n')) throw new Error('export does not end with a newline');
	if (!exportTextBytes(article, options).equals(Buffer.from(exported))) throw new Error('exportTextBytes is not the UTF-8 of exportText');
	for (const line of exported.slice(0, -1).split('\n')) checkLine(line, 'export', c.width);
	for (const line of formatSectionsText(article, {order: c.order, shape: c.shape}).slice(0, -1).split('\n')) checkLine(line, 'sections', 0);
	for (const json of [formatSectionsJson(article), exportJson(article)]) {
		const bad = executable.exec(json.replace(/\n/g, ''));
		if (bad) throw new Error(`JSON: ${hex(bad[0])} unescaped`);
		JSON.parse(json);
	}
}

/** A case as a short string for a failure report. */
export function describeCase(c: Case): string {
	const input = c.source.kind === 'bytes' ? `bytes ${Buffer.from(c.source.bytes).toString('hex')}` : `${c.source.kind} ${JSON.stringify(c.source.text)}`;
	return `${input}, width ${c.width}, order ${c.order}, shape ${c.shape ? 'on' : 'off'}, dir ${c.dir}`;
}
