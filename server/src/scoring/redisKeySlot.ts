/**
 * The Redis Cluster slot of a key (CRC16/XMODEM of the key, or of its `{hash tag}`, mod 16384),
 * so commands can be pipelined per slot: a Cluster pipeline must stay within one slot.
 */
export function redisKeySlot(key: string): number {
  const bytes = new TextEncoder().encode(key);
  let start = 0;
  let end = bytes.length;
  const open = bytes.indexOf(0x7b); // {
  if (open !== -1) {
    const close = bytes.indexOf(0x7d, open + 1); // }
    if (close > open + 1) {
      start = open + 1;
      end = close;
    }
  }
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i]! << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}
