/*
Arabic contextual shaping for terminals that draw one glyph per cell and do not shape.

Logic:
1. Shape in logical order, before measuring and wrapping: a letter's form depends on its
   logical neighbours, and lam + alef becomes one cell, so widths change.
2. The output keeps the input's UTF-16 length, index for index, so style spans, bidi
   levels and break offsets computed on the logical text stay valid. A lam-alef ligature
   therefore takes the alef's index and the lam's index holds U+FEFF, a zero-width filler
   the caller drops on output (as GNU FriBidi does). The filler goes first so that a mark
   on the alef (لاً) still follows the ligature directly: UAX #29 makes U+FEFF a Control,
   and a mark after it would be orphaned as a cluster of its own.
3. Joining types come from ArabicShaping.txt (unlisted Mn/Me/Cf are transparent). A
   letter joins its previous non-transparent neighbour when that one can join forward
   (D, L, C) and the letter can join backward (R, D, C). Transparent marks (harakat) are
   skipped when looking for neighbours and are copied in place, so each mark stays right
   after its base. ZWNJ is U (breaks joining); ZWJ and tatweel are C (cause joining).
4. UAX #9 limits shaping to one directional run. shapeArabic sees no levels, so the
   characters that always sit on a directional boundary next to Arabic letters — LRM,
   the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069) — break
   joining here, though ArabicShaping.txt makes them T (unlisted Cf). FriBidi gets the
   same result from the levels. RLM and ALM stay transparent. Callers that want stricter
   runs can shape each run on its own: lengths are preserved, so the pieces concatenate.
5. A letter's form is decided only when the next non-transparent character is seen, so
   the loop is a single forward pass with one pending letter and no lookahead scans.
6. Only R, D and L letters take presentation forms, as in FriBidi: hamza (U) stays
   U+0621 though Unicode has an "isolated" FE80 for it; it looks the same. Letters with no
   presentation forms at all (most of Arabic Supplement/Extended, U+0620, …) are left as
   they are but still join their neighbours by their joining type, also as FriBidi does.
   When a letter lacks the one form it needs (U+06BA noon ghunna has no initial/medial,
   U+0677 no final), the nominal letter is kept: FriBidi's fallback.
7. The lam-alef ligature forms only when alef follows lam directly. A mark between them
   (لَا) prevents it, as in FriBidi: the lam stays initial/medial, the alef final, and
   the haraka is kept. Fusing them (as npm arabic-reshaper does) loses the mark.
8. Text with no character in the Arabic blocks returns the same string without a copy;
   otherwise its code units are copied into a Uint16Array in one native write (Buffer,
   UTF-16LE), the loop reads them there (faster than charCodeAt on the Markdown parser's
   sliced strings) and overwrites only the letters whose form changes, and the array becomes
   a string in one copy, read as UTF-16LE through a Buffer over the same memory (charCodeAt
   and String.fromCharCode.apply on chunks where the platform is big-endian).
*/
import {outOfRange} from './checked.js';
import {decodeRuns, farValue, type RunTable} from './data/decode.js';
import {bytesOf, copyUnits, isHighSurrogate, isLowSurrogate, pairCodePoint, unitsToString} from './utf16.js';
import {
	FORMS,
	FORMS_FIRST,
	FORMS_LAST,
	JOINING_C,
	JOINING_D,
	JOINING_L,
	JOINING_R,
	JOINING_RUNS,
	JOINING_T,
	JOINING_TYPE_COUNT,
	LAM_ALEF,
} from './data/shaping-data.js';

export interface ShapeOptions {
	/** Form the lam-alef ligatures (default true). */
	readonly ligatures?: boolean;
}

const LAM = 0x0644;
const FILLER = 0xfeff;

// Per-character flags the loop reads, derived once from the joining types.
const TRANSPARENT = 1; // T
const JOINS_BACK = 2; // R, D, C: can join the previous character
const JOINS_FORWARD = 4; // D, L, C: can join the next character
const HAS_FORMS = 8; // an R, D or L letter with presentation forms (Logic 6)

function flagsOf(type: number): number {
	switch (type) {
		case JOINING_T:
			return TRANSPARENT;
		case JOINING_R:
			return JOINS_BACK;
		case JOINING_D:
		case JOINING_C:
			return JOINS_BACK | JOINS_FORWARD;
		case JOINING_L:
			return JOINS_FORWARD;
		default:
			return 0;
	}
}

// The tables are made when text is first shaped or unshaped (loadTables): a command that
// shapes nothing (`sections`, a logical export) does not pay for them at start.
let tablesLoaded = false;
/** Flags of every code point: `direct` holds the BMP's. */
let joiningFlags: RunTable = {direct: new Uint8Array(0), starts: new Int32Array(0), values: new Uint8Array(0)};
/** Flags of each BMP code point. */
let bmpFlags = joiningFlags.direct;
/** FORMS as numbers: isolated, final, initial, medial for each letter from FORMS_FIRST. */
const formTable = new Uint16Array(FORMS.length);
/** Lam-alef ligature by alef − U+0622: isolated at +0, final at +8. */
const lamAlef = new Uint16Array(16);
/** Alef of each lam-alef ligature, by ligature − LIGATURE_FIRST. */
const LIGATURE_FIRST = 0xfef5;
const LIGATURE_LAST = 0xfefc;
const ligatureAlef = new Uint16Array(LIGATURE_LAST - LIGATURE_FIRST + 1);
/** Base letter of each single-letter presentation form, from unshapeFirst on. */
let unshapeFirst = 0;
let unshapeTable = new Uint16Array(0);

function loadTables(): void {
	tablesLoaded = true;
	joiningFlags = decodeRuns(
		JOINING_RUNS,
		0x10000,
		Array.from({length: JOINING_TYPE_COUNT}, (_, type) => flagsOf(type)),
	);
	bmpFlags = joiningFlags.direct;
	// Directional boundaries break joining (Logic 4).
	bmpFlags[0x200e] = 0;
	bmpFlags.fill(0, 0x202a, 0x202f);
	bmpFlags.fill(0, 0x2066, 0x206a);
	// A surrogate pair's flags come from the astral table; a lone surrogate joins nothing.
	bmpFlags.fill(0, 0xd800, 0xe000);

	for (let k = 0; k < FORMS.length; k++) formTable[k] = FORMS.charCodeAt(k);
	for (let letter = FORMS_FIRST; letter <= FORMS_LAST; letter++) {
		const at = (letter - FORMS_FIRST) << 2;
		const any =
			(formTable[at] ?? outOfRange()) | (formTable[at + 1] ?? outOfRange()) | (formTable[at + 2] ?? outOfRange()) | (formTable[at + 3] ?? outOfRange());
		const flags = bmpFlags[letter] ?? outOfRange();
		// R, D and L, not C (no letter with forms is C) and not U (hamza): Logic 6.
		if (any !== 0 && (flags & (JOINS_BACK | JOINS_FORWARD)) !== 0) bmpFlags[letter] = flags | HAS_FORMS;
	}

	for (let k = 0; k + 2 < LAM_ALEF.length; k += 3) {
		const alef = LAM_ALEF.charCodeAt(k);
		const isolated = LAM_ALEF.charCodeAt(k + 1);
		const final = LAM_ALEF.charCodeAt(k + 2);
		lamAlef[alef - 0x0622] = isolated;
		lamAlef[alef - 0x0622 + 8] = final;
		ligatureAlef[isolated - LIGATURE_FIRST] = alef;
		ligatureAlef[final - LIGATURE_FIRST] = alef;
	}

	let min = 0xffff;
	let max = 0;
	for (const form of formTable) {
		if (form === 0) continue;
		min = Math.min(min, form);
		max = Math.max(max, form);
	}
	unshapeFirst = min;
	unshapeTable = new Uint16Array(Math.max(0, max - min + 1));
	formTable.forEach((form, k) => {
		if (form !== 0) unshapeTable[form - min] = FORMS_FIRST + (k >> 2);
	});
}

/** True when the code unit is in a block whose letters shaping can change. */
function isArabicUnit(c: number): boolean {
	return c >= 0x0600 && (c <= 0x06ff || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff));
}

/** Form of `letter` (flagged HAS_FORMS) for its joins; the letter itself when Unicode has no such form (Logic 6). */
function formOf(letter: number, joinsPrevious: boolean, joinsNext: boolean): number {
	const form = formTable[((letter - FORMS_FIRST) << 2) + (joinsPrevious ? 1 : 0) + (joinsNext ? 2 : 0)] ?? outOfRange();
	return form === 0 ? letter : form;
}

/** Output buffer reused across calls of paragraph size (the result is copied out before returning). */
const SCRATCH_MAX = 0x10000;
let scratch = new Uint16Array(4096);
/** The same memory as `scratch`, as a Buffer. */
let scratchBytes = Buffer.from(scratch.buffer);

function scratchOf(length: number): Uint16Array {
	if (length > SCRATCH_MAX) return new Uint16Array(length); // not kept: whole documents would pin memory
	if (scratch.length < length) {
		scratch = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(length, scratch.length * 2)));
		scratchBytes = Buffer.from(scratch.buffer);
	}
	return scratch;
}

/** A Buffer over the memory of an array scratchOf returned. */
function bytesFor(units: Uint16Array): Buffer {
	return units === scratch ? scratchBytes : bytesOf(units);
}

/** Shapes Arabic-script text in LOGICAL order to presentation forms. The result has the SAME UTF-16 length as the input: each code unit maps to the one at the same index; when lam+alef form a ligature, the lam's index holds U+FEFF and the ligature goes at the alef's index (a zero-width filler the caller drops on output, as GNU FriBidi does). Text without Arabic letters comes back unchanged (same string, fast path). */
export function shapeArabic(text: string, options?: ShapeOptions): string {
	const length = text.length;
	let scan = 0;
	while (scan < length && !isArabicUnit(text.charCodeAt(scan))) scan++;
	if (scan === length) return text;
	if (!tablesLoaded) loadTables();

	const ligatures = options?.ligatures ?? true;
	const out = scratchOf(length);
	// The loop reads the copy (a typed array, faster than charCodeAt on the parser's sliced
	// strings) and overwrites only the letters whose form changes.
	copyUnits(text, out, bytesFor(out));
	let changed = false;
	// The previous non-transparent character can join the next one (D, L or C).
	let previousJoinsForward = false;
	// A letter with forms whose form waits for the next non-transparent character (Logic 5):
	// its index, the letter, and its row of formTable with the join to the previous character added.
	let pending = -1;
	let pendingLetter = 0;
	let pendingForms = 0;
	let pendingJoinsPrevious = false;

	for (let i = 0; i < length; i++) {
		const c = out[i] ?? outOfRange();
		let flags = bmpFlags[c] ?? outOfRange();
		if (isHighSurrogate(c) && i + 1 < length) {
			const low = out[i + 1] ?? outOfRange();
			if (isLowSurrogate(low)) {
				flags = farValue(joiningFlags, pairCodePoint(c, low));
				i++;
			}
		}
		if ((flags & TRANSPARENT) !== 0) continue;

		const joinsPrevious = previousJoinsForward && (flags & JOINS_BACK) !== 0;
		if (pending >= 0) {
			if (pendingLetter === LAM && pending === i - 1 && ligatures && (c === 0x0622 || c === 0x0623 || c === 0x0625 || c === 0x0627)) {
				out[pending] = FILLER;
				out[i] = lamAlef[c - 0x0622 + (pendingJoinsPrevious ? 8 : 0)] ?? outOfRange();
				changed = true;
				pending = -1;
				previousJoinsForward = false; // the alef is R
				continue;
			}
			// formOf, with the lookup's first half done when the letter was seen.
			const form = formTable[pendingForms + (joinsPrevious ? 2 : 0)] ?? outOfRange();
			if (form !== 0 && form !== pendingLetter) {
				out[pending] = form;
				changed = true;
			}
			pending = -1;
		}
		if ((flags & HAS_FORMS) !== 0) {
			pending = i;
			pendingLetter = c;
			pendingForms = ((c - FORMS_FIRST) << 2) + (joinsPrevious ? 1 : 0);
			pendingJoinsPrevious = joinsPrevious;
		}
		previousJoinsForward = (flags & JOINS_FORWARD) !== 0;
	}
	if (pending >= 0) {
		const form = formOf(pendingLetter, pendingJoinsPrevious, false);
		if (form !== pendingLetter) {
			out[pending] = form;
			changed = true;
		}
	}
	return changed ? unitsToString(out, bytesFor(out), 0, length) : text;
}

/** Inverse for tests and search: presentation forms back to their base letters (a ligature back to lam+alef, the U+FEFF filler dropped). */
export function unshapeArabic(text: string): string {
	if (!tablesLoaded) loadTables();
	const length = text.length;
	const last = unshapeFirst + unshapeTable.length - 1;
	let scan = 0;
	while (scan < length) {
		const c = text.charCodeAt(scan);
		if ((c >= unshapeFirst && c <= last) || (c >= LIGATURE_FIRST && c <= FILLER)) break;
		scan++;
	}
	if (scan === length) return text;

	const out = scratchOf(length * 2);
	let o = 0;
	for (let i = 0; i < length; i++) {
		const c = text.charCodeAt(i);
		if (c === FILLER) continue;
		if (c >= LIGATURE_FIRST && c <= LIGATURE_LAST) {
			out[o++] = LAM;
			out[o++] = ligatureAlef[c - LIGATURE_FIRST] ?? outOfRange();
			continue;
		}
		const base = c >= unshapeFirst && c <= last ? (unshapeTable[c - unshapeFirst] ?? outOfRange()) : 0;
		out[o++] = base === 0 ? c : base;
	}
	return unitsToString(out, bytesFor(out), 0, o);
}
