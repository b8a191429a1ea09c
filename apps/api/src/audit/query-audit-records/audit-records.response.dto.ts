import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_KINDS, ACCESS_OUTCOMES, type AuditPage, type AuditRecord } from '@app/audit';

export class AuditRecordView {
  @ApiProperty() hubId!: string;
  @ApiProperty({ type: 'integer', description: '1, 2, 3, ... per hub, no gaps' }) sequence!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ example: 'practitioner' }) role!: string;
  @ApiProperty({ type: 'string', nullable: true }) agency!: string | null;
  @ApiProperty({ enum: ACCESS_KINDS }) access!: string;
  @ApiProperty({ example: 'referral.read' }) action!: string;
  @ApiProperty({ example: 'referral' }) resourceType!: string;
  @ApiProperty({ type: 'string', nullable: true }) resourceId!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) purpose!: string | null;
  @ApiProperty({ enum: ACCESS_OUTCOMES }) outcome!: string;
  @ApiProperty({ type: 'string', nullable: true }) correlationId!: string | null;
  @ApiProperty({ description: '64 hex characters' }) previousHash!: string;
  @ApiProperty({ description: '64 hex characters' }) hash!: string;
}

export class AuditRecordsPage {
  @ApiProperty({ type: [AuditRecordView] }) records!: AuditRecordView[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'Pass as afterSequence for the next page; null on the last page.' })
  nextAfterSequence!: number | null;
}

const toView = (record: AuditRecord): AuditRecordView => ({ ...record, recordedAt: record.recordedAt.toISOString() });

export function toAuditRecordsPage(page: AuditPage): AuditRecordsPage {
  return { records: page.records.map(toView), nextAfterSequence: page.nextAfterSequence };
}
