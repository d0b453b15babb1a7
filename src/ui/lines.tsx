// Drawing rows that are already laid out: one Ink <Text> per terminal row,
// with truncate-end so Ink can never re-wrap a line (qari's lines are
// already at most as wide as the terminal; truncation is a safety net).

import {Text} from 'ink';
import React from 'react';

export interface LinesProps {
	/** Finished rows (margin, styles and all), top to bottom. */
	readonly lines: readonly string[];
}

/** Rows as given; an empty row is drawn as one space so it keeps its height. */
export function Lines({lines}: LinesProps): React.JSX.Element {
	return (
		<>
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line === '' ? ' ' : line}
				</Text>
			))}
		</>
	);
}
