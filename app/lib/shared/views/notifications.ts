// What the desk bar shows of the signed-in person's unread notifications (app/models/notifications.server.ts reads it).
export interface NotificationItem {
  id: number;
  ticketId: string | null;
  body: string;
  createdAt: string;
}

export interface UnreadNotifications {
  /** Unread, counted up to countCapped (the badge then reads "100+"). */
  unread: number;
  countCapped: number;
  items: NotificationItem[];
}
