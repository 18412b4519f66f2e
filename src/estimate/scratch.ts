// Working memory reused from call to call. Cluster totals for 400k clusters, per-level marks and
// the like are megabytes per estimate; fresh arrays for each would cost page faults, and since
// V8 frees a dead typed array only at its next collection, tens of them would pile up in the
// process's memory before it does.
//
// A view is valid until the next call of the same function: take it, fill it, read it, and
// never keep it or hand it to code that might ask for another.

let f64 = new Float64Array(0);
let i32 = new Int32Array(0);
let u8 = new Uint8Array(0);

/** n zeros of float64 (cluster totals of scores). */
export function zeroedF64(n: number): Float64Array {
  if (f64.length < n) f64 = new Float64Array(n);
  const view = f64.subarray(0, n);
  view.fill(0);
  return view;
}

/** n zeros of int32 (per-cluster bit marks). */
export function zeroedI32(n: number): Int32Array {
  if (i32.length < n) i32 = new Int32Array(n);
  const view = i32.subarray(0, n);
  view.fill(0);
  return view;
}

/** n zeros of uint8 (per-cluster marks). */
export function zeroedU8(n: number): Uint8Array {
  if (u8.length < n) u8 = new Uint8Array(n);
  const view = u8.subarray(0, n);
  view.fill(0);
  return view;
}

let values = new Float64Array(0);

/**
 * Room for n per-row values of one estimate (not zeroed: read only at the rows written), apart
 * from the totals above, which the same estimate uses.
 */
export function rowValuesF64(n: number): Float64Array {
  if (values.length < n) values = new Float64Array(n);
  return values.subarray(0, n);
}
