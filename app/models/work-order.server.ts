// Work orders of a ticket: create with parts lines, start, log hours, complete, cancel, internal notes, and
// the printable sheet. Costs are never computed here: labor_cost, parts_cost and total_cost come from the
// database (generated columns and the parts trigger), and the lifecycle is enforced by its trigger.
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import { ticketContactColumns } from '~/models/ticket.server';
import type { NewPartLine, WorkOrder, WorkOrderNote, WorkOrderPart, WorkOrderPhoto, WorkOrderRow, WorkOrderSheet, WorkOrderStatus } from '~/lib/shared/views/work-orders';

const workOrderColumns = (tx: Parameters<Parameters<typeof withRls>[1]>[0]) => tx`
  work_order.id, work_order.ticket_id as "ticketId", work_order.number, work_order.description, work_order.status,
  work_order.estimated_hours::text as "estimatedHours", work_order.actual_hours::text as "actualHours",
  work_order.labor_rate::text as "laborRate", work_order.labor_cost::text as "laborCost",
  work_order.parts_cost::text as "partsCost", work_order.total_cost::text as "totalCost",
  technician.full_name as "technicianName", work_order.created_at::text as "createdAt", work_order.completed_at::text as "completedAt"`;

/** The ticket's work orders with their parts lines and internal notes (what RLS lets the caller read). */
export async function listWorkOrders({ claims, ticketId }: { claims: RlsClaims; ticketId: string }): Promise<WorkOrder[]> {
  return withRls(claims, async (tx) => {
    const orders = await tx<WorkOrderRow[]>`
      select ${workOrderColumns(tx)}
      from public.work_orders work_order
      left join public.profiles technician on technician.id = work_order.assigned_technician_id
      where work_order.ticket_id = ${ticketId}
      order by work_order.created_at, work_order.number`;
    if (orders.length === 0) return [];
    const ids = orders.map((order) => order.id);
    const parts = await tx<(WorkOrderPart & { workOrderId: string })[]>`
      select id, work_order_id as "workOrderId", part_name as "partName", part_number as "partNumber", quantity,
        unit_cost::text as "unitCost", line_total::text as "lineTotal"
      from public.work_order_parts where work_order_id = any(${ids}::uuid[]) order by part_name, id`;
    const notes = await tx<(WorkOrderNote & { workOrderId: string })[]>`
      select note.id, note.work_order_id as "workOrderId", note.content, author.full_name as "authorName", note.created_at::text as "createdAt"
      from public.work_order_notes note left join public.profiles author on author.id = note.author_id
      where note.work_order_id = any(${ids}::uuid[]) order by note.created_at, note.id`;
    return orders.map((order) => ({
      ...order,
      parts: parts.filter((part) => part.workOrderId === order.id),
      notes: notes.filter((note) => note.workOrderId === order.id),
    }));
  });
}

/** Creates an open work order with its parts lines in one transaction; returns its id. */
export async function createWorkOrder({
  claims,
  ticketId,
  description,
  estimatedHours,
  laborRate,
  parts,
}: {
  claims: RlsClaims;
  ticketId: string;
  description: string;
  estimatedHours: number | null;
  laborRate: number;
  parts: NewPartLine[];
}): Promise<string> {
  return withRls(claims, async (tx) => {
    const [created] = await tx<{ id: string }[]>`
      insert into public.work_orders (ticket_id, description, estimated_hours, labor_rate, assigned_technician_id)
      values (${ticketId}, ${description}, ${estimatedHours}, ${laborRate}, (select auth.uid()))
      returning id`;
    const id = created!.id;
    for (const part of parts) {
      await tx`
        insert into public.work_order_parts (work_order_id, part_name, part_number, quantity, unit_cost)
        values (${id}, ${part.partName}, ${part.partNumber}, ${part.quantity}, ${part.unitCost})`;
    }
    return id;
  });
}

/** Moves a work order to `status`, logging actual hours with it when given; false when RLS hid it. */
export async function updateWorkOrder({
  claims,
  id,
  status,
  actualHours,
}: {
  claims: RlsClaims;
  id: string;
  status?: WorkOrderStatus;
  actualHours?: number;
}): Promise<boolean> {
  const updated = await withRls(
    claims,
    (tx) => tx`
      update public.work_orders
      set status = coalesce(${status ?? null}::public.work_order_status, status),
          actual_hours = coalesce(${actualHours ?? null}::numeric, actual_hours)
      where id = ${id}
      returning id`,
  );
  return updated.length === 1;
}

export async function addWorkOrderNote({ claims, id, content }: { claims: RlsClaims; id: string; content: string }): Promise<void> {
  await withRls(claims, (tx) => tx`insert into public.work_order_notes (work_order_id, author_id, content) values (${id}, (select auth.uid()), ${content})`);
}

/** What the printable sheet shows (no internal notes: the sheet may be handed to the customer). */
export async function getWorkOrderSheet({ claims, id }: { claims: RlsClaims; id: string }): Promise<WorkOrderSheet | null> {
  return withRls(claims, async (tx) => {
    const [row] = await tx<(WorkOrderRow & { ticketNumber: string; subject: string; ticketStatus: string; customerName: string; contactEmail: string | null; contactPhone: string | null; vehicleYear: number | null; vehicleMake: string | null; vehicleModel: string | null; vin: string | null })[]>`
      select ${workOrderColumns(tx)}, ticket.number as "ticketNumber", ticket.subject, ticket.status as "ticketStatus",
        ${ticketContactColumns(tx)},
        coalesce(ticket.vehicle_year, vehicle.year) as "vehicleYear", coalesce(ticket.vehicle_make, vehicle.make) as "vehicleMake",
        coalesce(ticket.vehicle_model, vehicle.model) as "vehicleModel", coalesce(ticket.vin, vehicle.vin) as vin
      from public.work_orders work_order
      join public.tickets ticket on ticket.id = work_order.ticket_id
      left join public.profiles customer on customer.id = ticket.customer_id
      left join public.profiles technician on technician.id = work_order.assigned_technician_id
      left join public.customer_vehicles vehicle on vehicle.id = ticket.customer_vehicle_id
      where work_order.id = ${id}`;
    if (!row) return null;
    const parts = await tx<WorkOrderPart[]>`
      select id, part_name as "partName", part_number as "partNumber", quantity, unit_cost::text as "unitCost", line_total::text as "lineTotal"
      from public.work_order_parts where work_order_id = ${id} order by part_name, id`;
    const photos = await tx<WorkOrderPhoto[]>`
      select message.metadata -> 'attachment' ->> 'path' as path, message.metadata -> 'attachment' ->> 'name' as name,
        message.metadata -> 'attachment' ->> 'mime' as mime, message.created_at::text as "sentAt",
        sender.full_name as "senderName", message.is_internal_note as "staffOnly"
      from public.work_orders work_order
      join public.tickets ticket on ticket.id = work_order.ticket_id
      join public.messages message on message.conversation_id = ticket.conversation_id and message.type = 'image'
      left join public.profiles sender on sender.id = message.sender_id
      where work_order.id = ${id}
      order by message.created_at, message.id
      limit 50`;
    const { ticketNumber, subject, ticketStatus, customerName, contactEmail, contactPhone, vehicleYear, vehicleMake, vehicleModel, vin, ...workOrder } = row;
    return {
      workOrder,
      parts: [...parts],
      photos: [...photos],
      ticket: { number: ticketNumber, subject, status: ticketStatus },
      customer: { name: customerName, email: contactEmail, phone: contactPhone },
      vehicle: { year: vehicleYear, make: vehicleMake, model: vehicleModel, vin },
    };
  });
}
