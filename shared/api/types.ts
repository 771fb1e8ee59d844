/** Result types of the API. Plain JSON: they cross IPC, the CLI and the test bridge. */

import type { ProductLine } from '../domain/lines';
import type { Employment, ManagerPost, UnitKind } from '../domain/organisation';

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
  today: string;
  policyVersion: number;
}

export interface AreaCode {
  code: string;
  name: string;
  urban: boolean;
  customerCount: number;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  areaCode: string | null;
  mainLine: ProductLine | null;
  minManagers: number;
  retiredOn: string | null;
  createdAt: string;
}

/** A unit with its R4 staffing: active account managers against its minimum. */
export interface UnitView extends Unit {
  parentName: string | null;
  accountManagers: number;
  staffingGap: number;
  customerCount: number;
}

export interface Manager {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  post: ManagerPost;
  employment: Employment;
  phone: string | null;
  active: boolean;
  startedOn: string;
  leftOn: string | null;
}

export type ManagerChangeKind = 'register' | 'edit' | 'move' | 'leave';

export interface ManagerChange {
  id: number;
  managerId: number;
  managerName: string;
  kind: ManagerChangeKind;
  effectiveOn: string;
  recordedAt: string;
  dueOn: string;
  /** R30: recorded after its due date (the 25th). */
  late: boolean;
  fromUnitName: string | null;
  toUnitName: string | null;
  summary: string;
}

export interface CustomerRef {
  id: string;
  name: string;
}

export interface CustomerRow {
  id: string;
  name: string;
  shortName: string | null;
  unitId: number;
  unit: string;
  areaCode: string;
  industry: string | null;
  parentId: string | null;
  parentName: string | null;
  branchCount: number;
}

export interface CustomerPage {
  total: number;
  offset: number;
  rows: CustomerRow[];
}

export interface Customer {
  id: string;
  name: string;
  shortName: string | null;
  areaCode: string;
  unitId: number;
  industry: string | null;
  creditCode: string | null;
  address: string | null;
  parentId: string | null;
  pinyinInitials: string;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerDetail extends Customer {
  unit: string;
  areaName: string | null;
  idParts: { areaCode: string; areaName: string | null; sequence: string; branch: string };
  parent: CustomerRef | null;
  branches: CustomerRef[];
}

/** `details` of a DUPLICATE_CUSTOMER error (R19). */
export interface DuplicateCustomerDetails {
  /** `creditCode`: the same legal entity, refused. `name`: same normalised name, may be confirmed. */
  reason: 'creditCode' | 'name';
  existing: CustomerRef;
  all?: CustomerRef[];
}

export interface DuplicateCheck {
  byCreditCode: CustomerRef | null;
  byName: CustomerRef[];
}
