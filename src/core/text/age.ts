/** A signed timestamp's age as messages word it: `42 s old` (or `42 s ago`), `3 s in the future`. */
export function ageText(ageSec: number, past: 'old' | 'ago' = 'old'): string {
  return ageSec >= 0 ? `${ageSec} s ${past}` : `${-ageSec} s in the future`;
}
