/**
 * The in-portal inbox (消息): what modules and the shell's timers tell residents and staff.
 *
 * A notice goes to one user (`userId`) or to a role in one division (`role` + `division`). Role notices
 * fan out at READ time: the notice is stored once, and every account holding exactly that role in exactly
 * that division sees it in its inbox — staff who join later see the notices still there, and nothing is
 * written per staff member at delivery. Each reader marks a notice read for themselves (one row per
 * notice and reader), so a colleague reading it does not clear it for the others.
 */
import type { ModuleNotice } from '@cunmen/module-api';

export interface StoredNotice {
  id: number;
  module: string;
  userId: number | null;
  role: string | null;
  division: string | null;
  title: string;
  body: string;
  link: string;
  createdAt: string;
}

/** A notice in one reader's inbox. */
export interface InboxNotice {
  id: number;
  module: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  /** When this reader marked it read; null while unread. */
  readAt: string | null;
}

/** Who reads an inbox: their account id, and the role and division their role notices are matched by. */
export interface Reader {
  id: number;
  role: string;
  division: string;
}

export interface InboxPage {
  items: InboxNotice[];
  page: number;
  pageSize: number;
  /** Notices in the whole inbox (every page). */
  total: number;
}

export interface NotificationStore {
  add(notice: ModuleNotice, at: Date): Promise<StoredNotice>;
  /** The reader's inbox, newest first. */
  list(reader: Reader, page: number, pageSize: number): Promise<InboxPage>;
  unreadCount(reader: Reader): Promise<number>;
  /** Marks one notice read; false when it is not in this reader's inbox (nothing changes then). */
  markRead(reader: Reader, id: number, at: Date): Promise<boolean>;
  /** Marks every notice of the reader's inbox read; how many were unread. */
  markAllRead(reader: Reader, at: Date): Promise<number>;
}
