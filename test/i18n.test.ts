// The reader's chrome in the reader's language (issue 13, "Beyond the
// anchors"): every catalogue has every message, the locale and --ui-lang pick
// the language, numbers take its digits, the chrome is laid out right to left
// in Arabic, Persian, Hebrew and Urdu, and every row of every view still fits
// a 50-column terminal. Frames are the rows reader/screen/frame.ts gives the UI.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Article} from '../src/model/article.js';
import {bundledArticle, loadArticle} from '../src/cli/files.js';
import {parseInvocation} from '../src/cli/commands.js';
import {firstPaint, prepareReader, type ReaderOptions} from '../src/cli/reader-start.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {catalogues, localDigits, localMessage, localReason, uiLangFromEnv, UI_LANGS, type UiLang} from '../src/reader/i18n/index.js';
import {type PagerAction} from '../src/reader/pager.js';
import {screenGeometry, tooSmallText} from '../src/reader/screen/geometry.js';
import {chooseBidi, detectTerminal, type Env} from '../src/terminal/detect.js';
import {helpScreenRows} from '../src/reader/screen/help.js';
import {textWidth} from '../src/text/width.js';
import {frameReader} from './helpers/frame-reader.js';
import {showRow} from './helpers/implicit-terminal.js';

const bundled = loadArticle(bundledArticle).article;
const english = parseMarkdown(
	`# A Book\n\n## First part\n\n${'Some words to read here, with [a link](https://example.com/a-long-address). '.repeat(30)}\n\n## Second part\n\n${'More text. '.repeat(200)}\n`,
);
/** An environment for each terminal detect.ts knows, and one it does not. */
const terminalEnvs: readonly Env[] = [
	{TMUX: '/tmp/tmux-1/default,1,0'},
	{STY: '1.pts-0'},
	{TERM_PROGRAM: 'mintty'},
	{TERM_PROGRAM: 'Apple_Terminal'},
	{VTE_VERSION: '7600'},
	{KONSOLE_VERSION: '230805'},
	{MLTERM: '3.9.3'},
	{TERM: 'xterm-kitty'},
	{TERM_PROGRAM: 'WezTerm'},
	{WT_SESSION: 'x'},
	{TERM: 'alacritty'},
	{TERM_PROGRAM: 'ghostty'},
	{TERM_PROGRAM: 'vscode'},
	{TERM_PROGRAM: 'iTerm.app'},
	{XTERM_VERSION: 'XTerm(390)'},
	{TERM: 'foot'},
	{TERM: 'vt220'},
	{},
];
/** The longest reason the help screen can show: a forced mode over tmux's. */
const longestReason = chooseBidi('app', detectTerminal({TMUX: '1'})).reason;
/** Visual order of a right-to-left word without shaping: its letters reversed. */
const visual = (word: string): string => [...word].reverse().join('');

function reader(article: Article, lang: UiLang | undefined, columns = 50, rows = 20, order: 'visual' | 'logical' = 'visual') {
	return frameReader(article, {lang, columns, rows, order, reason: longestReason});
}

test('every catalogue has every message of the English one, of the same kind, none empty', () => {
	const check = (base: Record<string, unknown>, other: Record<string, unknown>, where: string): void => {
		assert.deepEqual(Object.keys(other).sort(), Object.keys(base).sort(), where);
		for (const [key, value] of Object.entries(base)) {
			const theirs = other[key];
			assert.equal(typeof theirs, typeof value, `${where}.${key}`);
			if (typeof theirs === 'string') assert.ok(key === 'digits' || theirs.trim() !== '', `${where}.${key} is empty`);
			if (typeof theirs === 'function') assert.ok(String((theirs as (...a: string[]) => string)('1', '2', '3', '4', '')).trim(), `${where}.${key}()`);
			if (theirs && typeof theirs === 'object') check(value as Record<string, unknown>, theirs as Record<string, unknown>, `${where}.${key}`);
		}
	};
	for (const lang of UI_LANGS) check(catalogues.en as unknown as Record<string, unknown>, catalogues[lang] as unknown as Record<string, unknown>, lang);
	for (const lang of UI_LANGS) assert.equal([...catalogues[lang].digits].length, 10, lang);
});

test('the language comes from LC_ALL, then LC_MESSAGES, then LANG; English for any other', () => {
	assert.equal(uiLangFromEnv({}), 'en');
	assert.equal(uiLangFromEnv({LANG: 'fa_IR.UTF-8'}), 'fa');
	assert.equal(uiLangFromEnv({LANG: 'ar_EG.UTF-8', LC_MESSAGES: 'he_IL.UTF-8'}), 'he');
	assert.equal(uiLangFromEnv({LANG: 'ar_EG.UTF-8', LC_MESSAGES: 'he_IL.UTF-8', LC_ALL: 'ur_PK'}), 'ur');
	assert.equal(uiLangFromEnv({LANG: 'ar', LC_ALL: ''}), 'ar', 'an empty LC_ALL is unset');
	assert.equal(uiLangFromEnv({LANG: 'C.UTF-8'}), 'en');
	assert.equal(uiLangFromEnv({LANG: 'de_DE.UTF-8'}), 'en');
	assert.equal(uiLangFromEnv({LC_ALL: 'en_US.UTF-8', LANG: 'fa_IR'}), 'en');
	assert.equal(uiLangFromEnv({LANG: 'arn_CL'}), 'en', 'Mapudungun is not Arabic');
});

test("numbers take the language's digits: Arabic-Indic, Extended Arabic-Indic for Persian and Urdu, Western for Hebrew", () => {
	assert.equal(localDigits('3/9 · 10', 'ar'), '٣/٩ · ١٠');
	assert.equal(localDigits('3/9', 'fa'), '۳/۹');
	assert.equal(localDigits('3/9', 'ur'), '۳/۹');
	assert.equal(localDigits('3/9', 'he'), '3/9');
	assert.equal(localDigits(250, 'en'), '250');
});

test("the pager's messages are said again in the language's words; unknown ones are left as they are", () => {
	assert.equal(localMessage("no match for 'abc'", 'ar'), 'لا نتائج لـ«abc»');
	assert.equal(
		localMessage("match 2/12 of 'كتاب' · search wrapped to the start", 'fa'),
		'یافتهٔ ۲/۱۲ برای «کتاب» · جستجو از آغاز ادامه یافت'.replace('کتاب', 'كتاب'),
	);
	assert.equal(localMessage('no section 12: the article has 3', 'he'), 'אין פרק 12: במאמר 3 פרקים');
	assert.equal(localMessage('q quits', 'ur'), 'باہر نکلنے کے لیے q');
	assert.equal(localMessage('opened https://example.com', 'ar'), 'opened https://example.com');
	assert.equal(localMessage("no match for 'abc'", 'en'), "no match for 'abc'");
	assert.equal(localMessage("no match for 'abc'", undefined), "no match for 'abc'");
});

test("every message the pager and the link actions word in English (the English catalogue's) is recognised in every language", () => {
	const {en} = catalogues;
	for (const lang of UI_LANGS) {
		const t = catalogues[lang];
		const n = (x: string): string => localDigits(x, lang);
		const href = 'https://example.com/x';
		assert.equal(localMessage(en.opened('xdg-open', href), lang), t.opened('xdg-open', href), lang);
		assert.equal(localMessage(en.notOpened('file:///etc/passwd'), lang), t.notOpened('file:///etc/passwd'), lang);
		assert.equal(localMessage(en.copied(href), lang), t.copied(href), lang);
		assert.equal(localMessage(en.noSection('12', '3'), lang), t.noSection(n('12'), n('3')), lang);
		assert.equal(localMessage(en.gotoUsage('7'), lang), t.gotoUsage(n('7')), lang);
		assert.equal(localMessage(en.noMatch("it's"), lang), t.noMatch("it's"), lang);
		assert.equal(localMessage(`${en.match('1', '20', 'q')} · ${en.wrappedEnd}`, lang), `${t.match(n('1'), n('20'), 'q')} · ${t.wrappedEnd}`, lang);
		assert.equal(localMessage(en.quitHint, lang), t.quitHint, lang);
		assert.equal(localMessage(en.noLinks, lang), t.noLinks, lang);
	}
});

test('English is the default: a frame with lang en is the frame without one', () => {
	for (const article of [bundled, english]) {
		const plain = reader(article, undefined, 80, 24);
		const en = reader(article, 'en', 80, 24);
		for (const action of [undefined, {type: 'openToc'}, {type: 'closeView'}, {type: 'openHelp'}, {type: 'closeView'}, {type: 'openSearch'}] as const) {
			const a = action ? plain.act(action) : plain.frame();
			const b = action ? en.act(action) : en.frame();
			assert.deepEqual(b, a);
		}
	}
});

test('Arabic chrome: header, footer, contents and help in Arabic with Arabic-Indic digits, flush right even in an English article', () => {
	const r = reader(english, 'ar', 80, 24);
	const page = r.frame();
	const header = page[1] ?? '';
	assert.ok(header.includes(`١/٣ ${visual('القسم')}`), header);
	assert.ok(header.endsWith(visual('القسم')), `the section label is on the right: ${header}`);
	const footer = page.at(-1) ?? '';
	assert.ok(footer.includes(visual('صفحة')) && footer.includes('٪'), footer);
	assert.ok(footer.trimEnd().endsWith(visual('صفحة')) || footer.includes(`${visual('صفحة')}`), footer);
	assert.ok(!/section|page|help|quit/.test([...page.slice(0, 2), ...page.slice(-2)].join('\n')), 'no English words in the chrome');
	const toc = r.act({type: 'openToc'});
	assert.ok(
		toc.some((row) => row.trimEnd().endsWith(visual('المحتويات'))),
		toc.join('\n'),
	);
	assert.ok(
		toc.some((row) => row.includes('.١')),
		'entries numbered in Arabic-Indic digits',
	);
	const help = r.help().map((row) => row.runs.map((run) => run.text).join(''));
	assert.ok(help[0]?.trimEnd().endsWith(visual('الوضع')), help[0]);
	assert.ok(
		help.some((row) => row.includes('q Ctrl-C') && row.includes(visual('خروج'))),
		'keys keep their names, their help is Arabic',
	);
	assert.ok(
		help.some((row) => row.includes('qari --bidi terminal')),
		'an option in Arabic text keeps its dashes in front (after qari: no mark needed, so terminal mode shows it alike)',
	);
	assert.ok(
		help.some((row) => row.includes(' BROWSER ')),
		'BROWSER, the variable, in its place',
	);
	const prompt = r.act({type: 'closeView'}, {type: 'openSearch'}).at(-1) ?? '';
	assert.ok(prompt.includes(visual('بحث')), prompt);
});

test('Persian, Urdu and Hebrew: their words and digits', () => {
	const fa = reader(bundled, 'fa', 80, 24).frame();
	assert.ok(
		fa.some((row) => row.includes(visual('بخش')) && row.includes('۱/')),
		fa.slice(0, 2).join('\n'),
	);
	assert.ok((fa.at(-1) ?? '').includes(visual('صفحه')), fa.at(-1));
	const ur = reader(bundled, 'ur', 80, 24).frame();
	assert.ok(
		ur.some((row) => row.includes(visual('حصہ')) && row.includes('۱/')),
		ur.slice(0, 2).join('\n'),
	);
	const he = reader(english, 'he', 80, 24).frame();
	assert.ok((he[1] ?? '').includes(`1/3 ${visual('פרק')}`), he[1]);
	assert.ok((he.at(-1) ?? '').includes(visual('עמוד')), he.at(-1));
});

test('in every language every row of every view fits 50 columns (and 80), in app and terminal mode', () => {
	for (const lang of UI_LANGS) {
		for (const article of [bundled, english]) {
			for (const [columns, rows] of [
				[50, 20],
				[80, 24],
			] as const) {
				for (const order of ['visual', 'logical'] as const) {
					const r = reader(article, lang, columns, rows, order);
					const frames: string[][] = [r.frame()];
					frames.push(r.act({type: 'openToc'}), r.act({type: 'closeView'}, {type: 'openLinks'}), r.act({type: 'closeView'}, {type: 'openSearch'}));
					frames.push(
						r.act({type: 'searchType', text: 'zzzz'}),
						r.act({type: 'searchSubmit'}),
						r.act({type: 'openGoto'}),
						r.act({type: 'closeView'}, {type: 'clearSearch'}),
					);
					frames.push(r.act({type: 'goToPercent', percent: 100}));
					let help = r.act({type: 'openHelp'});
					for (let i = 0; i < 30; i++) {
						frames.push(help);
						help = r.act({type: 'helpScroll', delta: 'page'});
					}
					// The too-small line, at every width up to this one.
					for (let narrow = 1; narrow <= columns; narrow++) {
						const small = screenGeometry(narrow, 3, 100, 0, lang).tooSmall ?? '';
						frames.push([tooSmallText(small, narrow, {order, shape: false, dir: article.dir, lang})]);
					}
					for (const frame of frames) {
						for (const row of frame) {
							const width = textWidth(row.replace(/[\u200e\u200f\u2066-\u2069]/g, ''));
							assert.ok(width <= columns, `${lang} ${columns} ${order}: ${width} cells: ${row}`);
						}
					}
				}
			}
		}
	}
});

test('the too-small line in every language and its digits, shortened to fit; English as it was', () => {
	assert.equal(screenGeometry(60, 3).tooSmall, 'qari: the terminal is too small (60×3, needs 18×4); q quits');
	assert.equal(screenGeometry(60, 4).tooSmall, undefined);
	assert.equal(screenGeometry(60, 3, 100, 0, 'en').tooSmall, 'qari: the terminal is too small (60×3, needs 18×4); q quits');
	assert.equal(screenGeometry(20, 3).tooSmall, 'too small: 20×3');
	assert.equal(screenGeometry(10, 4).tooSmall, 'too small');
	assert.equal(screenGeometry(5, 4).tooSmall, '!');
	assert.equal(tooSmallText('too small: 20×4', 20, {order: 'visual', shape: false, dir: 'ltr'}), 'too small: 20×4');
	assert.equal(screenGeometry(60, 3, 100, 0, 'ar').tooSmall, 'qari: الطرفية صغيرة جدًا (٦٠×٣، تحتاج ١٨×٤)؛ q للخروج');
	assert.equal(screenGeometry(60, 3, 100, 0, 'fa').tooSmall, 'qari: پایانه خیلی کوچک است (۶۰×۳، نیاز: ۱۸×۴)؛ q برای خروج');
	assert.equal(screenGeometry(60, 3, 100, 0, 'he').tooSmall, 'qari: המסוף קטן מדי (60×3, נדרש 18×4); q ליציאה');
	assert.equal(screenGeometry(60, 3, 100, 0, 'ur').tooSmall, 'qari: ٹرمینل بہت چھوٹا ہے (۶۰×۳، درکار ۱۸×۴)؛ q سے باہر');
	assert.equal(screenGeometry(17, 4, 100, 0, 'fa').tooSmall, 'خیلی کوچک: ۱۷×۴');
	assert.equal(screenGeometry(10, 4, 100, 0, 'he').tooSmall, 'קטן מדי');
	assert.equal(screenGeometry(5, 4, 100, 0, 'ar').tooSmall, '!');
	for (const lang of UI_LANGS) {
		for (let columns = 1; columns <= 80; columns++) {
			const small = screenGeometry(columns, 3, 100, 0, lang).tooSmall ?? '';
			assert.ok(small !== '' && textWidth(small) <= columns, `${lang} ${columns}: ${small}`);
		}
	}
	// Laid out for the terminal: visual order where qari reorders, logical where the terminal does.
	const fa = screenGeometry(17, 4, 100, 0, 'fa').tooSmall ?? '';
	assert.ok(tooSmallText(fa, 17, {order: 'visual', shape: false, dir: 'ltr', lang: 'fa'}).includes(visual('کوچک')));
	assert.ok(tooSmallText(fa, 17, {order: 'logical', shape: false, dir: 'ltr', lang: 'fa'}).includes('کوچک'));
});

test("the help screen's reason for the bidi mode is said in every language; English as detect.ts words it", () => {
	const reasons = terminalEnvs.map((env) => detectTerminal(env).reason);
	reasons.push(chooseBidi('app', detectTerminal({TERM_PROGRAM: 'Apple_Terminal'})).reason, longestReason);
	assert.equal(new Set(reasons).size, reasons.length);
	for (const reason of reasons) assert.equal(localReason(reason, 'en'), reason);
	for (const lang of UI_LANGS.filter((l) => l !== 'en')) {
		for (const reason of reasons) {
			const local = localReason(reason, lang);
			assert.ok(!/draws cells|reorders|detected|unknown terminal|obeys/.test(local), `${lang}: ${local}`);
		}
		assert.ok(localReason(detectTerminal({VTE_VERSION: '7600'}).reason, lang).includes('VTE 7600'));
		assert.ok(localReason(detectTerminal({TERM: 'vt220'}).reason, lang).includes('TERM=vt220'));
		assert.equal(localReason('something else', lang), 'something else');
	}
	assert.equal(localReason(detectTerminal({TERM_PROGRAM: 'Apple_Terminal'}).reason, 'he'), 'Terminal.app תמיד מסדר טקסט מימין לשמאל ואי אפשר לכבות זאת');
	// On the help screen: the Persian reason, in visual order.
	const rows = helpScreenRows({page: [], toc: [], search: [], bidi: 'app', reason: detectTerminal({TERM: 'foot'}).reason, shape: false}, 50, {
		order: 'visual',
		shape: false,
		dir: 'ltr',
		lang: 'fa',
	}).map((row) => row.runs.map((run) => run.text).join(''));
	assert.ok(
		rows.some((row) => row.includes(visual('می‌کشد'))),
		rows.join('\n'),
	);
	assert.ok(!rows.some((row) => row.includes('draws')), rows.join('\n'));
});

test('--ui-lang is a reader option; it wins over the locale, which decides otherwise', () => {
	const args = (argv: string[]) => {
		const invocation = parseInvocation(argv);
		return invocation?.command === 'read' ? invocation.args.uiLang : undefined;
	};
	assert.equal(args(['--ui-lang', 'fa', 'x.md']), 'fa');
	assert.equal(args(['x.md']), 'auto');
	assert.equal(parseInvocation(['--ui-lang', 'de', 'x.md']), undefined, 'not a language qari speaks: the full parser says so');
	const options = (uiLang: 'auto' | UiLang, env: Record<string, string>): ReaderOptions => ({
		article: english,
		text: '',
		stdin: process.stdin,
		stdout: process.stdout,
		stderr: process.stderr,
		env,
		bidi: 'app',
		shape: 'off',
		dir: 'auto',
		fromStart: true,
		color: false,
		uiLang,
		positionsFile: '/nonexistent/positions.json',
	});
	assert.equal(prepareReader(options('auto', {LANG: 'he_IL.UTF-8'})).chrome.lang, 'he');
	assert.equal(prepareReader(options('ar', {LANG: 'he_IL.UTF-8'})).chrome.lang, 'ar');
	assert.equal(prepareReader(options('en', {LANG: 'he_IL.UTF-8'})).chrome.lang, undefined);
	assert.equal(prepareReader(options('auto', {LANG: 'C.UTF-8'})).chrome.lang, undefined);
	const painted = firstPaint(prepareReader(options('fa', {})), {columns: 80, rows: 24}, {color: false}) ?? '';
	assert.ok(painted.includes(visual('بخش')), 'the first paint is in the language too');
});

test('terminal mode: a terminal that reorders each row shows the chrome in every language as app mode does', () => {
	// Terminal mode draws without box-drawing glyphs (layout/implicit.ts): app mode's, compared as those.
	const plain: Record<string, string> = {'─': '―', '═': '=', '│': '|', '┼': '+', '█': '■', '░': '□', '▏': '|'};
	const pad = (row: string, columns: number): string =>
		(row + ' '.repeat(Math.max(0, columns - textWidth(row)))).replace(/[─═│┼█░▏]/g, (ch) => plain[ch] ?? ch);
	for (const lang of UI_LANGS) {
		for (const article of [bundled, english]) {
			for (const [columns, rows] of [
				[80, 24],
				[50, 20],
			] as const) {
				const app = reader(article, lang, columns, rows, 'visual');
				const term = reader(article, lang, columns, rows, 'logical');
				const views: PagerAction[][] = [
					[],
					[{type: 'openToc'}],
					[{type: 'closeView'}, {type: 'openLinks'}],
					[{type: 'closeView'}, {type: 'openHelp'}],
					[{type: 'closeView'}, {type: 'openSearch'}],
				];
				for (const actions of views) {
					const a = app.act(...actions);
					const t = term.act(...actions);
					// The chrome: the header rows, the footer rows, and the whole screen of the help, contents and links.
					const chrome = actions.length === 0 || actions.at(-1)?.type === 'openSearch' ? [0, 1, a.length - 2, a.length - 1] : a.map((_, i) => i);
					for (const i of chrome) {
						assert.equal(
							showRow(t[i] ?? '', columns).trimEnd(),
							pad(a[i] ?? '', columns).trimEnd(),
							`${lang} ${columns}×${rows} ${actions.at(-1)?.type ?? 'page'} row ${i}`,
						);
					}
				}
			}
		}
	}
});
