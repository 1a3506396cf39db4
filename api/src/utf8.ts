// Where bytes stop being UTF-8, for errors that say where: an import file's line, a request
// body's byte. Node's decoder finds the bad sequences (each becomes U+FFFD); a U+FFFD that was
// really in the text (its three bytes EF BF BD) is told from them by looking at the bytes.
import { isUtf8 } from 'node:buffer';

/** Bytes decoded at a time: a whole file as one string could pass V8's longest. */
const SLICE_BYTES = 1 << 24;

/** The 0-based offset of the first byte that is not UTF-8, or undefined if all of them are. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  if (isUtf8(bytes)) return undefined;
  const decoder = new TextDecoder('utf-8');
  let byte = 0;
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    const text = decoder.decode(bytes.subarray(at, at + SLICE_BYTES), { stream: true });
    let from = 0;
    for (let bad = text.indexOf('\uFFFD'); bad >= 0; bad = text.indexOf('\uFFFD', bad + 1)) {
      byte += Buffer.byteLength(text.slice(from, bad));
      if (!(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) return byte;
      byte += 3;
      from = bad + 1;
    }
    byte += Buffer.byteLength(text.slice(from));
  }
  // A sequence cut short by the end: the decoder reports it only when flushed.
  return byte;
}
