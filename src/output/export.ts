// Article → plain text or JSON, for files, pipes and terminals that cannot
// run the reader. Pure: the CLI decides the options and writes the result.
//
// Logic:
// 1. Text export copies each line's runs out as soon as the line is laid out
//    (forEachLine), as UTF-16LE into one buffer of 64 KiB outside the
//    JavaScript heap, reused from chunk to chunk; when it is full, its lines
//    are transcoded to UTF-8 (one native call, SIMD: with the copies, half
//    the instructions of encoding to UTF-8 run by run) and the chunk handed
//    to the caller's writer. No buffer or string of the whole output is ever
//    made: a book's lines, runs and run strings die young, and the output
//    touches little fresh memory (on a virtual machine the first write to a
//    page can cost more than the bytes written to it: a 10 MB output buffer
//    alone is 2,500 page faults).
// 2. A line's trailing white space (as String.prototype.trimEnd sees it) is
//    found in its runs first and never written (a blank RTL row is a padding
//    run and nothing else); padding runs are a fill, not a string to copy.
//    lineText, for single lines, trims only when the last character is white
//    space, which saves flattening every line into a copy of itself.
// 3. Chunks end at line ends, so a line's code units are transcoded together:
//    a surrogate pair split between two runs is one character. ICU refuses a
//    lone surrogate; such a chunk goes through a string, where Buffer writes
//    it as U+FFFD, as Buffer.from(exportText(…)) does.
// 4. The chunks are handed out section by section (exportTextSections), the
//    same chunks as in one pass: each section's blocks are laid out on their
//    own, with the blank line between blocks written between sections.

import {transcode} from 'node:buffer';
import {type Article, type Block, type Section} from '../model/article.js';
import {type Line, type Run} from '../model/line.js';
import {forEachLine, isPaddingRun, layoutBlocks, type LayoutOptions} from '../layout/blocks.js';
import {LITTLE_ENDIAN} from '../text/utf16.js';
import {stringifyJson} from './json.js';
import {linksOf, withReferences} from './references.js';

export interface ExportOptions extends LayoutOptions {
	/** Number the links and list their targets at the end of each section (references.ts); default on. */
	readonly links?: boolean;
}

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

/** Lines as UTF-16LE since the last chunk was handed out (Logic 1). */
interface TextSink {
	/** Reused for every chunk: only its transcoded copy leaves. */
	bytes: Buffer;
	/** The same memory as code units (bytes is never from the pool: its offset is even). */
	units: Uint16Array;
	/** Code units written. */
	used: number;
	readonly write: (chunk: Buffer) => void;
}

/** Bytes of UTF-16 per chunk: a few hundred chunks for a book, and small enough to stay in cache. */
const CHUNK = 1 << 16;
const SPACE = LITTLE_ENDIAN ? 0x0020 : 0x2000;
const NEWLINE = LITTLE_ENDIAN ? 0x000a : 0x0a00;

function createSink(bytes: number, write: (chunk: Buffer) => void): TextSink {
	// allocUnsafeSlow: never a slice of the shared pool, so the offset suits a Uint16Array.
	const buffer = Buffer.allocUnsafeSlow(bytes & ~1);
	return {bytes: buffer, units: new Uint16Array(buffer.buffer, buffer.byteOffset, buffer.length >> 1), used: 0, write};
}

/** Transcodes the lines gathered so far to UTF-8 and hands them to the writer (Logic 1, 3). */
function flush(sink: TextSink): void {
	if (sink.used === 0) return;
	const utf16 = sink.bytes.subarray(0, sink.used * 2);
	let utf8: Buffer;
	try {
		utf8 = transcode(utf16, 'utf16le', 'utf8');
	} catch {
		// No ICU, or a lone surrogate (which ICU refuses and Buffer writes as U+FFFD).
		utf8 = Buffer.from(utf16.toString('utf16le'), 'utf8');
	}
	sink.used = 0;
	sink.write(utf8);
}

/** Room for a line of `units` code units: the lines so far go out first if it does not fit. */
function reserveLine(sink: TextSink, units: number): void {
	if (sink.used + units <= sink.units.length) return;
	flush(sink);
	// A line longer than a chunk (an unwrapped paragraph) gets a buffer of its size, kept from then on.
	if (units > sink.units.length) {
		const grown = createSink(2 * units, sink.write);
		sink.bytes = grown.bytes;
		sink.units = grown.units;
	}
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
	let size = end + 1;
	for (let r = 0; r < last; r++) size += runs[r]?.text.length ?? 0;
	reserveLine(sink, size);
	const {bytes, units} = sink;
	let at = sink.used;
	for (let r = 0; r <= last; r++) {
		const run = runs[r];
		if (!run) continue;
		const length = r === last ? end : run.text.length;
		if (isPaddingRun(run)) {
			// A loop: a fill's argument checks cost more than the few dozen units of a padding.
			for (const stop = at + length; at < stop; at++) units[at] = SPACE;
		} else {
			bytes.write(run.text, at * 2, length * 2, 'utf16le');
			at += length;
		}
	}
	units[at++] = NEWLINE;
	sink.used = at;
}

/**
 * Blocks of a whole article or of one section, with headings: the article's
 * title, the lead, then each section's title as a level-2 heading.
 */
export function exportBlocks(article: Article, sections: readonly Section[], links: boolean): Block[] {
	const blocks: Block[] = [];
	for (const section of sections) {
		const level = section.level === 0 ? 1 : 2;
		const title = section.level === 0 ? article.title : section.title;
		blocks.push({kind: 'heading', level, inline: [{text: title, style: {}}]});
		// One at a time: a section can have more blocks than a call can take arguments.
		for (const block of links ? withReferences(section.blocks) : section.blocks) blocks.push(block);
	}
	return blocks;
}

/**
 * The article's plain text (of the sections given) as UTF-8, for writing, handed to `write` in chunks of about 32 to 96 KiB
 * as the lines are laid out (Logic 1). Each chunk is a Buffer of its own, which `write` may keep.
 */
export function exportTextChunks(article: Article, options: ExportOptions, sections: readonly Section[], write: (chunk: Buffer) => void): void {
	for (const chunk of exportTextSections(article, options, sections)) write(chunk);
}

/**
 * exportTextChunks' chunks, handed out after each section (Logic 4): a writer can wait
 * between sections for its reader, or stop when the reader is gone (`qari export | head`).
 */
export function* exportTextSections(article: Article, options: ExportOptions, sections: readonly Section[]): Generator<Buffer, void, undefined> {
	const ready: Buffer[] = [];
	const sink = createSink(CHUNK, (chunk) => ready.push(chunk));
	const links = options.links !== false;
	for (const [index, section] of sections.entries()) {
		// The blank line forEachLine puts between blocks, here between the last block of a section and the next heading.
		if (index > 0) appendLine(sink, []);
		forEachLine(exportBlocks(article, [section], links), options, (line) => {
			appendLine(sink, line.runs);
		});
		yield* ready;
		ready.length = 0;
	}
	// Every line ends in a newline; with no line at all the text is one newline still.
	if (sections.length === 0) {
		yield Buffer.from('\n');
		return;
	}
	flush(sink);
	yield* ready;
}

/** The article's plain text as UTF-8, in one Buffer (exportTextChunks' chunks joined). */
export function exportTextBytes(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): Buffer {
	const chunks: Buffer[] = [];
	exportTextChunks(article, options, sections, (chunk) => {
		chunks.push(chunk);
	});
	return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
}

export interface JsonBlock {
	readonly kind: Block['kind'];
	readonly text: string;
	/** The block's links, text and target, in order (only when it has some). */
	readonly links?: readonly {readonly text: string; readonly href: string}[];
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
			blocks: section.blocks.map((block): JsonBlock => {
				const text = layoutBlocks([block], plain).map(lineText).join('\n');
				const links = linksOf([block]);
				return links.length ? {kind: block.kind, text, links} : {kind: block.kind, text};
			}),
		})),
	};
	// Titles and metadata are the article's text: bidi and C1 controls are escaped too.
	return `${stringifyJson(data, 2)}\n`;
}
