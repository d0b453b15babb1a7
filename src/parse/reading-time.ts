// Reading time from a word count (text-stats.ts counts the words).

// Silent reading speeds in words per minute from the IReST study
// (Trauzettel-Klosinski & Dietz, 2012, Invest. Ophthalmol. Vis. Sci. 53:5452):
// Arabic reads slowest in words per minute because its words carry clitics.
const wordsPerMinute: Readonly<Record<string, number>> = {
	ar: 138,
	de: 179,
	en: 228,
	es: 218,
	fi: 161,
	fr: 195,
	he: 187,
	it: 188,
	ja: 193,
	nl: 202,
	pl: 166,
	pt: 181,
	ru: 184,
	sl: 180,
	sv: 199,
	tr: 166,
	zh: 158,
};
const defaultWordsPerMinute = 184;

/** Whole minutes to read `words` words in language `lang` (at least 1 if any). */
export function readingMinutes(words: number, lang: string): number {
	if (words <= 0) return 0;
	const base = lang.toLowerCase().split(/[-_]/)[0] ?? '';
	const wpm = wordsPerMinute[base] ?? defaultWordsPerMinute;
	return Math.max(1, Math.round(words / wpm));
}
