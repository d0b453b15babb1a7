// Article → plain text or JSON, for files, pipes and terminals that cannot
// run the reader. Pure: the CLI decides the options and writes the result.
//
// Logic:
// 1. Text export copies each line's runs out as soon as the line is laid out
//    (forEachLine), as UTF-16LE into one growing buffer outside the
//    JavaScript heap, which becomes the result string in one copy at the end.
//    A book's lines, runs and run strings so die young instead of all living
//    (and being copied by the garbage collector) until a final join.
// 2. A line's trailing white space (as String.prototype.trimEnd sees it) is
//    dropped from the buffer in place; lineText, for single lines, trims only
//    when the last character is white space, which saves flattening every
//    line into a copy of itself.
// 3. For writing, the buffer is transcoded to UTF-8 (ICU) directly: a third
//    of the time of making the string and encoding it again on write.

import {transcode} from 'node:buffer';
import {type Article, type Block, type Line, type Run, type Section} from './article.js';
import {stringifyJson} from './controls.js';
import {forEachLine, layoutBlocks, type LayoutOptions} from './layout.js';

export type ExportOptions = LayoutOptions;

/** The text of a laid-out line: its runs, trailing spaces dropped. */
export function lineText(line: Line): string {
	const {runs} = line;
	let text = '';
	for (const run of runs) text += run.text;
	return endsInSpace(runs) ? text.trimEnd() : text;
}

/** Whether the last character of the runs is one String.prototype.trimEnd removes. */
function endsInSpace(runs: readonly Run[]): boolean {
	for (let r = runs.length - 1; r >= 0; r--) {
		const text = runs[r]?.text ?? '';
		if (text) return isTrimmed(text.charCodeAt(text.length - 1));
	}
	return false;
}

/**
 * Whether String.prototype.trimEnd removes this code unit: ECMAScript's
 * WhiteSpace (TAB, VT, FF, U+FEFF and the Space_Separator category) and
 * LineTerminator (LF, CR, U+2028, U+2029). No astral character is either.
 */
export function isTrimmed(code: number): boolean {
	if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
	if (code < 0xa0) return false;
	return (
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

/** Text gathered as UTF-16LE in one buffer outside the JavaScript heap (Logic 1). */
interface TextSink {
	bytes: Buffer;
	/** Bytes written. */
	used: number;
}

function reserve(sink: TextSink, bytes: number): void {
	if (sink.used + bytes <= sink.bytes.length) return;
	const grown = Buffer.allocUnsafe(Math.max(sink.used + bytes, sink.bytes.length * 2));
	sink.bytes.copy(grown, 0, 0, sink.used);
	sink.bytes = grown;
}

/** Appends a line's text, trailing white space dropped (as lineText), and a newline. */
function appendLine(sink: TextSink, runs: readonly Run[]): void {
	const start = sink.used;
	for (const run of runs) {
		const {text} = run;
		reserve(sink, text.length * 2);
		sink.used += sink.bytes.write(text, sink.used, 'utf16le');
	}
	const {bytes} = sink;
	let end = sink.used;
	while (end > start && isTrimmed((bytes[end - 2] ?? 0) | ((bytes[end - 1] ?? 0) << 8))) end -= 2;
	reserve(sink, 2);
	sink.bytes[end] = 0x0a;
	sink.bytes[end + 1] = 0;
	sink.used = end + 2;
}

/**
 * Blocks of a whole article or of one section, with headings: the article's
 * title, the lead, then each section's title as a level-2 heading.
 */
function exportBlocks(article: Article, sections: readonly Section[]): Block[] {
	const blocks: Block[] = [];
	for (const section of sections) {
		const level = section.level === 0 ? 1 : 2;
		const title = section.level === 0 ? article.title : section.title;
		blocks.push({kind: 'heading', level, inline: [{text: title, style: {}}]}, ...section.blocks);
	}
	return blocks;
}

/** Plain text of the article, or of the sections given. Ends with a newline. */
export function exportText(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): string {
	const sink = exportSink(article, options, sections);
	// Every line ends in a newline; with no line at all the text is one newline still.
	return sink.used === 0 ? '\n' : sink.bytes.toString('utf16le', 0, sink.used);
}

/**
 * exportText's text as UTF-8, for writing: transcoded from the sink in one
 * step, without the string and its encoding on write (Logic 3).
 */
export function exportTextBytes(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): Buffer {
	const sink = exportSink(article, options, sections);
	if (sink.used === 0) return Buffer.from('\n');
	const utf16 = sink.bytes.subarray(0, sink.used);
	try {
		return transcode(utf16, 'utf16le', 'utf8');
	} catch {
		// No ICU, or a lone surrogate (which ICU refuses and Buffer writes as U+FFFD).
		return Buffer.from(utf16.toString('utf16le'), 'utf8');
	}
}

function exportSink(article: Article, options: ExportOptions, sections: readonly Section[]): TextSink {
	// Room for the source's length twice over (two bytes a unit, and as much
	// again for padding and rules) saves growing through copies; the pages
	// never written are never touched.
	let source = 0;
	for (const section of sections) source += section.size;
	const room = Number.isFinite(source) ? Math.min(Math.max(source * 4, 1 << 16), 1 << 28) : 1 << 16;
	const sink: TextSink = {bytes: Buffer.allocUnsafe(room), used: 0};
	forEachLine(exportBlocks(article, sections), options, (line) => {
		appendLine(sink, line.runs);
	});
	return sink;
}

export interface JsonBlock {
	readonly kind: Block['kind'];
	readonly text: string;
}

/** JSON export: metadata, then each section with its blocks as plain logical text. */
export function exportJson(article: Article, sections: readonly Section[] = article.sections): string {
	const plain: LayoutOptions = {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir};
	const data = {
		title: article.title,
		lang: article.lang,
		dir: article.dir,
		meta: article.meta,
		sections: sections.map((section) => ({
			index: section.index,
			title: section.title,
			words: section.words,
			minutes: section.minutes,
			direction: section.direction,
			blocks: section.blocks.map(
				(block): JsonBlock => ({kind: block.kind, text: layoutBlocks([block], plain).map(lineText).join('\n')}),
			),
		})),
	};
	// Titles and metadata are the article's text: bidi and C1 controls are escaped too.
	return stringifyJson(data, 2) + '\n';
}
