import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { FormBlock, PaperworkForm } from '@shared/record/paperwork/form-model';
import { fontBytes } from './fonts';

let ready = false;

/** pdfmake with our fonts in its virtual file system and no file or URL access at all. */
function printer(): typeof pdfmake {
  if (!ready) {
    const vfs = (
      pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }
    ).virtualfs;
    for (const [name, bytes] of fontBytes()) vfs.writeFileSync(name, bytes);
    pdfmake.setFonts({
      Roboto: {
        normal: 'Roboto-Regular.ttf',
        bold: 'Roboto-Medium.ttf',
        italics: 'Roboto-Italic.ttf',
        bolditalics: 'Roboto-MediumItalic.ttf',
      },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    ready = true;
  }
  return pdfmake;
}

const cell = (text: string, header = false): TableCell => ({
  text,
  bold: header,
  fontSize: header ? 8 : 8.5,
});

function block(b: FormBlock): Content[] {
  switch (b.kind) {
    case 'fields':
      return [
        {
          table: {
            widths: [170, '*'],
            body: b.fields.map(([label, value]) => [cell(label, true), cell(value)]),
          },
          margin: [0, 4, 0, 4],
        },
      ];
    case 'table':
      return [
        ...(b.title === null
          ? []
          : [{ text: b.title, bold: true, margin: [0, 6, 0, 2] } as Content]),
        {
          table: {
            headerRows: 1,
            widths: b.table.columns.map(() => '*'),
            body: [
              b.table.columns.map((c) => cell(c, true)),
              ...b.table.rows.map((r) => r.map((c) => cell(c))),
            ],
          },
          margin: [0, 4, 0, 4],
        },
      ];
    case 'lines':
      return [
        { text: b.title, bold: true, margin: [0, 6, 0, 2] },
        { ul: b.lines.map((l) => ({ text: l, fontSize: 9 })) },
      ];
  }
}

/** Renders a filled form to PDF bytes: CONFIDENTIAL on every page, provider and procedure version in the footer (ME-79). */
export async function renderPaperwork(form: PaperworkForm, generatedAt: Date): Promise<Uint8Array> {
  const doc = printer().createPdf({
    info: {
      title: `${form.title} – ${form.providerName}`,
      creator: 'Support plan record',
      producer: 'pdfmake',
    },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 48, 36, 48],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    watermark: { text: 'CONFIDENTIAL', opacity: 0.06, bold: true },
    header: () => ({
      text: form.confidential,
      bold: true,
      alignment: 'center',
      margin: [36, 18, 36, 0],
      fontSize: 9,
    }),
    footer: (page: number, pages: number) => ({
      text: `${form.providerName} · ${form.procedureTitle} · procedure version ${form.procedureVersion} · CONFIDENTIAL · page ${String(page)} of ${String(pages)}`,
      alignment: 'center',
      fontSize: 7.5,
      margin: [36, 14, 36, 0],
    }),
    content: [
      { text: form.title, fontSize: 14, bold: true },
      { text: `${form.providerName} · ${form.stageLabel}`, margin: [0, 2, 0, 0] },
      { text: form.versionLine, bold: true, margin: [0, 2, 0, 0] },
      {
        text: `Generated from the stored record on ${generatedAt.toISOString().slice(0, 10)}. Rules: ${form.rules.join(', ')}`,
        fontSize: 7.5,
        margin: [0, 2, 0, 6],
      },
      ...form.blocks.flatMap(block),
    ],
  });
  const buffer = await doc.getBuffer();
  return new Uint8Array(buffer);
}
