// A canned reply as the reply box offers it: already filled in for the ticket (public.render_canned_reply).

export interface CannedReplyOption {
  id: string;
  shortcut: string;
  title: string;
  /** The text with its variables filled from the ticket, its customer and the technician. */
  body: string;
  /** Personal (the technician's own) or shared (managed by admins). */
  personal: boolean;
  /** Macro part: the status it sets on sending, if any. */
  setStatus: string | null;
  /** Macro part: whether it adds an internal note on sending. */
  addsNote: boolean;
}
