// GFM footnotes: `text[^1]` and, anywhere in the document, `[^1]: the note`.
// marked has no footnotes (it reads a one-word note as a link definition and
// merges the rest into paragraphs), so they are taken out of the text before
// it is lexed: each reference becomes a superscript number (¹ ²), numbered in
// the order the references come, and each note is shown at the end of the
// section of its first reference (section-plan.ts), in export too.
//
// Logic:
// 1. One pass over the lines, fenced code skipped. A definition is a line
//    `[^label]: text` (up to 3 spaces before it), with the lines after it up to
//    a blank line or the start of another block (indented lines, and lazy
//    continuation lines of plain text); its lines are removed.
// 2. A reference `[^label]` to a defined label (labels are case-insensitive),
//    outside inline code (an odd number of backticks before it on its line),
//    becomes the note's number. A label with no definition stays text, and a
//    note with no reference is not shown, as on GitHub.
// 3. Nothing is done (undefined) when the text has no definition: most texts
//    cost one search for '[^'.

/** A note: its Markdown (the number first) and the offset of its first reference in the new text. */
export interface Note {
	readonly markdown: string;
	readonly at: number;
}

export interface Footnotes {
	/** The text without its definitions, references replaced by their numbers. */
	readonly text: string;
	/** The notes by number (index n − 1), each with where its first reference is. */
	readonly notes: readonly Note[];
}

const definitionLine = /^ {0,3}\[\^([^\]\s]{1,100})\]:[ \t]?(.*)$/;
const referencePattern = /\[\^([^\]\s]{1,100})\]/g;
const fenceLine = /^ {0,3}(`{3,}|~{3,})/;
/** A line that starts another block, which ends a note's lazy continuation. */
const blockStart = /^\s{0,3}(?:\[\^|#|>|[-*+]\s|\d{1,9}[.)]\s|`{3}|~{3}|<|\||$)/;
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number in superscript digits. */
export function superscript(n: number): string {
	return String(n).replace(/\d/g, (d) => superscripts[Number(d)] ?? d);
}

/** The text with its footnotes taken out (Logic 1–2), or undefined when it defines none. */
export function extractFootnotes(text: string): Footnotes | undefined {
	if (!text.includes('[^')) return undefined;
	const lines = text.split('\n');
	const definitions = new Map<string, string[]>();
	const kept: string[] = [];
	let fence = '';
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? '';
		const opener = fenceLine.exec(line)?.[1];
		if (fence) {
			if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = '';
			kept.push(line);
			continue;
		}
		if (opener) {
			fence = opener;
			kept.push(line);
			continue;
		}
		const definition = definitionLine.exec(line);
		if (!definition) {
			kept.push(line);
			continue;
		}
		const body = [definition[2] ?? ''];
		while (i + 1 < lines.length) {
			const next = lines[i + 1] ?? '';
			if (!next.trim() || (!/^\s/.test(next) && blockStart.test(next))) break;
			body.push(next.trim());
			i++;
		}
		const label = (definition[1] ?? '').toLowerCase();
		if (!definitions.has(label)) definitions.set(label, body);
		// A blank line keeps the blocks around the definition apart.
		if (kept.length && kept[kept.length - 1]?.trim()) kept.push('');
	}
	if (!definitions.size) return undefined;

	const numbers = new Map<string, number>();
	const notes: Note[] = [];
	let out = '';
	fence = '';
	for (let k = 0; k < kept.length; k++) {
		let line = kept[k] ?? '';
		const opener = fenceLine.exec(line)?.[1];
		if (fence) {
			if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = '';
		} else if (opener) fence = opener;
		else if (line.includes('[^')) {
			let built = '';
			let from = 0;
			// Backticks before the reference, counted as the scan goes (linear on a line of many references).
			let ticks = 0;
			let counted = 0;
			referencePattern.lastIndex = 0;
			for (let m = referencePattern.exec(line); m; m = referencePattern.exec(line)) {
				for (; counted < m.index; counted++) if (line.charCodeAt(counted) === 0x60) ticks++;
				const label = (m[1] ?? '').toLowerCase();
				const body = definitions.get(label);
				if (!body || ticks % 2 === 1) continue;
				built += line.slice(from, m.index);
				let n = numbers.get(label);
				if (n === undefined) {
					n = numbers.size + 1;
					numbers.set(label, n);
					notes.push({markdown: `${superscript(n)} ${body.join('\n')}`, at: out.length + built.length});
				}
				built += superscript(n);
				from = m.index + m[0].length;
			}
			line = built + line.slice(from);
		}
		out += k < kept.length - 1 ? `${line}\n` : line;
	}
	return {text: out, notes};
}
