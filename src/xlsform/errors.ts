/** A form that cannot be read or used: one sentence naming the file, sheet and row. */
export class XlsFormError extends Error {}
