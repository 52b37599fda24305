/**
 * An independent RFC 4180 reader for the tests (it does not reuse src/render/csv.ts): fields
 * separated by commas, records by CRLF, quoted fields with doubled quotes. Throws on anything else.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  while (at < body.length) {
    let field = '';
    if (body[at] === '"') {
      at++;
      for (;;) {
        const quote = body.indexOf('"', at);
        if (quote < 0) throw new Error(`unclosed quote at ${at}`);
        field += body.slice(at, quote);
        at = quote + 1;
        if (body[at] !== '"') break;
        field += '"';
        at++;
      }
    } else {
      const end = body.slice(at).search(/[,\r\n"]/);
      const stop = end < 0 ? body.length : at + end;
      if (body[stop] === '"') throw new Error(`quote inside an unquoted field at ${stop}`);
      field = body.slice(at, stop);
      at = stop;
    }
    record.push(field);
    if (body[at] === ',') {
      at++;
    } else if (body.startsWith('\r\n', at)) {
      at += 2;
      records.push(record);
      record = [];
    } else {
      throw new Error(`expected , or CRLF at ${at}`);
    }
  }
  if (record.length > 0) throw new Error('last record not ended by CRLF');
  return records;
}
