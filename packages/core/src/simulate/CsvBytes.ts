const MS_PER_DAY = 86_400_000;
const ZERO = 48;
const COMMA = 44;
const NEWLINE = 10;

/**
 * A growable byte buffer that CSV fields are encoded into directly — integers, money, timestamps and
 * ASCII text — without building intermediate strings. Writing tens of millions of rows as strings
 * spends most of its time in garbage collection; this spends none. Pure: the caller takes the bytes
 * (`take`) and does the I/O.
 *
 * @example
 * const out = new CsvBytes();
 * out.int(42); out.comma(); out.money(-3.5); out.newline();
 * new TextDecoder().decode(out.take()); // "42,-3.50\n"
 */
export class CsvBytes {
  private bytes: Uint8Array;
  private used = 0;
  private readonly textCache = new Map<string, Uint8Array>();
  private readonly dayCache = new Map<number, Uint8Array>();

  /** @param capacity initial size in bytes; default 1 MiB. It grows when a write needs more. */
  constructor(capacity = 1 << 20) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Bytes written since the last `take`. */
  get length(): number {
    return this.used;
  }

  /** Makes room for `n` more bytes (callers reserve generously before a row, then write freely). */
  reserve(n: number): void {
    if (this.used + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }

  /** Returns the bytes written so far (a fresh array the caller may keep) and starts empty again. */
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.used);
    this.used = 0;
    return out;
  }

  comma(): void {
    this.reserve(1);
    this.bytes[this.used++] = COMMA;
  }

  newline(): void {
    this.reserve(1);
    this.bytes[this.used++] = NEWLINE;
  }

  /** Plain ASCII text; encodings are cached, so pass repeated values (categories, names). */
  text(value: string): void {
    let encoded = this.textCache.get(value);
    if (encoded === undefined) {
      encoded = new Uint8Array(value.length);
      for (let i = 0; i < value.length; i++) encoded[i] = value.charCodeAt(i) & 0xff;
      // Unbounded caching would leak with free text; the simulator only has a few hundred values.
      if (this.textCache.size < 100_000) this.textCache.set(value, encoded);
    }
    this.copy(encoded);
  }

  /** ASCII text that does not repeat (no caching), e.g. a line formatted elsewhere. */
  ascii(value: string): void {
    this.reserve(value.length);
    for (let i = 0; i < value.length; i++) this.bytes[this.used++] = value.charCodeAt(i) & 0xff;
  }

  // A plain loop beats TypedArray#set for the short runs of a CSV field.
  private copy(source: Uint8Array): void {
    this.reserve(source.length);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = 0; i < source.length; i++) bytes[at++] = source[i] ?? 0;
    this.used = at;
  }

  /** A whole number in decimal. */
  int(value: number): void {
    this.reserve(24);
    const bytes = this.bytes;
    let at = this.used;
    let n = value;
    if (n < 0) {
      bytes[at++] = 45;
      n = -n;
    }
    // Count the digits, then write them from the right: no scratch buffer.
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    at += width;
    for (let i = 1; i <= width; i++) {
      const q = Math.floor(n / 10);
      bytes[at - i] = ZERO + (n - q * 10);
      n = q;
    }
    this.used = at;
  }

  /** Money with at most 2 decimals, as `formatMoney` writes it ("12", "12.30", "-3.05"). */
  money(value: number): void {
    const cents = Math.round(Math.abs(value) * 100);
    if (value < 0 && cents !== 0) {
      this.reserve(1);
      this.bytes[this.used++] = 45;
    }
    const whole = Math.floor(cents / 100);
    this.int(whole);
    const fraction = cents - whole * 100;
    if (fraction !== 0) {
      this.reserve(3);
      const tens = Math.floor(fraction / 10);
      this.bytes[this.used++] = 46;
      this.bytes[this.used++] = ZERO + tens;
      this.bytes[this.used++] = ZERO + fraction - tens * 10;
    }
  }

  /** Epoch milliseconds (UTC) as `YYYY-MM-DD HH:MM:SS`, as `formatTimestamp` writes it. */
  timestamp(ms: number): void {
    const day = Math.floor(ms / MS_PER_DAY);
    let date = this.dayCache.get(day);
    if (date === undefined) {
      date = new Uint8Array(11);
      const text = new Date(day * MS_PER_DAY).toISOString();
      for (let i = 0; i < 10; i++) date[i] = text.charCodeAt(i);
      date[10] = 32;
      this.dayCache.set(day, date);
    }
    this.copy(date);
    this.reserve(8);
    const seconds = Math.floor((ms - day * MS_PER_DAY) / 1000);
    const hours = Math.floor(seconds / 3600);
    const rest = seconds - hours * 3600;
    const minutes = Math.floor(rest / 60);
    this.pair(hours);
    this.bytes[this.used++] = 58;
    this.pair(minutes);
    this.bytes[this.used++] = 58;
    this.pair(rest - minutes * 60);
  }

  private pair(n: number): void {
    const tens = Math.floor(n / 10);
    this.bytes[this.used++] = ZERO + tens;
    this.bytes[this.used++] = ZERO + n - tens * 10;
  }
}
