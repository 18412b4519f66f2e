// Seeded randomness for the synthetic study, on pure-rand's xoroshiro128+ (never Math.random).
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

export const MAX_SEED = 0xffff_ffff;

/** Throws unless `seed` is an integer the generator can use without truncation. */
export function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  }
}

/** Thin mutable wrapper: the generators below draw many values in a row. */
export class Rng {
  constructor(private readonly gen: JumpableRandomGenerator) {}

  /** Uniform in [0, 1). */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform in (0, 1): safe for logs and logits. */
  open(): number {
    return (Math.floor(this.uniform() * 2 ** 52) + 0.5) / 2 ** 52;
  }

  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }

  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream layout simple). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.open())) * Math.cos(2 * Math.PI * this.uniform());
  }

  /** Standard logistic: the latent error of a logit model. */
  logistic(): number {
    const u = this.open();
    return Math.log(u / (1 - u));
  }

  /** Index drawn with probability proportional to `weights`. */
  pick(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** `k` distinct elements of `candidates`, in a seeded random order. */
  sample(candidates: readonly number[], k: number): number[] {
    const m = Math.min(k, candidates.length);
    if (m * 4 < candidates.length) {
      // Few among many (7 of 1,000,000): rejection of repeats, without copying the candidates.
      const seen = new Set<number>();
      const out: number[] = [];
      while (out.length < m) {
        const j = this.int(0, candidates.length - 1);
        if (seen.has(j)) continue;
        seen.add(j);
        out.push(candidates[j] as number);
      }
      return out;
    }
    const pool = candidates.slice(); // partial Fisher–Yates
    for (let i = 0; i < m; i++) {
      const j = this.int(i, pool.length - 1);
      const tmp = pool[i] as number;
      pool[i] = pool[j] as number;
      pool[j] = tmp;
    }
    return pool.slice(0, m);
  }
}

/**
 * Independent stream number `index` of a seed: separate jumps of one xoroshiro128+ sequence, so a
 * change in how one part draws never shifts the numbers of another part.
 */
export function stream(seed: number, index: number): Rng {
  checkSeed(seed);
  const gen = xoroshiro128plus(seed);
  for (let i = 0; i <= index; i++) gen.jump();
  return new Rng(gen);
}
