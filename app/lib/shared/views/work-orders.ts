// Work orders as the ticket page and the printable sheet show them (app/models/work-order.server.ts reads them,
// app/components/ticket/work-orders.tsx and app/lib/server/work-order-pdf.server.ts render them): types only.
import type { Database } from '../../../../types/database.types';

export type WorkOrderStatus = Database['public']['Enums']['work_order_status'];

export interface WorkOrderPart {
  id: string;
  partName: string;
  partNumber: string | null;
  quantity: number;
  unitCost: string;
  lineTotal: string;
}

export interface WorkOrderNote {
  id: string;
  content: string;
  authorName: string | null;
  createdAt: string;
}

export interface WorkOrder {
  id: string;
  ticketId: string;
  number: string;
  description: string;
  status: WorkOrderStatus;
  estimatedHours: string | null;
  actualHours: string | null;
  laborRate: string;
  laborCost: string;
  partsCost: string;
  totalCost: string;
  technicianName: string | null;
  createdAt: string;
  completedAt: string | null;
  parts: WorkOrderPart[];
  notes: WorkOrderNote[];
}

export interface NewPartLine {
  partName: string;
  partNumber: string | null;
  quantity: number;
  unitCost: number;
}

/** A work order without its parts lines and notes (the sheet lists parts separately and shows no notes). */
export type WorkOrderRow = Omit<WorkOrder, 'parts' | 'notes'>;

export interface WorkOrderSheet {
  workOrder: WorkOrderRow;
  parts: WorkOrderPart[];
  ticket: { number: string; subject: string; status: string };
  customer: { name: string; email: string | null; phone: string | null };
  vehicle: { year: number | null; make: string | null; model: string | null; vin: string | null };
  /** Photos sent in the ticket's conversation, oldest first (issue 17): the sheet lists them, with thumbnails. */
  photos: WorkOrderPhoto[];
}

export interface WorkOrderPhoto {
  path: string;
  name: string;
  mime: string;
  sentAt: string;
  senderName: string | null;
  staffOnly: boolean;
}
