// The body: one page of the current section, exactly `height` rows.

import React from 'react';
import {Lines} from './lines.js';

export interface PageViewProps {
	/** The page's rows, rendered; fewer than `height` at the end of a section. */
	readonly lines: readonly string[];
	readonly height: number;
}

export function PageView({lines, height}: PageViewProps): React.JSX.Element {
	const rows = lines.slice(0, height);
	// Pad with blank rows so the footer stays at the bottom of the screen.
	while (rows.length < height) rows.push('');
	return <Lines lines={rows} />;
}
