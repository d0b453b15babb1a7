// Hostile articles for the tests: escape sequences in every place Markdown
// can hold text, the exact sequences that must never come out, and the words
// that must still be read.

/** Sequences written raw into the article's bytes. None may reach any output. */
export const rawSequences: readonly string[] = [
	'\u001b]0;XTITLE0\u0007', // OSC 0: window and icon title, BEL-terminated
	'\u001b]2;XTITLE2\u001b\\', // OSC 2: window title, ST-terminated
	'\u001b]8;;http://evil.example/\u001b\\', // OSC 8: a hyperlink written in the text
	'\u001b]52;c;WFBBU1RF\u0007', // OSC 52: write the clipboard
	'\u001b[2J', // CSI: clear the screen
	'\u001b[H', // CSI: cursor home
	'\u001b[?1049l', // CSI: leave the alternate screen
	'\u001b[8h', // CSI: BiDi mode implicit
	'\u001b[31m', // CSI: SGR red
	'\u001b[0m',
	'\u001b[6n', // CSI: cursor position report (makes the terminal type)
	'\u001bc', // RIS: full reset
	'\u001bP1;2|XDCS\u001b\\', // DCS
	'\u001b_XAPC\u001b\\', // APC
	'\u001b^XPM\u001b\\', // PM
	'\u001bXXSOS\u001b\\', // SOS
	'\u001b7', // DECSC
	'\u001b(0', // G0: line drawing
];

/** Payload words inside the sequences above: their sequences are removed whole. */
export const payloads: readonly string[] = ['XTITLE0', 'XTITLE2', 'evil.example', 'WFBBU1RF', 'XDCS', 'XAPC', 'XPM', 'XSOS'];

/** Words of the article's own text that must survive. */
export const keptWords: readonly string[] = [
	'Before',
	'cleared',
	'reset',
	'afterwards',
	'Tail',
	'quoted',
	'listed',
	'celled',
	'Second',
	'linked',
	'coded',
	'fenced',
];

const all = rawSequences.join(' ');

/**
 * The article, as text (sequences raw, as a web page could carry them),
 * with C0, DEL and UTF-8-encoded C1 controls, entity references that decode
 * to controls, and a bare ESC at the very end.
 */
export const hostileMarkdown = [
	'---',
	`title: Front \u001b]0;XTITLE0\u0007matter`,
	`author: \u001b[31mred\u001b[0m`,
	'lang: en',
	'---',
	'',
	`# Hostile \u001b]2;XTITLE2\u001b\\title`,
	'',
	`Before ${all} cleared \u001bc reset \u0007\u0008\u007f\u0085\u0090\u009b31m afterwards.`,
	'',
	`Entities &#27;[2J &#x1b;]0;x&#7; &#155; &#x85; &#127; &#0; &#8238;end.`,
	'',
	`\`coded \u001b[31m span &#27;\` and [linked \u001b]8;;http://evil.example/\u0007text](http://example.org/\u001b]0;XTITLE0\u0007) ![alt \u001b[5m](x.png)`,
	'',
	`    indented code \u001b]0;XTITLE0\u0007 line`,
	'',
	'```sh',
	`fenced ${all} code`,
	'```',
	'',
	`| a \u001b[1m | b \u001b_XAPC\u001b\\ |`,
	'|---|---|',
	`| celled \u001b^XPM\u001b\\ | d \u001bXXSOS\u001b\\ |`,
	'',
	`- listed \u001b]0;XTITLE0\u0007 one`,
	`- two \u001b[2J`,
	'',
	`> quoted \u001b[2J ${all}`,
	'',
	`## Second \u001bP1;2|XDCS\u001b\\ section`,
	'',
	`Tail text \u001b[6n.\u001b`,
	'',
].join('\n');

export const hostileBytes: Uint8Array = new TextEncoder().encode(hostileMarkdown);

/** What no output may hold: C0 but LF, DEL, C1, bidi controls, U+FEFF. */
export const executable = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** The first forbidden character of `text` as U+XXXX with its context, or ''. */
export function firstExecutable(text: string): string {
	const match = executable.exec(text);
	if (!match) return '';
	const at = match.index;
	return `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 20), at + 20))}`;
}
