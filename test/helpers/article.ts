// The bundled article's paragraphs as received (from the seed copy in
// fixtures), to check that nothing is lost or edited.
import {readFileSync} from 'node:fs';

const seed = readFileSync(new URL('../fixtures/article-ar.seed.txt', import.meta.url), 'utf8');

/** Paragraphs of the seed: title first, boilerplate (from the newsletter sign-up on) excluded. */
export const seedParagraphs: readonly string[] = (() => {
	const all = seed
		.replace(/\r\n/g, '\n')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	const end = all.findIndex((p) => p.startsWith('اشترك في نشرتنا'));
	return all.slice(0, end);
})();

/** The boilerplate lines that must not appear. */
export const boilerplate: readonly string[] = [
	'اشترك في نشرتنا الإخبارية',
	'اشترك هنا للحصول على آخر الأخبار',
	'يمكنك إلغاء الاشتراك في أي وقت',
	'قد يعجبك ايضا',
	'يستخدم هذا الموقع ملفات تعريف الارتباط',
];
