import { csvDocument, csvField } from './csv';

describe('csvField', () => {
  it('neutralises text a spreadsheet would run as a formula, and leaves numbers and plain text alone', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+7 701')).toBe("'+7 701");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('-5')).toBe('-5');
    expect(csvField('12')).toBe('12');
    expect(csvField('Hotline calls received')).toBe('Hotline calls received');
  });
});

describe('csvDocument', () => {
  it('writes UTF-8 with a byte order mark and CRLF line ends, so Excel opens Kazakh as written', () => {
    expect(
      csvDocument([
        ['индикатор', 'мән'],
        ['Қоңыраулар', '12'],
      ]),
    ).toBe('\uFEFFиндикатор,мән\r\nҚоңыраулар,12\r\n');
  });
});
