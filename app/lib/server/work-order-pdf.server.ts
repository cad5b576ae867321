// The printable work-order sheet for the workshop, drawn with PDFKit (A4, the built-in Helvetica, so no font
// files to ship). Figures are printed exactly as the database derived them; nothing is computed here.
import PDFDocument from 'pdfkit';
import type { WorkOrderSheet } from '~/lib/shared/views/work-orders';

const MARGIN = 50;
const money = (value: string | null) => (value === null ? '-' : `$${value}`);
const hours = (value: string | null) => (value === null ? '-' : `${value} h`);
const statusText: Record<string, string> = { open: 'Open', in_progress: 'In progress', completed: 'Completed', cancelled: 'Cancelled' };

/** Thumbnails PDFKit can draw (PNG and JPEG only), at most this many on one sheet. */
export const SHEET_THUMBNAIL_TYPES = ['image/png', 'image/jpeg'];
export const SHEET_THUMBNAILS = 6;

/**
 * The sheet as a PDF. `thumbnails` holds the bytes of the photos to draw (by storage path), read by the caller as the
 * signed-in technician; a photo without bytes is listed by name only.
 */
export function renderWorkOrderSheet(sheet: WorkOrderSheet, generatedAt = new Date(), thumbnails: ReadonlyMap<string, Buffer> = new Map()): Promise<Buffer> {
  const { workOrder, parts, ticket, customer, vehicle, photos } = sheet;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `Work order ${workOrder.number}`, Author: 'Support Hub' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;

  // Header band
  doc.rect(0, 0, doc.page.width, 90).fill('#1f6feb');
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(22).text(`Work order ${workOrder.number}`, MARGIN, 30);
  doc.font('Helvetica').fontSize(11).text(`Support Hub workshop sheet  ·  Status: ${statusText[workOrder.status] ?? workOrder.status}`, MARGIN, 60);
  doc.fillColor('#1c2430').moveDown(0);
  doc.y = 110;

  const section = (title: string) => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor('#1c2430').text(title, MARGIN);
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).lineWidth(0.5).strokeColor('#b9c1cb').stroke();
    doc.moveDown(0.4).font('Helvetica').fontSize(11);
  };
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(label, MARGIN, y, { width: 120 });
    doc.font('Helvetica').text(value || '-', MARGIN + 125, y, { width: width - 125 });
  };

  section('Ticket');
  row('Ticket', `${ticket.number}: ${ticket.subject}`);
  row('Created', workOrder.createdAt.slice(0, 16));
  if (workOrder.completedAt) row('Completed', workOrder.completedAt.slice(0, 16));
  row('Technician', workOrder.technicianName ?? '-');

  section('Customer');
  row('Name', customer.name);
  row('Email', customer.email ?? '-');
  row('Phone', customer.phone ?? '-');

  section('Vehicle');
  row('Vehicle', [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ') || '-');
  row('VIN', vehicle.vin ?? '-');

  section('Work');
  doc.text(workOrder.description || 'No description.', MARGIN, doc.y, { width });
  doc.moveDown(0.4);
  row('Estimated hours', hours(workOrder.estimatedHours));
  row('Actual hours', hours(workOrder.actualHours));
  row('Labour rate', `${money(workOrder.laborRate)} per hour`);

  section('Parts');
  const columns = [
    { title: 'Part', x: MARGIN, width: 190, align: 'left' as const },
    { title: 'Number', x: MARGIN + 195, width: 110, align: 'left' as const },
    { title: 'Qty', x: MARGIN + 310, width: 40, align: 'right' as const },
    { title: 'Unit cost', x: MARGIN + 355, width: 70, align: 'right' as const },
    { title: 'Line total', x: MARGIN + 430, width: width - 430, align: 'right' as const },
  ];
  const tableRow = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    const heights = cells.map((cell, index) => doc.heightOfString(cell, { width: columns[index]!.width }));
    cells.forEach((cell, index) => doc.text(cell, columns[index]!.x, y, { width: columns[index]!.width, align: columns[index]!.align }));
    doc.y = y + Math.max(...heights) + 4;
  };
  tableRow(columns.map((column) => column.title), true);
  if (parts.length === 0) {
    doc.font('Helvetica').text('No parts.', MARGIN, doc.y);
  }
  for (const part of parts) tableRow([part.partName, part.partNumber ?? '-', String(part.quantity), money(part.unitCost), money(part.lineTotal)]);

  section('Photos');
  if (photos.length === 0) doc.font('Helvetica').text('No photos in the conversation.', MARGIN, doc.y);
  for (const photo of photos) {
    const sender = photo.senderName ?? 'Customer';
    doc.font('Helvetica').text(`${photo.name}  ·  ${sender}, ${photo.sentAt.slice(0, 16)}${photo.staffOnly ? '  ·  staff only' : ''}`, MARGIN, doc.y, { width });
  }
  const drawn = photos.filter((photo) => thumbnails.has(photo.path)).slice(0, SHEET_THUMBNAILS);
  if (drawn.length > 0) {
    const size = { width: (width - 20) / 3, height: 110 };
    if (doc.y + (size.height + 10) * Math.ceil(drawn.length / 3) > doc.page.height - MARGIN - 80) doc.addPage();
    const top = doc.y + 6;
    drawn.forEach((photo, index) => {
      const x = MARGIN + (index % 3) * (size.width + 10);
      const y = top + Math.floor(index / 3) * (size.height + 10);
      try {
        doc.image(thumbnails.get(photo.path)!, x, y, { fit: [size.width, size.height], align: 'center', valign: 'center' });
      } catch {
        // A file that claims to be a PNG or JPEG but is not one stays listed by name above.
      }
    });
    doc.y = top + Math.ceil(drawn.length / 3) * (size.height + 10);
  }

  section('Totals');
  row('Labour', money(workOrder.laborCost));
  row('Parts', money(workOrder.partsCost));
  doc.fontSize(13);
  row('Total', money(workOrder.totalCost));
  doc.fontSize(11);

  doc.moveDown(2);
  const signatureY = doc.y;
  doc.moveTo(MARGIN, signatureY + 20).lineTo(MARGIN + 200, signatureY + 20).strokeColor('#1c2430').stroke();
  doc.moveTo(MARGIN + 260, signatureY + 20).lineTo(MARGIN + width, signatureY + 20).stroke();
  doc.fontSize(9).fillColor('#5b6675').text('Technician signature', MARGIN, signatureY + 24).text('Customer signature', MARGIN + 260, signatureY + 24);
  doc.text(`Generated ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, MARGIN, doc.page.height - MARGIN - 10, { lineBreak: false });

  doc.end();
  return done;
}
