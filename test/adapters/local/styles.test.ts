import { StyleSheet, isDateFormat } from '../../../src/adapters/local/styles';

/** styles.xml as LibreOffice 7.4 writes it (trimmed): Arial 10 default, a custom format 164. */
const LIBREOFFICE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="General"/></numFmts><fonts count="2"><font><sz val="10"/><name val="Arial"/><family val="2"/></font><font><sz val="10"/><name val="Arial"/><family val="0"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="164" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false"><alignment horizontal="general"/></xf><xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** styles.xml as exceljs writes it for a generated tab: bold header, money, a fill, a highlight. */
const EXCELJS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;€&quot; #,##0.00"/></numFmts><fonts count="2"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9EAD3"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="1" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><fill><patternFill patternType="solid"><bgColor rgb="FFF4CCCC"/></patternFill></fill></dxf></dxfs></styleSheet>';

describe('StyleSheet', () => {
  test('takes in another workbook\'s styles by appending: every existing index keeps its meaning', () => {
    const target = StyleSheet.parse(LIBREOFFICE);
    const from = StyleSheet.parse(EXCELJS);
    expect(target.importCellStyle(from, 0)).toBe(0); // exceljs's default is the workbook's default
    expect(target.importCellStyle(from, 1)).toBe(2); // money
    expect(target.importCellStyle(from, 2)).toBe(3); // bold
    expect(target.importCellStyle(from, 3)).toBe(4); // integer on a fill
    expect(target.importDifferentialStyle(from, 0)).toBe(0);
    const xml = target.serialise();
    // The money format gets the next free custom id, 165; the font of the money style is the workbook's own.
    expect(xml).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="&quot;€&quot; #,##0.00"/></numFmts>');
    // Bold is completed with the workbook's default font size and name.
    expect(xml).toContain('<fonts count="3"><font><sz val="10"/><name val="Arial"/><family val="2"/></font><font><sz val="10"/><name val="Arial"/><family val="0"/></font><font><b/><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts>');
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain('<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="1" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>');
    expect(xml.replace(/<cellXfs count="5">/, '<cellXfs count="2">').startsWith(LIBREOFFICE.slice(0, LIBREOFFICE.indexOf('<numFmts')))).toBe(true);
    // A workbook without dxfs gets the section where the schema puts it: after cellStyles.
    expect(xml).toContain('</cellStyles><dxfs count="1"><dxf><fill><patternFill patternType="solid"><bgColor rgb="FFF4CCCC"/></patternFill></fill></dxf></dxfs></styleSheet>');
  });

  test('taking the same styles in again adds nothing, so repeated runs do not grow the file', () => {
    const once = StyleSheet.parse(LIBREOFFICE);
    for (let i = 0; i < 4; i++) once.importCellStyle(StyleSheet.parse(EXCELJS), i);
    const twice = StyleSheet.parse(once.serialise());
    for (let i = 0; i < 4; i++) twice.importCellStyle(StyleSheet.parse(EXCELJS), i);
    expect(twice.changed).toBe(false);
    // A font written in another order is the same font.
    const reordered = StyleSheet.parse(EXCELJS.replace('<font><b/></font>', '<font><family val="2"/><b/><name val="Arial"/><sz val="10"/></font>'));
    expect(twice.importCellStyle(reordered, 2)).toBe(3);
    expect(twice.changed).toBe(false);
  });

  test('knows which styles show a date and derives one that does', () => {
    const styles = StyleSheet.parse(LIBREOFFICE);
    expect(styles.isDateStyle(1)).toBe(true); // built-in 14
    expect(styles.isDateStyle(0)).toBe(false);
    expect(styles.isDateStyle(undefined)).toBe(false);
    const dated = styles.withNumberFormat(0, 'dd-mm-yyyy');
    expect(dated).toBe(2);
    expect(styles.isDateStyle(dated)).toBe(true);
    expect(styles.withNumberFormat(0, 'dd-mm-yyyy')).toBe(2);
    expect(styles.serialise()).toContain('<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyNumberFormat="1"><alignment horizontal="general"/></xf></cellXfs>');
  });

  test('isDateFormat', () => {
    for (const code of ['dd-mm-yyyy', 'dd-mm-yyyy hh:mm', 'd/m/yy', '[$-413]d mmmm yyyy', 'hh:mm:ss']) expect([code, isDateFormat(code)]).toEqual([code, true]);
    for (const code of ['General', '0.00', '"€" #,##0.00', '0.0%', '[Red]0', '"dag" 0', '#,##0;[Red]-#,##0']) expect([code, isDateFormat(code)]).toEqual([code, false]);
  });
});
