/**
 * One CSV field. A text starting with = + - @ (or a tab or carriage return) is prefixed with an
 * apostrophe, so a spreadsheet shows it rather than running it as a formula (OWASP's CSV injection
 * advice); numbers stay numbers.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A CSV document (RFC 4180, CRLF line ends) in UTF-8 with a byte order mark: the mark tells Excel on
 * Windows the file is UTF-8, so Kazakh and Russian open as written.
 */
export const csvDocument = (rows: readonly (readonly string[])[]): string => '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
