// Numbers the way the papers print them: thousands split by a narrow no-break space (a thin space that
// never breaks a number across lines), a true minus sign, and a dash for zero.
const THIN = '\u202f';

export function formatThousands(value: number): string {
  if (value === 0) return '–';
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, THIN);
  return value < 0 ? `\u2212${digits}` : digits;
}

/** Øre as kroner with two decimals, "1 234,50" / "−1 361,00". */
export function formatKroner(ore: number): string {
  const abs = Math.abs(ore);
  const kr = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, THIN);
  return `${ore < 0 ? '\u2212' : ''}${kr},${String(abs % 100).padStart(2, '0')}`;
}

/** Øre that are whole kroner, as "42 735 000" / "−133 055". */
export function formatWholeKroner(ore: number): string {
  const kr = Math.round(ore / 100);
  const digits = String(Math.abs(kr)).replace(/\B(?=(\d{3})+(?!\d))/g, THIN);
  return kr < 0 ? `\u2212${digits}` : digits;
}

/** "50.9554" → "50,9554 %". */
export const formatPercent = (percent: string) => `${percent.replace('.', ',')}\u00a0%`;
