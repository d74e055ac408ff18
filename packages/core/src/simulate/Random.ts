/** 2^-32: turns a 32-bit unsigned integer into a fraction of one. */
const TWO_TO_MINUS_32 = 1 / 4294967296;

/**
 * Mixes a 32-bit word into a well-scrambled 32-bit word (the splitmix32 / murmur3 finaliser), so that
 * neighbouring seeds and stream numbers give unrelated generator states.
 */
function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A small, fast, seeded pseudo-random generator: Chris Doty-Humphrey's sfc32 (passes PractRand to
 * at least 2^40 bytes), seeded from an integer seed and a stream number through splitmix32. Two
 * generators built from the same (seed, stream) yield the same numbers on every platform, which is
 * what makes the simulator reproducible; distinct streams give independent-looking sequences, so
 * each simulated customer can own one and stays the same whatever else changes.
 *
 * @example
 * const rng = new Random(42);
 * const u = rng.next(); // in (0, 1)
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed any integer (safe-integer range; the high and low 32-bit halves both count).
   * @param stream an independent sub-sequence number; default 0.
   */
  constructor(seed: number, stream = 0) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    let h = mix32(lo ^ mix32(hi ^ mix32(stream >>> 0)));
    // splitmix-style expansion of one mixed word into the four state words.
    h = mix32(h);
    this.a = h;
    h = mix32(h + 1);
    this.b = h;
    h = mix32(h + 2);
    this.c = h;
    this.d = 1; // sfc32's counter; starting at 1 is the reference seeding.
    // The reference implementation discards the first outputs so weak seeds are forgotten.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer of the sequence. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /**
   * The next uniform number in the open interval (0, 1): never exactly 0 or 1, so `Math.log(u)` and
   * `1 / u` are always finite in the samplers built on it.
   */
  next(): number {
    return (this.nextUint32() + 0.5) * TWO_TO_MINUS_32;
  }

  /** A uniform integer in [0, n) for n ≥ 1 (n up to 2^32). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }
}
