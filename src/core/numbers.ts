/** Number words as news writes them: "five", "twenty-five", "a", "a dozen". */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Regex source matching a number written in words (up to "nine hundred ninety-nine"). */
export const WORD_NUMBER_SOURCE = (() => {
  const u = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|');
  const t = Object.keys(TENS).join('|');
  const below100 = `(?:(?:${t})(?:[- ](?:${Object.keys(UNITS).filter((k) => UNITS[k]! > 0 && UNITS[k]! < 10).join('|')}))?|${u})`;
  return `(?:(?:${below100}|a|one)\\s+hundred(?:\\s+(?:and\\s+)?${below100})?|${below100}|a\\s+dozen|dozens|a|an)`;
})();

/** Value of a number written in words; undefined if not one. */
export function wordNumber(s: string): number | undefined {
  const w = s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (w === 'a' || w === 'an') return 1;
  if (w === 'a dozen') return 12;
  if (w === 'dozens') return undefined;
  let total = 0;
  let rest = w;
  const h = /^(.*?)\s*hundred(?:\s+(?:and\s+)?(.*))?$/.exec(w);
  if (h) {
    const head = h[1] === 'a' || h[1] === '' ? 1 : below100(h[1]!);
    if (head === undefined) return undefined;
    total = head * 100;
    rest = h[2] ?? '';
    if (!rest) return total;
  }
  const v = below100(rest);
  return v === undefined ? undefined : total + v;
}

function below100(s: string): number | undefined {
  if (s in UNITS) return UNITS[s];
  const m = /^([a-z]+)(?:[- ]([a-z]+))?$/.exec(s);
  if (!m) return undefined;
  const t = TENS[m[1]!];
  if (t === undefined) return undefined;
  if (!m[2]) return t;
  const u = UNITS[m[2]];
  return u !== undefined && u > 0 && u < 10 ? t + u : undefined;
}

/** "1,000.5" → 1000.5 */
export function digits(s: string): number {
  return Number(s.replace(/,/g, ''));
}
