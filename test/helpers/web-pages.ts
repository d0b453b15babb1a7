// Web pages for the HTML tests, written for the purpose in the shape of real
// sites (a news site's chrome around the bundled article, a WordPress-style
// Persian blog, a Hebrew Wikipedia-style page, an English essay quoting
// Arabic), each with the paragraphs that must come out and the boilerplate
// that must not.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {root} from './run.js';

export interface WebPage {
	readonly name: string;
	readonly html: string;
	readonly title: string;
	/** The article's paragraphs, whitespace collapsed: every one must come out. */
	readonly paragraphs: readonly string[];
	readonly headings: readonly string[];
	/** Phrases of the page's chrome: none may come out. */
	readonly boilerplate: readonly string[];
	readonly dir: 'rtl' | 'ltr';
	readonly lang: string;
	readonly meta: Readonly<Record<string, string>>;
}

const article = readFileSync(join(root, 'content', 'assad-putin-moscow.md'), 'utf8');
const body = article.replace(/^---[\s\S]*?\n---\n/, '');
const arTitle = /^# (.*)$/m.exec(body)?.[1] ?? '';
const arBlocks = body
	.split(/\n\n+/)
	.map((b) => b.trim())
	.filter((b) => b && !b.startsWith('# '));
/** The paragraphs of a Markdown quote block ('> a\n>\n> b'). */
const quoted = (b: string): string[] =>
	b
		.split('\n')
		.map((l) => l.replace(/^> ?/, ''))
		.join('\n')
		.split(/\n\n+/)
		.map((t) => t.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
const arParagraphs = arBlocks.filter((b) => !b.startsWith('## ')).flatMap((b) => (b.startsWith('> ') ? quoted(b) : [b]));
const arHeadings = arBlocks.filter((b) => b.startsWith('## ')).map((b) => b.slice(3));

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const arChrome = {
	cookie: 'نستخدم ملفات تعريف الارتباط لتحسين تجربتك',
	nav: 'الصفحة الرئيسية للأخبار العاجلة',
	share: 'شارك المقال على فيسبوك',
	related: 'اقرأ أيضا: أسعار الذهب اليوم في الأسواق',
	comment: 'تعليق القارئ أبو محمد: مقال ممتاز',
	footer: 'جميع الحقوق محفوظة لموقع الأخبار',
	ad: 'إعلان ممول',
	newsletter: 'اشترك في النشرة البريدية',
};

function arabicNews(): string {
	const half = Math.floor(arBlocks.length / 2);
	const inner = arBlocks
		.map((b, i) => {
			const block = b.startsWith('## ')
				? `<h2>${esc(b.slice(3))}</h2>`
				: b.startsWith('> ')
					? `<blockquote>${quoted(b)
							.map((t) => `<p>${esc(t)}</p>`)
							.join('')}</blockquote>`
					: `<p>${esc(b)}</p>`;
			if (i === 3)
				return `${block}\n<div class="ad-slot in-article" id="div-gpt-ad-1"><span class="ad-label">${arChrome.ad}</span><ins class="adsbygoogle"></ins></div>`;
			if (i === half) return `${block}\n<aside class="read-also"><a href="/x">${arChrome.related}</a></aside>`;
			return block;
		})
		.join('\n');
	return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(arTitle)} | أخبار الآن</title>
<meta property="og:title" content="${esc(arTitle)}">
<meta property="og:site_name" content="أخبار الآن">
<meta name="author" content="فريق التحرير">
<meta property="article:published_time" content="2021-09-14T08:30:00+03:00">
<script>window.dataLayer=[];document.title='pwned';fetch('/track');</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${esc(arTitle)}","author":{"@type":"Person","name":"فريق التحرير"},"datePublished":"2021-09-14T08:30:00+03:00"}</script>
<style>.hidden{display:none}</style>
</head>
<body onload="alert(1)">
<div id="cookie-banner" class="cookie-consent gdpr"><p>${arChrome.cookie}</p><button>موافق</button></div>
<header class="site-header"><nav class="main-menu"><ul><li><a href="/">${arChrome.nav}</a></li><li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li></ul></nav></header>
<div class="breaking-ticker">عاجل: انقطاع الكهرباء في عدة مناطق</div>
<main>
<article class="article">
<h1 class="article-title">${esc(arTitle)}</h1>
<div class="share-bar social"><a href="https://facebook.com/share">${arChrome.share}</a> <a href="https://twitter.com/share">تويتر</a></div>
<figure><img src="/img/putin-assad.jpg" alt="بوتين والأسد في الكرملين"><figcaption>الرئيسان الروسي والسوري في موسكو</figcaption></figure>
<div class="article-body">
${inner}
</div>
<div class="tags"><a href="/tag/syria">سوريا</a> <a href="/tag/russia">روسيا</a></div>
<div class="share-bar social bottom"><a href="https://facebook.com/share">${arChrome.share}</a></div>
</article>
<section class="related-articles"><h3>مقالات ذات صلة</h3><ul><li><a href="/1">${arChrome.related}</a></li><li><a href="/2">ارتفاع أسعار النفط عالميا</a></li></ul></section>
<section id="comments" class="comments"><h3>التعليقات</h3><div class="comment"><p>${arChrome.comment}</p></div><div class="comment"><p>تعليق آخر: شكرا على المعلومات</p></div></section>
</main>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ol><li><a href="/m1">خبر الأكثر قراءة الأول</a></li></ol><div class="newsletter"><p>${arChrome.newsletter}</p><input type="email"></div></aside>
<footer class="site-footer"><p>${arChrome.footer} © 2021</p></footer>
<script src="/js/app.js"></script>
<noscript><img src="/pixel.gif"></noscript>
</body>
</html>
`;
}

const faParagraphs = [
	'امروز می‌خواهم درباره‌ی تجربه‌ام از یادگیری برنامه‌نویسی با زبان پایتون بنویسم. این تجربه برای من بسیار ارزشمند بود و فکر می‌کنم برای دیگران هم مفید باشد.',
	'در ابتدا نمی‌دانستم از کجا شروع کنم. کتاب‌های زیادی خواندم و ویدیوهای آموزشی بسیاری دیدم، اما هیچ‌کدام به اندازه‌ی نوشتن کد واقعی به من کمک نکرد.',
	'نخستین برنامه‌ای که نوشتم یک ماشین‌حساب ساده بود. این برنامه دو عدد می‌گرفت و حاصل‌جمع آن‌ها را نشان می‌داد. در ادامه کد آن را می‌بینید.',
	'پس از آن سراغ کتابخانه‌های بیشتری رفتم و با مفهوم توابع و کلاس‌ها آشنا شدم. هر روز چیز تازه‌ای یاد می‌گرفتم و این حس پیشرفت بسیار لذت‌بخش بود.',
	'مهم‌ترین درسی که گرفتم این بود که اشتباه کردن بخشی از یادگیری است. هر خطایی که در کد می‌دیدم، فرصتی برای فهمیدن عمیق‌تر بود.',
	'اگر شما هم تازه شروع کرده‌اید، پیشنهاد می‌کنم هر روز دست‌کم نیم ساعت کد بنویسید و از پرسیدن سؤال نترسید. جامعه‌ی برنامه‌نویسان فارسی‌زبان بسیار یاری‌رسان است.',
];
const faChrome = {
	nav: 'صفحه‌ی اصلی وبلاگ',
	post: 'نوشته‌ی قبلی: سفر به اصفهان',
	comment: 'دیدگاه خواننده: عالی بود',
	sidebar: 'آخرین نوشته‌ها',
	footer: 'قدرت گرفته از وردپرس',
};

function persianBlog(): string {
	const p = faParagraphs.map((t) => `<p>${t}</p>`);
	return `<!DOCTYPE html>
<html>
<head><meta charset="UTF-8"><title>یادگیری پایتون – وبلاگ من</title>
<meta property="og:site_name" content="وبلاگ من"><meta name="author" content="سارا احمدی">
<link rel="stylesheet" href="/wp-content/themes/x/style.css"></head>
<body class="post-template-default single">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">${faChrome.nav}</a></p></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-42" class="post type-post" dir="rtl" lang="fa">
<header class="entry-header"><h1 class="entry-title">یادگیری پایتون</h1><div class="entry-meta"><span class="byline">سارا احمدی</span></div></header>
<div class="entry-content">
${p[0]}
${p[1]}
<h2>نخستین برنامه</h2>
${p[2]}
<pre dir="ltr"><code class="language-python">a = int(input())
b = int(input())
print(a + b)</code></pre>
${p[3]}
<h2>درس‌ها</h2>
${p[4]}
<ul><li>هر روز تمرین کنید</li><li>از خطاها نترسید</li></ul>
${p[5]}
</div>
</article>
<nav class="navigation post-navigation"><div class="nav-previous"><a href="/prev" rel="prev">${faChrome.post}</a></div></nav>
<div id="comments" class="comments-area"><ol class="comment-list"><li class="comment"><p>${faChrome.comment}</p></li></ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">${faChrome.sidebar}</h2></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">${faChrome.footer}</div></footer>
</div></body></html>
`;
}

const heParagraphs = [
	'ים המלח הוא ימה מלוחה הנמצאת בבקע ים המלח, בין ישראל לירדן. פני הים הם המקום הנמוך ביותר על פני היבשה בכדור הארץ.',
	'מליחות המים בים המלח גבוהה פי עשרה בערך ממליחות מי האוקיינוס, ולכן כמעט אין בו חיים. שמו העברי נגזר מן המלח המצוי בו בשפע.',
	'מפלס הים יורד בקצב של יותר ממטר בשנה, בעיקר בגלל הטיית מי נהר הירדן ושאיבת מים לתעשייה. הירידה גורמת להיווצרות בולענים לאורך החוף.',
	'באזור ים המלח פועלים מפעלים להפקת אשלג, ברום ומגנזיום. לצדם התפתחה תיירות מרפא הנשענת על המים העשירים במינרלים ועל הבוץ השחור.',
	'ההיסטוריה של האזור עשירה: לחופי הים נמצאו מצדה, קומראן ועין גדי, ובמערות קומראן התגלו המגילות הגנוזות.',
];
const heChrome = {
	nav: 'דף ראשי',
	langs: 'English',
	navbox: 'ימים ואגמים בישראל',
	cat: 'קטגוריות: ימים',
	footer: 'הטקסט מוגש בכפוף לרישיון',
	edit: 'עריכת קוד מקור',
};

function hebrewWiki(): string {
	const p = heParagraphs;
	const edit = `<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/edit">${heChrome.edit}</a><span class="mw-editsection-bracket">]</span></span>`;
	return `<!DOCTYPE html>
<html class="client-nojs" lang="he" dir="rtl">
<head><meta charset="UTF-8"><title>ים המלח – ויקיפדיה</title></head>
<body class="skin-vector mediawiki rtl">
<div class="vector-header"><a href="/">${heChrome.nav}</a></div>
<div id="mw-panel"><nav id="p-lang"><ul><li><a href="https://en.wikipedia.org/wiki/Dead_Sea" lang="en">${heChrome.langs}</a></li><li><a href="https://ar.wikipedia.org/" lang="ar">العربية</a></li></ul></nav></div>
<main id="content" class="mw-body">
<h1 id="firstHeading" class="firstHeading">ים המלח</h1>
<div id="bodyContent"><div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
<table class="infobox"><tbody><tr><th colspan="2">ים המלח</th></tr><tr><td>שטח</td><td>605 קמ״ר</td></tr><tr><td>עומק מרבי</td><td>306 מ׳</td></tr></tbody></table>
<p>${p[0]}<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<p>${p[1]}<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<div class="mw-heading mw-heading2"><h2 id="גאוגרפיה">גאוגרפיה</h2>${edit}</div>
<p>${p[2]}</p>
<table class="wikitable"><caption>מפלס הים לאורך השנים</caption><tbody><tr><th>שנה</th><th>מפלס (מ׳)</th></tr><tr><td>1930</td><td>−390</td></tr><tr><td>2020</td><td>−434</td></tr></tbody></table>
<div class="mw-heading mw-heading2"><h2 id="כלכלה">כלכלה</h2>${edit}</div>
<p>${p[3]}</p>
<div class="mw-heading mw-heading2"><h2 id="היסטוריה">היסטוריה</h2>${edit}</div>
<p>${p[4]}</p>
<div class="mw-heading mw-heading2"><h2 id="הערות_שוליים">הערות שוליים</h2>${edit}</div>
<ol class="references"><li id="cite_note-1">מקור ראשון על ים המלח</li><li id="cite_note-2">מקור שני על המליחות</li></ol>
<div class="navbox"><table><tr><th>${heChrome.navbox}</th></tr><tr><td><a href="/k">הכנרת</a> · <a href="/y">ים סוף</a></td></tr></table></div>
</div></div>
<div id="catlinks" class="catlinks"><a href="/c">${heChrome.cat}</a></div>
</div>
</main>
<footer id="footer"><p>${heChrome.footer}</p></footer>
</body></html>
`;
}

const enParagraphs = [
	'Poetry in translation always loses something, but some lines travel better than others. Arabic verse in particular carries a music that English struggles to hold.',
	"Consider the famous opening of the Mu'allaqa of Imru' al-Qais, which every schoolchild in the Arab world knows by heart and which has been translated dozens of times.",
	'Each translator makes a different choice about rhythm and rhyme. None of them is wrong; each shows a different face of the same poem.',
	'Modern poets have continued the conversation. Mahmoud Darwish wrote lines that are quoted at weddings and funerals alike, such as the short phrase above.',
];
const enQuote = 'قفا نبك من ذكرى حبيب ومنزل';
const enQuote2 = 'على هذه الأرض ما يستحق الحياة';

function englishEssay(): string {
	const p = enParagraphs;
	return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Arabic verse in English</title><meta name="author" content="Jane Smith"></head>
<body>
<nav><a href="/">Home</a> <a href="/essays">Essays menu</a></nav>
<article>
<h1>Arabic verse in English</h1>
<p>${p[0]}</p>
<p>${p[1]}</p>
<blockquote lang="ar" dir="rtl"><p>${enQuote}<br>بسقط اللوى بين الدخول فحومل</p></blockquote>
<p>${p[2]}</p>
<h2>Modern voices</h2>
<p>${(p[3] ?? '').replace('the short phrase above', `the short phrase <q lang="ar" dir="rtl">${enQuote2}</q>`)}</p>
</article>
<footer>Copyright Essays Ltd, all rights reserved</footer>
</body></html>
`;
}

export const pages: readonly WebPage[] = [
	{
		name: 'ar-news',
		html: arabicNews(),
		title: arTitle,
		paragraphs: arParagraphs,
		headings: arHeadings,
		boilerplate: Object.values(arChrome).concat(['عاجل', 'مقالات ذات صلة', 'الأكثر قراءة', 'pwned', 'موافق']),
		dir: 'rtl',
		lang: 'ar',
		meta: {title: arTitle, site: 'أخبار الآن', byline: 'فريق التحرير', date: '2021-09-14T08:30:00+03:00', lang: 'ar', dir: 'rtl'},
	},
	{
		name: 'fa-blog',
		html: persianBlog(),
		title: 'یادگیری پایتون',
		paragraphs: [...faParagraphs, 'هر روز تمرین کنید', 'از خطاها نترسید'],
		headings: ['نخستین برنامه', 'درس‌ها'],
		boilerplate: Object.values(faChrome),
		dir: 'rtl',
		lang: '',
		meta: {title: 'یادگیری پایتون', site: 'وبلاگ من', byline: 'سارا احمدی'},
	},
	{
		name: 'he-wiki',
		html: hebrewWiki(),
		title: 'ים המלח',
		paragraphs: [...heParagraphs.map((p, i) => (i < 2 ? `${p}[${i + 1}]` : p)), 'מקור ראשון על ים המלח', 'מקור שני על המליחות'],
		headings: ['גאוגרפיה', 'כלכלה', 'היסטוריה', 'הערות שוליים'],
		boilerplate: Object.values(heChrome),
		dir: 'rtl',
		lang: 'he',
		meta: {title: 'ים המלח', lang: 'he', dir: 'rtl'},
	},
	{
		name: 'en-essay',
		html: englishEssay(),
		title: 'Arabic verse in English',
		paragraphs: [...enParagraphs.slice(0, 3), `${enQuote} بسقط اللوى بين الدخول فحومل`],
		headings: ['Modern voices'],
		boilerplate: ['Essays menu', 'Copyright Essays Ltd'],
		dir: 'ltr',
		lang: 'en-GB',
		meta: {title: 'Arabic verse in English', byline: 'Jane Smith', lang: 'en-GB'},
	},
];

/** Windows-1256 bytes of a string: characters the code page lacks become numeric character references, as a CMS writes them. */
export function encode1256(text: string): Buffer {
	const decoder = new TextDecoder('windows-1256');
	const table = new Map<string, number>();
	for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
	const out: number[] = [];
	for (const ch of text) {
		const b = table.get(ch);
		if (b !== undefined) out.push(b);
		else for (const c of Buffer.from(`&#${ch.codePointAt(0)};`, 'latin1')) out.push(c);
	}
	return Buffer.from(out);
}

/** Windows-1255 bytes (Hebrew letters and ASCII only). */
export function encode1255(text: string): Buffer {
	const decoder = new TextDecoder('windows-1255');
	const table = new Map<string, number>();
	for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
	const out: number[] = [];
	for (const ch of text) {
		const b = table.get(ch);
		if (b !== undefined) out.push(b);
		else for (const c of Buffer.from(`&#${ch.codePointAt(0)};`, 'latin1')) out.push(c);
	}
	return Buffer.from(out);
}

export function page(name: string): WebPage {
	const found = pages.find((p) => p.name === name);
	if (!found) throw new Error(`no page ${name}`);
	return found;
}
