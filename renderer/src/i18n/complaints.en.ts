/** Complaint strings (English), R33; the same shape as the Chinese. */
import type { complaintsZh } from './complaints.zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const complaintsEn: Shape<typeof complaintsZh> = {
  title: 'Complaints',
  add: 'Record a complaint',
  intro:
    'The first receiver owns it (R33): logged the day it arrives, the customer contacted within 24 hours, closed by the end of the 3rd working day after the day of receipt (7th if complex). A pause while waiting for the customer stops the close clock. Overdue complaints, and any of a diamond or gold customer, go to the centre.',
  calendarMissing:
    'The {{year}} holiday calendar is not set: close deadlines count Monday to Friday until it is. Confirm the year’s holidays and working weekends in Settings → Holidays.',
  tableLabel: 'Complaints',
  filterLabel: 'Filter by status',
  filter: { open: 'Open', all: 'All' },
  columns: {
    id: 'No.',
    customer: 'Customer and complaint',
    unit: 'Received by',
    received: 'Received',
    contact: 'Contact by',
    close: 'Close by',
    status: 'Status',
    act: 'Steps',
  },
  status: { open: 'To contact', contacted: 'In hand', paused: 'Paused', closed: 'Closed' },
  breached: 'Late',
  escalated: 'Escalated to the centre',
  pausedClock: 'Paused: clock stopped',
  closeBy: 'by {{day}}',
  contactedAt: 'contacted {{at}}',
  closedAt: 'closed {{at}}',
  steps: { contact: 'Contacted', pause: 'Pause', resume: 'Resume', close: 'Close' },
  stepTitle: 'Complaint #{{id}}: {{step}}',
  stepDone: 'Complaint #{{id}}: {{status}}',
  stepForm: {
    at: 'Time',
    reason: 'Reason for the pause',
    reasonHelp: 'e.g. waiting for the customer’s papers; the close clock stops meanwhile',
    reasonRequired: 'Enter the reason',
    resolution: 'Resolution',
    satisfaction: 'Satisfaction (1–5)',
    closeRequired: 'Closing needs the resolution and the satisfaction',
  },
  form: {
    customer: 'Customer',
    customerPlaceholder: 'Name, pinyin or ID',
    receivedAt: 'Received at',
    receivedAtHelp: 'e.g. 2026-11-02 09:30',
    channel: 'Channel',
    unit: 'Received by',
    unitHelp: 'Blank: the customer’s unit',
    content: 'Complaint',
    type: 'Type',
    complex: 'Complex (close within 7 working days)',
  },
  saved: 'Complaint #{{id}} recorded',
  savedClock: 'Contact by {{contact}}, close by {{close}}',
  emptyOpen: 'No open complaints.',
  empty: 'No complaints yet.',
};
