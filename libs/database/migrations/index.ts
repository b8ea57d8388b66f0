import { Foundation1763700000000 } from './1763700000000-foundation';
import { Appeals1763700000001 } from './1763700000001-appeals';
import { Evidence1763700000002 } from './1763700000002-evidence';
import { NotificationDeliveries1763700000003 } from './1763700000003-notification-deliveries';
import { LedgerRefunds1763700000004 } from './1763700000004-ledger-refunds';
import { Waves1763700000005 } from './1763700000005-waves';
import { MillisecondCursorTimestamps1763700000006 } from './1763700000006-millisecond-cursor-timestamps';
import { Performance1763700000007 } from './1763700000007-performance';
import { LedgerBalanceUpsert1763700000008 } from './1763700000008-ledger-balance-upsert';
import { OutboxLanes1763700000009 } from './1763700000009-outbox-lanes';
import { AuditAppend1763700000010 } from './1763700000010-audit-append';
import { AppRole1763700000011 } from './1763700000011-app-role';
import { AuditCheckpoints1763700000012 } from './1763700000012-audit-checkpoints';
import { Operations1763700000013 } from './1763700000013-operations';
import { AccessLinks1763700000014 } from './1763700000014-access-links';
import { ReviewerTools1763700000015 } from './1763700000015-reviewer-tools';
import { DsaStatements1763700000017 } from './1763700000017-dsa-statements';
import { Detectors1763700000016 } from './1763700000016-detectors';

/** Applied in this order; a new migration is added at the end of this list. */
export const MIGRATIONS = [
  Foundation1763700000000,
  Appeals1763700000001,
  Evidence1763700000002,
  NotificationDeliveries1763700000003,
  LedgerRefunds1763700000004,
  Waves1763700000005,
  MillisecondCursorTimestamps1763700000006,
  Performance1763700000007,
  LedgerBalanceUpsert1763700000008,
  OutboxLanes1763700000009,
  AuditAppend1763700000010,
  AppRole1763700000011,
  AuditCheckpoints1763700000012,
  Operations1763700000013,
  AccessLinks1763700000014,
  DsaStatements1763700000017,
  ReviewerTools1763700000015,
  Detectors1763700000016,
];
