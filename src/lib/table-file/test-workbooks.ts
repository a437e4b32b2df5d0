// Workbooks for tests, built as zips by hand so a test can make one that a spreadsheet program never
// would (a bomb, a million rows) without holding its unpacked bytes: the sheet XML is deflated chunk
// by chunk as it is generated.
import { crc32, createDeflateRaw } from 'node:zlib';

type TPart = { name: string; chunks: () => Iterable<string | Buffer> };

async function deflatePart(chunks: Iterable<string | Buffer>) {
  const deflate = createDeflateRaw();
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => { deflate.on('end', resolve); deflate.on('error', reject); });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

/** A zip of the parts, deflated, in the order given. */
export async function buildZip(parts: TPart[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, crc, size } = await deflatePart(part.chunks());
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(0, 12); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const once = (text: string) => () => [text];

/** A workbook of one sheet whose XML is `sheetData` (what goes between <sheetData> and </sheetData>). */
export function buildWorkbook(sheetData: () => Iterable<string | Buffer>): Promise<Uint8Array> {
  const ns = 'http://schemas.openxmlformats.org';
  return buildZip([
    { name: '[Content_Types].xml', chunks: once(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`) },
    { name: '_rels/.rels', chunks: once(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', chunks: once(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', chunks: once(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`) },
    { name: 'xl/sharedStrings.xml', chunks: once(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`) },
    {
      name: 'xl/worksheets/sheet1.xml',
      chunks: function* () {
        yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>`;
        yield* sheetData();
        yield '</sheetData></worksheet>';
      },
    },
  ]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A ledger sheet (konto, prosjekt, periode, beløp) of `rows` data rows, generated 10,000 at a time. */
export function buildLedgerWorkbook(rows: number): Promise<Uint8Array> {
  return buildWorkbook(function* () {
    yield `<row r="1">${inline('A1', 'konto')}${inline('B1', 'prosjekt')}${inline('C1', 'periode')}${inline('D1', 'beløp')}</row>`;
    for (let start = 2; start <= rows + 1; start += 10_000) {
      let chunk = '';
      for (let r = start; r < Math.min(start + 10_000, rows + 2); r++) {
        chunk += `<row r="${r}"><c r="A${r}"><v>10100</v></c><c r="C${r}"><v>5</v></c><c r="D${r}"><v>${r % 997}</v></c></row>`;
      }
      yield chunk;
    }
  });
}

/** A workbook whose sheet XML is `megabytes` MB of one repeated byte inside a cell: packs about 1,000 to 1. */
export function buildWorkbookBomb(megabytes: number): Promise<Uint8Array> {
  const block = Buffer.alloc(1024 * 1024, 0x61);
  return buildWorkbook(function* () {
    yield '<row r="1"><c r="A1" t="inlineStr"><is><t>';
    for (let i = 0; i < megabytes; i++) yield block;
    yield '</t></is></c></row>';
  });
}
