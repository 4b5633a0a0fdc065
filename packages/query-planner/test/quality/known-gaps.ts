/**
 * Corpus pairs (`<supergraph>/<operation>`) where Orrery's plan does not yet meet the bar (no
 * more fetches and no deeper than Apollo's), or where Orrery cannot plan at all. The quality test
 * asserts this list EXACTLY: a pair that starts meeting the bar must be removed from it, and a
 * pair missing from it must meet the bar.
 */
export const KNOWN_GAPS: readonly string[] = [];
