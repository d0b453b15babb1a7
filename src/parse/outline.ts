// The outline of a Markdown text without parsing it: where its top-level ATX
// headings (`# …` at the start of a line) are. markdown.ts cuts the text at
// them and parses each section only when something asks for its content, so
// the reader's first frame of a whole book costs one section's parse.
//
// Logic:
// 1. A cut is only made where a parse of the whole text would start the same
//    heading block, so sections parsed one by one equal the whole parse
//    (test/outline.test.ts checks this on every kind of block and on fuzzed
//    documents). The rules mirror marked's block grammar:
//    - an ATX heading starting in column 0 ends whatever block is open before
//      it — paragraph, table, list item, block quote — as marked's rules do
//      (they all stop at a heading line), so it is a top-level heading;
//    - except inside a fenced code block: fences opening in column 0 are
//      followed to their closing line (marked's: up to 3 spaces, the opening
//      run, more of its character, then only spaces); a backtick opener's info
//      string has no backtick.
// 2. Where the scan cannot know without parsing, it gives up (undefined) and
//    the text is parsed whole, as before:
//    - raw HTML blocks (a line starting with `<`): inside one, `#` and fences
//      are HTML text;
//    - a fence or `#` indented 1–3 spaces: it may belong to a list item;
//    - a possible setext underline (`===` or `---` under a text line): a
//      heading the scan would not see;
//    - a possible link reference definition (a line starting with `[`, after
//      any quote and list markers, that has `]:` or no `]` at all): marked
//      resolves references across the whole document.
// 3. One pass over the lines, one comparison per line in the common case.

/** A top-level ATX heading line of the text. */
export interface OutlineHeading {
	/** 1–6. */
	readonly level: number;
	/** Offset of the heading line's first character. */
	readonly start: number;
	/** Offset just after the heading line (after its '\n', or the text's end). */
	readonly end: number;
}

const HASH = 0x23;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * The top-level ATX headings of `text` (lines ending in '\n' only), or
 * undefined when the text has a construct the scan cannot place (Logic 2).
 */
export function outlineOf(text: string): OutlineHeading[] | undefined {
	const headings: OutlineHeading[] = [];
	let fence = '';
	let previousBlank = true;
	for (let start = 0; start < text.length; ) {
		let end = text.indexOf('\n', start);
		const lineEnd = end === -1 ? text.length : end;
		end = end === -1 ? text.length : end + 1;
		const line = text.slice(start, lineEnd);
		const lineStart = start;
		start = end;

		if (fence) {
			if (closesFence(line, fence)) fence = '';
			previousBlank = false;
			continue;
		}
		let indent = 0;
		while (indent < 4 && line.charCodeAt(indent) === SPACE) indent++;
		const first = line.charCodeAt(indent);
		if (indent < 4 && first !== TAB) {
			if (first === HASH) {
				const level = atxLevel(line, indent);
				if (level > 0) {
					if (indent > 0) return undefined;
					headings.push({level, start: lineStart, end});
				}
			} else if (first === 0x60 || first === 0x7e) {
				const opener = fenceOpener(line, indent);
				if (opener) {
					if (indent > 0) return undefined;
					fence = opener;
					previousBlank = false;
					continue;
				}
			} else if (first === 0x3c) {
				return undefined; // '<': raw HTML
			} else if ((first === 0x3d || first === 0x2d) && !previousBlank && /^[=]+[ \t]*$|^-+[ \t]*$/.test(line.slice(indent))) {
				return undefined; // a setext underline
			}
		}
		if (mayDefineReference(line)) return undefined;
		previousBlank = isBlankLine(line, 0, line.length);
	}
	return headings;
}

/** The level of an ATX heading starting at `at` (1–6), or 0. After the '#'s: whitespace (JS \s, as marked) or the end. */
function atxLevel(line: string, at: number): number {
	let n = 0;
	while (n < 7 && line.charCodeAt(at + n) === HASH) n++;
	if (n === 0 || n > 6) return 0;
	const next = line.charAt(at + n);
	return next === '' || /\s/.test(next) ? n : 0;
}

/** The fence run opening a fenced code block at `at`, or ''. */
function fenceOpener(line: string, at: number): string {
	const char = line.charCodeAt(at);
	let n = 0;
	while (line.charCodeAt(at + n) === char) n++;
	if (n < 3) return '';
	if (char === 0x60 && line.indexOf('`', at + n) !== -1) return '';
	return line.slice(at, at + n);
}

/** marked's closing fence: up to 3 spaces, the opening run, more of its character, then only spaces. */
function closesFence(line: string, opener: string): boolean {
	let i = 0;
	while (i < 3 && line.charCodeAt(i) === SPACE) i++;
	if (!line.startsWith(opener, i)) return false;
	i += opener.length;
	while (line[i] === opener[0]) i++;
	while (line.charCodeAt(i) === SPACE) i++;
	return i === line.length;
}

/** A line that could start a link reference definition (Logic 2). */
function mayDefineReference(line: string): boolean {
	if (line.indexOf('[') === -1) return false;
	const m = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*\[/.exec(line);
	if (!m) return false;
	return line.includes(']:') || line.indexOf(']', m[0].length) === -1;
}

/** Whether text[start, end) is only spaces and tabs: a blank line to marked. */
export function isBlankLine(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== SPACE && c !== TAB) return false;
	}
	return true;
}
