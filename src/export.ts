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
//    found in its runs first and never written (a blank RTL row is a padding
//    run and nothing else); padding runs are a fill of the buffer, not a
//    string copied through Buffer.write. lineText, for single lines, trims only
//    when the last character is white space, which saves flattening every
//    line into a copy of itself.
// 3. For writing, the buffer is transcoded to UTF-8 (ICU) directly: a third
//    of the time of making the string and encoding it again on write.

import {transcode} from 'node:buffer';
import {type Article, type Block, type Line, type Run, type Section} from './article.js';
import {stringifyJson} from './controls.js';
import {forEachLine, isPaddingRun, layoutBlocks, type LayoutOptions} from './layout.js';
import {LITTLE_ENDIAN} from './text/units.js';

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
	/** The same memory as code units (bytes is never from the pool: its offset is even). */
	units: Uint16Array;
	/** Code units written. */
	used: number;
}

const SPACE = LITTLE_ENDIAN ? 0x0020 : 0x2000;
const NEWLINE = LITTLE_ENDIAN ? 0x000a : 0x0a00;

function createSink(bytes: number): TextSink {
	// allocUnsafeSlow: never a slice of the shared pool, so the offset suits a Uint16Array.
	const buffer = Buffer.allocUnsafeSlow(bytes & ~1);
	return {bytes: buffer, units: new Uint16Array(buffer.buffer, buffer.byteOffset, buffer.length >> 1), used: 0};
}

/** Room for `units` more code units. */
function reserve(sink: TextSink, units: number): void {
	if (sink.used + units <= sink.units.length) return;
	const grown = createSink(2 * Math.max(sink.used + units, sink.units.length * 2));
	grown.units.set(sink.units.subarray(0, sink.used));
	sink.bytes = grown.bytes;
	sink.units = grown.units;
}

/**
 * Appends a line's text, trailing white space dropped (as lineText), and a newline (Logic 2).
 * The end is found first, in the runs, so trailing white space is never written; padding
 * runs (all spaces) are a fill, not a string to copy.
 */
function appendLine(sink: TextSink, runs: readonly Run[]): void {
	let last = runs.length - 1;
	let end = 0; // code units of runs[last] to write
	for (; last >= 0; last--) {
		const run = runs[last];
		if (!run || isPaddingRun(run)) continue;
		const {text} = run;
		end = text.length;
		while (end > 0 && isTrimmed(text.charCodeAt(end - 1))) end--;
		if (end > 0) break;
	}
	for (let r = 0; r <= last; r++) {
		const run = runs[r];
		if (!run) continue;
		const length = r === last ? end : run.text.length;
		reserve(sink, length + 1);
		if (isPaddingRun(run)) sink.units.fill(SPACE, sink.used, sink.used + length);
		else sink.bytes.write(run.text, sink.used * 2, length * 2, 'utf16le');
		sink.used += length;
	}
	reserve(sink, 1);
	sink.units[sink.used++] = NEWLINE;
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
		blocks.push({kind: 'heading', level, inline: [{text: title, style: {}}]});
		// One by one: a section of 2 MB can hold more blocks than a call takes arguments.
		for (const block of section.blocks) blocks.push(block);
	}
	return blocks;
}

/** Plain text of the article, or of the sections given. Ends with a newline. */
export function exportText(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): string {
	const sink = exportSink(article, options, sections);
	// Every line ends in a newline; with no line at all the text is one newline still.
	return sink.used === 0 ? '\n' : sink.bytes.toString('utf16le', 0, sink.used * 2);
}

/**
 * exportText's text as UTF-8, for writing: transcoded from the sink in one
 * step, without the string and its encoding on write (Logic 3).
 */
export function exportTextBytes(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): Buffer {
	const sink = exportSink(article, options, sections);
	if (sink.used === 0) return Buffer.from('\n');
	const utf16 = sink.bytes.subarray(0, sink.used * 2);
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
	const sink = createSink(room);
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
