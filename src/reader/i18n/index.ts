// The chrome's language: which catalogue speaks (--ui-lang, else the
// locale), numbers in its digits, and the reader's messages in its words.
//
// Logic:
// 1. The locale is LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders
//    them: the first one set decides; its language part (`fa_IR.UTF-8` → fa)
//    picks a catalogue, anything else is English.
// 2. Only numbers qari writes take the language's digits (page and section
//    numbers, percentages, counts); titles, queries and key names keep theirs.
// 3. The pager words its one-line messages in English (it is pure and knows no
//    language); `localMessage` recognises them and says them again in the
//    catalogue's words. A message it does not know is shown as it is.
// 4. Terminal detection (terminal/detect.ts) words its reason for the bidi
//    mode in English too; `localReason` says it again the same way (en.ts
//    holds the English sentences, so the two must stay the same).

import {ar} from './ar.js';
import {en} from './en.js';
import {fa} from './fa.js';
import {he} from './he.js';
import {type Messages, type UiLang} from './messages.js';
import {ur} from './ur.js';

export type {HintName, KeyHelpName, Messages, ReasonName, UiLang} from './messages.js';

/** Every catalogue, by language. */
export const catalogues: Readonly<Record<UiLang, Messages>> = {en, ar, fa, he, ur};

export const UI_LANGS: readonly UiLang[] = ['en', 'ar', 'fa', 'he', 'ur'];

/** The catalogue of a language (English when none is given). */
export function messagesFor(lang: UiLang | undefined): Messages {
	return catalogues[lang ?? 'en'];
}

/** A UI language by name ('fa', 'fa_IR.UTF-8', 'he-IL'), or undefined when qari has no catalogue for it. */
export function parseUiLang(name: string): UiLang | undefined {
	const code = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(name)?.[1]?.toLowerCase();
	return UI_LANGS.find((l) => l === code);
}

/** The chrome's language from the locale (Logic 1): English unless it is Arabic, Persian, Hebrew or Urdu. */
export function uiLangFromEnv(env: Readonly<Record<string, string | undefined>>): UiLang {
	const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return parseUiLang(locale) ?? 'en';
}

/** Western digits in a string of qari's own (Logic 2) written in the language's digits. */
export function localDigits(text: string | number, lang: UiLang | undefined): string {
	const digits = messagesFor(lang).digits;
	return String(text).replace(/[0-9]/g, (d) => digits[Number(d)] ?? d);
}

/** One of the pager's messages in the language's words (Logic 3). */
export function localMessage(message: string, lang: UiLang | undefined): string {
	if (!lang || lang === 'en' || !message) return message;
	const t = messagesFor(lang);
	const n = (s: string | undefined): string => localDigits(s ?? '', lang);
	if (message === en.quitHint) return t.quitHint;
	if (message === en.noLinks) return t.noLinks;
	let m = /^no section (\d+): the article has (\d+)$/.exec(message);
	if (m) return t.noSection(n(m[1]), n(m[2]));
	m = /^go to: a section number \(1–(\d+)\) or a percentage \(50%\)$/.exec(message);
	if (m) return t.gotoUsage(n(m[1]));
	m = /^no match for '([\s\S]*)'$/.exec(message);
	if (m) return t.noMatch(m[1] ?? '');
	m = /^match (\d+)\/(\d+) of '([\s\S]*)'(?: · search wrapped to the (start|end))?$/.exec(message);
	if (m) {
		const wrapped = m[4] === 'start' ? t.wrappedStart : m[4] === 'end' ? t.wrappedEnd : '';
		return `${t.match(n(m[1]), n(m[2]), m[3] ?? '')}${wrapped ? ` · ${wrapped}` : ''}`;
	}
	m = /^opened with (\S+): ([\s\S]*)$/.exec(message);
	if (m) return t.opened(m[1] ?? '', m[2] ?? '');
	m = /^not opened \(only web and mail links\): ([\s\S]*)$/.exec(message);
	if (m) return t.notOpened(m[1] ?? '');
	m = /^copied \(OSC 52, where the terminal allows\): ([\s\S]*)$/.exec(message);
	if (m) return t.copied(m[1] ?? '');
	return message;
}

/** The reason for the bidi mode (terminal/detect.ts) in the language's words (Logic 4); an unknown one is shown as it is. */
export function localReason(reason: string, lang: UiLang | undefined): string {
	if (!lang || lang === 'en' || !reason) return reason;
	const t = messagesFor(lang);
	const forced = /^--bidi (\S+) \(detected: ([\s\S]*)\)$/.exec(reason);
	if (forced) return t.reasonForced(forced[1] ?? '', localReason(forced[2] ?? '', lang));
	for (const [name, english] of Object.entries(en.reasons)) if (english === reason) return t.reasons[name as keyof typeof en.reasons];
	const vte = /^VTE (\S*) \(GNOME Terminal and friends\) obeys CSI 8 l: qari reorders and switches it to explicit mode$/.exec(reason);
	if (vte) return t.reasonVte(vte[1] ?? '');
	const unknown = /^an unknown terminal(?: \((TERM=[\s\S]*)\))?: most draw cells left to right$/.exec(reason);
	if (unknown) return t.reasonUnknown(unknown[1] ?? '');
	return reason;
}
