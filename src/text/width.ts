/**
Terminal cell widths and grapheme clusters that agree exactly with string-width 8 and
Intl.Segmenter, at a fraction of their cost.

Logic:
1. string-width segments with Intl.Segmenter and runs several regexes on every cluster. That is
   exact but slow, and in Node 20 each step of a Segmenter iterator also costs time proportional
   to the length of the whole string (quadratic on long text). The line breaker measures every
   cluster, so we decide most boundaries and widths ourselves.
2. One byte per code point holds what both decisions need: its width alone, what it adds when it
   follows the first visible code point of a cluster, and its grapheme break class. JavaScript
   regexes have no Grapheme_Cluster_Break or InCB property, so the table was derived from this
   runtime's own oracles (string-width for widths, probes of Intl.Segmenter for break classes)
   and is checked exhaustively against them by test/width.test.ts, which also regenerates it.
3. Most boundaries depend only on the two code points around them (UAX #29 GB3–GB9b: CR LF,
   controls, Hangul syllable parts, extenders, Prepend). Three rules look further back: GB9c
   (Indic conjuncts), GB11 (emoji ZWJ sequences), GB12/13 (regional indicator pairs). Where one
   of them could apply, Intl.Segmenter decides the stretch from the cluster's start (a known
   boundary) to the next certain boundary, in short slices so its cost stays linear. Rules look
   only backwards, so a slice that starts at a true boundary gives true boundaries before its
   last code point.
4. For a cluster with no emoji, keycap, flag or Hangul jamo, string-width's answer reduces to
   its rule 5: the width of the first visible code point plus, for later code points, the width
   of spacing marks and halfwidth/fullwidth forms. Arabic letters with harakat, Hebrew with
   niqqud, Latin with combining marks all take that path. Other clusters get a straight port of
   string-width's rules (its RGI_Emoji regex, the table for widths and Extended_Pictographic).
   So a cluster can be wider than 2: कि is 2 (a spacing vowel sign adds a cell), ᄀᄀ하 is 4.
5. Lone surrogates are their own clusters of width 0 (Intl.Segmenter treats them as Other,
   string-width as invisible). Controls, tabs included, are 0: the layout expands tabs itself.
6. The scan reads each code point once: the one that ends a cluster (the pair rule says break)
   is carried over as the first of the next cluster, with its table byte.
7. The scan marks cluster starts and widths by code unit (measureUnits): the line breaker and
   the reordering walk the text, and read there whether a cluster starts and how wide it is,
   with no list of cluster offsets to follow (a load per cluster) and no second array of
   starts to build for the reordering. measureClusters packs the same into lists by cluster.
   A cluster that is one breakable space or U+2028 gets its own start mark (2 or 3), so the
   line breaker reads the marks and widths only, never the text.
8. Most code units of running text are code points of class Other (letters, digits, spaces,
   punctuation) followed by another such: each is a cluster of its own, as wide as it is
   alone (GB999; with Other before it only Extend and ZWJ join, GB9). A fast loop takes
   those with one lookup per unit in a BMP table (UNIT_FAST: width, start mark, and whether
   the unit may start such a cluster or continue the one before it) and leaves everything
   else (marks, ZWJ, controls, surrogates, Hangul, regional indicators…) to the full scan.
*/

// Grapheme break classes (UAX #29), as Intl.Segmenter behaves; the high nibble of a table byte.
// 0 is Other.
const EXTEND = 1; // Extend and SpacingMark (GB9, GB9a)
const ZWJ = 2;
const CONTROL = 3;
const CR = 4;
const LF = 5;
const PREPEND = 6;
const REGIONAL = 7;
const PICTOGRAPHIC = 8; // Extended_Pictographic
const CONSONANT = 9; // InCB=Consonant
const HANGUL_L = 10;
const HANGUL_V = 11;
const HANGUL_T = 12;
const HANGUL_LV = 13;
const HANGUL_LVT = 14;

const BREAK = 0;
const JOIN = 1;
const UNSURE = 2;

/** The decision between two adjacent code points of classes `previous` and `next`, at index `previous * 16 + next`. */
const PAIR_RULES = buildPairRules();

function decidePair(previous: number, next: number): number {
	if (previous === CR && next === LF) {
		return JOIN; // GB3
	}

	if (previous === CONTROL || previous === CR || previous === LF || next === CONTROL || next === CR || next === LF) {
		return BREAK; // GB4, GB5
	}

	if (previous === HANGUL_L && (next === HANGUL_L || next === HANGUL_V || next === HANGUL_LV || next === HANGUL_LVT)) {
		return JOIN; // GB6
	}

	if ((previous === HANGUL_LV || previous === HANGUL_V) && (next === HANGUL_V || next === HANGUL_T)) {
		return JOIN; // GB7
	}

	if ((previous === HANGUL_LVT || previous === HANGUL_T) && next === HANGUL_T) {
		return JOIN; // GB8
	}

	if (next === EXTEND || next === ZWJ || previous === PREPEND) {
		return JOIN; // GB9, GB9a, GB9b
	}

	// The rules that need more than one code point of context.
	if ((previous === EXTEND || previous === ZWJ) && next === CONSONANT) {
		return UNSURE; // GB9c
	}

	if (previous === ZWJ && next === PICTOGRAPHIC) {
		return UNSURE; // GB11
	}

	if (previous === REGIONAL && next === REGIONAL) {
		return UNSURE; // GB12, GB13
	}

	return BREAK; // GB999
}

function buildPairRules(): Uint8Array {
	const rules = new Uint8Array(256);
	for (let previous = 0; previous < 16; previous++) {
		for (let next = 0; next < 16; next++) {
			rules[previous * 16 + next] = decidePair(previous, next);
		}
	}

	return rules;
}

/** Classes whose presence in a multi-code-point cluster calls for string-width's emoji and Hangul rules. */
const NEEDS_FULL_RULES = 1 << REGIONAL | 1 << PICTOGRAPHIC | 1 << HANGUL_L | 1 << HANGUL_V | 1 << HANGUL_T;

// Table printed by `QARI_PRINT_WIDTH_TABLE=1 node --import tsx --test-name-pattern='code point
// table' test/width.test.ts` (about 25 s; without --test, so the output is not captured) on
// Node 20.20.2 (ICU 78.2, Unicode 17.0) with string-width 8.3.0. A byte per code point:
// bits 0–1 the width of the code point alone, bits 2–3 its width after the first visible code
// point of a cluster (spacing marks and halfwidth/fullwidth forms), bits 4–7 its break class.
// Runs: a palette letter, then the run's length in base 36.
const TABLE_PALETTE = [48, 80, 64, 1, 129, 16, 96, 21, 145, 97, 17, 5, 162, 160, 176, 177, 193, 32, 49, 130, 2, 26, 0, 210, 226, 10, 4, 113, 18];
const TABLE_RUNS = [
	'AaB1A2C1AiD2nAxD9E1D3A1E1DghF34D7nF7D7bF19D1F1D1F2D1F2D1F1D1kG6DaFbD1A1D1aFlDgF1D2tF7G1D1F6D2F2D',
	'1F4DxG1D1F1DuFrD2jFbD1mF9D9F1DoF4D1F9D1F3D1F5D17F3D1gG2D5F9D16FoG1FwH1DhI11F1H1F1D1H3F8H4F1H2D1F',
	'7I8D2F2DkI8D1F1H2DhIkD1I7D1I1D3I4D2F1D1H3F4D2H2D2H2F1D9H1D4I2D1I1D2F2DcI2DcF1D2F2H1D1kF1D1H3F2D4',
	'F2D2F3D3F1DuF2D3F1DbF2H1DhIkD1I7D1I2D1I5D2F1D1H3F5D1F2H1D1H2F1DkF2DlI1F6D1F1H2DhIkD1I7D1I2D1I5D2',
	'F1D1H1F1H1F4D2H2D2H2F1D7F2H1D4I2D1I1D2F2DdI1DgF1D1nH2F1H2D3H3D1H3F1D9H1D14F1H3F1DgIkD1IgD2F1D1F3',
	'H4D1F3D1F4D7F2D1I3D7F2DtF1H2D1kF1D1H1F1H5D1F1H2D1H2F2D7H2DbF2DfH1DcF2H2DhI12F2D1H3F4D1H3D1H3F1J1',
	'D8H1DaF2DtF1H2D1yF1D4H3F3D1F1D1H8DiH2D1pF1D1K1F7DcF8D2qF1D1K1F9DbF7D21F2DrF1D1F1D1F1D4H2D1dFeH1F',
	'5D1F2D5FbD1F10D9F1D1lI17L2F4H1F6L1F2H2F2I1DgI6H2F2I4F3I1L3I2L7I3F4IdF1L1H1F2L6F1I1L1DaL3F1D2qM2n',
	'N1O1P1zQ2gD9pF3DqaF3H1DsF2H1DtF2DuF2DcI1gF2H1F7H8F1H2FbD9F1D19F3A1F1D39F2DyF1D3aF3H4F2H3D4H2F1H6',
	'F3D63F2H2F1D4I1hH1F1H1F7D1F1L1F1L2F8H6FaD2F1D1cF1aD2FcDkF4H1D6I2D6IxF1H1F5H1F1H5F1H2I8DuF9DcF2H1',
	'IuH1F4H2F2H1F3I2DbI3D14F1H1F2H3F1H1F3H2D1cH8F8H2F2D48F3D1FdH1F7D4F1D6F1D2H1F2D5iF1sDejA1F1R1A2Do',
	'S2A5DdE1DcE1DmAgD2oFxD1dE1DmE1D2iE6DfE2Da7T2DcE1U2D4kE1DpT4E3T1E2T1D4E3D5jE1D6fE2DaE1D9E1D1mE2T2',
	'D1E5D9E1D2E1D2T2D2E1D4E1D2E1D1E2D2E1D3E1D3E2U8E3D5E1D1E1D5TcDbE2D2E1D1E2D1E1DiE1D2E1T1DaU6D2E1T1',
	'E4D1E1D1E2D3E1T1D5E1D2T2D4E2DbT2D5T2D2E1D5T1E1D1E1D1E1T1DkE1T1D5E2T2E1T1D1E3T1D2T1D4E1D2T1D2E2T2',
	'E2D1E1D2E1D1E1D1E1D6E1D3E1D6T1DaE2DfE1D2E1D4T1D1T1D4T3D1T1DbE2D1cT3D9E1DeT1DeT1DacE2DcvE3DjT2D1f',
	'T1D4T1DbdF3D3xF1D2oFwD3kUqD1U2hDcU5yDqU1mF4V2T1UcT1U1D2U2eD2F2U2tD5U17D1U1fW1U16D1U2eD9U1cD1U14D',
	'8U1zT1U1T1UmibD3U1jDbsF4D1FaDwF2D28F2D7kF1D3F1D4F1DnH2F2H1D4F1D2bH2D1eHgF2DqFiDdF1D12F8DpFbH2DcM',
	'tD3F3H1D5I3D3I10F1H2F4H2F2H3DvI5F1D1I9DaI5D16F6H2F2H2F2DcF1D8F1H1DiIgD1I3D6I1L1F1L1I2D1cF1D1F3D2',
	'F2D5F2D1F1DuIbH1F2H2D5H1F1D5lIrD8H2F1H2F1H2D1H1F1DiX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX1YrX',
	'1YrX1YrX1YrX1YrDcPnD4Q1dD4W1kwD4xsUe8DuF1DkhFgUaD6FgUzD1UjD1U4D43A1L1Z2oL1pH2!1L1rZ7L9AcDe9F1D6a',
	'F1D45F5D1adI1F3D1F2D5F4I4D1I3D1ItD2F3D4F1D4lF2DfxF4D1tF5D8tF2D25F6D1yFbD1dF4D3eH1F1H1D1hFfD15F1D',
	'2F2DaF3H1D19H3F4H2F2D2G1D4F1DaG1D1eF3I10F5H1F8DfI1H2I1D17F1DcF2H1D1cH3F9H2D1J2D5F4D1H1F1D2kH3F3H',
	'2F1H1F2D6F1D2F1D4dF1H3F8DlF2H2D1jF2D1H2F1H4D2H2D2H3D9H1DaH2D2F7D3F5DbIaD1I1D2I1D1I12D2H3F6D1H1D2',
	'H1D1H4D1H2F1H1F1J1F1DeF2D2aH3F8H2F3H1F1DnF1D29H3F6H1F1H4F2H1F2D6jH3F4D2H4F2H1F2DrF2D2aH3F8H2F1H1',
	'F2D2yF1H1F1H2F6H1F1D2tF1H1F1L2F4H1F5D74H3F9H1F2D5hI7D2I1D2I8D1I2D1IoH6D1H2D2F2H1F1J1H1J1H1F1D3xH',
	'3F4D2F2H4F1D3H1DrI1FaI14F6H1D1F4D8F1D8I1F6H2F3I14J6FdH1F2D5iF1H1F3H1F1H1D5jH1F7D1F6H1F1D2aFmD1H1',
	'F7H1F2H1F2D3eF6D3F1D1F2D1F7J1F1D1uH5D1F2D1H2F1H1F1D9nF2H2D9F2J1H1IdD1IyH2F5D3H2F1H1F1DnF1D445AgF',
	'1D6FfD8ugFcH3F3D1xcF5D1nF7DfgP1D3P4DdgF1D1H1jD7F4D25U4F1DbV2U5D9U5p7D10UyD2nU37DdUpeDeU1fD5y5U4D',
	'1U7D1U2D1U89D9U1DtU3D2U1DeU5D7Ub0D1whF2D1A4D3mkF1aD2FnDf2H2F3D3H6A8F8D2F7DuF4D44F3D57U2fD9UnD1ah',
	'F1jD4F1eD8F1DeF1DmF5D1FfD11sF7D1FhD2F7D1F2D1F5D2sF1D4gF7DafF1D1pF4De4F4D72F2D6rF1D2F1D7F2D5F1Dd6',
	'F7D31F7D1btT1D13E4D2sEcDfE2DfE1DeT1E1D11EaD34E2DcE2DeT1D2TaDjT1E1j#qU1T2EdUaT1UkT1U2T9U1E4U9E7T2',
	'EeU6E4aTxE1D2E9T9E1T1yE1TmD2E2D1E3D2E2T17E4T5EcThD2E1T1E1D1E1T3$5T1rE1T1E1T57E1D1T1rDbE2T4D1ToD7',
	'E2D2E7T1DcE1D2E4D2E1D4T2DdT1E1D2E1D8E2D9E1D5E3DcE3D8E3D2E1D1E1D4E1D6E1D3E1D6E1T2dD1cT1yD5E1T1E3T',
	'3D2T5E2T4E6D3E1D1T2E4D2E1T9E3D62T1E5TcE4T1EfDcE4D1kE8DaE6D14E8DuE2DcE4D2EeD9E13DcT1bD1TaD1T55D2g',
	'E8DeE2TdE3T1zE1T1E3TiE1TdE3TcE5D74EseD2U1ekeD2U1ekeDe1oiAwF2oA3kF6oA2s0D44jk',
].join('');
const PALETTE_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_{|}~';

/** Code points below this have a byte each; above it (planes 4–16) a few runs cover everything. */
const TABLE_SIZE = 0x4_00_00;
const TABLE = new Uint8Array(TABLE_SIZE);
const highStarts: number[] = [];
const highValues: number[] = [];
/** The runs of one value below U+10000, as decodeTable filled them (for buildUnitFast). */
const bmpRunStarts: number[] = [];
const bmpRunValues: number[] = [];
decodeTable();

function decodeTable(): void {
	let codePoint = 0;
	let value = 0;
	let length = 0;
	for (let index = 0; index <= TABLE_RUNS.length; index++) {
		const code = index < TABLE_RUNS.length ? TABLE_RUNS.charCodeAt(index) : 0;
		if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7A)) {
			length = length * 36 + (code <= 0x39 ? code - 0x30 : code - 0x61 + 10);
			continue;
		}

		const end = codePoint + length;
		if (codePoint < TABLE_SIZE) {
			TABLE.fill(value, codePoint, Math.min(end, TABLE_SIZE));
		}

		if (codePoint < 0x1_00_00 && length > 0) {
			bmpRunStarts.push(codePoint);
			bmpRunValues.push(value);
		}

		if (end > TABLE_SIZE && length > 0) {
			highStarts.push(Math.max(codePoint, TABLE_SIZE));
			highValues.push(value);
		}

		codePoint = end;
		length = 0;
		value = TABLE_PALETTE[PALETTE_LETTERS.indexOf(TABLE_RUNS.charAt(index))] ?? 0;
	}
}

function highInfo(codePoint: number): number {
	let index = highStarts.length - 1;
	while (index > 0 && (highStarts[index] ?? 0) > codePoint) {
		index--;
	}

	return highValues[index] ?? 0;
}

/**
Packed properties of a code point: bits 0–1 its width alone, bits 2–3 the width it adds after
the first visible code point of a cluster, bits 4–7 its grapheme break class.
*/
export function codePointInfo(codePoint: number): number {
	return codePoint < TABLE_SIZE ? TABLE[codePoint] ?? 0 : highInfo(codePoint);
}

// string-width's regexes, for the clusters that need its emoji rules. Built with `new RegExp`
// because the `v` flag is newer than our TypeScript target (Node 20 supports it), and only when
// first needed: compiling \p{RGI_Emoji} takes about 10 ms, creating an Intl.Segmenter about 6 ms.
let rgiEmojiRegex: RegExp | undefined;
const unqualifiedKeycapRegex = /^[\d#*]\u20E3$/;

function isKeycapBase(codePoint: number): boolean {
	return (codePoint >= 0x30 && codePoint <= 0x39) || codePoint === 0x23 || codePoint === 0x2A;
}

function isHangulLeadingJamo(codePoint: number): boolean {
	return (codePoint >= 0x11_00 && codePoint <= 0x11_5F) || (codePoint >= 0xA9_60 && codePoint <= 0xA9_7C);
}

function isHangulVowelJamo(codePoint: number): boolean {
	return (codePoint >= 0x11_60 && codePoint <= 0x11_A7) || (codePoint >= 0xD7_B0 && codePoint <= 0xD7_C6);
}

function isHangulTrailingJamo(codePoint: number): boolean {
	return (codePoint >= 0x11_A8 && codePoint <= 0x11_FF) || (codePoint >= 0xD7_CB && codePoint <= 0xD7_FB);
}

function isHangulJamo(codePoint: number): boolean {
	return isHangulLeadingJamo(codePoint) || isHangulVowelJamo(codePoint) || isHangulTrailingJamo(codePoint);
}

/** string-width's rules for one segment, in its order. A width of a visible code point alone is its East Asian Width. */
function fullRulesWidth(segment: string): number {
	const codePoints: number[] = [];
	for (const character of segment) {
		codePoints.push(character.codePointAt(0) ?? 0);
	}

	let first = 0;
	while (first < codePoints.length && (codePointInfo(codePoints[first] ?? 0) & 3) === 0) {
		first++;
	}

	if (first === codePoints.length) {
		return 0;
	}

	rgiEmojiRegex ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
	if (rgiEmojiRegex.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment, codePoints)) {
		return 2;
	}

	const base = codePoints[first] ?? 0;
	if (isHangulJamo(base)) {
		return hangulWidth(codePoints.slice(first).filter(codePoint => (codePointInfo(codePoint) & 3) !== 0));
	}

	let width = codePointInfo(base) & 3;
	for (let index = first + 1; index < codePoints.length; index++) {
		width += (codePointInfo(codePoints[index] ?? 0) >> 2) & 3;
	}

	return width;
}

function isDoubleWidthNonRgiEmojiSequence(segment: string, codePoints: readonly number[]): boolean {
	if (segment.length > 50) {
		return false;
	}

	if (unqualifiedKeycapRegex.test(segment)) {
		return true;
	}

	if (!segment.includes('\u200D')) {
		return false;
	}

	let pictographics = 0;
	for (const codePoint of codePoints) {
		if ((codePointInfo(codePoint) >> 4) === PICTOGRAPHIC) {
			pictographics++;
		}
	}

	return pictographics >= 2;
}

/** Modern L+V(+T) jamo make one two-cell syllable; unmatched jamo stay additive (string-width rule 4). */
function hangulWidth(visible: readonly number[]): number {
	let width = 0;
	for (let index = 0; index < visible.length; index++) {
		const codePoint = visible[index] ?? 0;
		if (!isHangulJamo(codePoint)) {
			for (let remaining = index; remaining < visible.length; remaining++) {
				width += codePointInfo(visible[remaining] ?? 0) & 3;
			}

			return width;
		}

		if (isHangulLeadingJamo(codePoint) && isHangulVowelJamo(visible[index + 1] ?? 0)) {
			width += 2;
			index += isHangulTrailingJamo(visible[index + 2] ?? 0) ? 2 : 1;
			continue;
		}

		width += codePointInfo(codePoint) & 3;
	}

	return width;
}

/** Cluster boundaries and widths, as parallel arrays; `count` clusters. */
export interface Measure {
	/** Start offset (UTF-16) of each cluster, then the text's length: `count + 1` entries are valid. */
	starts: Uint32Array;
	/** Width in cells of each cluster: `count` entries are valid. Saturates at 255 (a cluster that wide needs thousands of spacing marks). */
	widths: Uint8Array;
	count: number;
}

/**
Cluster boundaries and widths indexed by code unit, for passes that walk the text itself (the
line breaker, the reordering): no index from clusters to code units to follow.
*/
export interface UnitMeasure {
	/**
	Nonzero at each code unit where a cluster starts, else 0; entry `text.length` is 1 too:
	`text.length + 1` entries are valid. For the line breaker (wrap.ts), a cluster that is one
	breakable space (isBreakSpace) is marked BREAK_SPACE_START (2) and a U+2028 (always a cluster
	of its own) FORCED_BREAK_START (3); any other is CLUSTER_START (1).
	*/
	starts: Uint8Array;
	/** At a cluster's first code unit its width in cells (saturating at 255, as Measure's), 0 at the others: `text.length` entries are valid. */
	widths: Uint8Array;
	/** Number of clusters. */
	count: number;
}

/** Breakable spaces (wrap.ts): a line may end after them and they hang. NBSP-like spaces are not here. */
export function isBreakSpace(code: number): boolean {
	return (
		code === 0x20 ||
		(code >= 0x16_80 &&
			(code === 0x20_0B ||
				code === 0x16_80 ||
				(code >= 0x20_00 && code <= 0x20_06) ||
				(code >= 0x20_08 && code <= 0x20_0A) ||
				code === 0x20_5F ||
				code === 0x30_00))
	);
}

/** UnitMeasure.starts values (Logic 8). */
export const CLUSTER_START = 1;
export const BREAK_SPACE_START = 2;
export const FORCED_BREAK_START = 3;
const LINE_SEPARATOR = 0x20_28;

// Per BMP code unit, for scanClusters (Logic 8): bits 0–1 its width alone (as in TABLE), bits
// 2–3 the UnitMeasure.starts mark of a cluster of this unit alone, ALONE when it is a code point
// of class Other (not a surrogate), JOINS_PREVIOUS when a cluster may continue with it
// (Extend, ZWJ, or a high surrogate, which may start an astral one).
const ALONE = 0x40;
const JOINS_PREVIOUS = 0x80;
const UNIT_FAST = buildUnitFast();

function buildUnitFast(): Uint8Array {
	// By the table's runs, not unit by unit: this runs at every start.
	const table = new Uint8Array(0x1_00_00);
	for (let r = 0; r < bmpRunStarts.length; r++) {
		const info = bmpRunValues[r] ?? 0;
		const kind = info >> 4;
		let bits = (info & 3) | (CLUSTER_START << 2);
		if (kind === 0) bits |= ALONE;
		if (kind === EXTEND || kind === ZWJ) bits |= JOINS_PREVIOUS;
		table.fill(bits, bmpRunStarts[r] ?? 0, Math.min(bmpRunStarts[r + 1] ?? 0x1_00_00, 0x1_00_00));
	}

	// Surrogates are never a code point alone; a high one may start an astral cluster.
	for (let unit = 0xD8_00; unit <= 0xDF_FF; unit++) {
		table[unit] = ((table[unit] ?? 0) & ~ALONE) | (unit <= 0xDB_FF ? JOINS_PREVIOUS : 0);
	}

	// Break spaces and the line separator mark their clusters as such.
	for (let unit = 0x20; unit <= 0x30_00; unit = unit === 0x20 ? 0x16_80 : unit + 1) {
		if (isBreakSpace(unit)) table[unit] = ((table[unit] ?? 0) & ~0x0C) | (BREAK_SPACE_START << 2);
	}

	table[LINE_SEPARATOR] = ((table[LINE_SEPARATOR] ?? 0) & ~0x0C) | (FORCED_BREAK_START << 2);
	return table;
}

let segmenter: Intl.Segmenter | undefined;

/** Slices handed to Intl.Segmenter stay about this short, because each step of its iterator costs time proportional to the slice. */
const SLICE_LENGTH = 256;

/**
Walks `text` cluster by cluster. With `out`, marks each cluster's start and writes its width
there (its arrays must hold `text.length + 1` entries and be 0 where no cluster starts) and
returns the number of clusters; without, returns the total width. One function for both keeps
the hot loop in one place.
*/
function scanClusters(text: string, out: UnitMeasure | undefined): number {
	const length = text.length;
	let total = 0;
	let count = 0;
	let start = 0;
	// The code point after a cluster was read to find where the cluster ends; it starts the
	// next cluster, so it is not read again: its info (-1 = not read), code point and end.
	let knownInfo = -1;
	let knownCodePoint = 0;
	let knownEnd = 0;
	const fast = UNIT_FAST;
	const starts = out?.starts;
	const widths = out?.widths;
	while (start < length) {
		// Fast path (Logic 8): a BMP code point of class Other is a cluster of its own, as wide
		// as it is alone, unless what follows may join it (GB9 Extend/ZWJ, or an astral character).
		let unit = fast[text.charCodeAt(start)] ?? 0;
		if ((unit & ALONE) !== 0) {
			const from = start;
			while ((unit & ALONE) !== 0) {
				const next = start + 1;
				const nextUnit = next < length ? (fast[text.charCodeAt(next)] ?? 0) : 0;
				if ((nextUnit & JOINS_PREVIOUS) !== 0) {
					break;
				}

				if (starts === undefined || widths === undefined) {
					total += unit & 3;
				} else {
					starts[start] = (unit >> 2) & 3;
					widths[start] = unit & 3;
					count++;
				}

				start = next;
				unit = nextUnit;
			}

			if (start !== from) {
				knownInfo = -1;
				if (start === length) {
					break;
				}
			}
		}

		let codePoint: number;
		let end: number;
		let info: number;
		if (knownInfo >= 0) {
			codePoint = knownCodePoint;
			end = knownEnd;
			info = knownInfo;
			knownInfo = -1;
		} else {
			codePoint = text.charCodeAt(start);
			end = start + 1;
			if (codePoint >= 0xD8_00 && codePoint <= 0xDB_FF && end < length) {
				const low = text.charCodeAt(end);
				if (low >= 0xDC_00 && low <= 0xDF_FF) {
					codePoint = 0x1_00_00 + ((codePoint - 0xD8_00) << 10) + (low - 0xDC_00);
					end++;
				}
			}

			info = codePoint < TABLE_SIZE ? TABLE[codePoint] ?? 0 : highInfo(codePoint);
		}

		let previous = info >> 4;
		let width = info & 3;
		let visible = width !== 0;
		let joined = false;
		let fullRules = false;
		let unsure = false;
		while (end < length) {
			let next = text.charCodeAt(end);
			let size = 1;
			if (next >= 0xD8_00 && next <= 0xDB_FF && end + 1 < length) {
				const low = text.charCodeAt(end + 1);
				if (low >= 0xDC_00 && low <= 0xDF_FF) {
					next = 0x1_00_00 + ((next - 0xD8_00) << 10) + (low - 0xDC_00);
					size = 2;
				}
			}

			const nextInfo = next < TABLE_SIZE ? TABLE[next] ?? 0 : highInfo(next);
			const nextClass = nextInfo >> 4;
			const rule = PAIR_RULES[previous * 16 + nextClass];
			if (rule === BREAK) {
				knownInfo = nextInfo;
				knownCodePoint = next;
				knownEnd = end + size;
				break;
			}

			if (rule === UNSURE) {
				unsure = true;
				break;
			}

			if (visible) {
				width += (nextInfo >> 2) & 3;
			} else if ((nextInfo & 3) !== 0) {
				width = nextInfo & 3;
				visible = true;
			}

			if (!joined) {
				joined = true;
				fullRules = isKeycapBase(codePoint) || (NEEDS_FULL_RULES >> previous & 1) !== 0;
			}

			if ((NEEDS_FULL_RULES >> nextClass & 1) !== 0) {
				fullRules = true;
			}

			previous = nextClass;
			end += size;
		}

		if (unsure) {
			const stop = findCertainBoundary(text, end);
			if (out === undefined) {
				total += segmentWidth(text, start, stop);
			} else {
				count = segmentInto(text, start, stop, out, count);
			}

			start = stop;
			continue;
		}

		if (fullRules) {
			width = fullRulesWidth(text.slice(start, end));
		}

		if (out === undefined) {
			total += width;
		} else {
			out.starts[start] = end === start + 1 ? ((fast[codePoint] ?? 0) >> 2) & 3 : CLUSTER_START;
			out.widths[start] = width > 255 ? 255 : width;
			count++;
		}

		start = end;
	}

	if (out !== undefined) {
		out.starts[length] = CLUSTER_START;
		out.count = count;
		return count;
	}

	return total;
}

/** The first offset after `from` (which follows an uncertain pair) where a boundary is certain, or the text's length. */
function findCertainBoundary(text: string, from: number): number {
	const length = text.length;
	let previous = codePointInfo(text.codePointAt(from) ?? 0) >> 4;
	let index = from + ((text.codePointAt(from) ?? 0) > 0xFF_FF ? 2 : 1);
	while (index < length) {
		const codePoint = text.codePointAt(index) ?? 0;
		const next = codePointInfo(codePoint) >> 4;
		if (PAIR_RULES[previous * 16 + next] === BREAK) {
			return index;
		}

		previous = next;
		index += codePoint > 0xFF_FF ? 2 : 1;
	}

	return length;
}

/**
Calls `visit(start, segment)` for each cluster of text[from, to), where both ends are
boundaries, by Intl.Segmenter over short slices: only boundaries before a slice's last code
point are trusted, and a slice grows only when a single cluster is longer than it.
*/
function segmentRange(text: string, from: number, to: number, visit: (start: number, segment: string) => void): void {
	let start = from;
	let sliceLength = SLICE_LENGTH;
	while (start < to) {
		let end = Math.min(to, start + sliceLength);
		if (end < to) {
			const last = text.charCodeAt(end - 1);
			if (last >= 0xD8_00 && last <= 0xDB_FF) {
				end--;
			}
		}

		const grown = sliceLength > SLICE_LENGTH;
		let reached = start;
		segmenter ??= new Intl.Segmenter('en', {granularity: 'grapheme'});
		for (const {segment, index} of segmenter.segment(text.slice(start, end))) {
			const segmentEnd = start + index + segment.length;
			if (segmentEnd === end && end < to) {
				break;
			}

			visit(start + index, segment);
			reached = segmentEnd;
			if (grown) {
				break;
			}
		}

		if (reached === start) {
			sliceLength *= 2;
		} else {
			sliceLength = SLICE_LENGTH;
			start = reached;
		}
	}
}

function segmentWidth(text: string, from: number, to: number): number {
	let total = 0;
	segmentRange(text, from, to, (_start, segment) => {
		total += oneClusterWidth(segment);
	});
	return total;
}

function segmentInto(text: string, from: number, to: number, out: UnitMeasure, count: number): number {
	let index = count;
	segmentRange(text, from, to, (start, segment) => {
		const width = oneClusterWidth(segment);
		out.starts[start] = segment.length === 1 ? ((UNIT_FAST[segment.charCodeAt(0)] ?? 0) >> 2) & 3 : CLUSTER_START;
		out.widths[start] = width > 255 ? 255 : width;
		index++;
	});
	return index;
}

/** Width of a string that Intl.Segmenter found to be one cluster. */
function oneClusterWidth(segment: string): number {
	const first = segment.codePointAt(0) ?? 0;
	const firstSize = first > 0xFF_FF ? 2 : 1;
	const info = codePointInfo(first);
	if (firstSize === segment.length) {
		return info & 3;
	}

	let width = info & 3;
	let visible = width !== 0;
	let fullRules = isKeycapBase(first) || (NEEDS_FULL_RULES >> (info >> 4) & 1) !== 0;
	for (let index = firstSize; index < segment.length;) {
		const codePoint = segment.codePointAt(index) ?? 0;
		const nextInfo = codePointInfo(codePoint);
		if (visible) {
			width += (nextInfo >> 2) & 3;
		} else if ((nextInfo & 3) !== 0) {
			width = nextInfo & 3;
			visible = true;
		}

		if ((NEEDS_FULL_RULES >> (nextInfo >> 4) & 1) !== 0) {
			fullRules = true;
		}

		index += codePoint > 0xFF_FF ? 2 : 1;
	}

	return fullRules ? fullRulesWidth(segment) : width;
}

/**
Terminal cell width of one grapheme cluster, equal to `stringWidth(cluster)` from string-width 8
with its defaults (ambiguous characters narrow, ANSI codes not counted): 0 for controls, marks
and other invisible clusters, 2 for wide and fullwidth characters and emoji, else 1 — more only
where string-width adds spacing marks or unjoined jamo (कि is 2). Given more than one cluster it
returns their total width, like `textWidth`.
*/
export function clusterWidth(cluster: string): number {
	const length = cluster.length;
	if (length === 0) {
		return 0;
	}

	const first = cluster.codePointAt(0) ?? 0;
	const firstSize = first > 0xFF_FF ? 2 : 1;
	const info = codePointInfo(first);
	if (firstSize === length) {
		return info & 3;
	}

	// One cluster only if every adjacent pair is certain to join; otherwise measure it as text.
	let previous = info >> 4;
	for (let index = firstSize; index < length;) {
		const codePoint = cluster.codePointAt(index) ?? 0;
		const next = codePointInfo(codePoint) >> 4;
		if (PAIR_RULES[previous * 16 + next] !== JOIN) {
			return textWidth(cluster);
		}

		previous = next;
		index += codePoint > 0xFF_FF ? 2 : 1;
	}

	return oneClusterWidth(cluster);
}

/** Width of a whole string in terminal cells; equals `stringWidth(text)` for any text without ANSI escape codes (which it does not strip). */
export function textWidth(text: string): number {
	return scanClusters(text, undefined);
}

/**
Cluster boundaries and widths in one pass, indexed by code unit. Fills `starts` and `widths`
(`text.length + 1` and `text.length` entries, see UnitMeasure) and sets `count`. Pass the
previous result back as `into` to reuse its arrays; they grow as needed.
*/
export function measureUnits(text: string, into?: UnitMeasure): UnitMeasure {
	const length = text.length;
	const measure = into ?? {starts: new Uint8Array(length + 1), widths: new Uint8Array(length + 1), count: 0};
	if (measure.starts.length < length + 1 || measure.widths.length < length + 1) {
		const size = Math.max(length + 1, measure.starts.length * 2);
		measure.starts = new Uint8Array(size);
		measure.widths = new Uint8Array(size);
	}

	// The scan writes only where clusters start.
	measure.starts.fill(0, 0, length);
	measure.widths.fill(0, 0, length);
	scanClusters(text, measure);
	return measure;
}

/** measureUnits's scratch for measureClusters. */
let unitScratch: UnitMeasure = {starts: new Uint8Array(256), widths: new Uint8Array(256), count: 0};

/**
Cluster boundaries and widths in one pass, indexed by cluster. Fills `starts` (count + 1 entries,
the last being `text.length`) and `widths` (count entries) and sets `count`. Pass the previous
result back as `into` to reuse its arrays; they grow as needed.
*/
export function measureClusters(text: string, into?: Measure): Measure {
	const length = text.length;
	const measure = into ?? {starts: new Uint32Array(length + 1), widths: new Uint8Array(length), count: 0};
	if (measure.starts.length < length + 1) {
		measure.starts = new Uint32Array(Math.max(length + 1, measure.starts.length * 2));
	}

	if (measure.widths.length < length) {
		measure.widths = new Uint8Array(Math.max(length, measure.widths.length * 2));
	}

	const units = measureUnits(text, unitScratch);
	let count = 0;
	for (let index = 0; index < length; index++) {
		if (units.starts[index] !== 0) {
			measure.starts[count] = index;
			measure.widths[count] = units.widths[index] ?? 0;
			count++;
		}
	}

	measure.starts[count] = length;
	measure.count = count;
	unitScratch = units.starts.length > 1 << 18 ? {starts: new Uint8Array(256), widths: new Uint8Array(256), count: 0} : units;
	return measure;
}

/** Extended grapheme cluster boundaries of `text`, as Intl.Segmenter('en', {granularity: 'grapheme'}) gives them: the start offset (UTF-16) of each cluster, then `text.length`. */
export function clusterBoundaries(text: string): Uint32Array {
	const measure = measureClusters(text);
	return measure.starts.slice(0, measure.count + 1);
}
