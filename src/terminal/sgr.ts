// Laid-out runs → the characters a terminal gets: SGR codes per run, OSC 8
// hyperlinks for links, or plain text when colour is off. Styles enter only
// here, after reordering (DESIGN.md, step 7), and never change a width.

import {type Run, type RunStyle} from '../model/line.js';
import {printable} from '../parse/sanitize.js';

export interface RenderOptions {
	/** SGR styles and hyperlinks; false = plain text (NO_COLOR, --no-color). */
	readonly color: boolean;
}

const ESC = '\u001B';
const RESET = `${ESC}[0m`;
/** OSC 8 hyperlink open/close, terminated by ST (ESC \). */
const linkOpen = (href: string): string => `${ESC}]8;;${href}${ESC}\\`;
const LINK_CLOSE = `${ESC}]8;;${ESC}\\`;

/** SGR parameters for a style, in a fixed order; '' when plain. `rtlScript`: the run's text is Arabic-script or Hebrew (no italic). */
export function sgrOf(style: RunStyle, rtlScript = false): string {
	const codes: string[] = [];
	if (style.current)
		codes.push('1', '30', '43'); // bold black on yellow: unlike any other style
	else if (style.match) codes.push('7'); // reverse video
	if (style.strong && !style.current) codes.push('1');
	if (style.dim && !style.match) codes.push('2');
	if (style.emphasis) codes.push(rtlScript ? EMPHASIS_RTL : '3');
	if (style.href !== undefined) codes.push('4');
	if (style.strike) codes.push('9');
	if (style.code && !style.match) codes.push('36');
	return codes.join(';');
}

/**
 * Emphasis on Arabic-script and Hebrew text: magenta, not italic (SGR 3).
 * Monospace fonts rarely have Arabic or Hebrew italics; terminals draw the
 * letters as empty boxes.
 */
const EMPHASIS_RTL = '35';
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

const MAX_HREF = 2048;

/**
 * A link target fit to go inside an escape sequence, or undefined. Only
 * printable ASCII (no spaces, no controls, no ESC, nothing that could end
 * the sequence early), and only web and mail links: a terminal hands the
 * target to the desktop's opener, so file: or javascript: from an article
 * are not passed on. A bare `www.` host gets `https://`. An IRI (the normal
 * link on an Arabic, Persian or Hebrew site: `https://fa.wikipedia.org/wiki/زبان_فارسی`)
 * is mapped to its URI as RFC 3987 §3.1 says, by the WHATWG URL parser: the
 * path, query and fragment percent-encoded as UTF-8, the host in punycode.
 * Whitespace, controls and bidi formatting characters are never part of a link.
 */
export function sanitizeHref(href: string): string | undefined {
	if (href.length === 0 || href.length > MAX_HREF) return undefined;
	let uri = /^www\./i.test(href) ? `https://${href}` : href;
	if (!/^[\x21-\x7e]+$/.test(uri)) {
		if (/[\s\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(uri)) return undefined;
		try {
			uri = new URL(uri).href;
		} catch {
			return undefined;
		}
		if (uri.length > MAX_HREF || !/^[\x21-\x7e]+$/.test(uri)) return undefined;
	}
	if (!/^(?:https?:\/\/|ftp:\/\/|mailto:)./i.test(uri)) return undefined;
	return uri;
}

/** One line's runs as a string for the terminal. */
export function renderRuns(runs: readonly Run[], options: RenderOptions): string {
	let out = '';
	for (const run of runs) {
		// qari's own marks for a terminal that reorders rows (layout/implicit.ts): marks and embeddings only.
		if (run.style.control) {
			out += run.text.replace(/[^\u200e\u200f\u202a-\u202e]/g, '');
			continue;
		}
		// The loader and the parser remove controls and the layout drops bidi
		// controls; this last filter (see parse/sanitize.ts) means no other module's
		// mistake can put one on the screen, inside an escape sequence or not.
		const plain = printable(run.text);
		if (!options.color) {
			out += plain;
			continue;
		}
		const sgr = sgrOf(run.style, run.style.emphasis === true && RTL_SCRIPT.test(plain));
		const href = run.style.href === undefined ? undefined : sanitizeHref(run.style.href);
		const text = sgr ? `${ESC}[${sgr}m${plain}${RESET}` : plain;
		out += href ? linkOpen(href) + text + LINK_CLOSE : text;
	}
	return out;
}
