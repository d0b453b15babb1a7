// JSON as qari writes it: JSON.stringify's text, safe to print to a terminal
// (parse/sanitize.ts, Logic 3).

import {escapeForJson} from '../parse/sanitize.js';

/** JSON.stringify, with every character a terminal would act on escaped as \uXXXX. */
export function stringifyJson(value: unknown, space?: number): string {
	return escapeForJson(JSON.stringify(value, null, space));
}
