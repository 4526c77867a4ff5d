/** Decimals of a currency's minor unit (2 for USD, 0 for JPY, 3 for KWD), as `Intl` knows them. */
export function currencyDecimals(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** How many decimals `value` is written with (`49.99` -> 2, `1e-7` -> 7): the shortest exact form. */
export function decimalsOf(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** A sum rounded half up to `decimals`, computed on the minor unit so 1.005 rounds like 100.5. */
export function roundToDecimals(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
}
