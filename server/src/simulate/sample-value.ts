/**
 * The value of a sample while it is evaluated. HAProxy distinguishes a
 * missing sample (the fetch found nothing: converters do not run, a map
 * default is not returned, an ACL does not match) from a present one.
 */

/** HAProxy sample types that change how an ACL matches by default. */
export type SampleType = 'str' | 'int' | 'ip' | 'bool';

export type Sample =
  /** `values` has several entries only for multi-value fetches in ACL context (`hdr`). */
  | { readonly kind: 'present'; readonly type: SampleType; readonly values: readonly string[] }
  | { readonly kind: 'missing'; readonly why: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

export function present(type: SampleType, ...values: string[]): Sample {
  return { kind: 'present', type, values };
}

export function missing(why: string): Sample {
  return { kind: 'missing', why };
}

/** `reason` completes "cannot simulate: …". */
export function unsupportedSample(reason: string): Sample {
  return { kind: 'unsupported', reason: `cannot simulate: ${reason}` };
}
